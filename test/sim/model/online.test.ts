// The diurnal online curve: sessions per day preserved on average, local hours by UTC offset, online counts that follow the local hour, and the block-shuffled session order.
import { describe, expect, it } from 'vitest';
import { deriveAlea } from '../../../sim/model/classic/fast-alea.ts';
import { DIURNAL, localHour, onlineChance, shuffleBlocks } from '../../../sim/model/online.ts';
import { createRng } from '../../../sim/rng.ts';
import { fixtureEngine, fixtureWorld, randomFollows, region } from './world-fixture.ts';

describe('the diurnal curve', () => {
  it('has mean 1 over the day, so activity stays sessions per day', () => {
    const mean = DIURNAL.reduce((s, v) => s + v, 0) / 24;
    expect(mean).toBeCloseTo(1, 12);
    let expected = 0;
    for (let h = 0; h < 24; h++) expected += onlineChance(4, DIURNAL[h]!, 1);
    expect(expected).toBeCloseTo(4, 12); // 4 sessions a day, none clipped at chance 1
  });

  it('converts UTC ticks to local hours', () => {
    expect(localHour(0, 9)).toBe(9);
    expect(localHour(3, -5)).toBe(22);
    expect(localHour(24 + 23, 1)).toBe(0);
  });

  it('puts more agents online in the local evening than at night, region by region', () => {
    const n = 4000;
    const rng = createRng('online', 'graph');
    const world = fixtureWorld({
      count: n,
      regions: [region('Seoul', 9), region('Lima', -5)],
      region: (a) => a % 2,
      ties: () => randomFollows(n, 2, () => rng.next()),
      activity: 4,
    });
    const engine = fixtureEngine(world, [], {}, [], 'online');
    const byRegionHour = [new Float64Array(24), new Float64Array(24)];
    for (let t = 0; t < 48; t++) {
      engine.step();
      for (let a = 0; a < n; a++) if (engine.agents.online[a]) byRegionHour[a % 2]![t % 24]!++;
    }
    // Seoul's 21:00 is 12 UTC and its 04:00 is 19 UTC; Lima's 21:00 is 02 UTC and its 04:00 is 09 UTC.
    // Expected online at 21:00 ≈ 2000 × 4 × 1.95/24 × 2 days ≈ 1300 against ≈ 80 at 04:00: far beyond Poisson noise.
    expect(byRegionHour[0]![12]!).toBeGreaterThan(5 * byRegionHour[0]![19]!);
    expect(byRegionHour[1]![2]!).toBeGreaterThan(5 * byRegionHour[1]![9]!);
  });
});

describe('the session order', () => {
  const alea = (seed: string) => deriveAlea(createRng(seed, 'dynamics'));

  it('keeps every online agent exactly once, in whole ascending blocks', () => {
    const count = 1000;
    const size = 64;
    const original = Int32Array.from({ length: count }, (_, i) => i * 3);
    const list = original.slice();
    shuffleBlocks(list, new Int32Array(count), count, size, alea('blocks'));
    expect([...list].sort((a, b) => a - b)).toEqual([...original]);
    // Read the result block by block: each must be one original block, whole and in its order.
    const blocksSeen = new Set<number>();
    for (let i = 0; i < count; ) {
      const block = original.indexOf(list[i]!) / size;
      expect(Number.isInteger(block)).toBe(true);
      const expected = original.subarray(block * size, Math.min((block + 1) * size, count));
      expect([...list.subarray(i, i + expected.length)]).toEqual([...expected]);
      blocksSeen.add(block);
      i += expected.length;
    }
    expect(blocksSeen.size).toBe(Math.ceil(count / size));
    expect([...list]).not.toEqual([...original]); // 16 blocks left in place by chance: 1 in 16!
  });

  it('leaves a list of one block as it is', () => {
    const list = Int32Array.of(5, 9, 11);
    shuffleBlocks(list, new Int32Array(3), 3, 64, alea('one'));
    expect([...list]).toEqual([5, 9, 11]);
  });

  it('puts each block first equally often (χ² over 4,000 shuffles of 8 blocks)', () => {
    const blocks = 8;
    const size = 4;
    const count = blocks * size;
    const rng = alea('uniform');
    const first = new Array<number>(blocks).fill(0);
    const scratch = new Int32Array(count);
    const shuffles = 4000;
    for (let s = 0; s < shuffles; s++) {
      const list = Int32Array.from({ length: count }, (_, i) => i);
      shuffleBlocks(list, scratch, count, size, rng);
      first[list[0]! / size]!++;
    }
    const expected = shuffles / blocks;
    const chiSquare = first.reduce((sum, seen) => sum + (seen - expected) ** 2 / expected, 0);
    // 7 degrees of freedom: P(χ² > 24.3) = 0.001, so a fair shuffle fails this one time in a thousand seeds.
    expect(chiSquare).toBeLessThan(24.3);
  });
});
