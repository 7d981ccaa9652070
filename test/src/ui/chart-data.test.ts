// Tests for chart data shaping: thinning keeps ends and order, columns align, bars scale to the longest platform.
import { describe, expect, it } from 'vitest';
import type { SeriesRow } from '../../../sim/protocol.ts';
import { adoptionColumns, membershipColumns, platformBars, thinIndices } from '../../../src/ui/chart-data.ts';
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

  it('scales platform bars so the platform with most adopters spans the full width', () => {
    const bars = platformBars([{ adoptersByPlatform: [10, 0, 5] }, { adoptersByPlatform: [10, 4, 0] }], 3);
    expect(bars[0]!.map((s) => s.share)).toEqual([0.5, 0.5]);
    expect(bars[1]).toEqual([{ trend: 1, count: 4, share: 0.2 }]);
    expect(bars[2]).toEqual([{ trend: 0, count: 5, share: 0.25 }]);
  });
});
