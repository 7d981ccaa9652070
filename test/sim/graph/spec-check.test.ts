// Tests for graphSpecProblems: the generators' refusals found from the spec alone (the same lines building gives), and nodeCountOf. Touches only sim/graph.
import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../../sim/graph/build.ts';
import { barabasiAlbert } from '../../../sim/graph/generators/barabasi-albert.ts';
import { configurationModel } from '../../../sim/graph/generators/configuration.ts';
import { erdosRenyi } from '../../../sim/graph/generators/erdos-renyi.ts';
import { wattsStrogatz } from '../../../sim/graph/generators/watts-strogatz.ts';
import { graphSpecProblems, nodeCountOf } from '../../../sim/graph/spec-check.ts';
import { graphSchema } from '../../../sim/params/scenario.ts';
import { createRng } from '../../../sim/rng.ts';
import { inputErrorOf } from '../params/input-error.ts';

const spec = (input: unknown) => graphSchema.parse(input);
const rng = () => createRng('spec-check', 'graph');

describe('graphSpecProblems', () => {
  it('finds, without generating, the same refusals the generators throw', () => {
    const cases: [unknown, () => unknown][] = [
      [{ type: 'erdos-renyi', nodes: 100, meanDegree: 500 }, () => erdosRenyi(100, 500, rng())],
      [
        { type: 'watts-strogatz', nodes: 10, neighbors: 20, rewire: 0.1 },
        () => wattsStrogatz(10, 20, 0.1, rng()),
      ],
      [{ type: 'configuration', degrees: [1, 1, 1] }, () => configurationModel([1, 1, 1], rng())],
    ];
    for (const [input, generate] of cases) {
      const problems = graphSpecProblems(spec(input));
      expect(problems).toHaveLength(1);
      expect(problems).toEqual(inputErrorOf(generate).lines);
      expect(inputErrorOf(() => buildGraph(spec(input), rng())).lines).toEqual(problems);
    }
  });

  it('refuses a Barabási–Albert graph with as many ties per node as nodes, which the generator would make a clique', () => {
    const clique = spec({ type: 'barabasi-albert', nodes: 5, edgesPerNode: 10 });
    expect(graphSpecProblems(clique)).toEqual([
      'graph.edgesPerNode: must be less than graph.nodes = 5 (got 10); with as many ties per node as nodes, no node arrives and the graph is just the seed clique',
    ]);
    expect(barabasiAlbert(5, 10, rng()).edgeCount).toBe(10); // what would have run: K5
    expect(inputErrorOf(() => buildGraph(clique, rng())).lines).toEqual(graphSpecProblems(clique));
    expect(graphSpecProblems(spec({ type: 'barabasi-albert', nodes: 5, edgesPerNode: 4 }))).toEqual([]);
  });

  it('names every layer of a multiplex that is refused or sized unlike the first sized layer', () => {
    const multiplex = spec({
      type: 'multiplex',
      layers: [
        { type: 'edge-list', path: 'e.csv' },
        { type: 'erdos-renyi', nodes: 1000, meanDegree: 2 },
        { type: 'erdos-renyi', nodes: 500, meanDegree: 600 },
      ],
    });
    expect(graphSpecProblems(multiplex)).toEqual([
      'graph.layers[2].meanDegree: must be at most graph.layers[2].nodes − 1 = 499 (got 600)',
      'graph.layers[2]: has 500 nodes but graph.layers[1] has 1,000; all layers of a multiplex share the same nodes',
    ]);
  });

  it('has nothing to say about specs the generators build', () => {
    for (const input of [
      { type: 'erdos-renyi', nodes: 1, meanDegree: 5 },
      { type: 'erdos-renyi', nodes: 100, meanDegree: 99 },
      { type: 'watts-strogatz', nodes: 10, neighbors: 8, rewire: 0 },
      { type: 'configuration', degrees: [1, 1, 2] },
      { type: 'complete', nodes: 3 },
    ])
      expect(graphSpecProblems(spec(input)), JSON.stringify(input)).toEqual([]);
  });
});

describe('nodeCountOf', () => {
  it('reads N off every kind of spec, and leaves unsized edge lists unknown', () => {
    expect(nodeCountOf(spec({ type: 'sbm', sizes: [3, 4], pIn: 0.1, pOut: 0 }))).toBe(7);
    expect(nodeCountOf(spec({ type: 'configuration', degrees: [1, 1, 2] }))).toBe(3);
    expect(nodeCountOf(spec({ type: 'edge-list', path: 'e.csv' }))).toBeUndefined();
    expect(
      nodeCountOf(
        spec({
          type: 'multiplex',
          layers: [
            { type: 'edge-list', path: 'e.csv' },
            { type: 'complete', nodes: 9 },
          ],
        }),
      ),
    ).toBe(9);
  });
});
