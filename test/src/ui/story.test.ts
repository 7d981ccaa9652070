// Tests the scenario story's pure parts: which experiments a scenario suggests, and when one is what is running.
import { describe, expect, it } from 'vitest';
import { experimentsOf, isApplied } from '../../../src/ui/story.ts';

describe('suggested experiments', () => {
  it('lists the well-formed experiments of a scenario and nothing for none', () => {
    const random = { label: 'a random feed', patch: { recommender: { strategy: 'random' } } };
    expect(experimentsOf({ experiments: [random, { label: 3 }, { label: 'no patch' }] })).toEqual([random]);
    expect(experimentsOf({})).toEqual([]);
    expect(experimentsOf(null)).toEqual([]);
  });

  it('counts an experiment as applied when every value it sets is already set, and not otherwise', () => {
    const scenario = { recommender: { strategy: 'random', exploration: 0.1 }, events: [] };
    expect(isApplied(scenario, { recommender: { strategy: 'random' } })).toBe(true);
    expect(isApplied(scenario, { events: [] })).toBe(true);
    expect(isApplied(scenario, { recommender: { strategy: 'chronological' } })).toBe(false);
    expect(isApplied(scenario, { events: [{ type: 'ban', tick: 1, platform: 'short-video' }] })).toBe(false);
  });
});
