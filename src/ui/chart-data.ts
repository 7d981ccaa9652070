// Pure shaping of series rows and summaries into chart columns (uPlot's aligned arrays) and bar segments. No DOM, no uPlot.
import type { TrendSummary } from '../../sim/model/api.ts';
import type { SeriesRow } from '../../sim/protocol.ts';

/** uPlot's aligned data: x values first, then one array per series, all of the same length. */
export type Columns = [number[], ...number[][]];

/** Most points a chart draws; longer runs are thinned evenly, always keeping the newest row. */
export const MAX_POINTS = 1_200;

/** Row indices to plot: all when few, else an even stride over the run that ends on the last row. */
export function thinIndices(length: number, maxPoints: number = MAX_POINTS): number[] {
  if (length <= maxPoints) return Array.from({ length }, (_, i) => i);
  const out: number[] = [];
  const stride = (length - 1) / (maxPoints - 1);
  for (let k = 0; k < maxPoints; k++) out.push(Math.round(k * stride));
  return out;
}

/**
 * Columns with x = simulated days (tick / 24) and one series per index of `pick(row)`; `seriesCount` fixes the
 * number of series (missing values, e.g. a trend launched later, become null so uPlot leaves a gap).
 */
export function seriesColumns(
  rows: readonly SeriesRow[],
  seriesCount: number,
  pick: (row: SeriesRow, rowIndex: number) => readonly number[],
  maxPoints: number = MAX_POINTS,
): Columns {
  const indices = thinIndices(rows.length, maxPoints);
  const x = indices.map((i) => rows[i]!.tick / 24);
  const ys: number[][] = Array.from({ length: seriesCount }, () => new Array<number>(indices.length));
  indices.forEach((rowIndex, k) => {
    const values = pick(rows[rowIndex]!, rowIndex);
    for (let s = 0; s < seriesCount; s++) ys[s]![k] = values[s] ?? (null as unknown as number);
  });
  return [x, ...ys];
}

/** Adopters per trend over time. */
export function adoptionColumns(rows: readonly SeriesRow[], trendCount: number): Columns {
  return seriesColumns(rows, trendCount, (r) => r.adopters);
}

/** Platform membership as a share of all agents, per platform over time. */
export function membershipColumns(
  rows: readonly SeriesRow[],
  platformCount: number,
  agentCount: number,
): Columns {
  const n = Math.max(1, agentCount);
  return seriesColumns(rows, platformCount, (r) => r.members.map((m) => m / n));
}

/** Exposure diversity (bits), share of views from other regions, and homogenization, over time. */
export function diversityColumns(rows: readonly SeriesRow[]): Columns {
  return seriesColumns(rows, 3, (r) => [r.exposureDiversity, r.crossCultureShare, r.homogenization]);
}

/** Hours the feed-source chart sums over: a day, so the diurnal swing of views does not read as a change of mix. */
export const SOURCE_WINDOW_HOURS = 24;

/**
 * Per platform over time, the share of its views that the recommender chose (SOURCE recommended), over the
 * SOURCE_WINDOW_HOURS hours up to each row (by tick, so a gap in the rows shortens the window, not shifts it); null
 * where the platform had no views in the window (banned, or nobody on it yet).
 */
export function recommendedShareColumns(rows: readonly SeriesRow[], platformCount: number): Columns {
  // A sliding window over the rows (ticks increase): add each row as it enters, take a row away as it leaves.
  const recommended = new Array<number>(platformCount).fill(0);
  const views = new Array<number>(platformCount).fill(0);
  const add = (row: SeriesRow, sign: number) => {
    for (let p = 0; p < platformCount; p++) {
      const [follow = 0, fromRecommender = 0, trending = 0] = row.viewsBySource[p] ?? [];
      recommended[p]! += sign * fromRecommender;
      views[p]! += sign * (follow + fromRecommender + trending);
    }
  };
  let start = 0;
  // Only the plotted rows need a share, but the thinning is seriesColumns' business: a share per row is cheap.
  const shares = rows.map((row) => {
    add(row, 1);
    while (rows[start]!.tick <= row.tick - SOURCE_WINDOW_HOURS) add(rows[start++]!, -1);
    return views.map((n, p) => (n > 0 ? recommended[p]! / n : (null as unknown as number)));
  });
  return seriesColumns(rows, platformCount, (_, rowIndex) => shares[rowIndex]!);
}

/** One coloured segment of a platform's adoption bar. */
export interface BarSegment {
  readonly trend: number;
  readonly count: number;
  /** Width as a share of the longest bar (0..1). */
  readonly share: number;
}

/** Adopters per platform, split by trend: one bar per platform, scaled so the longest bar is 1. */
export function platformBars(
  trends: readonly Pick<TrendSummary, 'adoptersByPlatform'>[],
  platformCount: number,
): BarSegment[][] {
  const bars: BarSegment[][] = [];
  let longest = 0;
  for (let p = 0; p < platformCount; p++) {
    let total = 0;
    for (const t of trends) total += t.adoptersByPlatform[p] ?? 0;
    longest = Math.max(longest, total);
  }
  for (let p = 0; p < platformCount; p++) {
    bars.push(
      trends
        .map((t, trend) => {
          const count = t.adoptersByPlatform[p] ?? 0;
          return { trend, count, share: longest > 0 ? count / longest : 0 };
        })
        .filter((s) => s.count > 0),
    );
  }
  return bars;
}
