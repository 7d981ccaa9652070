// Builds the export files' text (time-series CSV, summary JSON) and their names. Pure: no DOM, no store.
import type { WorldSummary } from '../../sim/model/api.ts';
import type { ScenarioJson, SeriesRow } from '../../sim/protocol.ts';

/** Quotes a CSV field when it holds a comma, quote or line break (RFC 4180). */
export function csvField(value: string | number): string {
  const text = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export interface SeriesNames {
  readonly seed: string;
  readonly trendNames: readonly string[];
  readonly platformNames: readonly string[];
}

/**
 * One header line, then one row per recorded tick. Columns: seed, tick, day, hour_utc, online,
 * `adopters:<trend>` per trend, `members:<platform>` per platform, exposure_diversity, cross_culture_share,
 * homogenization, creator_reach_gini. A trend launched mid-run has 0 adopters in rows before it existed.
 */
export function seriesCsv(rows: readonly SeriesRow[], names: SeriesNames): string {
  const header = [
    'seed',
    'tick',
    'day',
    'hour_utc',
    'online',
    ...names.trendNames.map((t) => `adopters:${t}`),
    ...names.platformNames.map((p) => `members:${p}`),
    'exposure_diversity',
    'cross_culture_share',
    'homogenization',
    'creator_reach_gini',
  ];
  const lines = [header.map(csvField).join(',')];
  for (const row of rows) {
    const cells: (string | number)[] = [names.seed, row.tick, row.day, row.hourUtc, row.online];
    for (let t = 0; t < names.trendNames.length; t++) cells.push(row.adopters[t] ?? 0);
    for (let p = 0; p < names.platformNames.length; p++) cells.push(row.members[p] ?? 0);
    cells.push(row.exposureDiversity, row.crossCultureShare, row.homogenization, row.creatorReachGini);
    lines.push(cells.map(csvField).join(','));
  }
  return `${lines.join('\n')}\n`;
}

/** The summary export: what was run (preset, scenario, seed) and where it got to. */
export function summaryJson(run: {
  presetId: string | null;
  scenario: ScenarioJson | null;
  seed: string;
  summary: WorldSummary | null;
}): string {
  return `${JSON.stringify({ app: 'hallyu-lab', seed: run.seed, presetId: run.presetId, tick: run.summary?.tick ?? 0, scenario: run.scenario, summary: run.summary }, null, 2)}\n`;
}

/** `hallyu-lab_<preset>_seed-<seed>_tick-<tick>.<ext>`, with anything unsafe in a file name replaced by '-'. */
export function exportFileName(
  presetId: string | null,
  seed: string,
  tick: number,
  kind: string,
  extension: string,
): string {
  const safe = (text: string) => text.replace(/[^A-Za-z0-9._-]+/g, '-').slice(0, 64) || 'x';
  return `hallyu-lab_${safe(presetId ?? 'custom')}_seed-${safe(seed)}_tick-${tick}_${kind}.${extension}`;
}
