// Tests for buildGraph: dispatch, determinism per seed, multiplex node sharing, edge-list hosting and errors. Touches only sim/graph.
import { describe, expect, it } from 'vitest';
import { buildGraph, buildGraphWithLabels } from '../../../sim/graph/build.ts';
import type { CsrGraph, Graph } from '../../../sim/graph/csr.ts';
import { erdosRenyi } from '../../../sim/graph/generators/erdos-renyi.ts';
import { nodeCountOf } from '../../../sim/graph/spec-check.ts';
import { graphSchema } from '../../../sim/params/scenario.ts';
import { createRng, type Rng } from '../../../sim/rng.ts';
import { inputErrorOf } from '../params/input-error.ts';
import { firstDifference } from './generators/graph-checks.ts';

const spec = (input: unknown) => graphSchema.parse(input);
const csr = (graph: Graph): CsrGraph => {
  if (graph.kind !== 'csr') throw new Error(`expected a CSR graph, got ${graph.kind}`);
  return graph;
};

const generated = [
  { type: 'erdos-renyi', nodes: 2_000, meanDegree: 6 },
  { type: 'barabasi-albert', nodes: 2_000, edgesPerNode: 3 },
  { type: 'watts-strogatz', nodes: 2_000, neighbors: 6, rewire: 0.2 },
  { type: 'configuration', degrees: Array.from({ length: 2_000 }, (_, v) => 1 + (v % 5)) },
  { type: 'sbm', sizes: [800, 1_200], pIn: 0.01, pOut: 0.001 },
] as const;

describe('buildGraph', () => {
  for (const input of generated) {
    it(`gives identical arrays for the same seed and different ones for another seed (${input.type})`, () => {
      const a = csr(buildGraph(spec(input), createRng('same', 'graph')));
      const b = csr(buildGraph(spec(input), createRng('same', 'graph')));
      const c = csr(buildGraph(spec(input), createRng('other', 'graph')));
      expect(a.nodeCount).toBe(nodeCountOf(spec(input)));
      expect(firstDifference(a.offsets, b.offsets)).toBe(-1);
      expect(firstDifference(a.targets, b.targets)).toBe(-1);
      expect(firstDifference(a.targets, c.targets)).not.toBe(-1);
    });
  }

  it('returns a complete graph as a marker, without materialising any tie', () => {
    const neverDraw: Rng = {
      next: () => {
        throw new Error('drew a random number');
      },
      int: () => {
        throw new Error('drew a random number');
      },
      save: () => ({}),
    };
    const graph = buildGraph(spec({ type: 'complete', nodes: 100_000_000 }), neverDraw);
    expect(graph).toEqual({ kind: 'complete', nodeCount: 100_000_000 });
  });

  it('hands the edge-list path to the host and labels nodes from the file', () => {
    const asked: string[] = [];
    const built = buildGraphWithLabels(
      spec({ type: 'edge-list', path: 'data/fans.tsv' }),
      createRng('a', 'graph'),
      {
        readText: (path) => {
          asked.push(path);
          return 'source\ttarget\nmina\tjin\nsol\tjin\n';
        },
      },
    );
    expect(asked).toEqual(['data/fans.tsv']);
    expect(built.labels).toEqual(['mina', 'jin', 'sol']);
    expect(csr(built.graph).edgeCount).toBe(2);
  });

  it('wraps a failed read into an InputError naming graph.path', () => {
    const error = inputErrorOf(() =>
      buildGraph(spec({ type: 'edge-list', path: 'missing.csv' }), createRng('a', 'graph'), {
        readText: () => {
          throw new Error('ENOENT: no such file or directory, open /scenarios/missing.csv');
        },
      }),
    );
    expect(error.lines).toEqual([
      'graph.path: cannot read "missing.csv": ENOENT: no such file or directory, open /scenarios/missing.csv',
    ]);
  });

  it('refuses edge lists on a host that reads no files', () => {
    expect(
      inputErrorOf(() => buildGraph(spec({ type: 'edge-list', path: 'e.csv' }), createRng('a', 'graph')))
        .lines[0],
    ).toMatch(/^graph\.path: edge lists cannot be read here/);
  });

  it('refuses a graph over the host’s memory budget before drawing anything', () => {
    const error = inputErrorOf(() =>
      buildGraph(
        spec({ type: 'barabasi-albert', nodes: 1_000_000, edgesPerNode: 8 }),
        createRng('a', 'graph'),
        { memoryBudgetBytes: 2 ** 20 },
      ),
    );
    expect(error.lines[0]).toMatch(
      /^graph: 1,000,000 nodes with mean degree 16 need about .* more than the 1\.0 MB allowed/,
    );
  });
});

describe('buildGraph for a multiplex', () => {
  it('builds layers one after another from the same stream, over the same node ids', () => {
    const graph = buildGraph(
      spec({
        type: 'multiplex',
        layers: [
          { type: 'erdos-renyi', nodes: 500, meanDegree: 4 },
          { type: 'erdos-renyi', nodes: 500, meanDegree: 4 },
          { type: 'complete', nodes: 500 },
        ],
      }),
      createRng('mx', 'graph'),
    );
    if (graph.kind !== 'multiplex') throw new Error('expected a multiplex');
    expect(graph.nodeCount).toBe(500);
    expect(graph.layers.map((layer) => layer.nodeCount)).toEqual([500, 500, 500]);
    // Layer 0 is what a lone ER graph draws first from the stream; layer 1 continues the stream.
    const alone = erdosRenyi(500, 4, createRng('mx', 'graph'));
    expect(firstDifference(csr(graph.layers[0]!).targets, alone.targets)).toBe(-1);
    expect(firstDifference(csr(graph.layers[1]!).targets, alone.targets)).not.toBe(-1);
  });

  it('refuses layers of different sizes, naming the layer', () => {
    const error = inputErrorOf(() =>
      buildGraph(
        spec({
          type: 'multiplex',
          layers: [
            { type: 'complete', nodes: 10 },
            { type: 'erdos-renyi', nodes: 12, meanDegree: 2 },
          ],
        }),
        createRng('a', 'graph'),
      ),
    );
    expect(error.lines[0]).toBe(
      'graph.layers[1]: has 12 nodes but graph.layers[0] has 10; all layers of a multiplex share the same nodes',
    );
  });

  it('widens edge-list layers to the other layers’ nodes and refuses one that names more', () => {
    const files: Record<string, string> = { 'small.csv': '0,1\n', 'big.csv': '0,1\n1,20\n' };
    const host = { readText: (path: string) => files[path]! };
    const graph = buildGraph(
      spec({
        type: 'multiplex',
        layers: [
          { type: 'edge-list', path: 'small.csv' },
          { type: 'watts-strogatz', nodes: 10, neighbors: 2, rewire: 0 },
        ],
      }),
      createRng('a', 'graph'),
      host,
    );
    if (graph.kind !== 'multiplex') throw new Error('expected a multiplex');
    expect(graph.layers.map((layer) => layer.nodeCount)).toEqual([10, 10]);
    const error = inputErrorOf(() =>
      buildGraph(
        spec({
          type: 'multiplex',
          layers: [
            { type: 'complete', nodes: 10 },
            { type: 'edge-list', path: 'big.csv' },
          ],
        }),
        createRng('a', 'graph'),
        host,
      ),
    );
    expect(error.lines[0]).toMatch(
      /^graph\.layers\[1\]: big\.csv names 21 nodes but the other layers have 10/,
    );
  });

  it('uses the largest edge list when all layers are edge lists, sharing labels across files', () => {
    const files: Record<string, string> = { 'a.csv': 'ana,bo\n', 'b.csv': 'cy,ana\nbo,dee\n' };
    const built = buildGraphWithLabels(
      spec({
        type: 'multiplex',
        layers: [
          { type: 'edge-list', path: 'a.csv' },
          { type: 'edge-list', path: 'b.csv' },
        ],
      }),
      createRng('a', 'graph'),
      { readText: (path) => files[path]! },
    );
    if (built.graph.kind !== 'multiplex') throw new Error('expected a multiplex');
    expect(built.labels).toEqual(['ana', 'bo', 'cy', 'dee']);
    expect(built.graph.nodeCount).toBe(4);
    const second = csr(built.graph.layers[1]!);
    // "ana" is node 0 in both layers: in b.csv it is tied to "cy" (node 2).
    expect(Array.from(second.targets.subarray(second.offsets[0]!, second.offsets[1]!))).toEqual([2]);
  });
});
