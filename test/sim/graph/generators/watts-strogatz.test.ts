// Tests for Watts–Strogatz: the exact ring clustering, Barrat–Weigt decay with β, simple graphs. Touches only sim/graph.
import { describe, expect, it } from 'vitest';
import { wattsStrogatz } from '../../../../sim/graph/generators/watts-strogatz.ts';
import { clustering } from '../../../../sim/graph/stats.ts';
import { createRng } from '../../../../sim/rng.ts';
import { expectSimpleUndirected, hasTie } from './graph-checks.ts';

const ringClustering = (k: number) => (3 * (k - 2)) / (4 * (k - 1));

describe('wattsStrogatz', () => {
  it('is the ring lattice at β = 0, with clustering exactly 3(k−2)/(4(k−1))', () => {
    const k = 6;
    const graph = wattsStrogatz(1_000, k, 0, createRng('ws-ring', 'graph'));
    expectSimpleUndirected(graph);
    expect(graph.edgeCount).toBe(3_000);
    expect(hasTie(graph, 0, 999)).toBe(true);
    expect(hasTie(graph, 0, 3)).toBe(true);
    expect(hasTie(graph, 0, 4)).toBe(false);
    const c = clustering(graph);
    expect(c.global).toBeCloseTo(ringClustering(k), 12);
    expect(c.meanLocal).toBeCloseTo(ringClustering(k), 12);
  });

  it('keeps N·k/2 ties, simple, with every node keeping at least k/2 of them, at any β', () => {
    for (const beta of [0.1, 0.5, 1]) {
      const graph = wattsStrogatz(2_000, 8, beta, createRng(`ws-simple-${beta}`, 'graph'));
      expectSimpleUndirected(graph);
      expect(graph.edgeCount).toBe(8_000);
      let minDegree = Number.POSITIVE_INFINITY;
      for (let v = 0; v < 2_000; v++)
        minDegree = Math.min(minDegree, graph.offsets[v + 1]! - graph.offsets[v]!);
      expect(minDegree).toBeGreaterThanOrEqual(4);
    }
  });

  it('loses clustering as C(0)(1 − β)³ (Barrat & Weigt 2000)', () => {
    // N = 20k, k = 10. The formula counts surviving triangles (each survives with (1 − β)³) over an
    // unchanged number of triples; rewiring also spreads the degrees, adding ~2% more triples at
    // β = 0.2, so the transitivity sits up to ~0.008 below it (measured 0.566 / 0.334 / 0.080 against
    // 0.572 / 0.341 / 0.083). Sampling sd over ~9·10⁵ triples is < 0.002. A 0.015 band covers both and
    // still rejects (1 − β)² (0.602 at β = 0.05, 0.427 at β = 0.2). The mean local clustering
    // has no triples-denominator shift and must track the formula at least as closely.
    const k = 10;
    for (const beta of [0.05, 0.2, 0.5]) {
      const c = clustering(wattsStrogatz(20_000, k, beta, createRng(`ws-decay-${beta}`, 'graph')));
      expect(Math.abs(c.global - ringClustering(k) * (1 - beta) ** 3)).toBeLessThan(0.015);
      expect(Math.abs(c.meanLocal - ringClustering(k) * (1 - beta) ** 3)).toBeLessThan(0.015);
    }
  });

  it('refuses an odd k and a k not below N, naming graph.neighbors', () => {
    expect(() => wattsStrogatz(100, 3, 0.1, createRng('a', 'graph'))).toThrow(/graph\.neighbors/);
    expect(() => wattsStrogatz(6, 6, 0.1, createRng('a', 'graph'))).toThrow(
      /graph\.neighbors: must be less than graph\.nodes/,
    );
  });

  it('rewires a nearly complete graph without hanging or repeating ties', () => {
    const graph = wattsStrogatz(9, 8, 1, createRng('ws-full', 'graph'));
    expectSimpleUndirected(graph);
    expect(graph.edgeCount).toBe(36);
  });
});
