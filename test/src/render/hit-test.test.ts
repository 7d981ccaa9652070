// Tests for the uniform-grid hit test against a brute-force nearest search on the same seeded points.
import { describe, expect, it } from 'vitest';
import { createRng } from '../../../sim/rng.ts';
import { buildHitGrid, nearestAgent } from '../../../src/render/hit-test.ts';

function bruteForce(x: Float32Array, y: Float32Array, qx: number, qy: number, maxDistance: number): number {
  let best = -1;
  let bestD2 = maxDistance * maxDistance;
  for (let a = 0; a < x.length; a++) {
    const d2 = (x[a]! - qx) ** 2 + (y[a]! - qy) ** 2;
    if (d2 < bestD2) {
      bestD2 = d2;
      best = a;
    }
  }
  return best;
}

describe('hit-test grid', () => {
  it('finds the same nearest agent as a brute-force search for 2,000 random queries', () => {
    const rng = createRng('hit', 'test');
    const n = 5_000;
    const x = new Float32Array(n);
    const y = new Float32Array(n);
    for (let a = 0; a < n; a++) {
      x[a] = rng.next() * 1600;
      y[a] = rng.next() * 900;
    }
    const grid = buildHitGrid(x, y, 1600, 900, 12);
    let found = 0;
    for (let q = 0; q < 2_000; q++) {
      const qx = rng.next() * 1700 - 50;
      const qy = rng.next() * 1000 - 50;
      const expected = bruteForce(x, y, qx, qy, 10);
      expect(nearestAgent(grid, qx, qy, 10)).toBe(expected);
      if (expected >= 0) found++;
    }
    // With 5,000 points on 1600 × 900, a radius-10 disc holds 0.27 points on average: P(hit) ≈ 1 − e^−0.27 ≈ 24 %.
    expect(found).toBeGreaterThan(200);
  });

  it('returns −1 far from every agent and puts every agent in exactly one cell', () => {
    const x = new Float32Array([10, 20, 1590]);
    const y = new Float32Array([10, 20, 890]);
    const grid = buildHitGrid(x, y, 1600, 900, 50);
    expect(nearestAgent(grid, 800, 450, 40)).toBe(-1);
    expect(nearestAgent(grid, 1588, 888, 40)).toBe(2);
    expect(grid.cellStart[grid.cols * grid.rows]).toBe(3);
    expect([...grid.items].sort()).toEqual([0, 1, 2]);
  });
});
