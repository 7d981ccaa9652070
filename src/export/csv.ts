// Builds the export files' text (time-series CSV, summary JSON) and their names. Pure: no DOM, no store.
import { ADOPTION_COLUMNS, adoptionRow, type EdgeNames } from '../../sim/metrics/adoption-edges.ts';
import type { AdoptionEdges, WorldSummary } from '../../sim/model/api.ts';
import { type ScenarioJson, type SeriesRow, VIEW_SOURCES } from '../../sim/protocol.ts';

/** Quotes a CSV field when it holds a comma, quote or line break (RFC 4180). */
export function csvField(value: string | number): string {
  const text = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export interface SeriesNames {
  readonly seed: string;
  readonly trendNames: readonly string[];
  readonly platformNames: readonly string[];
  /** Preset the run started from (the `preset` column); null or absent: a custom scenario, empty cells. */
  readonly presetId?: string | null;
  /** The scenario that was run, as the JSON export's `scenario` (the `scenario` cell of the first row). */
  readonly scenario?: ScenarioJson | null;
}

/**
 * The scenario as one CSV-safe line of JSON: compact (JSON.stringify escapes line breaks inside strings) and with
 * U+2028/U+2029 escaped too, since some line splitters (Python's str.splitlines) break lines there.
 */
export function scenarioCell(scenario: ScenarioJson): string {
  return JSON.stringify(scenario)
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/**
 * One header line, then one row per recorded tick. Columns: seed, tick, day, hour_utc, online,
 * `adopters:<trend>` per trend, `members:<platform>` per platform, exposure_diversity, cross_culture_share,
 * homogenization, creator_reach_gini, then per platform the hour's views by where the feed took them from
 * (`views_follow:<platform>`, `views_recommended:<platform>`, `views_trending:<platform>`), then preset and scenario
 * (the scenario's JSON stays the last cell). A trend launched mid-run has 0 adopters in rows before it existed.
 *
 * The file describes its own run without leaving plain CSV: the seed and preset id are in every row (rows of
 * several runs can be concatenated), and the first data row's `scenario` cell holds the whole scenario as compact
 * JSON (RFC 4180 quoted; the same object as the JSON export's `scenario`, valid against worldScenarioSchema, so
 * it can be saved as a scenario file); the other rows leave it empty. With the seed that is everything needed to
 * rerun it (pandas: `json.loads(pd.read_csv(f).scenario[0])`). Chosen over `# key=value` header lines, which
 * spreadsheets, R's read.csv and pandas by default read as data rows (pandas skips them only with `comment='#'`,
 * which then also cuts every unquoted value from a '#' on, e.g. a seed "run#2"), and over a second file, which
 * gets separated from the first. The two new columns come last, so existing column positions are unchanged, and
 * each record stays on one physical line (the JSON has no raw line breaks), so line-based tools still see one
 * line per tick. Spreadsheets cap a cell at 32,767 characters: a world of dozens of regions and fandoms may
 * exceed that there; the JSON export is then the reference.
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
    ...names.platformNames.flatMap((p) => VIEW_SOURCES.map((source) => `views_${source}:${p}`)),
    'preset',
    'scenario',
  ];
  const preset = names.presetId ?? '';
  const scenario = names.scenario ? scenarioCell(names.scenario) : '';
  const lines = [header.map(csvField).join(',')];
  for (const [index, row] of rows.entries()) {
    const cells: (string | number)[] = [names.seed, row.tick, row.day, row.hourUtc, row.online];
    for (let t = 0; t < names.trendNames.length; t++) cells.push(row.adopters[t] ?? 0);
    for (let p = 0; p < names.platformNames.length; p++) cells.push(row.members[p] ?? 0);
    cells.push(row.exposureDiversity, row.crossCultureShare, row.homogenization, row.creatorReachGini);
    for (let p = 0; p < names.platformNames.length; p++)
      for (let source = 0; source < VIEW_SOURCES.length; source++)
        cells.push(row.viewsBySource[p]?.[source] ?? 0);
    cells.push(preset, index === 0 ? scenario : '');
    lines.push(cells.map(csvField).join(','));
  }
  return `${lines.join('\n')}\n`;
}

/**
 * The cascade export: every adoption as a tree edge, one row each, in the columns and order of the command line's
 * adoptions.csv (`run` is 0: the app runs one replicate), so the same scripts read both. Parents come before their
 * children; `tick` is the 0-based hour of the adoption; `root` and `generation` place it in its tree.
 */
export function adoptionsCsv(edges: AdoptionEdges, names: EdgeNames & { readonly seed: string }): string {
  const lines = [ADOPTION_COLUMNS.join(',')];
  for (let i = 0; i < edges.count; i++)
    lines.push(adoptionRow(edges, i, names, 0, names.seed).map(csvField).join(','));
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
