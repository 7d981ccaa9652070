// Tests for the stochastic block model: tie density of every block pair, block ids. Touches only sim/graph.
import { describe, expect, it } from 'vitest';
import { sbmBlockIds, sbmExpectedEdges, stochasticBlockModel } from '../../../../sim/graph/generators/sbm.ts';
import { createRng } from '../../../../sim/rng.ts';
import { expectSimpleUndirected } from './graph-checks.ts';

describe('stochasticBlockModel', () => {
  const sizes = [1_000, 1_500, 500];
  const pIn = 0.02;
  const pOut = 0.002;
  const graph = stochasticBlockModel(sizes, pIn, pOut, createRng('sbm-density', 'graph'));
  const block = sbmBlockIds(sizes);

  it('builds a simple undirected graph over all blocks', () => {
    expect(graph.nodeCount).toBe(3_000);
    expectSimpleUndirected(graph);
  });

  it('ties each block pair at its own density', () => {
    // Ties inside block a ~ Binomial(C(s_a, 2), pIn), across a and b ~ Binomial(s_a·s_b, pOut):
    // every observed count must lie within 5 binomial sd of its mean.
    const ties = sizes.map(() => new Float64Array(sizes.length));
    for (let v = 0; v < graph.nodeCount; v++) {
      for (let i = graph.offsets[v]!; i < graph.offsets[v + 1]!; i++) {
        const u = graph.targets[i]!;
        if (u > v) ties[Math.min(block[v]!, block[u]!)]![Math.max(block[v]!, block[u]!)]!++;
      }
    }
    for (let a = 0; a < sizes.length; a++) {
      for (let b = a; b < sizes.length; b++) {
        const pairs = a === b ? (sizes[a]! * (sizes[a]! - 1)) / 2 : sizes[a]! * sizes[b]!;
        const p = a === b ? pIn : pOut;
        const sd = Math.sqrt(pairs * p * (1 - p));
        expect(Math.abs(ties[a]![b]! - pairs * p)).toBeLessThan(5 * sd);
      }
    }
  });

  it('expects the tie count the blocks imply', () => {
    expect(sbmExpectedEdges(sizes, pIn, pOut)).toBeCloseTo(
      pIn * (499_500 + 1_124_250 + 124_750) + pOut * (1_500_000 + 500_000 + 750_000),
      6,
    );
  });

  it('fills every cross-block pair when pOut = 1 and none inside when pIn = 0', () => {
    const g = stochasticBlockModel([3, 4], 0, 1, createRng('a', 'graph'));
    expect(g.edgeCount).toBe(12);
    expectSimpleUndirected(g);
  });

  it('numbers blocks consecutively', () => {
    expect(Array.from(sbmBlockIds([2, 1, 3]))).toEqual([0, 0, 1, 2, 2, 2]);
  });
});
