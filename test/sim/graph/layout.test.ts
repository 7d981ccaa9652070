// Tests for the agent layout: determinism, containment in region boxes, cluster separation, influencers central.
import { describe, expect, it } from 'vitest';
import { computeLayout, type LayoutInput, packDiscs, regionBoxes } from '../../../sim/graph/layout.ts';
import { createRng } from '../../../sim/rng.ts';

/** A synthetic population: 8 regions of uneven size, 6 fandoms with one mega fandom, heavy-tailed tiers. */
function population(agentCount: number, seed: string): LayoutInput {
  const rng = createRng(seed, 'population');
  const region = new Uint8Array(agentCount);
  const fandom = new Uint8Array(agentCount);
  const tier = new Uint8Array(agentCount);
  const regionWeights = [0.05, 0.06, 0.18, 0.22, 0.14, 0.12, 0.13, 0.1];
  const fandomWeights = [0.5, 0.2, 0.12, 0.08, 0.05, 0.03, 0.02];
  const pick = (weights: number[]) => {
    let u = rng.next();
    for (let i = 0; i < weights.length; i++) {
      u -= weights[i]!;
      if (u < 0) return i;
    }
    return weights.length - 1;
  };
  for (let a = 0; a < agentCount; a++) {
    region[a] = pick(regionWeights);
    fandom[a] = pick(fandomWeights);
    tier[a] = pick([0.002, 0.01, 0.05, 0.15, 0.788]);
  }
  return { agentCount, region, fandom, tier, regionCount: 8, fandomCount: 6 };
}

describe('computeLayout', () => {
  const input = population(20_000, 'layout-test');
  const layout = computeLayout(input, createRng('s', 'layout'));

  it('gives the same positions for the same input and seed', () => {
    const again = computeLayout(input, createRng('s', 'layout'));
    expect(again.x).toEqual(layout.x);
    expect(again.y).toEqual(layout.y);
  });

  it('puts every agent inside its region box and the layout bounds', () => {
    let outside = 0;
    for (let a = 0; a < input.agentCount; a++) {
      const r = input.region[a]!;
      const [x0, y0, x1, y1] = layout.regionBoxes.subarray(r * 4, r * 4 + 4);
      const x = layout.x[a]!;
      const y = layout.y[a]!;
      if (!(x >= x0! && x <= x1! && y >= y0! && y <= y1!)) outside++;
      if (!(x >= 0 && x <= layout.width && y >= 0 && y <= layout.height)) outside++;
    }
    expect(outside).toBe(0);
  });

  it('keeps each (region, fandom) cluster apart: centroid distance exceeds the sum of RMS spreads', () => {
    // Uniformly filled non-overlapping discs have centre distance ≥ R₁ + R₂ = √2·(rms₁ + rms₂), so this holds with a
    // margin of √2 for exact packing; jitter only moves a node within its disc.
    const slots = input.fandomCount + 1;
    const cells = input.regionCount * slots;
    const sx = new Float64Array(cells);
    const sy = new Float64Array(cells);
    const sxx = new Float64Array(cells);
    const n = new Float64Array(cells);
    for (let a = 0; a < input.agentCount; a++) {
      const c = input.region[a]! * slots + input.fandom[a]!;
      sx[c]! += layout.x[a]!;
      sy[c]! += layout.y[a]!;
      sxx[c]! += layout.x[a]! ** 2 + layout.y[a]! ** 2;
      n[c]!++;
    }
    const cx = (c: number) => sx[c]! / n[c]!;
    const cy = (c: number) => sy[c]! / n[c]!;
    const rms = (c: number) => Math.sqrt(sxx[c]! / n[c]! - cx(c) ** 2 - cy(c) ** 2);
    let pairs = 0;
    for (let a = 0; a < cells; a++) {
      for (let b = a + 1; b < cells; b++) {
        if (n[a]! < 10 || n[b]! < 10) continue;
        pairs++;
        expect(Math.hypot(cx(a) - cx(b), cy(a) - cy(b))).toBeGreaterThan(rms(a) + rms(b));
      }
    }
    expect(pairs).toBeGreaterThan(1000);
  });

  it('seats influencers nearer their cluster centre than regular agents', () => {
    const distance = [0, 0];
    const count = [0, 0];
    const slots = input.fandomCount + 1;
    for (let a = 0; a < input.agentCount; a++) {
      const t = input.tier[a]!;
      if (t > 1 && t < 4) continue;
      const c = (input.region[a]! * slots + input.fandom[a]!) * 4;
      const d = Math.hypot(layout.x[a]! - layout.clusters[c]!, layout.y[a]! - layout.clusters[c + 1]!);
      const g = t <= 1 ? 0 : 1;
      distance[g]! += d / layout.clusters[c + 2]!;
      count[g]!++;
    }
    // Regular agents fill the outer shells (mean relative radius near 2/3 for a uniform disc); mega+macro take the
    // innermost ≈1 % of seats, so their mean relative radius is far below half of that.
    expect(distance[0]! / count[0]!).toBeLessThan(0.5 * (distance[1]! / count[1]!));
  });
});

describe('regionBoxes', () => {
  it('orders regions west to east by UTC offset and never overlaps two boxes', () => {
    const offsets = [9, 9, 7, 5.5, -6, -4, 1, 3];
    const boxes = regionBoxes(8, offsets);
    const centreX = (r: number) => (boxes[r * 4]! + boxes[r * 4 + 2]!) / 2;
    const west = [4, 5, 6, 7, 3, 2, 0, 1];
    for (let i = 1; i < west.length; i++) expect(centreX(west[i]!)).toBeGreaterThan(centreX(west[i - 1]!));
    for (let a = 0; a < 8; a++) {
      for (let b = a + 1; b < 8; b++) {
        const apart =
          boxes[a * 4 + 2]! <= boxes[b * 4]! ||
          boxes[b * 4 + 2]! <= boxes[a * 4]! ||
          boxes[a * 4 + 3]! <= boxes[b * 4 + 1]! ||
          boxes[b * 4 + 3]! <= boxes[a * 4 + 1]!;
        expect(apart).toBe(true);
      }
    }
  });
});

describe('packDiscs', () => {
  it('places discs without overlap, keeping the requested gap', () => {
    const radii = [10, 7, 7, 5, 3, 2, 1, 0.5, 0];
    const centres = packDiscs(radii, 1);
    for (let a = 0; a < radii.length; a++) {
      for (let b = a + 1; b < radii.length; b++) {
        if (radii[a] === 0 || radii[b] === 0) continue;
        const d = Math.hypot(centres[a * 2]! - centres[b * 2]!, centres[a * 2 + 1]! - centres[b * 2 + 1]!);
        expect(d).toBeGreaterThanOrEqual(radii[a]! + radii[b]! + 1 - 1e-6);
      }
    }
  });
});
