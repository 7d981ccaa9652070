// Exact small cases of the social world's global measures: Gini, Jaccard, R_t.
import { describe, expect, it } from 'vitest';
import { gini, jaccardSorted, reproductionNumber } from '../../../sim/metrics/world-measures.ts';
import type { TrendState } from '../../../sim/model/state.ts';

describe('gini', () => {
  it('is 0 when everyone has the same reach', () => {
    expect(gini([5, 5, 5, 5])).toBe(0);
  });

  it('is (n − 1)/n when one holds everything', () => {
    // Sorted [0,0,0,10]: 2·Σ i·x_i/(n·Σx) − (n+1)/n = 2·40/40 − 5/4 = 0.75 = (4 − 1)/4.
    expect(gini([0, 10, 0, 0])).toBeCloseTo(0.75, 12);
  });

  it('matches the mean-absolute-difference definition on a small case', () => {
    const values = [1, 2, 3, 10];
    let sumDiff = 0;
    for (const a of values) for (const b of values) sumDiff += Math.abs(a - b);
    const mean = values.reduce((s, v) => s + v, 0) / values.length;
    expect(gini(values)).toBeCloseTo(sumDiff / (2 * values.length ** 2 * mean), 12);
  });
});

describe('jaccardSorted', () => {
  it('counts the intersection over the union', () => {
    expect(jaccardSorted(Float64Array.of(1, 2, 3, 4), Float64Array.of(3, 4, 5))).toBeCloseTo(2 / 5, 12);
    expect(jaccardSorted(Float64Array.of(1), Float64Array.of(2))).toBe(0);
    expect(jaccardSorted(Float64Array.of(7, 9), Float64Array.of(7, 9))).toBe(1);
  });
});

describe('reproductionNumber', () => {
  it('divides the children of the window [t − 48, t − 24) by its adopters', () => {
    const adoptionsByTick = new Array(60).fill(0);
    const childrenByTick = new Array(60).fill(0);
    adoptionsByTick[10] = 4;
    childrenByTick[10] = 6;
    adoptionsByTick[40] = 100; // outside the window at tick 50 (too recent)
    const ts = { adoptionsByTick, childrenByTick } as unknown as TrendState;
    expect(reproductionNumber(ts, 50)).toBeCloseTo(6 / 4, 12);
    expect(reproductionNumber(ts, 80)).toBe(0); // window [32, 56): 100 adopters, no children yet
    expect(reproductionNumber(ts, 120)).toBeNaN(); // window [72, 96): nobody adopted
  });
});
