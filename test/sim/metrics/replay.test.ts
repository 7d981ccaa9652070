// The replay of an earlier tick against the live run itself: the canvas state and the transmissions recorded tick by tick while it ran, including a trend launched by hand between ticks.
import { describe, expect, it } from 'vitest';
import { createWorldEngine } from '../../../sim/model/engine.ts';
import { worldScenarioSchema } from '../../../sim/params/world.ts';

interface Shown {
  parent: number;
  child: number;
  trend: number;
  platform: number;
  shownAt: number;
}

/** A run recorded as a live host sees it: the canvas after each tick, and each adoption with the frame that showed it. */
function recordedRun() {
  const engine = createWorldEngine(
    worldScenarioSchema.parse({
      version: 1,
      seed: 'replay',
      world: { agents: 2000 },
      trends: [
        { name: 'Step', kind: 'dance-challenge', origin: 'idol', fandom: 'Orbit' },
        { name: 'Cat meme', kind: 'meme' },
        { name: 'Dog meme', kind: 'meme' },
      ],
    }),
  );
  const canvas: Uint8Array[] = [engine.agents.lastAdopted.slice()];
  const shown: Shown[] = [];
  const LAUNCH_AT = 20;
  for (let t = 1; t <= 60; t++) {
    engine.step();
    const tx = engine.transmissions();
    for (let i = 0; i < tx.count; i++)
      shown.push({
        parent: tx.parent[i]!,
        child: tx.child[i]!,
        trend: tx.trend[i]!,
        platform: tx.platform[i]!,
        shownAt: t,
      });
    if (t === LAUNCH_AT) {
      // Launched while the run stands at tick 20: the frame of tick 20 already shows the seed.
      const before = engine.adoptionEdges().count;
      const trend = engine.launchTrend(7, 'meme', 0);
      const edges = engine.adoptionEdges();
      for (let i = before; i < edges.count; i++)
        if (edges.trend[i] === trend)
          shown.push({ parent: -1, child: edges.agent[i]!, trend, platform: edges.platform[i]!, shownAt: t });
    }
    canvas.push(engine.agents.lastAdopted.slice());
  }
  return { engine, canvas, shown, LAUNCH_AT };
}

describe('replay', () => {
  const { engine, canvas, shown, LAUNCH_AT } = recordedRun();

  it('rebuilds the canvas of every earlier tick exactly as the live run showed it', () => {
    expect(shown.length).toBeGreaterThan(100); // the run spread: not an empty comparison
    for (let t = 0; t <= engine.tick; t++)
      expect(Array.from(engine.replay(t, 48, 1e6).lastAdopted), `tick ${t}`).toEqual(Array.from(canvas[t]!));
  });

  it('colours an agent that took up two trends by the one it adopted last', () => {
    const trendsOf = new Map<number, number[]>();
    for (const s of shown) trendsOf.set(s.child, [...(trendsOf.get(s.child) ?? []), s.trend]);
    const twice = [...trendsOf].filter(([, trends]) => trends.length > 1);
    expect(twice.length).toBeGreaterThan(0);
    const final = engine.replay(engine.tick, 0, 0).lastAdopted;
    for (const [agent, trends] of twice) expect(final[agent]).toBe(trends.at(-1)! + 1);
  });

  it('lists the adoptions of the trail window with the tick each was first shown, the launched seed included', () => {
    for (const [tick, trail] of [
      [10, 48],
      [LAUNCH_AT, 3],
      [45, 12],
      [engine.tick, 48],
    ] as const) {
      const view = engine.replay(tick, trail, 1e6);
      const expected = shown.filter((s) => s.shownAt <= tick && s.shownAt > tick - trail);
      const got = Array.from({ length: view.count }, (_, i) => ({
        parent: view.parent[i]!,
        child: view.child[i]!,
        trend: view.trend[i]!,
        platform: view.platform[i]!,
        shownAt: view.shownAt[i]!,
      }));
      expect(got, `tick ${tick}`).toEqual(expected);
    }
    const atLaunch = engine.replay(LAUNCH_AT, 1, 1e6);
    expect(Array.from(atLaunch.trend)).toContain(3);
  });

  it('keeps the newest transmissions when the window holds more than asked for', () => {
    const all = engine.replay(engine.tick, 48, 1e6);
    const capped = engine.replay(engine.tick, 48, 5);
    expect(capped.count).toBe(5);
    expect(Array.from(capped.child)).toEqual(Array.from(all.child.subarray(all.count - 5)));
  });

  it('refuses a tick outside the run, naming the range', () => {
    expect(() => engine.replay(61, 48, 10)).toThrow('replay: tick must be an integer from 0 to 60 (got 61)');
    expect(() => engine.replay(-1, 48, 10)).toThrow('from 0 to 60');
  });
});
