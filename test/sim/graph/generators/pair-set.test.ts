// Tests for the pair hash set used by rewiring: unordered pairs, deletion, agreement with a Set. Touches only sim/graph.
import { describe, expect, it } from 'vitest';
import { PairSet } from '../../../../sim/graph/generators/pair-set.ts';
import { createRng } from '../../../../sim/rng.ts';

describe('PairSet', () => {
  it('treats {u, v} and {v, u} as one pair and forgets deleted pairs', () => {
    const set = new PairSet(4);
    set.add(3, 7);
    expect(set.has(7, 3)).toBe(true);
    expect(set.has(3, 8)).toBe(false);
    set.delete(7, 3);
    expect(set.has(3, 7)).toBe(false);
    set.add(3, 7);
    expect(set.has(3, 7)).toBe(true);
  });

  it('agrees with a JavaScript Set over random adds and deletes', () => {
    const rng = createRng('pairs', 'graph');
    const set = new PairSet(20_000);
    const reference = new Set<string>();
    const key = (u: number, v: number) => `${Math.min(u, v)},${Math.max(u, v)}`;
    let disagreements = 0;
    for (let i = 0; i < 20_000; i++) {
      const u = rng.int(300);
      const v = rng.int(300);
      if (rng.next() < 0.3) {
        set.delete(u, v);
        reference.delete(key(u, v));
      } else {
        set.add(u, v);
        reference.add(key(u, v));
      }
      const a = rng.int(300);
      const b = rng.int(300);
      if (set.has(a, b) !== reference.has(key(a, b))) disagreements++;
    }
    expect(disagreements).toBe(0);
  });
});
