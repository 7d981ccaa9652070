// Scheduled events: a ban takes a platform away mid-run, and cuts a trend's reach less when people's ties are mirrored on another platform (high layer overlap).
import { describe, expect, it } from 'vitest';
import { createRng } from '../../../sim/rng.ts';
import { fixtureEngine, fixtureWorld, platformRecord, randomFollows } from './world-fixture.ts';

const AGENTS = 3000;
const TICKS = 96;
const BAN_TICK = 14;

/**
 * Final adopters of a meme born on platform A, with or without a ban of A at BAN_TICK. Platform B has sparse ties
 * of its own (1 followee each) plus each tie of A mirrored with chance `overlap` — the world builder's layerOverlap.
 */
function reach(overlap: number, ban: boolean, seed: string): number {
  const rng = createRng(seed, 'graph');
  const uniform = () => rng.next();
  const a = randomFollows(AGENTS, 8, uniform);
  const own = randomFollows(AGENTS, 1, uniform);
  const mirrored = { from: [...own.from], to: [...own.to] };
  for (let i = 0; i < a.from.length; i++) {
    if (uniform() < overlap) {
      mirrored.from.push(a.from[i]!);
      mirrored.to.push(a.to[i]!);
    }
  }
  const feedMix = { follows: 1, recommended: 0, trending: 0 };
  const world = fixtureWorld({
    count: AGENTS,
    seed,
    platforms: [
      platformRecord({ name: 'A', feedMix, crossPostProbability: 0.5 }, 1),
      platformRecord({ name: 'B', kind: 'photo', feedMix, crossPostProbability: 0.5 }, 1),
    ],
    ties: (p) => (p === 0 ? a : mirrored),
  });
  const events = ban ? [{ type: 'ban' as const, tick: BAN_TICK, platform: 'A' }] : [];
  const engine = fixtureEngine(
    world,
    [
      {
        name: 'Meme',
        kind: 'meme',
        platform: 'A',
        seeds: 10,
        appeal: 1,
        languageDependence: 0,
        startTick: 2,
      },
    ],
    { strategy: 'chronological', postRate: 0, adoptionRate: 3 },
    events,
    seed,
  );
  for (let t = 0; t < TICKS; t++) {
    engine.step();
    if (ban && t >= BAN_TICK) expect(engine.transmissions().platform.every((p) => p === 1)).toBe(true);
  }
  return engine.ctx.state.trends[0]!.adopters;
}

describe('a platform ban', () => {
  it('makes the platform unavailable from its tick on, and an outage gives it back', () => {
    const world = fixtureWorld({
      count: 500,
      platforms: [platformRecord({ name: 'A' }, 1), platformRecord({ name: 'B' }, 1)],
      ties: () => ({ from: [], to: [] }),
    });
    const engine = fixtureEngine(world, [], {}, [
      { type: 'ban', tick: 3, platform: 'A' },
      { type: 'outage', tick: 4, until: 6, platform: 1 },
    ]);
    const available = () => engine.summary().platforms.map((p) => p.available);
    for (let t = 0; t < 3; t++) engine.step();
    expect(available()).toEqual([true, true]);
    engine.step(); // tick 3
    expect(available()).toEqual([false, true]);
    engine.step(); // tick 4
    expect(available()).toEqual([false, false]);
    engine.step();
    engine.step(); // tick 6: the outage is over
    expect(available()).toEqual([false, true]);
  });

  // With the ban, the trend must continue on B: with low overlap B has about 1.8 ties per person, too few for this
  // meme to percolate, and the cascade dies (a cut above 90%); with high overlap B carries most of A's ties and the
  // meme goes on (a cut near zero, even negative: everyone's sessions now go to B). Two worlds each.
  for (const seed of ['ban-a', 'ban-b']) {
    it(`cuts reach less when layer overlap is high (${seed})`, () => {
      const lowCut = 1 - reach(0.1, true, seed) / reach(0.1, false, seed);
      const highCut = 1 - reach(0.9, true, seed) / reach(0.9, false, seed);
      expect(highCut).toBeLessThan(lowCut - 0.2);
    });
  }
});
