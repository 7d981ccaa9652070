// Tests for the CSR builder contract the generators rely on: dedupe, self-loops, sorted lists, both directions. Touches only sim/graph.
import { describe, expect, it } from 'vitest';
import { csrBytes, csrFromEdges } from '../../../sim/graph/csr.ts';

const lists = (offsets: Uint32Array, targets: Uint32Array) =>
  Array.from({ length: offsets.length - 1 }, (_, v) =>
    Array.from(targets.subarray(offsets[v]!, offsets[v + 1]!)),
  );

describe('csrFromEdges', () => {
  const from = Uint32Array.from([2, 0, 1, 1, 3, 0]);
  const to = Uint32Array.from([0, 2, 1, 3, 1, 1]);

  it('drops self-loops and repeated ties (u–v given as v–u too) in an undirected graph', () => {
    const g = csrFromEdges(4, from, to, from.length, { directed: false });
    expect(lists(g.offsets, g.targets)).toEqual([[1, 2], [0, 3], [0], [1]]);
    expect(g.edgeCount).toBe(3);
    expect(g.inTargets).toBe(g.targets);
  });

  it('keeps repeats and loops when asked to', () => {
    const g = csrFromEdges(4, from, to, from.length, {
      directed: false,
      dedupe: false,
      dropSelfLoops: false,
    });
    expect(lists(g.offsets, g.targets)).toEqual([
      [1, 2, 2],
      [0, 1, 1, 3, 3],
      [0, 0],
      [1, 1],
    ]);
  });

  it('keeps out- and in-lists apart in a directed graph', () => {
    const g = csrFromEdges(4, from, to, from.length, { directed: true });
    expect(lists(g.offsets, g.targets)).toEqual([[1, 2], [3], [0], [1]]);
    expect(lists(g.inOffsets, g.inTargets)).toEqual([[2], [0, 3], [0], [1]]);
    expect(g.edgeCount).toBe(5);
  });

  it('rejects a tie naming a node outside the graph', () => {
    expect(() =>
      csrFromEdges(2, Uint32Array.from([0]), Uint32Array.from([2]), 1, { directed: false }),
    ).toThrow(RangeError);
  });

  it('sizes a graph at 4 bytes per offset and per stored tie end', () => {
    expect(csrBytes(10, 30, false)).toBe(4 * 11 + 4 * 30);
    expect(csrBytes(10, 30, true)).toBe(2 * (4 * 11 + 4 * 30));
  });
});
