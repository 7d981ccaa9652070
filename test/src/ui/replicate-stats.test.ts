// Tests the replicate summaries on small exact cases: medians, spreads with ties, the coefficient of variation, chart columns and the CSV.
import { describe, expect, it } from 'vitest';
import type { ReplicateMessage } from '../../../sim/protocol.ts';
import {
  median,
  pairedComparison,
  replicateColumns,
  replicatesCsv,
  trendSpreads,
} from '../../../src/ui/replicate-stats.ts';

/** A run with curves per trend (ticks 0..n). */
function run(index: number, ...adopters: number[][]): ReplicateMessage {
  return {
    v: 1,
    type: 'replicate',
    run: index,
    seed: index === 0 ? 'luck' : `luck-${index}`,
    agentCount: 100,
    trendNames: ['Dance', 'Meme, "the"'],
    trendColors: ['#ff0000', '#00ff00'],
    adopters,
  };
}

const runs = [run(0, [0, 2, 4], [0, 1, 6]), run(1, [0, 3, 8], [0, 1, 2]), run(2, [0, 1, 6], [0, 5, 6])];

describe('replicate summaries', () => {
  it('takes the middle value, or the mean of the middle two', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });

  it('spreads each trend’s final adopters across runs, counting a tie as biggest for both', () => {
    const [dance, meme] = trendSpreads(runs);
    expect(dance).toMatchObject({
      name: 'Dance',
      finals: [4, 8, 6],
      median: 6,
      mean: 6,
      min: 4,
      max: 8,
      biggestIn: 2,
    });
    // Sample standard deviation of 4, 8, 6 is 2: CV = 2 / 6.
    expect(dance!.cv).toBeCloseTo(1 / 3, 12);
    expect(meme).toMatchObject({ finals: [6, 2, 6], median: 6, min: 2, max: 6, biggestIn: 2 });
    expect(trendSpreads([])).toEqual([]);
    expect(trendSpreads([run(0, [0, 0])])[0]!.cv).toBeNaN();
  });

  it('charts every run and the median at each tick, in days', () => {
    expect(replicateColumns(runs, 0)).toEqual([
      [0, 1 / 24, 2 / 24],
      [0, 2, 4],
      [0, 3, 8],
      [0, 1, 6],
      [0, 2, 6],
    ]);
    const long = [
      run(
        0,
        Array.from({ length: 101 }, (_, i) => i),
      ),
    ];
    const thinned = replicateColumns(long, 0, 11);
    expect(thinned[0]).toHaveLength(11);
    expect(thinned[1]!.at(-1)).toBe(100);
  });

  it('writes one CSV row per run and tick, the previous settings after, matching trends by name', () => {
    const previous = [{ ...run(0, [0, 9, 9], [0, 7, 7]), trendNames: ['Meme, "the"', 'Dance'] }];
    const lines = replicatesCsv(runs.slice(0, 2), previous).trimEnd().split('\n');
    expect(lines[0]).toBe('settings,run,seed,tick,adopters:Dance,"adopters:Meme, ""the"""');
    expect(lines.slice(1)).toEqual([
      'current,0,luck,0,0,0',
      'current,0,luck,1,2,1',
      'current,0,luck,2,4,6',
      'current,1,luck-1,0,0,0',
      'current,1,luck-1,1,3,1',
      'current,1,luck-1,2,8,2',
      'previous,0,luck,0,0,0',
      'previous,0,luck,1,7,9',
      'previous,0,luck,2,7,9',
    ]);
  });
});

describe('paired comparison of two settings with the same seeds', () => {
  it('counts higher, lower and tied pairs and gives the exact two-sided sign test', () => {
    // Binomial(n, 1/2) tails by hand: 10–0 → 2 × 1/1024; 8–2 → 2 × (1 + 10 + 45)/1024; 0–6 → 2/64.
    expect(pairedComparison([5, 5, 5, 5, 5, 5, 5, 5, 5, 5], [1, 1, 1, 1, 1, 1, 1, 1, 1, 1])).toEqual({
      higher: 10,
      lower: 0,
      ties: 0,
      p: 2 / 1024,
    });
    expect(pairedComparison([2, 2, 2, 2, 2, 2, 2, 2, 0, 0], [1, 1, 1, 1, 1, 1, 1, 1, 1, 1]).p).toBe(
      112 / 1024,
    );
    expect(pairedComparison([0, 0, 0, 0, 0, 0, 3], [1, 1, 1, 1, 1, 1, 3])).toEqual({
      higher: 0,
      lower: 6,
      ties: 1,
      p: 2 / 64,
    });
  });

  it('gives p = 1 for an even split or when every pair ties, never more', () => {
    expect(pairedComparison([2, 0, 2, 0], [1, 1, 1, 1]).p).toBe(1);
    expect(pairedComparison([3, 3], [3, 3])).toEqual({ higher: 0, lower: 0, ties: 2, p: 1 });
    expect(pairedComparison([2, 0, 2], [1, 1, 1]).p).toBe(1);
  });
});
