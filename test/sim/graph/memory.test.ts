// Tests for graph memory estimates and the refusal of graphs that would not fit, before allocation. Touches only sim/graph.
import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../../sim/graph/build.ts';
import { csrBytes } from '../../../sim/graph/csr.ts';
import {
  assertGraphFits,
  DEFAULT_GRAPH_BUDGET_BYTES,
  estimateGraphBytes,
  formatBytes,
} from '../../../sim/graph/memory.ts';
import { InputError } from '../../../sim/params/errors.ts';
import { graphSchema } from '../../../sim/params/scenario.ts';
import { createRng } from '../../../sim/rng.ts';
import { inputErrorOf } from '../params/input-error.ts';

const spec = (input: unknown) => graphSchema.parse(input);

const messageOf = (run: () => unknown) => inputErrorOf(run).lines.join('\n');

describe('estimateGraphBytes', () => {
  it('is at least the finished CSR (4 bytes per node and per stored tie end)', () => {
    const s = spec({ type: 'barabasi-albert', nodes: 10_000, edgesPerNode: 4 });
    const graph = buildGraph(s, createRng('mem', 'graph'));
    if (graph.kind !== 'csr') throw new Error('expected CSR');
    const actual = csrBytes(graph.nodeCount, graph.targets.length, false);
    expect(estimateGraphBytes(s)).toBeGreaterThanOrEqual(actual);
    // …and not wildly more: CSR plus temporaries of the same order.
    expect(estimateGraphBytes(s)).toBeLessThan(4 * actual);
  });

  it('counts nothing for a complete graph and sums multiplex layers', () => {
    expect(estimateGraphBytes(spec({ type: 'complete', nodes: 100_000_000 }))).toBe(0);
    const er = { type: 'erdos-renyi', nodes: 1_000, meanDegree: 10 } as const;
    const one = estimateGraphBytes(spec(er));
    const two = estimateGraphBytes(spec({ type: 'multiplex', layers: [er, er] }));
    expect(two).toBeGreaterThan(one);
    expect(two).toBeLessThan(2 * one);
  });
});

describe('assertGraphFits', () => {
  it('refuses a 100M-node dense graph with the estimate and the fields to lower', () => {
    const s = spec({ type: 'erdos-renyi', nodes: 100_000_000, meanDegree: 30 });
    expect(messageOf(() => assertGraphFits(s, DEFAULT_GRAPH_BUDGET_BYTES))).toMatch(
      /^graph: 100,000,000 nodes with mean degree 30 need about [\d.,]+ GB, more than the 16\.0 GB allowed \(lower graph\.nodes or graph\.meanDegree\)$/,
    );
  });

  it('refuses a layer with more tie ends than 32-bit offsets index, whatever the budget', () => {
    const s = spec({ type: 'erdos-renyi', nodes: 100_000_000, meanDegree: 500 });
    expect(messageOf(() => assertGraphFits(s, Number.POSITIVE_INFINITY))).toMatch(
      /^graph: 100,000,000 nodes with mean degree 500 would store about 50,000,000,000 tie ends/,
    );
  });

  it('refuses it in buildGraph before allocating or drawing anything', () => {
    // A 100M-node, mean-degree-500 graph would need ~370 GB; reaching the generator would either
    // draw from the stream or die allocating, so an immediate InputError proves the order.
    const rng = createRng('never', 'graph');
    const before = JSON.stringify(rng.save());
    expect(() => buildGraph(spec({ type: 'erdos-renyi', nodes: 100_000_000, meanDegree: 500 }), rng)).toThrow(
      InputError,
    );
    expect(JSON.stringify(rng.save())).toBe(before);
  });

  it('names the layers of a multiplex that is too big', () => {
    const s = spec({
      type: 'multiplex',
      layers: [
        { type: 'barabasi-albert', nodes: 1_000_000, edgesPerNode: 8 },
        { type: 'complete', nodes: 1_000_000 },
      ],
    });
    expect(messageOf(() => assertGraphFits(s, 2 ** 20))).toMatch(
      /^graph: 2 layers need about .* \(graph\.layers\[0\] 1,000,000 nodes with mean degree 16: about/,
    );
  });

  it('lets a graph within the budget through', () => {
    expect(() =>
      assertGraphFits(
        spec({ type: 'barabasi-albert', nodes: 1_000_000, edgesPerNode: 8 }),
        DEFAULT_GRAPH_BUDGET_BYTES,
      ),
    ).not.toThrow();
  });
});

describe('formatBytes', () => {
  it('writes binary units with one decimal', () => {
    expect(formatBytes(16 * 2 ** 30)).toBe('16.0 GB');
    expect(formatBytes(1536 * 2 ** 20)).toBe('1.5 GB');
    expect(formatBytes(3 * 2 ** 20)).toBe('3.0 MB');
  });
});
