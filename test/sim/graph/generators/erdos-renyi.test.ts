// Tests for Erdős–Rényi by geometric skipping: degree law, pair uniformity, determinism. Touches only sim/graph.
import { describe, expect, it } from 'vitest';
import { erdosRenyi } from '../../../../sim/graph/generators/erdos-renyi.ts';
import { degreeHistogram, meanDegree } from '../../../../sim/graph/stats.ts';
import { createRng } from '../../../../sim/rng.ts';
import { expectSimpleUndirected } from './graph-checks.ts';

function poissonPmf(lambda: number, k: number): number {
  let logP = -lambda + k * Math.log(lambda);
  for (let i = 2; i <= k; i++) logP -= Math.log(i);
  return Math.exp(logP);
}

describe('erdosRenyi', () => {
  const nodes = 20_000;
  const z = 8;
  const graph = erdosRenyi(nodes, z, createRng('er-degrees', 'graph'));

  it('builds a simple undirected graph with sorted neighbour lists', () => {
    expectSimpleUndirected(graph);
  });

  it('has Poisson(z) degree moments', () => {
    // E ~ Binomial(N(N−1)/2, p): sd of the mean degree = 2·√(Nz/2)/N ≈ 0.028; 5 sd ≈ 0.14.
    expect(Math.abs(meanDegree(graph) - z)).toBeLessThan(0.15);
    // Var of the sample variance of Poisson(λ) ≈ (λ + 2λ²)/N → sd ≈ 0.082 at N = 20k; 5 sd ≈ 0.41.
    const h = degreeHistogram(graph);
    let m2 = 0;
    const mean = meanDegree(graph);
    h.forEach((count, k) => {
      m2 += count * (k - mean) ** 2;
    });
    expect(Math.abs(m2 / nodes - z * (1 - z / (nodes - 1)))).toBeLessThan(0.45);
  });

  it('passes a chi-square test of its degree histogram against Poisson(z)', () => {
    const h = degreeHistogram(graph);
    // Bins with expected count ≥ 5, tails pooled into the end bins.
    const expected: number[] = [];
    const observed: number[] = [];
    let expectedTail = 0;
    let observedTail = 0;
    for (let k = 0; k < Math.max(h.length, 60); k++) {
      const e = nodes * poissonPmf(z, k);
      expectedTail += e;
      observedTail += h[k] ?? 0;
      if (expectedTail >= 5 && k < 20) {
        expected.push(expectedTail);
        observed.push(observedTail);
        expectedTail = 0;
        observedTail = 0;
      }
    }
    expected[expected.length - 1]! += expectedTail;
    observed[observed.length - 1]! += observedTail;
    let chi2 = 0;
    expected.forEach((e, i) => {
      chi2 += (observed[i]! - e) ** 2 / e;
    });
    const df = expected.length - 1;
    // Mean df, sd √(2·df): 5 sd above the mean is far beyond the 99.99th percentile.
    expect(df).toBeGreaterThan(10);
    expect(chi2).toBeLessThan(df + 5 * Math.sqrt(2 * df));
  });

  it('ties every pair with the same probability p', () => {
    // 400 graphs of 40 nodes at p = 0.25: each of the 780 pair counts is Binomial(400, 0.25).
    // The chi-square over pairs has mean 780 and sd √(2·780) ≈ 39.5; allow 5 sd either side.
    const n = 40;
    const runs = 400;
    const p = 0.25;
    const counts = new Float64Array(n * n);
    const rng = createRng('er-pairs', 'graph');
    for (let r = 0; r < runs; r++) {
      const g = erdosRenyi(n, p * (n - 1), rng);
      for (let v = 0; v < n; v++) {
        for (let i = g.offsets[v]!; i < g.offsets[v + 1]!; i++)
          if (g.targets[i]! > v) counts[v * n + g.targets[i]!]!++;
      }
    }
    let chi2 = 0;
    const mean = runs * p;
    for (let v = 0; v < n; v++)
      for (let u = v + 1; u < n; u++) chi2 += (counts[v * n + u]! - mean) ** 2 / (mean * (1 - p));
    const pairs = (n * (n - 1)) / 2;
    expect(Math.abs(chi2 - pairs)).toBeLessThan(5 * Math.sqrt(2 * pairs));
    // The first and the last pair walked are the edge cases of the skipping loop.
    expect(Math.abs(counts[0 * n + 1]! - mean)).toBeLessThan(5 * Math.sqrt(mean * (1 - p)));
    expect(Math.abs(counts[(n - 2) * n + (n - 1)]! - mean)).toBeLessThan(5 * Math.sqrt(mean * (1 - p)));
  });

  it('gives the complete graph at p = 1 and no ties at mean degree 0', () => {
    expect(erdosRenyi(30, 29, createRng('a', 'graph')).edgeCount).toBe(435);
    expect(erdosRenyi(30, 0, createRng('a', 'graph')).edgeCount).toBe(0);
  });

  it('refuses a mean degree above N − 1, naming the field', () => {
    expect(() => erdosRenyi(10, 12, createRng('a', 'graph'))).toThrow(
      /graph\.meanDegree: must be at most graph\.nodes − 1 = 9/,
    );
  });
});
