// Golden state hashes: pins the exact state of fixed classic scenarios and of the social world after k ticks, in Node (and so in the browser).
import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../sim/graph/build.ts';
import { chooseSeeds, createClassicSimulation } from '../../sim/model/classic/run.ts';
import { createWorldEngine } from '../../sim/model/engine.ts';
import type { GraphSpec, ModelSpec } from '../../sim/params/scenario.ts';
import { worldScenarioSchema } from '../../sim/params/world.ts';
import { createRng, STREAM } from '../../sim/rng.ts';

/*
 * The hashes below were written once from a run. They guard against UNINTENDED changes to the
 * dynamics, the graph generators, the seed choice or the random streams: anything that changes what a
 * seed produces changes them, and then results published with an older version can no longer be
 * reproduced bit for bit. Each case stops mid-spread (none is finished after its k ticks), so the hash
 * covers the dynamics, not just a fixed point. If you changed the engine ON PURPOSE (and the theory
 * tests still pass), update them with `npx vitest run test/sim/golden.test.ts --update` and say so in the
 * commit message.
 */

/** FNV state hash of `model` on `graph` (seed "golden", `seeds` random seeds) after `ticks` ticks. */
function stateHashAfter(graphSpec: GraphSpec, model: ModelSpec, seedCount: number, ticks: number): string {
  const seed = 'golden';
  const graph = buildGraph(graphSpec, createRng(seed, STREAM.graph));
  const seeds = chooseSeeds(
    graph.nodeCount,
    { type: 'random', count: seedCount },
    createRng(seed, STREAM.seeding),
  );
  const simulation = createClassicSimulation(graph, model, seeds, createRng(seed, STREAM.dynamics));
  for (let tick = 0; tick < ticks; tick++) simulation.step();
  expect(simulation.isDone()).toBe(false);
  return simulation.stateHash();
}

describe('golden state hashes', () => {
  it('reproduces the pinned state of SIR on Erdős–Rényi after 12 ticks', () => {
    const hash = stateHashAfter(
      { type: 'erdos-renyi', nodes: 2000, meanDegree: 4 },
      { type: 'sir', beta: 0.3, gamma: 0.2 },
      5,
      12,
    );
    expect(hash).toMatchInlineSnapshot(`"cc2a22b955fcb0f5"`);
  });

  it('reproduces the pinned state of an independent cascade on Barabási–Albert after 4 ticks', () => {
    const hash = stateHashAfter(
      { type: 'barabasi-albert', nodes: 2000, edgesPerNode: 2 },
      { type: 'independent-cascade', p: 0.3 },
      5,
      4,
    );
    expect(hash).toMatchInlineSnapshot(`"3a8c2bed6a5f4693"`);
  });

  it('reproduces the pinned state of a fractional threshold on Watts–Strogatz after 10 ticks', () => {
    const hash = stateHashAfter(
      { type: 'watts-strogatz', nodes: 2000, neighbors: 6, rewire: 0.1 },
      { type: 'threshold', phi: 0.18 },
      40,
      10,
    );
    expect(hash).toMatchInlineSnapshot(`"b0020035229a98a1"`);
  });

  it('reproduces the pinned state of Bass on the complete graph after 20 ticks', () => {
    const hash = stateHashAfter(
      { type: 'complete', nodes: 2000 },
      { type: 'bass', p: 0.01, q: 0.4, dt: 0.5, mixing: 'global' },
      0,
      20,
    );
    expect(hash).toMatchInlineSnapshot(`"61fff46fa4d4a627"`);
  });

  it('reproduces the pinned state of limited-attention memes on Erdős–Rényi after 15 ticks', () => {
    const hash = stateHashAfter(
      { type: 'erdos-renyi', nodes: 1000, meanDegree: 6 },
      { type: 'limited-attention', mu: 0.1, screen: 10 },
      0,
      15,
    );
    expect(hash).toMatchInlineSnapshot(`"f76b388b8c67f399"`);
  });
});

/** State hash of the social world (2,000 agents, two trends, `strategy` feeds) after 30 ticks: past a day's end. */
function worldHashAfter30(strategy: string): string {
  const engine = createWorldEngine(
    worldScenarioSchema.parse({
      version: 1,
      seed: 'golden',
      world: { agents: 2000 },
      recommender: { strategy },
      trends: [
        { name: 'Orbit dance', kind: 'dance-challenge', origin: 'idol', fandom: 'Orbit' },
        { name: 'Cat meme', kind: 'meme' },
      ],
    }),
  );
  for (let tick = 0; tick < 30; tick++) engine.step();
  expect(engine.summary().trends.some((trend) => trend.adopters > 0)).toBe(true);
  return engine.stateHash();
}

describe('golden social-world hashes', () => {
  it('reproduces the pinned state of the world with each recommender after 30 ticks', () => {
    const hashes = ['collaborative', 'popularity', 'random', 'chronological', 'oracle'].map(
      (strategy) => `${strategy} ${worldHashAfter30(strategy)}`,
    );
    expect(hashes).toMatchInlineSnapshot(`
      [
        "collaborative 8738ab76daf5a7f8",
        "popularity aa775a0d7960b651",
        "random 4e59ad3555e3851f",
        "chronological 9f012486796d9568",
        "oracle e152512a03a1117e",
      ]
    `);
  });
});
