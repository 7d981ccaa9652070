// Pure summaries of a batch of replicates: each trend's spread of final adopters across runs, chart columns (every run and the median), and the CSV. No DOM, no uPlot.
import type { ReplicateMessage } from '../../sim/protocol.ts';
import { csvField } from '../export/csv.ts';
import { type Columns, thinIndices } from './chart-data.ts';

/** How one trend ended across the runs. */
export interface TrendSpread {
  readonly name: string;
  readonly color: string;
  /** Final adopters of each run, in run order. */
  readonly finals: readonly number[];
  readonly median: number;
  readonly mean: number;
  readonly min: number;
  readonly max: number;
  /** Coefficient of variation: sample standard deviation / mean (NaN when the mean is 0 or there is one run). */
  readonly cv: number;
  /** Runs in which this trend ended with the most adopters (a tie counts for every tied trend). */
  readonly biggestIn: number;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** One entry per trend of the first run (every run of one scenario has the same trends). */
export function trendSpreads(runs: readonly ReplicateMessage[]): TrendSpread[] {
  const first = runs[0];
  if (!first) return [];
  const finals = first.trendNames.map((_, t) => runs.map((run) => run.adopters[t]?.at(-1) ?? 0));
  const biggest = first.trendNames.map(() => 0);
  runs.forEach((_, r) => {
    const top = Math.max(...finals.map((f) => f[r]!));
    finals.forEach((f, t) => {
      if (f[r] === top) biggest[t]!++;
    });
  });
  return first.trendNames.map((name, t) => {
    const values = finals[t]!;
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    const variance =
      values.length > 1 ? values.reduce((a, b) => a + (b - mean) ** 2, 0) / (values.length - 1) : Number.NaN;
    return {
      name,
      color: first.trendColors[t] ?? '#888888',
      finals: values,
      median: median(values),
      mean,
      min: Math.min(...values),
      max: Math.max(...values),
      cv: mean > 0 ? Math.sqrt(variance) / mean : Number.NaN,
      biggestIn: biggest[t]!,
    };
  });
}

/**
 * Chart columns for trend `t`: x in simulated days, then one series per run, then the median across runs at each
 * tick (thinned evenly like the live charts).
 */
export function replicateColumns(runs: readonly ReplicateMessage[], t: number, maxPoints?: number): Columns {
  const length = runs[0]?.adopters[t]?.length ?? 0;
  const indices = thinIndices(length, maxPoints);
  const curves = runs.map((run) => indices.map((i) => run.adopters[t]?.[i] ?? 0));
  const middle = indices.map((_, k) => median(curves.map((curve) => curve[k]!)));
  return [indices.map((i) => i / 24), ...curves, middle];
}

/** `run,seed,tick,adopters:<trend>…`: one row per run and tick (tick 0 = before the first), runs in order. */
export function replicatesCsv(runs: readonly ReplicateMessage[]): string {
  const names = runs[0]?.trendNames ?? [];
  const lines = [['run', 'seed', 'tick', ...names.map((n) => `adopters:${n}`)].map(csvField).join(',')];
  for (const run of runs) {
    const ticks = run.adopters[0]?.length ?? 0;
    for (let tick = 0; tick < ticks; tick++)
      lines.push(
        [run.run, run.seed, tick, ...names.map((_, t) => run.adopters[t]?.[tick] ?? 0)]
          .map(csvField)
          .join(','),
      );
  }
  return `${lines.join('\n')}\n`;
}
