// Tests for node relabelling: the result is the same graph under a permutation, in BFS or degree order. Touches only sim/graph.
import { describe, expect, it } from 'vitest';
import { type CsrGraph, csrFromEdges } from '../../../sim/graph/csr.ts';
import { barabasiAlbert } from '../../../sim/graph/generators/barabasi-albert.ts';
import { stochasticBlockModel } from '../../../sim/graph/generators/sbm.ts';
import { bfsOrder, reorderBfs, reorderByDegree } from '../../../sim/graph/reorder.ts';
import { clustering, componentSizes } from '../../../sim/graph/stats.ts';
import { createRng } from '../../../sim/rng.ts';
import { expectSimpleUndirected, hasTie } from './generators/graph-checks.ts';

const degreeOf = (g: CsrGraph, v: number) => g.offsets[v + 1]! - g.offsets[v]!;

function expectSameGraphUnder(
  original: CsrGraph,
  relabelled: CsrGraph,
  newIdOf: Uint32Array,
  oldIdOf: Uint32Array,
): void {
  let problems = 0;
  for (let v = 0; v < original.nodeCount; v++) {
    if (oldIdOf[newIdOf[v]!] !== v) problems++;
    if (degreeOf(relabelled, newIdOf[v]!) !== degreeOf(original, v)) problems++;
    for (let i = original.offsets[v]!; i < original.offsets[v + 1]!; i++) {
      if (!hasTie(relabelled, newIdOf[v]!, newIdOf[original.targets[i]!]!)) problems++;
    }
  }
  expect(problems).toBe(0);
  expect(relabelled.edgeCount).toBe(original.edgeCount);
}

describe('reorder', () => {
  const ba = barabasiAlbert(5_000, 3, createRng('reorder', 'graph'));

  it('relabels in BFS order from the highest-degree node, keeping every tie', () => {
    const { graph, newIdOf, oldIdOf } = reorderBfs(ba);
    expectSimpleUndirected(graph);
    expectSameGraphUnder(ba, graph, newIdOf, oldIdOf);
    let hubDegree = 0;
    for (let v = 0; v < ba.nodeCount; v++) hubDegree = Math.max(hubDegree, degreeOf(ba, v));
    expect(degreeOf(graph, 0)).toBe(hubDegree);
    // BFS: the hub's neighbours come right after it.
    for (let i = 1; i <= hubDegree; i++) expect(hasTie(graph, 0, i)).toBe(true);
    expect(clustering(graph).triangles).toBe(clustering(ba).triangles);
  });

  it('relabels by degree, highest first', () => {
    const { graph, newIdOf, oldIdOf } = reorderByDegree(ba);
    expectSameGraphUnder(ba, graph, newIdOf, oldIdOf);
    let descending = true;
    for (let v = 1; v < graph.nodeCount; v++)
      if (degreeOf(graph, v) > degreeOf(graph, v - 1)) descending = false;
    expect(descending).toBe(true);
  });

  it('visits every component, isolated nodes included', () => {
    const g = stochasticBlockModel([50, 50, 1], 0.2, 0, createRng('reorder-blocks', 'graph'));
    const order = bfsOrder(g);
    expect(Array.from(order).sort((a, b) => a - b)).toEqual(Array.from({ length: 101 }, (_, v) => v));
    const { graph } = reorderBfs(g);
    expect(componentSizes(graph)).toEqual(componentSizes(g));
  });

  it('relabels both directions of a directed graph', () => {
    const g = csrFromEdges(3, Uint32Array.from([0, 1]), Uint32Array.from([1, 2]), 2, { directed: true });
    const { graph, newIdOf } = reorderByDegree(g);
    expect(graph.directed).toBe(true);
    const n0 = newIdOf[0]!;
    const n1 = newIdOf[1]!;
    expect(Array.from(graph.targets.subarray(graph.offsets[n0]!, graph.offsets[n0 + 1]!))).toEqual([n1]);
    expect(Array.from(graph.inTargets.subarray(graph.inOffsets[n1]!, graph.inOffsets[n1 + 1]!))).toEqual([
      n0,
    ]);
  });
});
