// Independent cascade against Newman (2002) bond percolation on Erdős–Rényi and well-mixed populations.
import { describe, expect, it } from 'vitest';
import { runClassic } from '../../../../sim/model/classic/run.ts';
import { createRng } from '../../../../sim/rng.ts';
import { erdosRenyi, mean, poissonGiantFraction } from './helpers.ts';

describe('independent cascade', () => {
  // p = 0.5 runs the coin-per-tie kernel, p = 0.2 the geometric-skip kernel (SKIP_BELOW = 0.3).
  for (const [z, p] of [
    [4, 0.5],
    [10, 0.2],
  ] as const) {
    it(`matches Newman's giant-component size on ER graphs above threshold (z = ${z}, p = ${p})`, () => {
      // N = 20,000, zT = 2: S solves S = 1 − exp(−2S), S ≈ 0.7968. Per run the outbreak fraction has
      // sd ≈ sqrt(S(1−S)/N)/(1 − zT(1−S)) ≈ 0.005; ~32 of 40 runs take off, so the mean has SE ≈ 0.001
      // (plus a similar graph-to-graph term): tolerance 0.006 ≈ 4 SE.
      const nodeCount = 20_000;
      const fractions: number[] = [];
      for (let g = 0; g < 4; g++) {
        const graph = erdosRenyi(nodeCount, z, createRng('ic-above', `graph-${z}-${g}`));
        for (let r = 0; r < 10; r++) {
          const rng = createRng('ic-above', `run-${z}-${g}-${r}`);
          const seeds = Uint32Array.of(rng.int(nodeCount));
          const result = runClassic(graph, { type: 'independent-cascade', p }, seeds, rng, 10_000);
          if (result.finalSize > 0.01 * nodeCount) fractions.push(result.finalSize / nodeCount);
        }
      }
      expect(Math.abs(mean(fractions) - poissonGiantFraction(2))).toBeLessThan(0.006);
      // Take-off probability from one random seed is also S on ER: Binomial(40, 0.8) has sd 2.5, so
      // 24..39 take-offs is a > 3 sd window.
      expect(fractions.length).toBeGreaterThanOrEqual(24);
      expect(fractions.length).toBeLessThan(40);
    });
  }

  // p = 0.25 runs the geometric-skip kernel, p = 0.5 the coin-per-tie kernel (SKIP_BELOW = 0.3).
  for (const [z, p] of [
    [2, 0.25],
    [1, 0.5],
  ] as const) {
    it(`matches Newman's mean outbreak size 1 + Tz/(1 − Tz) below threshold (z = ${z}, p = ${p})`, () => {
      // Tz = 0.5, mean size 2. Outbreaks are (to O(1/N)) Borel(0.5) with sd 2; over 8,000 runs the SE
      // is 0.022, so the tolerance 0.09 is 4 SE.
      const nodeCount = 10_000;
      const sizes: number[] = [];
      for (let g = 0; g < 8; g++) {
        const graph = erdosRenyi(nodeCount, z, createRng('ic-below', `graph-${z}-${g}`));
        const rng = createRng('ic-below', `runs-${z}-${g}`);
        for (let r = 0; r < 1_000; r++) {
          const seeds = Uint32Array.of(rng.int(nodeCount));
          sizes.push(runClassic(graph, { type: 'independent-cascade', p }, seeds, rng, 10_000).finalSize);
        }
      }
      expect(Math.abs(mean(sizes) - 2)).toBeLessThan(0.09);
    });
  }

  it('on a complete graph with p = a/(N−1) matches the giant fraction of percolation with mean degree a', () => {
    // Well-mixed IC is bond percolation on the complete graph, i.e. ER with z·T = a = 2: S ≈ 0.7968.
    // N = 20,000, 30 runs, ~24 take off; per-run sd ≈ 0.005 as above: tolerance 0.006 ≈ 5 SE.
    const nodeCount = 20_000;
    const fractions: number[] = [];
    for (let r = 0; r < 30; r++) {
      const rng = createRng('ic-complete', `run-${r}`);
      const result = runClassic(
        { kind: 'complete', nodeCount },
        { type: 'independent-cascade', p: 2 / (nodeCount - 1) },
        Uint32Array.of(0),
        rng,
        10_000,
      );
      if (result.finalSize > 0.01 * nodeCount) fractions.push(result.finalSize / nodeCount);
    }
    expect(fractions.length).toBeGreaterThan(15);
    expect(Math.abs(mean(fractions) - poissonGiantFraction(2))).toBeLessThan(0.006);
  });

  it('activates nobody beyond the seeds when p = 0 and everyone reachable when p = 1', () => {
    const graph = erdosRenyi(2_000, 3, createRng('ic-edge', 'graph'));
    const none = runClassic(
      graph,
      { type: 'independent-cascade', p: 0 },
      Uint32Array.of(5, 9),
      createRng('ic-edge', 'a'),
      100,
    );
    expect(none.finalSize).toBe(2);
    const all = runClassic(
      graph,
      { type: 'independent-cascade', p: 1 },
      Uint32Array.of(5),
      createRng('ic-edge', 'b'),
      10_000,
    );
    // With p = 1 the cascade is the connected component of the seed, reached in BFS order: adoptTick = distance.
    const distance = new Int32Array(graph.nodeCount).fill(-1);
    const queue = [5];
    distance[5] = 0;
    for (let head = 0; head < queue.length; head++) {
      const u = queue[head]!;
      for (let e = graph.offsets[u]!; e < graph.offsets[u + 1]!; e++) {
        const v = graph.targets[e]!;
        if (distance[v] === -1) {
          distance[v] = distance[u]! + 1;
          queue.push(v);
        }
      }
    }
    expect(Array.from(all.adoptTick)).toEqual(Array.from(distance));
  });
});
