// Invariants of every classic model (parents precede children, counts agree, determinism) and seed choice errors.
import { describe, expect, it } from 'vitest';
import type { Graph } from '../../../../sim/graph/csr.ts';
import { chooseSeeds, createClassicSimulation, runClassic } from '../../../../sim/model/classic/run.ts';
import { InputError } from '../../../../sim/params/errors.ts';
import type { ModelSpec } from '../../../../sim/params/scenario.ts';
import { createRng } from '../../../../sim/rng.ts';
import { erdosRenyi, graphFromPairs } from './helpers.ts';

const nodeCount = 3_000;
const er = erdosRenyi(nodeCount, 4, createRng('invariants', 'er'));
const directedPairs: [number, number][] = [];
const pairRng = createRng('invariants', 'directed');
for (let i = 0; i < nodeCount * 4; i++) directedPairs.push([pairRng.int(nodeCount), pairRng.int(nodeCount)]);
const graphs: Record<string, Graph> = {
  'an undirected ER graph': er,
  'a directed random graph': graphFromPairs(nodeCount, directedPairs, true),
  'a complete graph': { kind: 'complete', nodeCount },
  'a two-layer multiplex': {
    kind: 'multiplex',
    nodeCount,
    layers: [er, erdosRenyi(nodeCount, 2, createRng('invariants', 'er2'))],
  },
};
const models: ModelSpec[] = [
  { type: 'independent-cascade', p: 0.3 },
  { type: 'sir', beta: 0.2, gamma: 0.3 },
  { type: 'threshold', phi: 0.15 },
  { type: 'complex-contagion', k: 2, noise: 0.002 },
  { type: 'bass', p: 0.01, q: 0.6, dt: 0.5, mixing: 'network' },
  { type: 'bass', p: 0.01, q: 0.6, dt: 0.5, mixing: 'global' },
];

/** On the complete graph: IC/SIR rescaled so the reproduction number stays O(1), and a threshold the seeds reach. */
function modelFor(graph: Graph, model: ModelSpec): ModelSpec {
  if (graph.kind !== 'complete') return model;
  if (model.type === 'independent-cascade') return { ...model, p: 2 / nodeCount };
  if (model.type === 'sir') return { ...model, beta: 1 / nodeCount };
  if (model.type === 'threshold') return { ...model, phi: 0.005 }; // 20 seeds of 3,000 tip it
  return model;
}

describe('every classic model', () => {
  for (const [graphName, graph] of Object.entries(graphs)) {
    for (const baseModel of models) {
      const model = modelFor(graph, baseModel);
      const label = `${model.type}${model.type === 'bass' ? ` (${model.mixing})` : ''} on ${graphName}`;
      it(`records parents that adopted earlier, consistent counts and series: ${label}`, () => {
        const seeds = chooseSeeds(
          nodeCount,
          { type: 'random', count: 20 },
          createRng('invariants', `seeds-${label}`),
        );
        const result = runClassic(graph, model, seeds, createRng('invariants', `run-${label}`), 400);
        let adopted = 0;
        let badParents = 0;
        for (let v = 0; v < nodeCount; v++) {
          const tick = result.adoptTick[v]!;
          const from = result.parent[v]!;
          if (tick >= 0) adopted++;
          if (tick < 0 && from !== -1) badParents++;
          if (from >= 0 && !(result.adoptTick[from]! >= 0 && result.adoptTick[from]! < tick)) badParents++;
        }
        for (const seed of seeds) expect(result.adoptTick[seed]).toBe(0);
        expect(badParents).toBe(0);
        expect(result.finalSize).toBe(adopted);
        expect(result.finalSize).toBeGreaterThan(seeds.length);
        expect(result.series.adopted.length).toBe(result.ticks + 1);
        expect(result.series.adopted[0]).toBe(seeds.length);
        expect(result.series.adopted[result.ticks]).toBe(adopted);
        for (let t = 1; t <= result.ticks; t++)
          expect(result.series.adopted[t]).toBeGreaterThanOrEqual(result.series.adopted[t - 1]!);
      });
    }
  }

  const allModels: ModelSpec[] = [...models, { type: 'limited-attention', mu: 0.2, screen: 10 }];
  for (const model of allModels) {
    const label = `${model.type}${model.type === 'bass' ? ` (${model.mixing})` : ''}`;
    it(`gives the same state hash and arrays for the same seed and a different hash for another: ${label}`, () => {
      const seeds = Uint32Array.of(1, 2, 3, 4, 5);
      const run = (seed: string) => {
        const simulation = createClassicSimulation(er, model, seeds, createRng(seed, 'dynamics'));
        for (let t = 0; t < 5; t++) simulation.step();
        return {
          hash: simulation.stateHash(),
          adoptTick: Array.from(simulation.state.adoptTick),
          parent: Array.from(simulation.state.parent),
        };
      };
      const first = run('same');
      expect(run('same')).toEqual(first);
      expect(run('other').hash).not.toBe(first.hash);
    });
  }
});

describe('chooseSeeds', () => {
  it('draws distinct nodes in range, few or many', () => {
    for (const count of [0, 10, 900, 1_000]) {
      const seeds = chooseSeeds(1_000, { type: 'random', count }, createRng('seeds', String(count)));
      expect(seeds.length).toBe(count);
      expect(new Set(seeds).size).toBe(count);
      expect(seeds.every((s) => s < 1_000)).toBe(true);
    }
    expect(Array.from(chooseSeeds(10, { type: 'nodes', nodes: [3, 0] }, createRng('s', 'n')))).toEqual([
      3, 0,
    ]);
  });

  it('names seeding.count or seeding.nodes[i] with the allowed range when they do not fit the graph', () => {
    expect(() => chooseSeeds(100, { type: 'random', count: 101 }, createRng('s', 'e'))).toThrow(InputError);
    expect(() => chooseSeeds(100, { type: 'random', count: 101 }, createRng('s', 'e'))).toThrow(
      'seeding.count: must be an integer from 0 to 100',
    );
    expect(() => chooseSeeds(100, { type: 'nodes', nodes: [5, 100] }, createRng('s', 'e'))).toThrow(
      'seeding.nodes[1]: must be an integer from 0 to 99',
    );
    expect(() => chooseSeeds(100, { type: 'nodes', nodes: [5, 5] }, createRng('s', 'e'))).toThrow(
      'seeding.nodes[1]: node 5 is listed twice',
    );
  });
});
