// Tests tie sampling on exact small graphs: every tie once, evenly spread, capped, and clipped to a viewport.
import { describe, expect, it } from 'vitest';
import { csrFromEdges } from '../../../sim/graph/csr.ts';
import { sampleTies } from '../../../sim/host/ties.ts';

/** A directed star: agent 0 is followed by agents 1..n-1 (ties 0 → k, i.e. 0 pushes to each follower). */
function star(n: number) {
  const sources = new Uint32Array(n - 1);
  const targets = Uint32Array.from({ length: n - 1 }, (_, i) => i + 1);
  return csrFromEdges(n, sources, targets, n - 1, { directed: true });
}

/** Agents on a line: agent i at x = i, y = 0. */
const line = (n: number) => ({ x: Float32Array.from({ length: n }, (_, i) => i), y: new Float32Array(n) });

describe('sampleTies', () => {
  it('returns every tie once when the sample is large enough, undirected ties as u < v', () => {
    const triangle = csrFromEdges(3, Uint32Array.of(0, 1, 2), Uint32Array.of(1, 2, 0), 3, {
      directed: false,
    });
    const all = sampleTies([{ platform: 2, graph: triangle }], 100, line(3));
    expect(all.totalTies).toBe(3);
    expect(Array.from(all.sources)).toEqual([0, 0, 1]);
    expect(Array.from(all.targets)).toEqual([1, 2, 2]);
    expect(Array.from(all.platform)).toEqual([2, 2, 2]);
  });

  it('keeps every k-th tie across layers, never more than asked', () => {
    const sample = sampleTies(
      [
        { platform: 0, graph: star(11) },
        { platform: 1, graph: star(11) },
      ],
      5,
      line(11),
    );
    // 20 ties, stride ceil(20 / 5) = 4: ties 0, 4, 8 of layer 0 and 12 − 10 = 2, 6 of layer 1.
    expect(sample.totalTies).toBe(20);
    expect(Array.from(sample.targets)).toEqual([1, 5, 9, 3, 7]);
    expect(Array.from(sample.platform)).toEqual([0, 0, 0, 1, 1]);
  });

  it('keeps only ties with both ends inside the viewport', () => {
    const sample = sampleTies([{ platform: 0, graph: star(11) }], 100, line(11), {
      x0: 0,
      y0: -1,
      x1: 4.5,
      y1: 1,
    });
    expect(sample.totalTies).toBe(4);
    expect(Array.from(sample.targets)).toEqual([1, 2, 3, 4]);
  });

  it('returns nothing for a sample of zero', () => {
    const sample = sampleTies([{ platform: 0, graph: star(5) }], 0, line(5));
    expect(sample.sources.length).toBe(0);
    expect(sample.totalTies).toBe(4);
  });
});
