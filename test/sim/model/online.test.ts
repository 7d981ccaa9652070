// The diurnal online curve: sessions per day preserved on average, local hours by UTC offset, and online counts that follow the local hour.
import { describe, expect, it } from 'vitest';
import { DIURNAL, localHour, onlineChance } from '../../../sim/model/online.ts';
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
