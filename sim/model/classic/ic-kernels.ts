// The independent-cascade inner loops over one CSR layer: per-tie coins, or geometric skips between successes. Pure.
import type { CsrGraph } from '../../graph/csr.ts';
import type { AleaState } from './fast-alea.ts';
import type { AdopterLog } from './state.ts';

/**
 * Both kernels spread from the frontier `order[start..end)` over one layer with tie probability p,
 * activating inactive targets at tick `state.tick + 1` (appended to `order`, parent = the source), and
 * return the ties scanned: every out-tie of every frontier node, whether or not its coin was read.
 * `active` is a bitset (bit v & 31 of word v >>> 5). They draw from the child alea, stepped inline.
 */
/** The hot loop: one CSR layer, frontier = order[start..end). Returns ties scanned. */
export function spreadOnCsr(
  log: AdopterLog,
  layer: CsrGraph,
  probability: number,
  start: number,
  end: number,
  active: Int32Array,
  alea: AleaState,
): number {
  const state = log.state;
  const order = log.order;
  const offsets = layer.offsets;
  const targets = layer.targets;
  const adoptTick = state.adoptTick;
  const parent = state.parent;
  const nextTick = state.tick + 1;
  let adopted = state.adoptedCount;
  let s0 = alea[0]!;
  let s1 = alea[1]!;
  let s2 = alea[2]!;
  let c = alea[3]!;
  let scanned = 0;
  for (let f = start; f < end; f++) {
    const u = order[f]!;
    const first = offsets[u]!;
    const last = offsets[u + 1]!;
    scanned += last - first;
    for (let e = first; e < last; e++) {
      const v = targets[e]!;
      if ((active[v >>> 5]! & (1 << (v & 31))) !== 0) continue;
      const t = 2091639 * s0 + c * 2.3283064365386963e-10;
      s0 = s1;
      s1 = s2;
      c = t | 0;
      s2 = t - c;
      if (s2 < probability) {
        active[v >>> 5]! |= 1 << (v & 31);
        adoptTick[v] = nextTick;
        parent[v] = u;
        order[adopted++] = v;
      }
    }
  }
  alea[0] = s0;
  alea[1] = s1;
  alea[2] = s2;
  alea[3] = c;
  state.adoptedCount = adopted;
  return scanned;
}

/**
 * Same model as spreadOnCsr, drawn differently: the successful ties of a node are a Bernoulli(p)
 * subset of its out-ties, so the kernel jumps from one success to the next by a geometric gap
 * ⌊ln(1 − U)/ln(1 − p)⌋ and reads only those targets (a success on an already active target does
 * nothing, as its coin would have). Costs about 1 + p·degree draws per node instead of a read per tie,
 * which wins for small p where memory reads dominate. Requires 0 < p < 1.
 */
export function spreadOnCsrBySkips(
  log: AdopterLog,
  layer: CsrGraph,
  probability: number,
  start: number,
  end: number,
  active: Int32Array,
  alea: AleaState,
): number {
  const state = log.state;
  const order = log.order;
  const offsets = layer.offsets;
  const targets = layer.targets;
  const adoptTick = state.adoptTick;
  const parent = state.parent;
  const nextTick = state.tick + 1;
  const inverseLogMiss = 1 / Math.log1p(-probability);
  let adopted = state.adoptedCount;
  let s0 = alea[0]!;
  let s1 = alea[1]!;
  let s2 = alea[2]!;
  let c = alea[3]!;
  let scanned = 0;
  for (let f = start; f < end; f++) {
    const u = order[f]!;
    const last = offsets[u + 1]!;
    let e = offsets[u]! - 1;
    scanned += last - e - 1;
    for (;;) {
      const t = 2091639 * s0 + c * 2.3283064365386963e-10;
      s0 = s1;
      s1 = s2;
      c = t | 0;
      s2 = t - c;
      e += 1 + Math.floor(Math.log(1 - s2) * inverseLogMiss);
      if (!(e < last)) break;
      const v = targets[e]!;
      if ((active[v >>> 5]! & (1 << (v & 31))) !== 0) continue;
      active[v >>> 5]! |= 1 << (v & 31);
      adoptTick[v] = nextTick;
      parent[v] = u;
      order[adopted++] = v;
    }
  }
  alea[0] = s0;
  alea[1] = s1;
  alea[2] = s2;
  alea[3] = c;
  state.adoptedCount = adopted;
  return scanned;
}

/**
 * Sorts `order[start..end)` (distinct node ids) ascending, so the next sweep reads offsets/targets
 * forward. A large frontier goes through the bitset `scratch` (one bit per node, all zero on entry and
 * on exit): set its bits, then read them back word by word, O(F + N/32) and several times faster than a
 * comparison sort; a small one uses the typed-array sort.
 */
export function sortFrontier(order: Uint32Array, start: number, end: number, scratch: Int32Array): void {
  const count = end - start;
  if (count < 2) return;
  if (count < scratch.length >>> 5) {
    order.subarray(start, end).sort();
    return;
  }
  for (let i = start; i < end; i++) {
    const v = order[i]!;
    scratch[v >>> 5]! |= 1 << (v & 31);
  }
  let at = start;
  for (let word = 0; word < scratch.length; word++) {
    let bits = scratch[word]!;
    if (bits === 0) continue;
    scratch[word] = 0;
    while (bits !== 0) {
      const lowest = bits & -bits;
      order[at++] = (word << 5) | (31 - Math.clz32(lowest));
      bits ^= lowest;
    }
  }
}
