// Every adoption as a cascade-tree edge: a simulated run's columns against a brute-force walk of each trend's parent pointers and the population, and the row names.
import { describe, expect, it } from 'vitest';
import { ADOPTION_COLUMNS, adoptionEdges, adoptionRow } from '../../../sim/metrics/adoption-edges.ts';
import { createWorldEngine } from '../../../sim/model/engine.ts';
import { worldScenarioSchema } from '../../../sim/params/world.ts';

function simulatedRun() {
  const engine = createWorldEngine(
    worldScenarioSchema.parse({
      version: 1,
      seed: 'adoption-edges',
      world: { agents: 1500 },
      trends: [
        { name: 'Step', kind: 'dance-challenge', origin: 'idol', fandom: 'Orbit' },
        { name: 'Cat meme', kind: 'meme' },
      ],
    }),
  );
  for (let t = 0; t < 48; t++) engine.step();
  return engine;
}

describe('adoptionEdges', () => {
  const engine = simulatedRun();
  const edges = adoptionEdges(engine.ctx);
  const { trends } = engine.ctx.state;
  const pop = engine.ctx.world.population;

  it('lists each adopter of each trend once, trends in order, with the tick, parent and platform it adopted with', () => {
    const summary = engine.summary();
    expect(edges.count).toBe(summary.trends.reduce((sum, t) => sum + t.adopters, 0));
    expect(edges.count).toBeGreaterThan(50); // the run spread: not an empty check
    for (let t = 0; t < trends.length; t++) {
      const ts = trends[t]!;
      const rows = Array.from({ length: edges.count }, (_, i) => i).filter((i) => edges.trend[i] === t);
      const adopters = Array.from(ts.adoptTick.keys()).filter((a) => ts.adoptTick[a]! >= 0);
      expect(rows.map((i) => edges.agent[i]).sort((a, b) => a! - b!)).toEqual(adopters);
      for (const i of rows) {
        const agent = edges.agent[i]!;
        expect(edges.tick[i]).toBe(ts.adoptTick[agent]);
        expect(edges.parent[i]).toBe(ts.parent[agent]);
        expect(edges.platform[i]).toBe(ts.platform[agent]);
        expect(edges.region[i]).toBe(pop.region[agent]);
        expect(edges.fandom[i]).toBe(pop.fandom[agent]);
      }
    }
    // Trends come in order: the trend column never goes back.
    for (let i = 1; i < edges.count; i++) expect(edges.trend[i]!).toBeGreaterThanOrEqual(edges.trend[i - 1]!);
  });

  it('puts every parent before its children and gives the root and generation of a walk up the parent pointers', () => {
    const position = new Map<string, number>();
    for (let i = 0; i < edges.count; i++) position.set(`${edges.trend[i]}:${edges.agent[i]}`, i);
    let childRows = 0;
    for (let i = 0; i < edges.count; i++) {
      const ts = trends[edges.trend[i]!]!;
      let root = edges.agent[i]!;
      let generation = 0;
      for (let p = ts.parent[root]!; p >= 0; p = ts.parent[p]!, generation++) root = p;
      expect([edges.root[i], edges.generation[i]]).toEqual([root, generation]);
      if (edges.parent[i]! >= 0) {
        childRows++;
        expect(position.get(`${edges.trend[i]}:${edges.parent[i]}`)).toBeLessThan(i);
      }
    }
    expect(childRows).toBeGreaterThan(10); // some adoptions came from another adopter
  });

  it('names trend, platform, region and fandom in the rows, with an empty fandom for none', () => {
    const names = {
      platformNames: engine.platformNames,
      regionNames: engine.regionNames,
      fandomNames: engine.fandomNames,
    };
    const withFandom = Array.from({ length: edges.count }, (_, i) => i).find((i) => edges.fandom[i]! > 0)!;
    const withoutFandom = Array.from({ length: edges.count }, (_, i) => i).find(
      (i) => edges.fandom[i] === 0,
    )!;
    for (const i of [withFandom, withoutFandom]) {
      const row = adoptionRow(edges, i, names, 2, 'seed-x');
      expect(row).toHaveLength(ADOPTION_COLUMNS.length);
      const agent = edges.agent[i]!;
      expect(row.slice(0, 6)).toEqual([
        2,
        'seed-x',
        trends[edges.trend[i]!]!.trend.name,
        agent,
        edges.tick[i],
        edges.parent[i],
      ]);
      expect(row[6]).toBe(engine.platformNames[edges.platform[i]!]);
      expect(row[7]).toBe(engine.regionNames[pop.region[agent]!]);
      expect(row[8]).toBe(pop.fandom[agent] === 0 ? '' : engine.fandomNames[pop.fandom[agent]! - 1]);
    }
  });
});
