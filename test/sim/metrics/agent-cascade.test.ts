// An adopter's place in its cascade (the inspector's "its cascade"): a hand-checked tree, and a simulated run against a brute-force walk of the parent pointers and cascade.ts.
import { describe, expect, it } from 'vitest';
import { agentCascade, CASCADE_LISTED } from '../../../sim/metrics/agent-cascade.ts';
import { cascadeTrees } from '../../../sim/metrics/cascade.ts';
import { createWorldEngine } from '../../../sim/model/engine.ts';
import type { TrendState } from '../../../sim/model/state.ts';
import { worldScenarioSchema } from '../../../sim/params/world.ts';

/**
 * The cascade bookkeeping adopt() keeps, for adopters 0..n−1 adopting in id order (each parent has a smaller id):
 * only the fields agentCascade reads.
 */
function bookkeeping(parents: readonly number[]): TrendState {
  const n = parents.length;
  const rootOf = (a: number): number => (parents[a]! < 0 ? a : rootOf(parents[a]!));
  const treeSize = new Map<number, number>();
  for (let a = 0; a < n; a++) treeSize.set(rootOf(a), (treeSize.get(rootOf(a)) ?? 0) + 1);
  const partial: Pick<TrendState, 'parent' | 'adoptTick' | 'adopters' | 'order' | 'orderRoot' | 'treeSize'> =
    {
      parent: Int32Array.from(parents),
      adoptTick: Int32Array.from(parents, (_, a) => a),
      adopters: n,
      order: Int32Array.from(parents, (_, a) => a),
      orderRoot: Int32Array.from(parents, (_, a) => rootOf(a)),
      treeSize,
    };
  return partial as TrendState;
}

/** Brute force: every adopter whose parent chain passes through `agent`. */
function descendantsByWalking(parent: Int32Array, adoptTick: Int32Array, agent: number): number {
  let count = 0;
  for (let a = 0; a < parent.length; a++) {
    if (a === agent || adoptTick[a]! < 0) continue;
    for (let p = parent[a]!; p >= 0; p = parent[p]!) {
      if (p === agent) {
        count++;
        break;
      }
    }
  }
  return count;
}

describe('agentCascade', () => {
  // Seed 0 → 1, 2; 1 → 3, 4; 3 → 5. A second tree: seed 6 → 7.
  const tree = bookkeeping([-1, 0, 0, 1, 1, 3, -1, 6]);

  it('places a mid-tree adopter: chain to the seed, children, subtree and the whole tree', () => {
    const cascade = agentCascade(tree, 1);
    expect(cascade.root).toBe(0);
    expect(cascade.generation).toBe(1);
    expect(cascade.ancestors).toEqual([0]);
    expect(cascade.children).toEqual([3, 4]);
    expect(cascade.childCount).toBe(2);
    expect(cascade.descendants).toBe(3);
    // Subtree sizes below the 5 edges: 4, 1, 2, 1, 1 → W = 4·2 + 1·5 + 2·4 + 1·5 + 1·5 = 31; ν = 2W / (6·5).
    expect(cascade.tree).toEqual({ root: 0, size: 6, depth: 3, maxBreadth: 2, structuralVirality: 62 / 30 });
  });

  it('gives a leaf its whole chain, nearest first, and no children', () => {
    const cascade = agentCascade(tree, 5);
    expect(cascade).toMatchObject({
      root: 0,
      generation: 3,
      ancestors: [3, 1, 0],
      children: [],
      descendants: 0,
    });
  });

  it('treats a seed as its own root at generation 0, and keeps trees apart', () => {
    const cascade = agentCascade(tree, 6);
    expect(cascade).toMatchObject({ root: 6, generation: 0, ancestors: [], children: [7], descendants: 1 });
    expect(cascade.tree?.size).toBe(2);
  });

  it('lists at most CASCADE_LISTED children but counts them all', () => {
    const star = bookkeeping([-1, ...Array.from({ length: CASCADE_LISTED + 5 }, () => 0)]);
    const cascade = agentCascade(star, 0);
    expect(cascade.children).toHaveLength(CASCADE_LISTED);
    expect(cascade.childCount).toBe(CASCADE_LISTED + 5);
    expect(cascade.descendants).toBe(CASCADE_LISTED + 5);
  });

  it('agrees with a brute-force walk and with cascade.ts on every adopter of a simulated run', () => {
    const engine = createWorldEngine(
      worldScenarioSchema.parse({
        version: 1,
        seed: 'agent-cascade',
        world: { agents: 1500 },
        trends: [{ name: 'Step', kind: 'dance-challenge', origin: 'idol', fandom: 'Orbit' }],
      }),
    );
    for (let t = 0; t < 48; t++) engine.step();
    const ts = engine.ctx.state.trends[0]!;
    const trees = new Map(cascadeTrees(ts.parent, ts.adoptTick).map((s) => [s.root, s]));
    let checked = 0;
    let withChildren = 0;
    for (let a = 0; a < engine.agentCount; a++) {
      if (ts.adoptTick[a]! < 0) continue;
      const cascade = agentCascade(ts, a);
      let generation = 0;
      let root = a;
      for (let p = ts.parent[a]!; p >= 0; p = ts.parent[p]!, generation++) root = p;
      expect(cascade.root).toBe(root);
      expect(cascade.generation).toBe(generation);
      expect(cascade.ancestors[0] ?? -1).toBe(ts.parent[a]);
      expect(cascade.descendants).toBe(descendantsByWalking(ts.parent, ts.adoptTick, a));
      expect(cascade.childCount).toBe(ts.parent.filter((p, c) => p === a && ts.adoptTick[c]! >= 0).length);
      const reference = trees.get(root)!;
      expect(cascade.tree?.size).toBe(reference.size);
      expect(cascade.tree?.depth).toBe(reference.depth);
      expect(cascade.tree?.maxBreadth).toBe(reference.maxBreadth);
      expect(cascade.tree?.structuralVirality).toBeCloseTo(reference.structuralVirality, 9);
      checked++;
      if (cascade.childCount > 0) withChildren++;
    }
    // Not an empty check: the trend spread, and some adopters passed it on.
    expect(checked).toBeGreaterThan(50);
    expect(withChildren).toBeGreaterThan(5);
  });
});
