// Discrete SIR against Newman (2002) percolation with transmissibility T = β/(β+γ−βγ) on ER and well-mixed populations.
import { describe, expect, it } from 'vitest';
import { runClassic } from '../../../../sim/model/classic/run.ts';
import { createRng } from '../../../../sim/rng.ts';
import { erdosRenyi, mean, poissonGiantFraction } from './helpers.ts';

const transmissibility = (beta: number, gamma: number) => beta / (beta + gamma - beta * gamma);

describe('discrete SIR', () => {
  it("matches Newman's epidemic size S = 1 − exp(−zTS) on ER graphs", () => {
    // z = 3, β = 0.3, γ = 0.2: T = 0.682, zT = 2.045, S ≈ 0.809. Incoming ties transmit independently,
    // so the size of a large outbreak is the bond-percolation S (Kenah & Robins 2007) even though the
    // outgoing ties of one node are correlated. Per-run sd ≈ 0.005 at N = 20,000; ≥ 20 of 40 runs take
    // off, so SE ≲ 0.0012 plus a graph-to-graph term: tolerance 0.006 ≈ 4 SE.
    const nodeCount = 20_000;
    const fractions: number[] = [];
    for (let g = 0; g < 4; g++) {
      const graph = erdosRenyi(nodeCount, 3, createRng('sir-above', `graph-${g}`));
      for (let r = 0; r < 10; r++) {
        const rng = createRng('sir-above', `run-${g}-${r}`);
        const result = runClassic(
          graph,
          { type: 'sir', beta: 0.3, gamma: 0.2 },
          Uint32Array.of(rng.int(nodeCount)),
          rng,
          100_000,
        );
        if (result.finalSize > 0.01 * nodeCount) fractions.push(result.finalSize / nodeCount);
      }
    }
    expect(fractions.length).toBeGreaterThanOrEqual(20);
    expect(Math.abs(mean(fractions) - poissonGiantFraction(3 * transmissibility(0.3, 0.2)))).toBeLessThan(
      0.006,
    );
  });

  it("matches Newman's mean outbreak size 1 + Tz/(1 − Tz) below threshold", () => {
    // z = 1.5, β = 0.2, γ = 0.5: T = 1/3, Tz = 0.5, mean size 2 (the mean only needs the marginal T
    // per tie). Shared infectious periods widen the size distribution (sd ≈ 2.1 here, vs 2 for
    // independent ties), so over 8,000 runs the SE is ≈ 0.024 and the tolerance 0.1 is about 4 SE.
    const nodeCount = 10_000;
    const sizes: number[] = [];
    for (let g = 0; g < 8; g++) {
      const graph = erdosRenyi(nodeCount, 1.5, createRng('sir-below', `graph-${g}`));
      const rng = createRng('sir-below', `runs-${g}`);
      for (let r = 0; r < 1_000; r++) {
        sizes.push(
          runClassic(
            graph,
            { type: 'sir', beta: 0.2, gamma: 0.5 },
            Uint32Array.of(rng.int(nodeCount)),
            rng,
            100_000,
          ).finalSize,
        );
      }
    }
    expect(Math.abs(mean(sizes) - 1 - 0.5 / (1 - 0.5))).toBeLessThan(0.1);
  });

  it('on a complete graph matches the percolation size with mean degree (N − 1)T', () => {
    // γ = 0.25 and β chosen so that (N − 1)T = 1.8: S ≈ 0.7324. N = 20,000, per-run sd ≈ 0.007; ~22 of
    // 30 runs take off: SE ≈ 0.0015, tolerance 0.007 ≈ 4.5 SE.
    const nodeCount = 20_000;
    const gamma = 0.25;
    const target = 1.8 / (nodeCount - 1);
    const beta = (target * gamma) / (1 - target + target * gamma);
    expect(transmissibility(beta, gamma) * (nodeCount - 1)).toBeCloseTo(1.8, 10);
    const fractions: number[] = [];
    for (let r = 0; r < 30; r++) {
      const rng = createRng('sir-complete', `run-${r}`);
      const result = runClassic(
        { kind: 'complete', nodeCount },
        { type: 'sir', beta, gamma },
        Uint32Array.of(0),
        rng,
        100_000,
      );
      if (result.finalSize > 0.01 * nodeCount) fractions.push(result.finalSize / nodeCount);
    }
    expect(fractions.length).toBeGreaterThan(12);
    expect(Math.abs(mean(fractions) - poissonGiantFraction(1.8))).toBeLessThan(0.007);
  });

  it('counts the infected as active and ends when none are left', () => {
    const graph = erdosRenyi(1_000, 3, createRng('sir-end', 'graph'));
    const result = runClassic(
      graph,
      { type: 'sir', beta: 0.4, gamma: 0.3 },
      Uint32Array.of(1, 2, 3),
      createRng('sir-end', 'run'),
      100_000,
    );
    expect(result.series.active[0]).toBe(3);
    expect(result.series.active[result.ticks]).toBe(0);
    for (let t = 1; t < result.ticks; t++) expect(result.series.active[t]).toBeGreaterThan(0);
  });
});
