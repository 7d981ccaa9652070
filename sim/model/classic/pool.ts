// A set of nodes (e.g. the not-yet-adopted) with O(1) removal and exact Bernoulli thinning by geometric skips. Pure.
import type { Rng } from '../../rng.ts';

/**
 * `members[0 .. size-1]` are the nodes in the pool, in no meaningful order; `position[v]` is v's index
 * in `members`, or −1 when v is not in the pool.
 */
export interface NodePool {
  readonly members: Uint32Array;
  readonly position: Int32Array;
  size: number;
}

/** A pool holding every node 0..nodeCount-1 except those with `exclude[v] ≥ 0` (e.g. adoptTick). */
export function createPool(nodeCount: number, exclude?: Int32Array): NodePool {
  const members = new Uint32Array(nodeCount);
  const position = new Int32Array(nodeCount).fill(-1);
  let size = 0;
  for (let v = 0; v < nodeCount; v++) {
    if (exclude && exclude[v]! >= 0) continue;
    members[size] = v;
    position[v] = size++;
  }
  return { members, position, size };
}

/** Removes `node` if present (swap with the last member). */
export function removeFromPool(pool: NodePool, node: number): void {
  const index = pool.position[node]!;
  if (index < 0) return;
  const last = pool.members[--pool.size]!;
  pool.members[index] = last;
  pool.position[last] = index;
  pool.position[node] = -1;
}

/**
 * Picks every member independently with probability `probability`, removes the picked ones from the
 * pool and writes them to `out` (from index 0); returns how many. Exact Bernoulli thinning: the gaps
 * between picks are geometric, drawn as ⌊ln U / ln(1 − p)⌋, so the cost is one draw per pick (plus one),
 * not one per member. `out` must have room for `pool.size` entries.
 */
export function takeEach(pool: NodePool, probability: number, rng: Rng, out: Uint32Array): number {
  const size = pool.size;
  if (size === 0 || !(probability > 0)) return 0;
  let picked = 0;
  if (probability >= 1) {
    for (let i = 0; i < size; i++) out[picked++] = pool.members[i]!;
  } else {
    const logMiss = Math.log1p(-probability);
    let index = -1;
    for (;;) {
      index += 1 + Math.floor(Math.log(1 - rng.next()) / logMiss);
      if (!(index < size)) break;
      out[picked++] = pool.members[index]!;
    }
  }
  // Picks are in increasing index order; removing from the back keeps the indices of earlier picks valid.
  for (let i = picked - 1; i >= 0; i--) removeFromPool(pool, out[i]!);
  return picked;
}
