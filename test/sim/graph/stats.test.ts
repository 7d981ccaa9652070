// Tests for graph statistics on small graphs whose values are known exactly. Touches only sim/graph.
import { describe, expect, it } from 'vitest';
import { csrFromEdges } from '../../../sim/graph/csr.ts';
import {
  clustering,
  componentSizes,
  countTriangles,
  degreeHistogram,
  meanDegree,
} from '../../../sim/graph/stats.ts';

function undirected(nodes: number, ties: [number, number][]) {
  return csrFromEdges(
    nodes,
    Uint32Array.from(ties.map((t) => t[0])),
    Uint32Array.from(ties.map((t) => t[1])),
    ties.length,
    { directed: false },
  );
}

describe('graph statistics', () => {
  // The "paw": triangle 0-1-2 with a pendant 3 on node 0. Degrees 3, 2, 2, 1.
  const paw = undirected(4, [
    [0, 1],
    [1, 2],
    [2, 0],
    [0, 3],
  ]);

  it('counts degrees and their mean', () => {
    expect(Array.from(degreeHistogram(paw))).toEqual([0, 1, 2, 1]);
    expect(meanDegree(paw)).toBe(2);
  });

  it('finds the paw’s one triangle at each of its corners', () => {
    const t = countTriangles(paw);
    expect(t.total).toBe(1);
    expect(Array.from(t.perNode)).toEqual([1, 1, 1, 0]);
  });

  it('gives transitivity 3·1/5 and mean local clustering (1/3 + 1 + 1 + 0)/4 on the paw', () => {
    const c = clustering(paw);
    expect(c.global).toBeCloseTo(3 / 5, 12);
    expect(c.meanLocal).toBeCloseTo((1 / 3 + 2) / 4, 12);
  });

  it('gives clustering 1 on a clique and 0 on a star', () => {
    const k5: [number, number][] = [];
    for (let i = 0; i < 5; i++) for (let j = i + 1; j < 5; j++) k5.push([i, j]);
    const c = clustering(undirected(5, k5));
    expect(c.triangles).toBe(10);
    expect(c.global).toBe(1);
    expect(c.meanLocal).toBe(1);
    const star = clustering(
      undirected(6, [
        [0, 1],
        [0, 2],
        [0, 3],
        [0, 4],
        [0, 5],
      ]),
    );
    expect(star.global).toBe(0);
    expect(star.triangles).toBe(0);
  });

  it('lists component sizes largest first, isolated nodes included', () => {
    const g = undirected(8, [
      [0, 1],
      [1, 2],
      [4, 5],
      [6, 6],
    ]);
    expect(componentSizes(g)).toEqual([3, 2, 1, 1, 1]);
  });

  it('follows directed ties both ways for weak components', () => {
    const g = csrFromEdges(4, Uint32Array.from([0, 2]), Uint32Array.from([1, 1]), 2, { directed: true });
    expect(componentSizes(g)).toEqual([3, 1]);
  });
});
