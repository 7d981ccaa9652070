// One 'groups' platform layer (messenger): small overlapping cliques inside a region, undirected CSR. No dynamics.
import { type CsrGraph, csrFromEdges } from '../graph/csr.ts';
import type { WorldParams } from '../params/world.ts';
import type { Population } from './world.ts';
import { normalFrom, stochasticRound, type Uniform, unitLognormal } from './world-random.ts';

/** Most groups one member may be in. */
export const MAX_GROUPS_PER_MEMBER = 40;
/** σ of the lognormal spread of groups per member. */
const GROUP_COUNT_SPREAD = 0.5;

/**
 * Builds one groups layer: each member joins g groups (lognormal, mean `groupsPerMember`); every membership is a
 * slot. A fan's slot is a fan-chat slot of its fandom with probability `homophily.fandom`, else a general slot.
 * Slots are sorted into (region, fandom-or-general) lists, each list is shuffled (Fisher–Yates) and cut into
 * consecutive groups of size 2 + uniform{0 … 2m − 4} (mean m = `meanTies`); every group is a clique. So ties never
 * leave a region (the layer is local) and overlapping cliques make it clustered. Repeated ties and an agent
 * meeting itself are dropped by the CSR builder. Memory: 8 bytes per slot plus 8 per tie before the CSR.
 */
export function buildGroupLayer(
  population: Population,
  params: WorldParams,
  platform: number,
  uniform: Uniform,
): CsrGraph {
  const record = params.platforms[platform]!;
  const N = population.count;
  const F1 = params.fandoms.length + 1;
  const keyCount = params.regions.length * F1;
  const bit = 1 << platform;
  const { region, fandom, platforms } = population;
  const hFandom = params.homophily.fandom;
  const normal = normalFrom(uniform);

  const groupsOf = new Uint8Array(N);
  let slotCount = 0;
  for (let a = 0; a < N; a++) {
    if (!(platforms[a]! & bit)) continue;
    const g = Math.min(
      MAX_GROUPS_PER_MEMBER,
      stochasticRound(record.groupsPerMember * unitLognormal(normal(), GROUP_COUNT_SPREAD), uniform()),
    );
    groupsOf[a] = g;
    slotCount += g;
  }
  const slotKey = new Uint16Array(slotCount);
  const keyStart = new Uint32Array(keyCount + 1);
  let s = 0;
  for (let a = 0; a < N; a++) {
    const f = fandom[a]!;
    for (let g = groupsOf[a]!; g > 0; g--) {
      const key = region[a]! * F1 + (f > 0 && uniform() < hFandom ? f : 0);
      slotKey[s++] = key;
      keyStart[key + 1]!++;
    }
  }
  for (let k = 0; k < keyCount; k++) keyStart[k + 1]! += keyStart[k]!;
  const cursor = keyStart.slice(0, keyCount);
  const slots = new Uint32Array(slotCount);
  s = 0;
  for (let a = 0; a < N; a++) for (let g = groupsOf[a]!; g > 0; g--) slots[cursor[slotKey[s++]!]!++] = a;

  const meanSize = record.meanTies;
  const sizeSpan = Math.max(1, 2 * meanSize - 3);
  let capacity = Math.ceil(slotCount * (meanSize + 1)) + 16;
  let sources = new Uint32Array(capacity);
  let targets = new Uint32Array(capacity);
  let tieCount = 0;
  for (let key = 0; key < keyCount; key++) {
    const from = keyStart[key]!;
    const to = keyStart[key + 1]!;
    for (let i = to - 1; i > from; i--) {
      const j = from + Math.floor(uniform() * (i - from + 1));
      const t = slots[i]!;
      slots[i] = slots[j]!;
      slots[j] = t;
    }
    let start = from;
    while (to - start >= 2) {
      const size = Math.min(to - start, 2 + Math.floor(uniform() * sizeSpan));
      const pairs = (size * (size - 1)) / 2;
      if (tieCount + pairs > capacity) {
        capacity = Math.max(capacity * 2, tieCount + pairs);
        const grownSources = new Uint32Array(capacity);
        const grownTargets = new Uint32Array(capacity);
        grownSources.set(sources.subarray(0, tieCount));
        grownTargets.set(targets.subarray(0, tieCount));
        sources = grownSources;
        targets = grownTargets;
      }
      for (let x = start; x < start + size; x++) {
        for (let y = x + 1; y < start + size; y++) {
          sources[tieCount] = slots[x]!;
          targets[tieCount++] = slots[y]!;
        }
      }
      start += size;
    }
  }
  return csrFromEdges(N, sources, targets, tieCount, { directed: false });
}
