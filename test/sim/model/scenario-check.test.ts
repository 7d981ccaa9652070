// Checking a world scenario without building its world: every bad name at once (the same lines the engine gives), unique trend names, seeds beyond the agents, and warnings for what a run never reaches.
import { describe, expect, it } from 'vitest';
import { createWorldEngine } from '../../../sim/model/engine.ts';
import {
  plannedTrends,
  worldNameProblems,
  worldScenarioProblems,
  worldScenarioWarnings,
} from '../../../sim/model/scenario-check.ts';
import { worldScenarioSchema } from '../../../sim/params/world.ts';
import { inputErrorOf } from '../params/input-error.ts';

function scenario(extra: Record<string, unknown> = {}) {
  return worldScenarioSchema.parse({
    version: 1,
    seed: 'check',
    ticks: 48,
    world: { agents: 300 },
    trends: [{ name: 'Step', kind: 'dance-challenge', fandom: 'Orbit', startTick: 1 }],
    ...extra,
  });
}

const badNames = scenario({
  trends: [
    { name: 'Step', kind: 'dance-challenge', region: 'Atlantis', fandom: 'Nobody', platform: 'Myspace' },
    { name: 'Joke', kind: 'meme', topics: { knitting: 1, dance: 1, origami: 2 } },
  ],
  events: [
    { type: 'ban', tick: 5, platform: 'Vine' },
    { type: 'idol-live', tick: 6, fandom: 9 },
    { type: 'activity-change', tick: 7, region: 'Mars', multiplier: 2 },
    { type: 'campaign', tick: 8, trend: { name: 'Lens', kind: 'ar-filter', region: 12 } },
    { type: 'creator-leaves', tick: 9, agent: 300 },
  ],
});

describe('worldScenarioProblems', () => {
  it('names every bad platform, region, fandom, topic and agent of the trends and events at once', () => {
    const problems = worldScenarioProblems(badNames);
    expect(problems.map((line) => line.split(':')[0])).toEqual([
      'trends[0].platform',
      'trends[0].region',
      'trends[0].fandom',
      'trends[1].topics.knitting',
      'trends[1].topics.origami',
      'events[0].platform',
      'events[1].fandom',
      'events[2].region',
      'events[3].trend.region',
      'events[4].agent',
    ]);
    expect(problems[1]).toMatch(
      /^trends\[0\]\.region: must be one of "Korea", .* or an index from 0 to 7 \(got "Atlantis"\)$/,
    );
    expect(problems[6]).toMatch(
      /^events\[1\]\.fandom: must be one of "Orbit", .* or a number from 1 to 6 \(got 9\)$/,
    );
    expect(problems[9]).toBe(
      'events[4].agent: must be an integer from 0 to 299 (an agent of this world; got 300)',
    );
  });

  it('finds, without a world, exactly the name problems the engine finds in the world it builds', () => {
    const engineLines = inputErrorOf(() => createWorldEngine(badNames)).lines;
    expect(engineLines).toEqual(worldScenarioProblems(badNames));
    const { world } = badNames;
    expect(worldNameProblems(world, world.agents, badNames.trends, badNames.events)).toEqual(engineLines);
  });

  it('says a world without fandoms has none to name', () => {
    const fanless = scenario({ world: { agents: 300, fandoms: [] } });
    expect(worldScenarioProblems(fanless)).toEqual([
      'trends[0].fandom: this world has no fandoms (world.fandoms is empty), so leave it out (got "Orbit")',
    ]);
  });

  it('accepts names in any case, platform kinds and indices', () => {
    const fine = scenario({
      trends: [
        { name: 'Step', kind: 'dance-challenge', region: 'korea', fandom: 2, platform: 'SHORT-VIDEO' },
      ],
      events: [
        { type: 'outage', tick: 3, until: 5, platform: 4 },
        { type: 'activity-change', tick: 4, region: 7, multiplier: 0.5 },
      ],
    });
    expect(worldScenarioProblems(fine)).toEqual([]);
  });

  it('refuses more seed accounts than the world has agents, naming the field that asked for them', () => {
    const greedy = scenario({
      trends: [{ name: 'Step', kind: 'dance-challenge', seeds: 301 }],
      events: [
        { type: 'campaign', tick: 4, influencers: 500, trend: { name: 'Lens', kind: 'ar-filter' } },
        { type: 'campaign', tick: 5, influencers: 500, trend: { name: 'Chant', kind: 'song', seeds: 300 } },
      ],
    });
    expect(worldScenarioProblems(greedy)).toEqual([
      'trends[0].seeds: must be at most world.agents = 300 (got 301)',
      'events[0].influencers: must be at most world.agents = 300 (got 500)',
    ]);
  });

  it('has nothing to say about a good scenario', () => {
    expect(worldScenarioProblems(scenario())).toEqual([]);
  });
});

describe('plannedTrends', () => {
  it('lists the trends in the order a run adds them: the scenario’s, then campaigns by tick, then file order', () => {
    const campaigns = scenario({
      events: [
        { type: 'campaign', tick: 9, trend: { name: 'Late', kind: 'meme' } },
        { type: 'ban', tick: 2, platform: 0 },
        { type: 'campaign', tick: 3, trend: { name: 'Early', kind: 'meme' } },
        { type: 'campaign', tick: 9, trend: { name: 'Late too', kind: 'meme' } },
      ],
    });
    expect(plannedTrends(campaigns).map((t) => t.name)).toEqual(['Step', 'Early', 'Late', 'Late too']);
    const engine = createWorldEngine(campaigns);
    for (let tick = 0; tick < 10; tick++) engine.step();
    expect(engine.ctx.state.trends.map((t) => t.trend.name)).toEqual(['Step', 'Early', 'Late', 'Late too']);
  });
});

describe('worldScenarioWarnings', () => {
  it('warns of a trend launched or an event fired at or after the run’s last hour, and of nothing before it', () => {
    const late = scenario({
      ticks: 24,
      trends: [
        { name: 'Last hour', kind: 'meme', startTick: 23 },
        { name: 'Never', kind: 'meme', startTick: 24 },
      ],
      events: [
        { type: 'ban', tick: 23, platform: 0 },
        { type: 'idol-live', tick: 30, until: 40, fandom: 'Orbit' },
      ],
    });
    expect(worldScenarioWarnings(late)).toEqual([
      "trends[1].startTick: 24 is at or after the run's end (ticks = 24, the last hour simulated is 23), so the trend is never launched",
      "events[1].tick: 30 is at or after the run's end (ticks = 24, the last hour simulated is 23), so the idol-live event never happens",
    ]);
    // The engine agrees: after 24 ticks the first trend has launched and the second has not.
    const engine = createWorldEngine(late);
    for (let tick = 0; tick < 24; tick++) engine.step();
    expect(engine.ctx.state.trends.map((t) => t.launched)).toEqual([true, false]);
  });
});
