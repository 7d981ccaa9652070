// Tests for chart data shaping: thinning keeps ends and order, columns align, bars scale to the longest platform.
import { describe, expect, it } from 'vitest';
import type { SeriesRow } from '../../../sim/protocol.ts';
import {
  adoptionColumns,
  membershipColumns,
  platformBars,
  recommendedShareColumns,
  thinIndices,
} from '../../../src/ui/chart-data.ts';
import { seriesRow } from './series-row.ts';

function row(tick: number, adopters: number[], members: number[] = [0, 0]): SeriesRow {
  return seriesRow(tick, { adopters, members });
}

describe('chart data', () => {
  it('thins long runs to the point budget, keeping the first and last row in increasing order', () => {
    const idx = thinIndices(10_001, 100);
    expect(idx).toHaveLength(100);
    expect(idx[0]).toBe(0);
    expect(idx[99]).toBe(10_000);
    for (let i = 1; i < idx.length; i++) expect(idx[i]!).toBeGreaterThan(idx[i - 1]!);
    expect(thinIndices(5, 100)).toEqual([0, 1, 2, 3, 4]);
  });

  it('aligns adoption columns on days and leaves a gap for a trend launched later', () => {
    const cols = adoptionColumns([row(0, [1]), row(12, [3, 1]), row(24, [7, 2])], 2);
    expect(cols[0]).toEqual([0, 0.5, 1]);
    expect(cols[1]).toEqual([1, 3, 7]);
    expect(cols[2]).toEqual([null, 1, 2]);
  });

  it('gives platform membership as a share of all agents', () => {
    const cols = membershipColumns([row(0, [], [50, 25])], 2, 100);
    expect(cols[1]).toEqual([0.5]);
    expect(cols[2]).toEqual([0.25]);
  });

  it('gives the share of a platform’s views the recommender chose over the last day, none where it had no views', () => {
    // Platform 0: 1 follow and 3 recommended views an hour for a day, then 4 follow views an hour; platform 1: none.
    const rows = Array.from({ length: 26 }, (_, tick) =>
      seriesRow(tick, {
        viewsBySource: [tick < 24 ? [1, 3, 0] : [4, 0, 0], [0, 0, 0]],
      }),
    );
    const [days, shares, empty] = recommendedShareColumns(rows, 2);
    expect(days).toHaveLength(26);
    expect(shares![0]).toBe(0.75);
    expect(shares![23]).toBe(72 / 96);
    expect(shares![24]).toBe(69 / 96); // hours 1–24: 23 × 3 recommended of 23 × 4 + 4 views
    expect(shares![25]).toBe(66 / 96); // hours 2–25
    expect(empty!.every((share) => share === null)).toBe(true);
    // Rows 30 hours apart: the later one's day holds only itself.
    const [, gap] = recommendedShareColumns(
      [seriesRow(0, { viewsBySource: [[0, 5, 0]] }), seriesRow(30, { viewsBySource: [[3, 1, 0]] })],
      1,
    );
    expect(gap).toEqual([1, 0.25]);
  });

  it('scales platform bars so the platform with most adopters spans the full width', () => {
    const bars = platformBars([{ adoptersByPlatform: [10, 0, 5] }, { adoptersByPlatform: [10, 4, 0] }], 3);
    expect(bars[0]!.map((s) => s.share)).toEqual([0.5, 0.5]);
    expect(bars[1]).toEqual([{ trend: 1, count: 4, share: 0.2 }]);
    expect(bars[2]).toEqual([{ trend: 0, count: 5, share: 0.25 }]);
  });
});
