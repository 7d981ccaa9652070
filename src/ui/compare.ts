// The previous run as a reference in the charts: which run it was, what changed since, and its columns merged with the current ones. Pure: no DOM, no uPlot.
import type { ScenarioJson, SeriesRow } from '../../sim/protocol.ts';
import type { Columns } from './chart-data.ts';

/** What a run was: the preset it started from, the scenario as run and its seed. */
export interface RunIdentity {
  readonly presetId: string | null;
  readonly scenario: ScenarioJson | null;
  readonly seed: string;
}

/** Changed leaves listed by scenarioChanges at most (the rest are counted). */
export const CHANGES_LISTED = 3;

function leaves(value: unknown, path: string, out: Map<string, string>): void {
  if (value !== null && typeof value === 'object') {
    const entries = Array.isArray(value)
      ? value.map((v, i) => [String(i), v] as const)
      : Object.entries(value);
    for (const [key, child] of entries) leaves(child, path === '' ? key : `${path}.${key}`, out);
    if (entries.length === 0) out.set(path, Array.isArray(value) ? '[]' : '{}');
    return;
  }
  out.set(path, value === undefined ? '—' : JSON.stringify(value));
}

/**
 * What differs between two runs of one preset, as lines a class can read: "seed: a → b", then each changed scenario
 * value as "recommender.strategy: \"collaborative\" → \"chronological\"" (JSON paths; "—" for unset), at most
 * CHANGES_LISTED, then "and N more changes". Empty when the runs are the same (a reset).
 */
export function scenarioChanges(before: RunIdentity, after: RunIdentity): string[] {
  const lines: string[] = [];
  if (before.seed !== after.seed) lines.push(`seed: ${before.seed} → ${after.seed}`);
  const old = new Map<string, string>();
  const now = new Map<string, string>();
  // The seed inside a scenario is the preset's default; the run's seed is compared above.
  const { seed: _oldSeed, ...oldScenario } = before.scenario ?? {};
  const { seed: _newSeed, ...newScenario } = after.scenario ?? {};
  leaves(oldScenario, '', old);
  leaves(newScenario, '', now);
  const changed = [...new Set([...old.keys(), ...now.keys()])]
    .filter((path) => old.get(path) !== now.get(path))
    .sort();
  for (const path of changed.slice(0, CHANGES_LISTED))
    lines.push(`${path}: ${old.get(path) ?? '—'} → ${now.get(path) ?? '—'}`);
  const unlisted = changed.length - CHANGES_LISTED;
  if (unlisted > 0) lines.push(`and ${unlisted} more change${unlisted === 1 ? '' : 's'}`);
  return lines;
}

/** Whether `previous` is a run of the same story as `current`: the same preset (a custom scenario counts as one). */
export function comparable(previous: RunIdentity, current: RunIdentity): boolean {
  return previous.presetId === current.presetId;
}

/**
 * The current run's columns and the previous run's side by side on one x axis (the union of both runs' days):
 * current series first, then the previous ones, each null at days where its run has no point (the chart spans those
 * gaps). Both x columns must be increasing.
 */
export function mergeColumns(current: Columns, previous: Columns): Columns {
  const [xCurrent, ...currentSeries] = current;
  const [xPrevious, ...previousSeries] = previous;
  const x: number[] = [];
  const fromCurrent: number[] = [];
  const fromPrevious: number[] = [];
  let i = 0;
  let j = 0;
  while (i < xCurrent.length || j < xPrevious.length) {
    const a = i < xCurrent.length ? xCurrent[i]! : Number.POSITIVE_INFINITY;
    const b = j < xPrevious.length ? xPrevious[j]! : Number.POSITIVE_INFINITY;
    x.push(Math.min(a, b));
    fromCurrent.push(a <= b ? i++ : -1);
    fromPrevious.push(b <= a ? j++ : -1);
  }
  const pick = (series: readonly number[], rows: readonly number[]) =>
    rows.map((row) => (row < 0 ? (null as unknown as number) : series[row]!));
  return [
    x,
    ...currentSeries.map((series) => pick(series, fromCurrent)),
    ...previousSeries.map((series) => pick(series, fromPrevious)),
  ];
}

/** One figure of both runs at the same tick, for the note under the dashed curves. */
export interface SideBySide {
  readonly label: string;
  readonly current: number;
  readonly previous: number;
  /** Decimals to show; null for a count of agents. */
  readonly digits: number | null;
}

/**
 * The current run's latest row against the previous run's row of the same tick (its last row when it stopped
 * earlier, so the figures compare like with like only up to where it got): adopters per trend (by position: a preset
 * keeps its trends in order), exposure diversity and homogenization. Null when either run has no rows.
 */
export function sameTickFigures(
  current: readonly SeriesRow[],
  previous: readonly SeriesRow[],
  trendNames: readonly string[],
): { readonly tick: number; readonly previousTick: number; readonly figures: SideBySide[] } | null {
  const latest = current[current.length - 1];
  if (!latest || previous.length === 0) return null;
  // Rows are in tick order: the last previous row at or before the current tick.
  let matching = previous[0]!;
  for (const row of previous) if (row.tick <= latest.tick) matching = row;
  const figures: SideBySide[] = trendNames.map((name, t) => ({
    label: name,
    current: latest.adopters[t] ?? 0,
    previous: matching.adopters[t] ?? 0,
    digits: null,
  }));
  figures.push(
    {
      label: 'topic entropy (bits)',
      current: latest.exposureDiversity,
      previous: matching.exposureDiversity,
      digits: 2,
    },
    { label: 'homogenization', current: latest.homogenization, previous: matching.homogenization, digits: 3 },
  );
  return { tick: latest.tick, previousTick: matching.tick, figures };
}
