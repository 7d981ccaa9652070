// The wave around the time zones: a trend seeded in one region reaches the others in the order they wake up.
import { describe, expect, it } from 'vitest';
import { createRng } from '../../../sim/rng.ts';
import { fixtureEngine, fixtureWorld, platformRecord, randomFollows, region } from './world-fixture.ts';

const PER_REGION = 1500;

/** Onset tick of each region (UTC+9, +1, −10) for a meme seeded in region 0 at 20:00 local (11 UTC). */
function onsets(seed: string): number[] {
  const regions = [region('Seoul', 9), region('Berlin', 1), region('Honolulu', -10)];
  const n = PER_REGION * regions.length;
  const rng = createRng(seed, 'graph');
  const world = fixtureWorld({
    count: n,
    seed,
    regions,
    region: (a) => a % regions.length,
    platforms: [
      platformRecord(
        { name: 'Feed', feedMix: { follows: 0.6, recommended: 0.4, trending: 0 } },
        regions.length,
      ),
    ],
    ties: () => randomFollows(n, 10, () => rng.next()),
    activity: 4,
  });
  // A catchy meme (participation ×4) that spreads within hours, so each region's onset waits on its clock, not on growth.
  const engine = fixtureEngine(
    world,
    [
      {
        name: 'Meme',
        kind: 'meme',
        region: 'Seoul',
        seeds: 60,
        appeal: 1,
        languageDependence: 0,
        startTick: 11,
      },
    ],
    { adoptionRate: 4 },
    [],
    seed,
  );
  for (let t = 0; t < 32; t++) engine.step();
  return Array.from(engine.ctx.state.trends[0]!.onsetTick);
}

describe('a trend seeded in one region', () => {
  // Seeded at 20:00 in Seoul: Berlin is at 12:00 (awake), Honolulu at 01:00 (asleep until about 07:00 = 17 UTC), so
  // with everyone equally connected the onsets must come Seoul, then Berlin, then Honolulu — the order in which
  // their days reach the trend. Checked in three independent worlds; onset = 1% of the region (15 agents) adopted.
  for (const seed of ['wave-a', 'wave-b', 'wave-c']) {
    it(`reaches the other regions in time-zone order (${seed})`, () => {
      const [seoul, berlin, honolulu] = onsets(seed);
      expect(seoul).toBeGreaterThanOrEqual(11);
      expect(berlin).toBeGreaterThan(seoul!);
      expect(honolulu).toBeGreaterThan(berlin!);
    });
  }
});
