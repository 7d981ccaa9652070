// Tests of the array-held alea generator: its draws equal seedrandom's alea, and the integer and chance helpers consume one draw each.
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { aleaBelow, aleaChance, aleaNext, deriveAlea } from '../../../../sim/model/classic/fast-alea.ts';
import { createRng } from '../../../../sim/rng.ts';

describe('the array-held alea generator', () => {
  it('continues exactly as seedrandom alea started from the same state', () => {
    const reference = seedrandom.alea('fast-alea', { state: true });
    // seedrandom's alea state is { c, s0, s1, s2 }; ours is [s0, s1, s2, c].
    const { c, s0, s1, s2 } = reference.state() as { c: number; s0: number; s1: number; s2: number };
    const state = Float64Array.of(s0, s1, s2, c);
    for (let i = 0; i < 1000; i++) expect(aleaNext(state)).toBe(reference());
  });

  it('gives ⌊draw × n⌋ from aleaBelow and draw < chance from aleaChance, one draw each', () => {
    const parent = createRng('fast-alea', 'helpers');
    const a = deriveAlea(parent);
    const b = Float64Array.from(a);
    for (let i = 0; i < 500; i++) {
      const n = 1 + (i % 37);
      expect(aleaBelow(a, n)).toBe(Math.floor(aleaNext(b) * n));
      const chance = (i % 11) / 10;
      expect(aleaChance(a, chance)).toBe(aleaNext(b) < chance);
    }
    expect(Array.from(a)).toEqual(Array.from(b));
  });

  it('keeps aleaBelow inside 0 … n − 1 and hits every value', () => {
    const state = deriveAlea(createRng('fast-alea', 'range'));
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i++) {
      const k = aleaBelow(state, 7);
      expect(k).toBeGreaterThanOrEqual(0);
      expect(k).toBeLessThan(7);
      seen.add(k);
    }
    expect(seen.size).toBe(7);
  });
});
