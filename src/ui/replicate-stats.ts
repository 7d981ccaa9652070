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

/**
 * `settings,run,seed,tick,adopters:<trend>…`: one row per run and tick (tick 0 = before the first), the current
 * settings' runs first (`settings` = current), then the previous settings' (previous), each in run order.
 */
export function replicatesCsv(
  runs: readonly ReplicateMessage[],
  previousRuns: readonly ReplicateMessage[] = [],
): string {
  const names = runs[0]?.trendNames ?? [];
  const lines = [
    ['settings', 'run', 'seed', 'tick', ...names.map((n) => `adopters:${n}`)].map(csvField).join(','),
  ];
  const write = (settings: string, batch: readonly ReplicateMessage[]) => {
    for (const run of batch) {
      const ticks = run.adopters[0]?.length ?? 0;
      // Trends matched by name: the previous settings may order them differently or lack one (an empty cell).
      const columns = names.map((name) => run.adopters[run.trendNames.indexOf(name)]);
      for (let tick = 0; tick < ticks; tick++)
        lines.push(
          [settings, run.run, run.seed, tick, ...columns.map((curve) => curve?.[tick] ?? '')]
            .map(csvField)
            .join(','),
        );
    }
  };
  write('current', runs);
  write('previous', previousRuns);
  return `${lines.join('\n')}\n`;
}

/** A paired comparison of two settings run with the same seeds: how often each ended higher, and the sign test. */
export interface PairedComparison {
  readonly higher: number;
  readonly lower: number;
  readonly ties: number;
  /** Exact two-sided sign test: the chance of a split at least this uneven if neither setting were better. */
  readonly p: number;
}

/** Compares `current[i]` with `previous[i]` (the same seed) over the pairs both have; ties are left out of the test. */
export function pairedComparison(current: readonly number[], previous: readonly number[]): PairedComparison {
  let higher = 0;
  let lower = 0;
  let ties = 0;
  for (let i = 0; i < Math.min(current.length, previous.length); i++) {
    if (current[i]! > previous[i]!) higher++;
    else if (current[i]! < previous[i]!) lower++;
    else ties++;
  }
  const n = higher + lower;
  const k = Math.min(higher, lower);
  // P(X ≤ k) for X ~ Binomial(n, 1/2) from the binomial coefficients C(n, i), exact in doubles for n ≤ 50.
  let tail = 0;
  let coefficient = 1;
  for (let i = 0; i <= k; i++) {
    tail += coefficient;
    coefficient = (coefficient * (n - i)) / (i + 1);
  }
  const p = n === 0 ? 1 : Math.min(1, (2 * tail) / 2 ** n);
  return { higher, lower, ties, p };
}
