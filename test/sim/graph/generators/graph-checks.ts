// Shared structural assertions for graph tests (simple, symmetric, sorted CSR). Test helper only.
import { expect } from 'vitest';
import type { CsrGraph } from '../../../../sim/graph/csr.ts';

/** Asserts CSR invariants of a simple undirected graph: sorted strictly increasing lists, no self-loops, symmetric ties. */
export function expectSimpleUndirected(graph: CsrGraph): void {
  const { nodeCount, offsets, targets } = graph;
  expect(graph.directed).toBe(false);
  expect(offsets.length).toBe(nodeCount + 1);
  expect(offsets[nodeCount]).toBe(targets.length);
  expect(targets.length).toBe(2 * graph.edgeCount);
  let problems = 0;
  for (let v = 0; v < nodeCount; v++) {
    for (let i = offsets[v]!; i < offsets[v + 1]!; i++) {
      const u = targets[i]!;
      if (u === v || u >= nodeCount) problems++;
      if (i > offsets[v]! && targets[i - 1]! >= u) problems++;
      if (!hasTie(graph, u, v)) problems++;
    }
  }
  expect(problems).toBe(0);
}

/** Whether u lists v, by binary search in u's sorted list. */
export function hasTie(graph: CsrGraph, u: number, v: number): boolean {
  let lo = graph.offsets[u]!;
  let hi = graph.offsets[u + 1]!;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const t = graph.targets[mid]!;
    if (t === v) return true;
    if (t < v) lo = mid + 1;
    else hi = mid;
  }
  return false;
}

/** Index of the first entry where two typed arrays differ, −1 if equal (fast, unlike deep equality on megabytes). */
export function firstDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return i;
  return a.length === b.length ? -1 : n;
}
