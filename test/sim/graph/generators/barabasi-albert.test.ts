// Tests for Barabási–Albert: exact tie count, the degree law of preferential attachment, CSR correctness. Touches only sim/graph.
import { describe, expect, it } from 'vitest';
import { csrFromEdges } from '../../../../sim/graph/csr.ts';
import { barabasiAlbert, barabasiAlbertEdgeCount } from '../../../../sim/graph/generators/barabasi-albert.ts';
import { degreeHistogram } from '../../../../sim/graph/stats.ts';
import { createRng } from '../../../../sim/rng.ts';
import { expectSimpleUndirected, firstDifference } from './graph-checks.ts';

/**
 * The textbook algorithm, written plainly (arrays of tie ends, a Set per arriving node, the generic
 * CSR builder): the fast generator must draw the same random numbers and give the same graph.
 */
function referenceBarabasiAlbert(nodes: number, m: number, seed: string) {
  const rng = createRng(seed, 'graph');
  const newer: number[] = [];
  const older: number[] = [];
  for (let j = 1; j <= m; j++) {
    for (let i = 0; i < j; i++) {
      newer.push(j);
      older.push(i);
    }
  }
  for (let v = m + 1; v < nodes; v++) {
    const poolEnds = 2 * newer.length;
    const chosen = new Set<number>();
    while (chosen.size < m) {
      const end = Math.floor(rng.next() * poolEnds);
      const t = end % 2 === 1 ? older[Math.floor(end / 2)]! : newer[Math.floor(end / 2)]!;
      if (chosen.has(t)) continue;
      chosen.add(t);
      newer.push(v);
      older.push(t);
    }
  }
  return csrFromEdges(nodes, Uint32Array.from(newer), Uint32Array.from(older), newer.length, {
    directed: false,
  });
}

describe('barabasiAlbert', () => {
  const nodes = 100_000;
  const m = 4;
  const graph = barabasiAlbert(nodes, m, createRng('ba-degrees', 'graph'));

  it('has exactly m(m+1)/2 + (N − m − 1)·m ties', () => {
    expect(graph.edgeCount).toBe((m * (m + 1)) / 2 + (nodes - m - 1) * m);
    expect(barabasiAlbertEdgeCount(nodes, m)).toBe(graph.edgeCount);
  });

  it('builds a simple undirected graph whose CSR matches the generic builder', () => {
    expectSimpleUndirected(graph);
    const from: number[] = [];
    const to: number[] = [];
    for (let v = 0; v < nodes; v++) {
      for (let i = graph.offsets[v]!; i < graph.offsets[v + 1]!; i++) {
        if (graph.targets[i]! < v) {
          from.push(graph.targets[i]!);
          to.push(v);
        }
      }
    }
    const rebuilt = csrFromEdges(nodes, Uint32Array.from(from), Uint32Array.from(to), from.length, {
      directed: false,
    });
    expect(firstDifference(rebuilt.offsets, graph.offsets)).toBe(-1);
    expect(firstDifference(rebuilt.targets, graph.targets)).toBe(-1);
  });

  it('gives exactly the graph of the plain textbook algorithm for the same stream', () => {
    for (const [n, edgesPerNode] of [
      [3_000, 3],
      [1_500, 30],
    ] as const) {
      const fast = barabasiAlbert(n, edgesPerNode, createRng('ba-reference', 'graph'));
      const plain = referenceBarabasiAlbert(n, edgesPerNode, 'ba-reference');
      expect(firstDifference(fast.offsets, plain.offsets)).toBe(-1);
      expect(firstDifference(fast.targets, plain.targets)).toBe(-1);
    }
  });

  it('gives every arriving node at least m ties', () => {
    let minDegree = Number.POSITIVE_INFINITY;
    for (let v = 0; v < nodes; v++)
      minDegree = Math.min(minDegree, graph.offsets[v + 1]! - graph.offsets[v]!);
    expect(minDegree).toBe(m);
  });

  it('matches the exact BA degree law P(k) = 2m(m+1)/(k(k+1)(k+2)) at small k', () => {
    // Dorogovtsev–Mendes–Samukhin / Bollobás et al. A binomial share at N = 100k has sd ≤ 0.0016,
    // and finite-size corrections are O(1/N); 0.01 is ≥ 6 sd. Uniform attachment would give
    // P(m) = 1/(m+1) = 0.2 instead of 2/(m+2) = 0.333, far outside the tolerance.
    const h = degreeHistogram(graph);
    for (const k of [m, m + 1, m + 2, m + 4]) {
      const theory = (2 * m * (m + 1)) / (k * (k + 1) * (k + 2));
      expect(Math.abs(h[k]! / nodes - theory)).toBeLessThan(0.01);
    }
  });

  it('has a degree tail P(K ≥ k) ∝ k^−2 (exponent γ = 3)', () => {
    // Least-squares slope of log P(K ≥ k) against log k on k = 8 … 128 (doubling). The exact
    // m(m+1)/(k(k+1)) gives −1.96 over this range; the k = 128 point rests on ~150 nodes (±8%),
    // so the fitted slope has sd ≈ 0.04; ±0.2 around −2 is about 5 sd.
    const h = degreeHistogram(graph);
    const xs: number[] = [];
    const ys: number[] = [];
    for (let k = 8; k <= 128; k *= 2) {
      let atLeast = 0;
      for (let j = k; j < h.length; j++) atLeast += h[j]!;
      xs.push(Math.log(k));
      ys.push(Math.log(atLeast / nodes));
    }
    const mx = xs.reduce((a, b) => a + b) / xs.length;
    const my = ys.reduce((a, b) => a + b) / ys.length;
    let sxy = 0;
    let sxx = 0;
    xs.forEach((x, i) => {
      sxy += (x - mx) * (ys[i]! - my);
      sxx += (x - mx) ** 2;
    });
    expect(Math.abs(sxy / sxx + 2)).toBeLessThan(0.2);
  });

  it('returns the clique on N nodes when N ≤ m + 1', () => {
    const small = barabasiAlbert(5, 8, createRng('a', 'graph'));
    expect(small.edgeCount).toBe(10);
    expectSimpleUndirected(small);
    expect(barabasiAlbert(1, 3, createRng('a', 'graph')).edgeCount).toBe(0);
  });

  it('draws distinct partners for large m too (the marker path)', () => {
    const dense = barabasiAlbert(2_000, 40, createRng('ba-large-m', 'graph'));
    expectSimpleUndirected(dense);
    expect(dense.edgeCount).toBe(barabasiAlbertEdgeCount(2_000, 40));
  });
});
