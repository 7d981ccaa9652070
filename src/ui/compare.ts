// The previous run as a reference in the charts: which run it was, what changed since, and its columns merged with the current ones. Pure: no DOM, no uPlot.
import { isPlainObject } from '../../sim/host/merge-patch.ts';
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

/** The last line of scenarioChanges when it left some out ("and 4 more changes"). */
export const MORE_CHANGES = /^and \d+ more changes?$/;

/** A list entry in a few words: its type or name and its tick when it has them ("idol-live at tick 35"), else its JSON. */
function describeEntry(value: unknown): string {
  if (isPlainObject(value)) {
    const what =
      typeof value.type === 'string' ? value.type : typeof value.name === 'string' ? value.name : '';
    if (what !== '') return typeof value.tick === 'number' ? `${what} at tick ${value.tick}` : what;
  }
  const json = JSON.stringify(value) ?? '—';
  return json.length > 60 ? `${json.slice(0, 57)}…` : json;
}

/**
 * Appends one "path: what changed" per difference between `before` and `after`: objects are compared key by key (an
 * unset value reads "—"), lists entry by entry — a list entry only one side has is one line, "added …" or "removed …"
 * (a missing list counts as an empty one) — and anything else by its JSON.
 */
function differences(before: unknown, after: unknown, path: string, out: Map<string, string>): void {
  const join = (key: string) => (path === '' ? key : `${path}.${key}`);
  if (Array.isArray(before) || Array.isArray(after)) {
    const old = Array.isArray(before) ? before : before === undefined ? [] : null;
    const now = Array.isArray(after) ? after : after === undefined ? [] : null;
    if (old && now) {
      for (let i = 0; i < Math.max(old.length, now.length); i++) {
        if (i >= now.length) out.set(join(String(i)), `removed ${describeEntry(old[i])}`);
        else if (i >= old.length) out.set(join(String(i)), `added ${describeEntry(now[i])}`);
        else differences(old[i], now[i], join(String(i)), out);
      }
      return;
    }
  } else if (
    (isPlainObject(before) || before === undefined) &&
    (isPlainObject(after) || after === undefined)
  ) {
    if (before === undefined && after === undefined) return;
    const old = before ?? {};
    const now = after ?? {};
    for (const key of new Set([...Object.keys(old), ...Object.keys(now)]))
      differences(old[key], now[key], join(key), out);
    return;
  }
  const was = before === undefined ? '—' : JSON.stringify(before);
  const is = after === undefined ? '—' : JSON.stringify(after);
  if (was !== is) out.set(path, `${was} → ${is}`);
}

/**
 * What differs between two runs of one preset, as lines a class can read: "seed: a → b", then each changed scenario
 * value as "recommender.strategy: \"collaborative\" → \"chronological\"" (JSON paths; "—" for unset; a list entry
 * only one run has as "events.0: removed idol-live at tick 35"), at most CHANGES_LISTED, then "and N more changes".
 * Empty when the runs are the same (a reset).
 */
export function scenarioChanges(before: RunIdentity, after: RunIdentity): string[] {
  const lines: string[] = [];
  if (before.seed !== after.seed) lines.push(`seed: ${before.seed} → ${after.seed}`);
  // The seed inside a scenario is the preset's default; the run's seed is compared above.
  const { seed: _oldSeed, ...oldScenario } = before.scenario ?? {};
  const { seed: _newSeed, ...newScenario } = after.scenario ?? {};
  const changed = new Map<string, string>();
  differences(oldScenario, newScenario, '', changed);
  const paths = [...changed.keys()].sort();
  for (const path of paths.slice(0, CHANGES_LISTED)) lines.push(`${path}: ${changed.get(path)}`);
  const unlisted = paths.length - CHANGES_LISTED;
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
