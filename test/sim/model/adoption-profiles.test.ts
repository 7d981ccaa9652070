// What views teach the recommender (adoption.ts viewFeed and engage): user profiles' topic parts stay distributions while they learn, whatever the number of topics and dimensions.
import { describe, expect, it } from 'vitest';
import { feedWorld, fixtureEngine, TOPICS } from './world-fixture.ts';

const AGENTS = 1500;

/**
 * A world of `topics` topics and `fandoms` fandoms (D = topics + fandoms + 1) whose feeds are mostly recommended,
 * run for a day and a half.
 */
function runWorld(topics: readonly string[], fandoms: number) {
  const world = feedWorld({
    count: AGENTS,
    seed: 'profiles',
    topics,
    fandoms,
    feedMix: { follows: 0.3, recommended: 0.6, trending: 0.1 },
    attention: 12,
    favourite: 5,
    creatorPropensity: 0.5,
  });
  const engine = fixtureEngine(
    world,
    [{ name: 'Cat meme', kind: 'meme', appeal: 1 }],
    { strategy: 'collaborative' },
    [],
    'profiles',
  );
  for (let t = 0; t < 36; t++) engine.step();
  return engine;
}

describe('what views teach the recommender', () => {
  const worlds = [
    { topics: TOPICS, fandoms: 1 },
    { topics: [...TOPICS, 'travel', 'pets', 'sport'], fandoms: 2 },
    { topics: TOPICS.slice(0, 5), fandoms: 3 },
  ];
  for (const { topics, fandoms } of worlds) {
    const K = topics.length;
    const D = K + fandoms + 1;
    it(`keeps every user profile's topic part summing to 1 as it learns, with ${K} topics and ${D} dimensions`, () => {
      const engine = runWorld(topics, fandoms);
      const { profile } = engine.ctx.state;
      // A watched-through view moves the topic part 5% toward the viewed topic, an engagement 10% toward the item's
      // topic part (itself a distribution): both keep the sum at 1, so a skipped or doubled entry shows as drift.
      let worst = 0;
      let learned = 0;
      for (let a = 0; a < AGENTS; a++) {
        let sum = 0;
        let spread = 0;
        for (let k = 0; k < K; k++) {
          sum += profile[a * D + k]!;
          spread = Math.max(spread, Math.abs(profile[a * D + k]! - 1 / K));
        }
        worst = Math.max(worst, Math.abs(sum - 1));
        if (spread > 0.05) learned++;
      }
      expect(worst).toBeLessThan(1e-4);
      expect(learned).toBeGreaterThan(AGENTS / 2); // most profiles moved away from the flat start
      expect(engine.ctx.state.viewsByHour.reduce((s, v) => s + v, 0)).toBeGreaterThan(10 * AGENTS);
    });
  }
});
