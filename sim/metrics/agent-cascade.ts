// One adopter's place in its cascade tree (for the inspector): the chain up to its seed, who adopted from it, its subtree, the whole tree's shape. Read-only over a TrendState.
import type { AgentCascade } from '../model/api.ts';
import type { TrendState } from '../model/state.ts';
import { treeStats } from './world-summary.ts';

/** Ancestors and children listed by id at most (the counts are always exact): the inspector shows them as links. */
export const CASCADE_LISTED = 12;

/**
 * Where `agent`, an adopter of `ts`, sits in its cascade tree. The chain is walked up the parent pointers (O(depth));
 * children and descendants come from one pass over the tree's adopters in adoption order, where every parent precedes
 * its children, so "my parent is in the subtree" decides membership in one step (O(size of the tree)). A chain that
 * reaches no seed (a correct run never makes one) reports root −1 and no tree.
 */
export function agentCascade(ts: TrendState, agent: number): AgentCascade {
  const ancestors: number[] = [];
  let root = agent;
  let generation = 0;
  for (let p = ts.parent[agent]!; p >= 0; p = ts.parent[p]!) {
    if (ts.adoptTick[p]! < 0 || generation > ts.adopters) {
      root = -1;
      break;
    }
    if (ancestors.length < CASCADE_LISTED) ancestors.push(p);
    root = p;
    generation++;
  }
  const children: number[] = [];
  let childCount = 0;
  let descendants = 0;
  if (root >= 0) {
    // One byte per agent, not a Set: a seed's subtree can be most of a 100k-agent world (a Set took 11 ms there).
    const inSubtree = new Uint8Array(ts.adoptTick.length);
    inSubtree[agent] = 1;
    let seenAgent = false;
    for (let i = 0; i < ts.adopters; i++) {
      if (ts.orderRoot[i] !== root) continue;
      const member = ts.order[i]!;
      if (member === agent) {
        seenAgent = true;
        continue;
      }
      const parent = ts.parent[member]!;
      if (!seenAgent || parent < 0 || inSubtree[parent] === 0) continue;
      inSubtree[member] = 1;
      descendants++;
      if (parent === agent) {
        childCount++;
        if (children.length < CASCADE_LISTED) children.push(member);
      }
    }
  }
  return {
    root,
    generation: root >= 0 ? generation : -1,
    ancestors,
    children,
    childCount,
    descendants,
    tree: root >= 0 ? treeStats(ts, root, ts.treeSize.get(root) ?? 0) : null,
  };
}
