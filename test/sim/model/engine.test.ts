// The world engine against its contract: determinism, parents before children, transmissions, inspection, launches, bad names.
import { describe, expect, it } from 'vitest';
import { createWorldEngine } from '../../../sim/model/engine.ts';
import { InputError } from '../../../sim/params/errors.ts';
import { worldScenarioSchema } from '../../../sim/params/world.ts';

function scenario(seed: string, extra: Record<string, unknown> = {}) {
  return worldScenarioSchema.parse({
    version: 1,
    seed,
    world: { agents: 2000 },
    trends: [
      {
        name: 'Step',
        kind: 'dance-challenge',
        origin: 'idol',
        fandom: 'Orbit',
        platform: 'short-video',
        startTick: 1,
      },
      { name: 'Joke', kind: 'meme', origin: 'user', seeds: 5, startTick: 3 },
    ],
    events: [{ type: 'campaign', tick: 10, influencers: 5, trend: { name: 'Lens', kind: 'ar-filter' } }],
    ...extra,
  });
}

function run(seed: string, ticks: number) {
  const engine = createWorldEngine(scenario(seed));
  for (let t = 0; t < ticks; t++) engine.step();
  return engine;
}

describe('createWorldEngine', () => {
  it('gives the same state hash for the same seed and a different one for another seed', () => {
    const a = run('det', 30).stateHash();
    const b = run('det', 30).stateHash();
    const c = run('other', 30).stateHash();
    expect(a).toBe(b);
    expect(c).not.toBe(a);
  });

  it('records parents that adopted strictly earlier, and transmissions that match the adoptions', () => {
    const engine = createWorldEngine(scenario('parents'));
    let transmitted = 0;
    for (let t = 0; t < 36; t++) {
      engine.step();
      const tx = engine.transmissions();
      transmitted += tx.count;
      for (let i = 0; i < tx.count; i++) {
        const trend = engine.ctx.state.trends[tx.trend[i]!]!;
        expect(trend.adoptTick[tx.child[i]!]).toBe(engine.tick - 1);
        expect(trend.parent[tx.child[i]!]).toBe(tx.parent[i]);
      }
    }
    let adopters = 0;
    for (const ts of engine.ctx.state.trends) {
      for (let a = 0; a < engine.agentCount; a++) {
        const tick = ts.adoptTick[a]!;
        if (tick < 0) continue;
        adopters++;
        const parent = ts.parent[a]!;
        if (parent >= 0) {
          expect(ts.adoptTick[parent]).toBeGreaterThanOrEqual(0);
          expect(ts.adoptTick[parent]).toBeLessThan(tick);
        }
      }
    }
    expect(adopters).toBe(transmitted);
    expect(adopters).toBeGreaterThan(10); // the test would be empty if nothing spread
  });

  it('fires the campaign event as a third trend seeded on its influencers', () => {
    const engine = run('campaign', 11);
    const summary = engine.summary();
    expect(summary.trends.map((t) => t.name)).toEqual(['Step', 'Joke', 'Lens']);
    expect(summary.trends[2]!.adopters).toBeGreaterThanOrEqual(5);
  });

  it('summarises and inspects as plain JSON', () => {
    const engine = run('json', 20);
    const summary = engine.summary();
    expect(JSON.parse(JSON.stringify(summary)).tick).toBe(20);
    expect(summary.platforms).toHaveLength(5);
    const adopter = engine.ctx.state.trends[0]!.adoptTick.findIndex(
      (t, a) => t >= 0 && engine.ctx.state.trends[0]!.parent[a]! >= 0,
    );
    const inspection = engine.inspect(adopter >= 0 ? adopter : 0);
    expect(() => JSON.stringify(inspection)).not.toThrow();
    // Named by tier and id: "user_<id>" for a regular agent, "<tier>_<id>" for an influencer.
    const prefix = inspection.tier === 'regular' ? 'user' : inspection.tier;
    expect(inspection.name).toBe(`${prefix}_${inspection.id}`);
    const mega = engine.ctx.world.population.tier.indexOf(0);
    expect(mega).toBeGreaterThanOrEqual(0); // every world has mega influencers (tiers are ranks)
    expect(engine.inspect(mega).name).toBe(`mega_${mega}`);
    if (adopter >= 0) {
      const adoption = inspection.adoptions[0]!;
      expect(adoption.trend).toBe('Step');
      expect(adoption.probability).toBeGreaterThan(0);
      expect(Object.keys(adoption.factors)).toContain('reinforcement');
    }
  });

  it('launches a trend by hand at an agent, who becomes its first adopter', () => {
    const engine = run('launch', 2);
    const agent = 17;
    const t = engine.launchTrend(agent, 'meme', 3);
    expect(engine.agents.lastAdopted[agent]).toBe(t + 1);
    expect(engine.ctx.state.trends[t]!.platform[agent]).toBe(3);
    // The scenario's own meme ("Joke") has the kind's colour; a second meme gets one no trend has.
    const colours = engine.summary().trends.map((x) => x.color);
    expect(colours[t]).not.toBe(colours[1]);
    expect(new Set(colours).size).toBe(colours.length);
    expect(() => engine.launchTrend(agent, 'polka', 0)).toThrow(InputError);
    expect(() => engine.launchTrend(-1, 'meme', 0)).toThrow(/agent must be an integer from 0 to 1999/);
  });

  it('runs a recorded launch event as the same run as the hand launch it records, at its tick and after', () => {
    // By hand: after 10 hours a meme is launched at agent 17 on platform 3; the host records it as a launch event.
    const byHand = run('launch-replay', 10);
    const t = byHand.launchTrend(17, 'meme', 3);
    const name = byHand.summary().trends[t]!.name;
    expect(name).toBe('Meme 2'); // the scenario's own meme is the first
    const launch = {
      type: 'launch',
      tick: 10,
      agent: 17,
      kind: 'meme',
      platform: byHand.platformNames[3],
      name,
    };
    // The campaign at tick 10 fires inside that hour, after the launch: the launch is trend 2, the campaign trend 3.
    const replayed = createWorldEngine(
      scenario('launch-replay', { events: [...scenario('x').events, launch] }),
    );
    for (let tick = 0; tick < 10; tick++) replayed.step();
    expect(replayed.stateHash()).toBe(byHand.stateHash());
    for (let tick = 0; tick < 8; tick++) {
      byHand.step();
      replayed.step();
    }
    expect(replayed.stateHash()).toBe(byHand.stateHash());
    expect(replayed.summary().trends.map((x) => x.name)).toEqual(byHand.summary().trends.map((x) => x.name));
    expect(replayed.summary().trends[2]).toMatchObject({ name: 'Meme 2' });
    expect(replayed.summary().trends[2]!.adopters).toBeGreaterThanOrEqual(1);
    // A run without the launch is another run.
    expect(run('launch-replay', 18).stateHash()).not.toBe(byHand.stateHash());
  });

  it('names a hand launch after its kind with the next number no trend is called', () => {
    const engine = createWorldEngine(
      scenario('launch-names', { trends: [...scenario('x').trends, { name: 'meme 2', kind: 'song' }] }),
    );
    const t = engine.launchTrend(3, 'meme', 0);
    expect(engine.summary().trends[t]!.name).toBe('Meme 3'); // the second meme, but "meme 2" is taken
  });

  it('launches a recorded launch of hour 0 before the first hour, and refuses one naming an agent the world lacks', () => {
    const launch = { type: 'launch', tick: 0, agent: 5, kind: 'song', platform: 'Loop', name: 'Hum' };
    const engine = createWorldEngine(scenario('launch-0', { events: [launch] }));
    expect(engine.summary().trends.map((x) => x.name)).toContain('Hum');
    expect(engine.agents.lastAdopted[5]).toBe(3); // trends 0, 1 from the scenario, then Hum
    expect(() => createWorldEngine(scenario('launch-0', { events: [{ ...launch, agent: 2000 }] }))).toThrow(
      /events\[0\]\.agent: must be an integer from 0 to 1,999/,
    );
  });

  it('names the field when an event names a platform the world lacks', () => {
    const bad = scenario('bad', { events: [{ type: 'ban', tick: 5, platform: 'Myspace' }] });
    expect(() => createWorldEngine(bad)).toThrow(/events\[0\]\.platform: must be one of "Loop"/);
  });

  it('names the field when a trend names a topic the world lacks', () => {
    const bad = scenario('bad', { trends: [{ name: 'X', kind: 'meme', topics: { knitting: 1 } }] });
    expect(() => createWorldEngine(bad)).toThrow(/trends\[0\]\.topics\.knitting/);
  });
});

describe('SocialWorldEngine controls', () => {
  it('applies an event on demand and validates it', () => {
    const engine = run('controls', 2);
    engine.applyEvent({ type: 'outage', tick: 0, until: 5, platform: 'Loop' });
    expect(engine.summary().platforms[0]!.available).toBe(false);
    expect(() => engine.applyEvent({ type: 'ban', tick: 0, platform: 'Nowhere' })).toThrow(/event\.platform/);
    expect(() => engine.applyEvent({ type: 'ban' })).toThrow(InputError);
  });

  it('changes the recommender from now on and rejects an out-of-range knob by name', () => {
    const engine = run('controls', 2);
    engine.setParams({ strategy: 'chronological', interestDrift: 0.1 });
    expect(engine.ctx.knobs.strategy).toBe('chronological');
    expect(engine.ctx.knobs.interestDrift).toBe(0.1);
    expect(() => engine.setParams({ candidates: 0 })).toThrow(/candidates: must be an integer from 1 to 200/);
    expect(engine.ctx.knobs.candidates).toBe(2);
  });
});
