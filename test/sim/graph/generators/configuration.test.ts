// Tests for the configuration model: degree sequence kept up to erased loops/repeats, mixing, odd sums. Touches only sim/graph.
import { describe, expect, it } from 'vitest';
import { configurationModel } from '../../../../sim/graph/generators/configuration.ts';
import { InputError } from '../../../../sim/params/errors.ts';
import { createRng } from '../../../../sim/rng.ts';
import { expectSimpleUndirected } from './graph-checks.ts';

describe('configurationModel', () => {
  it('reproduces a perfect matching exactly (degree 1 stubs can form neither loops nor repeats)', () => {
    const degrees = new Array<number>(1_000).fill(1);
    const graph = configurationModel(degrees, createRng('cm-matching', 'graph'));
    expectSimpleUndirected(graph);
    expect(graph.edgeCount).toBe(500);
    for (let v = 0; v < 1_000; v++) expect(graph.offsets[v + 1]! - graph.offsets[v]!).toBe(1);
  });

  it('keeps each degree up to the few erased self-loops and repeated ties', () => {
    // Half the nodes of degree 2, half of degree 5: ⟨k⟩ = 3.5, ⟨k(k−1)⟩ = 11. Expected erasures
    // (Newman 2010 §13.2): self-loops ⟨k(k−1)⟩/(2⟨k⟩) ≈ 1.6, repeats (⟨k(k−1)⟩/⟨k⟩)²/4 ≈ 2.5.
    // Each erasure costs 2 stub ends; 20 erasures (40 ends) is far beyond a Poisson(4.1) count.
    const nodes = 20_000;
    const degrees = Array.from({ length: nodes }, (_, v) => (v % 2 === 0 ? 2 : 5));
    const graph = configurationModel(degrees, createRng('cm-degrees', 'graph'));
    expectSimpleUndirected(graph);
    let deficit = 0;
    let overshoot = 0;
    for (let v = 0; v < nodes; v++) {
      const got = graph.offsets[v + 1]! - graph.offsets[v]!;
      if (got > degrees[v]!) overshoot++;
      deficit += degrees[v]! - got;
    }
    expect(overshoot).toBe(0);
    expect(deficit).toBeLessThanOrEqual(40);
    expect(graph.edgeCount).toBeGreaterThanOrEqual(35_000 - 20);
  });

  it('mixes stubs at random: the mean degree of a neighbour is ⟨k²⟩/⟨k⟩', () => {
    // ⟨k²⟩/⟨k⟩ = 14.5/3.5 ≈ 4.143 for the 2/5 sequence. Per stub the neighbour degree has sd ≈ 1.5,
    // over 70k stubs (pairs correlated at most in twos) the mean's sd is < 0.01; allow 0.05.
    const nodes = 20_000;
    const degrees = Array.from({ length: nodes }, (_, v) => (v % 2 === 0 ? 2 : 5));
    const graph = configurationModel(degrees, createRng('cm-mixing', 'graph'));
    let sum = 0;
    for (let i = 0; i < graph.targets.length; i++) sum += degrees[graph.targets[i]!]!;
    expect(Math.abs(sum / graph.targets.length - 14.5 / 3.5)).toBeLessThan(0.05);
  });

  it('refuses an odd degree sum with an InputError naming graph.degrees', () => {
    let error: unknown;
    try {
      configurationModel([1, 2, 2], createRng('a', 'graph'));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).lines[0]).toMatch(/^graph\.degrees: the degrees add up to 5, an odd number/);
  });
});
