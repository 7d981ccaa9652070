// Cascade-tree measures against exact values: stars, paths, a hand-computed tree, and brute-force all-pairs distances.
import { describe, expect, it } from 'vitest';
import { cascadeTrees } from '../../../sim/metrics/cascade.ts';
import { createRng } from '../../../sim/rng.ts';

const everyone = () => true;

/** Mean distance over all pairs by a breadth-first search from every node (independent of the W formula). */
function bruteForceVirality(parent: Int32Array): number {
  const n = parent.length;
  const neighbours: number[][] = Array.from({ length: n }, () => []);
  for (let v = 0; v < n; v++) {
    if (parent[v]! >= 0) {
      neighbours[v]!.push(parent[v]!);
      neighbours[parent[v]!]!.push(v);
    }
  }
  let total = 0;
  for (let s = 0; s < n; s++) {
    const distance = new Array<number>(n).fill(-1);
    distance[s] = 0;
    const queue = [s];
    for (let head = 0; head < queue.length; head++) {
      const u = queue[head]!;
      for (const w of neighbours[u]!) {
        if (distance[w] === -1) {
          distance[w] = distance[u]! + 1;
          queue.push(w);
        }
      }
    }
    for (const d of distance) total += d;
  }
  return total / (n * (n - 1));
}

describe('cascadeTrees', () => {
  it('gives a star of n nodes virality 2(n−1)/n, depth 1 and breadth n−1', () => {
    for (const n of [2, 3, 10, 1_000]) {
      const parent = new Int32Array(n).fill(0);
      parent[0] = -1;
      const [star] = cascadeTrees(parent, everyone);
      expect(star).toEqual({
        root: 0,
        size: n,
        depth: 1,
        maxBreadth: n - 1,
        structuralVirality: expect.closeTo((2 * (n - 1)) / n, 12),
      });
    }
  });

  it('gives a path of n nodes virality (n+1)/3, depth n−1 and breadth 1, even at a million nodes', () => {
    for (const n of [2, 5, 1_000_000]) {
      const parent = Int32Array.from({ length: n }, (_, i) => i - 1);
      const [path] = cascadeTrees(parent, everyone);
      expect(path!.size).toBe(n);
      expect(path!.depth).toBe(n - 1);
      expect(path!.maxBreadth).toBe(1);
      expect(path!.structuralVirality).toBeCloseTo((n + 1) / 3, 6);
    }
  });

  it('matches a small tree computed by hand', () => {
    //        0
    //      /   \
    //     1     2        W = 4·2 + 1·5 + 2·4 + 1·5 + 1·5 = 31 (edges 0-1, 0-2, 1-3, 1-4, 3-5)
    //    / \             virality = 2·31/(6·5) = 31/15; depth 3; levels 1, 2, 2, 1
    //   3   4
    //   |
    //   5
    const parent = Int32Array.of(-1, 0, 0, 1, 1, 3);
    expect(cascadeTrees(parent, everyone)).toEqual([
      { root: 0, size: 6, depth: 3, maxBreadth: 2, structuralVirality: expect.closeTo(31 / 15, 12) },
    ]);
  });

  it('gives a lone root virality 0, and splits a forest by root using adoptTick', () => {
    // Nodes 0 and 3 are roots; node 4 never adopted (adoptTick −1) and is left out.
    const parent = Int32Array.of(-1, 0, 1, -1, -1, 3);
    const adoptTick = Int32Array.of(0, 1, 2, 0, -1, 1);
    expect(cascadeTrees(parent, adoptTick)).toEqual([
      { root: 0, size: 3, depth: 2, maxBreadth: 1, structuralVirality: expect.closeTo(4 / 3, 12) },
      { root: 3, size: 2, depth: 1, maxBreadth: 1, structuralVirality: 1 },
    ]);
    expect(cascadeTrees(Int32Array.of(-1), everyone)).toEqual([
      { root: 0, size: 1, depth: 0, maxBreadth: 1, structuralVirality: 0 },
    ]);
  });

  it('agrees with brute-force all-pairs distances on random trees', () => {
    const rng = createRng('virality', 'trees');
    for (let trial = 0; trial < 30; trial++) {
      const n = 2 + rng.int(60);
      // Random recursive tree: each node's parent is an earlier node.
      const parent = Int32Array.from({ length: n }, (_, i) => (i === 0 ? -1 : rng.int(i)));
      const [tree] = cascadeTrees(parent, everyone);
      expect(tree!.structuralVirality).toBeCloseTo(bruteForceVirality(parent), 10);
    }
  });
});
