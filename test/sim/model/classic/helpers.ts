// Test-only graph builders and theory helpers for the classic-model tests. Not used by the engine.

import { buildGraph } from '../../../../sim/graph/build.ts';
import { type CsrGraph, csrFromEdges } from '../../../../sim/graph/csr.ts';
import type { Rng } from '../../../../sim/rng.ts';

/**
 * Erdős–Rényi G(N, p = z/(N−1)) from the engine's graph builder: degrees Binomial(N−1, p), Poisson(z)
 * up to O(1/N), which is what Newman's and Watts's formulas assume.
 */
export function erdosRenyi(nodeCount: number, meanDegree: number, rng: Rng): CsrGraph {
  const graph = buildGraph({ type: 'erdos-renyi', nodes: nodeCount, meanDegree }, rng);
  if (graph.kind !== 'csr') throw new Error('expected a CSR graph');
  return graph;
}

/**
 * Test-local Erdős–Rényi G(N, M) with M = round(zN/2) uniformly drawn pairs (self-loops and repeats
 * dropped, a fraction ~z/N of ties), independent of the engine's generators.
 */
export function erdosRenyiByPairs(nodeCount: number, meanDegree: number, rng: Rng): CsrGraph {
  const ties = Math.round((meanDegree * nodeCount) / 2);
  const sources = new Uint32Array(ties);
  const targets = new Uint32Array(ties);
  for (let i = 0; i < ties; i++) {
    sources[i] = rng.int(nodeCount);
    targets[i] = rng.int(nodeCount);
  }
  return csrFromEdges(nodeCount, sources, targets, ties, { directed: false });
}

/** Ring lattice: each node tied to the `perSide` nearest nodes on each side. */
export function ringLattice(nodeCount: number, perSide: number): CsrGraph {
  const ties = nodeCount * perSide;
  const sources = new Uint32Array(ties);
  const targets = new Uint32Array(ties);
  let at = 0;
  for (let v = 0; v < nodeCount; v++) {
    for (let d = 1; d <= perSide; d++) {
      sources[at] = v;
      targets[at++] = (v + d) % nodeCount;
    }
  }
  return csrFromEdges(nodeCount, sources, targets, ties, { directed: false });
}

/** Undirected graph from a list of [u, v] pairs. */
export function graphFromPairs(
  nodeCount: number,
  pairs: readonly (readonly [number, number])[],
  directed = false,
): CsrGraph {
  return csrFromEdges(
    nodeCount,
    Uint32Array.from(pairs, (p) => p[0]),
    Uint32Array.from(pairs, (p) => p[1]),
    pairs.length,
    { directed },
  );
}

/** Root of S = 1 − exp(−a S) in (0, 1] for a > 1 (giant component of Poisson percolation), 0 otherwise; by fixed-point iteration. */
export function poissonGiantFraction(a: number): number {
  if (a <= 1) return 0;
  let s = 1;
  for (let i = 0; i < 10_000; i++) s = 1 - Math.exp(-a * s);
  return s;
}

export function mean(values: readonly number[]): number {
  return values.reduce((sum, v) => sum + v, 0) / values.length;
}
