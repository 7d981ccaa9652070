// Fractional threshold (Watts 2002) and k-threshold complex contagion: the cascade window and exact small cases.
import { describe, expect, it } from 'vitest';
import { runClassic } from '../../../../sim/model/classic/run.ts';
import { fractionNeeded } from '../../../../sim/model/classic/threshold.ts';
import { createRng } from '../../../../sim/rng.ts';
import { erdosRenyi, graphFromPairs, ringLattice } from './helpers.ts';

/** Watts (2002) on Poisson(z) degrees with uniform φ: cascades are possible iff Σ_k k(k−1)ρ_k p_k > z, ρ_k = 1 for 1 ≤ k ≤ ⌊1/φ⌋. */
function wattsMargin(z: number, phi: number): number {
  let sum = 0;
  let pk = Math.exp(-z);
  for (let k = 0; k <= Math.floor(1 / phi); k++) {
    if (k > 0) pk *= z / k;
    sum += k * (k - 1) * pk;
  }
  return sum - z;
}

/** Share of `runs` single random seeds that reach more than 10% of N, on 4 ER graphs of mean degree z. */
function globalCascadeShare(z: number, phi: number, runs: number): number {
  const nodeCount = 10_000;
  let global = 0;
  for (let g = 0; g < 4; g++) {
    const graph = erdosRenyi(nodeCount, z, createRng('watts', `graph-${z}-${g}`));
    const rng = createRng('watts', `runs-${z}-${g}`);
    for (let r = 0; r < runs / 4; r++) {
      if (
        runClassic(graph, { type: 'threshold', phi }, Uint32Array.of(rng.int(nodeCount)), rng, 100_000)
          .finalSize >
        0.1 * nodeCount
      )
        global++;
    }
  }
  return global / runs;
}

describe('fractional threshold model', () => {
  it('shows the Watts cascade window on ER graphs', () => {
    // φ = 0.18 (vulnerable when k ≤ 5): the theory gives a window of about 1.03 < z < 5.75.
    const phi = 0.18;
    expect(wattsMargin(0.5, phi)).toBeLessThan(0);
    expect(wattsMargin(2, phi)).toBeGreaterThan(0);
    expect(wattsMargin(4, phi)).toBeGreaterThan(0);
    expect(wattsMargin(11, phi)).toBeLessThan(0);
    // Inside, a random seed starts a global cascade whenever it touches the giant vulnerable cluster:
    // well over half the runs (0.73 and 0.85 in seeded trials); with 200 runs the share has sd ≤ 0.035,
    // so ≥ 0.5 leaves > 6 sd. Well outside, components (z = 0.5) or vulnerable clusters (z = 11, only
    // 2% of nodes vulnerable) are tiny, so a cascade over 10% of N does not happen at all.
    expect(globalCascadeShare(2, phi, 200)).toBeGreaterThan(0.5);
    expect(globalCascadeShare(4, phi, 200)).toBeGreaterThan(0.5);
    expect(globalCascadeShare(0.5, phi, 200)).toBe(0);
    expect(globalCascadeShare(11, phi, 200)).toBe(0);
  });

  it('adopts exactly when the adopted fraction of neighbours reaches φ', () => {
    // Path 0-1-2-3: node 1 sees 1 of 2 neighbours adopted (0.5), node 3 has one neighbour.
    const path = graphFromPairs(4, [
      [0, 1],
      [1, 2],
      [2, 3],
    ]);
    const half = runClassic(
      path,
      { type: 'threshold', phi: 0.5 },
      Uint32Array.of(0),
      createRng('t', 'a'),
      100,
    );
    expect(Array.from(half.adoptTick)).toEqual([0, 1, 2, 3]);
    expect(Array.from(half.parent)).toEqual([-1, 0, 1, 2]);
    const above = runClassic(
      path,
      { type: 'threshold', phi: 0.6 },
      Uint32Array.of(0),
      createRng('t', 'b'),
      100,
    );
    expect(Array.from(above.adoptTick)).toEqual([0, -1, -1, -1]);
    expect(above.ticks).toBe(0);
  });

  it('needs the smallest count c with c/degree ≥ φ, exact at ties', () => {
    expect(fractionNeeded(10, 0.3)).toBe(3);
    expect(fractionNeeded(3, 1 / 3)).toBe(1);
    expect(fractionNeeded(99, 0.3)).toBe(30);
    expect(fractionNeeded(4, 0)).toBe(1);
    expect(fractionNeeded(0, 0.1)).toBe(0xffffffff);
  });

  it('tips a whole complete graph once the adopted fraction reaches φ, and not before', () => {
    // N = 100: every non-adopter has 99 neighbours; φ = 0.3 needs 30 adopters (29/99 < 0.3 ≤ 30/99).
    const graph = { kind: 'complete', nodeCount: 100 } as const;
    const seeds = (count: number) => Uint32Array.from({ length: count }, (_, i) => i);
    expect(
      runClassic(graph, { type: 'threshold', phi: 0.3 }, seeds(29), createRng('t', 'c'), 100).finalSize,
    ).toBe(29);
    const tipped = runClassic(graph, { type: 'threshold', phi: 0.3 }, seeds(30), createRng('t', 'd'), 100);
    expect(tipped.finalSize).toBe(100);
    expect(tipped.ticks).toBe(1);
  });
});

describe('complex contagion', () => {
  it('never spreads from a single seed when k = 2 and there is no noise', () => {
    const graph = erdosRenyi(5_000, 6, createRng('cc', 'graph'));
    const rng = createRng('cc', 'runs');
    for (let r = 0; r < 20; r++) {
      const result = runClassic(
        graph,
        { type: 'complex-contagion', k: 2, noise: 0 },
        Uint32Array.of(rng.int(5_000)),
        rng,
        1_000,
      );
      expect(result.finalSize).toBe(1);
      expect(result.ticks).toBe(0);
    }
  });

  it('spreads two adjacent seeds deterministically around a ring lattice with two neighbours per side', () => {
    // Seeds 0 and 1: nodes 2 and N−1 each see both seeds, then two more nodes per tick, one each way,
    // so away from where the fronts meet node v adopts at min(v − 1, N − v). The whole schedule is
    // checked against a brute-force synchronous update written independently here.
    const nodeCount = 101;
    const result = runClassic(
      ringLattice(nodeCount, 2),
      { type: 'complex-contagion', k: 2, noise: 0 },
      Uint32Array.of(0, 1),
      createRng('cc', 'ring'),
      1_000,
    );
    const expected = new Array<number>(nodeCount).fill(-1);
    expected[0] = 0;
    expected[1] = 0;
    for (let tick = 1; expected.includes(-1); tick++) {
      const adoptedBefore = expected.map((t) => t !== -1);
      for (let v = 0; v < nodeCount; v++) {
        if (adoptedBefore[v]) continue;
        let count = 0;
        for (const d of [-2, -1, 1, 2]) if (adoptedBefore[(v + d + nodeCount) % nodeCount]) count++;
        if (count >= 2) expected[v] = tick;
      }
    }
    expect(Array.from(result.adoptTick)).toEqual(expected);
    for (let v = 2; v < 45; v++) expect(result.adoptTick[v]).toBe(v - 1);
    for (let v = 58; v < nodeCount; v++) expect(result.adoptTick[v]).toBe(nodeCount - v);
    for (let v = 2; v < nodeCount; v++)
      expect(result.adoptTick[result.parent[v]!]).toBe(result.adoptTick[v]! - 1);
    expect(result.ticks).toBe(Math.max(...expected));
  });

  it('adopts by noise alone at rate ε per tick when the threshold is out of reach', () => {
    // k above every degree: only noise acts, so the adopted fraction after t ticks is exactly
    // Binomial(N, 1 − (1 − ε)^t)/N. N = 100,000: sd ≤ 0.0016; 4.5 sd → 0.007 at every tick.
    const nodeCount = 100_000;
    const graph = erdosRenyi(nodeCount, 3, createRng('cc-noise', 'graph'));
    const result = runClassic(
      graph,
      { type: 'complex-contagion', k: 1_000, noise: 0.02 },
      new Uint32Array(0),
      createRng('cc-noise', 'run'),
      60,
    );
    for (let t = 0; t <= 60; t++)
      expect(Math.abs(result.series.adopted[t]! / nodeCount - (1 - 0.98 ** t))).toBeLessThan(0.007);
    expect(result.parent.every((p) => p === -1)).toBe(true);
  });
});
