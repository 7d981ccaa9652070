// One 'follow' platform layer: directed follows by preferential attachment with homophily, mirrored ties, CSR both ways. No dynamics.
import type { CsrGraph } from '../graph/csr.ts';
import type { WorldParams } from '../params/world.ts';
import { PROGRESS_STRIDE_MASK } from './build-progress.ts';
import type { Population } from './world.ts';
import { normalFrom, stochasticRound, type Uniform, unitLognormal } from './world-random.ts';

/** Most followees one member may have, as a multiple of the platform's mean (cuts the lognormal tail). */
export const MAX_FOLLOW_FACTOR = 50;
/** Draws spent per missing followee before a member is left with fewer than planned (tiny or saturated pools). */
const ATTEMPTS_PER_TIE = 4;

/** What a follow layer is built from; `earlier` are layers already built, whose ties may be mirrored here. */
export interface FollowLayerInput {
  readonly population: Population;
  readonly params: WorldParams;
  readonly platform: number;
  /** Latent popularity per agent, shared by every layer (mean 1, Pareto tail): makes the same people hubs everywhere. */
  readonly popularity: Float32Array;
  /** Layers built before this one; a member's ties there (`inOffsets/inTargets`: whom it follows / is tied to) are mirror candidates. */
  readonly earlier: readonly CsrGraph[];
  readonly uniform: Uniform;
  /** Told the share of the layer's members processed (0…1) every few tens of thousands of agents; never changes the layer. */
  readonly onProgress?: (fraction: number) => void;
}

/**
 * Builds one follow layer over all agents (non-members get no ties). Each member u plans k_u followees
 * (lognormal, mean `meanTies`, spread `followSpread`, at most MAX_FOLLOW_FACTOR × mean and members − 1), then:
 * 1. mirrors: each tie u→v of an earlier layer is copied here with probability `layerOverlap` when v is a member;
 * 2. fresh follows fill the rest. Members sit in (region, fandom) buckets; each bucket holds a repeated-nodes pool:
 *    every member enters `round(popularity × attractiveness)` times, and every follower gained appends it once more,
 *    so a uniform draw from a pool picks v ∝ attractiveness + followers so far (preferential attachment with a
 *    popularity-weighted offset). The bucket is chosen with homophily: a fan keeps its fandom with probability
 *    `homophily.fandom`, anyone keeps its region with probability `homophily.region`; free dimensions are drawn
 *    ∝ pool sizes (so random mixing is degree-proportional too). With probability `homophily.interests` the
 *    most interest-similar of `interestCandidates` draws from the bucket is taken.
 * Repeats and self-ties are redrawn (a marker per agent: `chosenBy[v] === u`); interest similarity of u to v is
 * u's weight on v's main topic. Agents are processed in id order, i.e. bucket by bucket (population.ts numbers them
 * by region and fandom), so the pools a bucket draws from stay in cache. Cost O(E · (R + F + candidates)),
 * memory: the CSR (8E + 8N bytes) plus pools (4 bytes per copy and per tie) and 13N bytes of markers/plans/topics.
 *
 * Layout of the result (World contract): `offsets/targets` of v = its FOLLOWERS (ascending); `inOffsets/inTargets`
 * of u = whom u follows (ascending).
 */
export function buildFollowLayer(input: FollowLayerInput): CsrGraph {
  const { population, params, platform, popularity, earlier, uniform, onProgress } = input;
  const record = params.platforms[platform]!;
  const N = population.count;
  const R = params.regions.length;
  const F1 = params.fandoms.length + 1;
  const K = params.topics.length;
  const bit = 1 << platform;
  const { region, fandom, platforms, interests } = population;

  let memberCount = 0;
  for (let a = 0; a < N; a++) if (platforms[a]! & bit) memberCount++;
  const normal = normalFrom(uniform);
  const plan = new Uint32Array(N);
  const most = Math.min(Math.max(0, memberCount - 1), Math.ceil(MAX_FOLLOW_FACTOR * record.meanTies));
  let plannedTotal = 0;
  for (let a = 0; a < N; a++) {
    if (!(platforms[a]! & bit)) continue;
    const k = Math.min(
      most,
      stochasticRound(record.meanTies * unitLognormal(normal(), params.followSpread), uniform()),
    );
    plan[a] = k;
    plannedTotal += k;
  }

  // Repeated-nodes pools per (region, fandom) bucket, sized for their expected share of the ties.
  const B = R * F1;
  const copies = new Uint32Array(N);
  const initial = new Float64Array(B);
  let initialTotal = 0;
  for (let a = 0; a < N; a++) {
    if (!(platforms[a]! & bit)) continue;
    const c = stochasticRound(popularity[a]! * params.attractiveness, uniform());
    copies[a] = c;
    initial[region[a]! * F1 + fandom[a]!]! += c;
    initialTotal += c;
  }
  const pools: Uint32Array[] = [];
  const fill = new Float64Array(B);
  for (let b = 0; b < B; b++) {
    const expected = initial[b]! + (initialTotal > 0 ? (plannedTotal * initial[b]!) / initialTotal : 0);
    pools.push(new Uint32Array(Math.ceil(1.2 * expected) + 16));
  }
  for (let a = 0; a < N; a++) {
    const b = region[a]! * F1 + fandom[a]!;
    const pool = pools[b]!;
    for (let c = copies[a]!; c > 0; c--) pool[fill[b]!++] = a;
  }
  const regionTotal = new Float64Array(R);
  const fandomTotal = new Float64Array(F1);
  // One-element array, not a closure `let`: V8 boxes every double written to a captured variable.
  const grand = new Float64Array(1);
  for (let b = 0; b < B; b++) {
    regionTotal[Math.floor(b / F1)]! += fill[b]!;
    fandomTotal[b % F1]! += fill[b]!;
    grand[0]! += fill[b]!;
  }

  const { fandom: hFandom, region: hRegion, interests: hInterests } = params.homophily;
  const candidates = params.interestCandidates;
  const overlap = params.layerOverlap;

  /** A bucket ∝ pool size, with the homophily draws; −1 when the platform has no pool left to draw from. */
  const pickBucket = (r: number, f: number): number => {
    const sameFandom = f > 0 && uniform() < hFandom;
    const sameRegion = uniform() < hRegion;
    if (sameFandom && sameRegion && fill[r * F1 + f]! > 0) return r * F1 + f;
    if (sameFandom && fandomTotal[f]! > 0) {
      let x = uniform() * fandomTotal[f]!;
      for (let rr = 0; rr < R; rr++) {
        x -= fill[rr * F1 + f]!;
        if (x < 0) return rr * F1 + f;
      }
    }
    if (sameRegion && regionTotal[r]! > 0) {
      let x = uniform() * regionTotal[r]!;
      for (let ff = 0; ff < F1; ff++) {
        x -= fill[r * F1 + ff]!;
        if (x < 0) return r * F1 + ff;
      }
    }
    if (grand[0]! <= 0) return -1;
    let x = uniform() * grand[0]!;
    for (let rr = 0; rr < R; rr++) {
      if (x >= regionTotal[rr]!) {
        x -= regionTotal[rr]!;
        continue;
      }
      for (let ff = 0; ff < F1; ff++) {
        x -= fill[rr * F1 + ff]!;
        if (x < 0) return rr * F1 + ff;
      }
    }
    // Only reachable through float rounding: the last non-empty bucket.
    for (let b = B - 1; b >= 0; b--) if (fill[b]! > 0) return b;
    return -1;
  };

  // Interest similarity of u to v = u's weight on v's main topic: one byte read per candidate instead of a K-row dot product.
  const mainTopic = new Uint8Array(N);
  for (let a = 0; a < N; a++) {
    let best = 0;
    for (let k = 1; k < K; k++) if (interests[a * K + k]! > interests[a * K + best]!) best = k;
    mainTopic[a] = best;
  }

  const chosenBy = new Int32Array(N).fill(-1);
  const inOffsets = new Uint32Array(N + 1);
  let inTargets = new Uint32Array(plannedTotal);
  let write = 0;
  let compacted = 0;
  let plannedStart = 0;

  /** Records u → v; `b` is v's bucket (known when v was drawn from it), and v gains one more copy there. */
  const follow = (u: number, v: number, b: number) => {
    inTargets[write++] = v;
    chosenBy[v] = u;
    let pool = pools[b]!;
    if (fill[b]! >= pool.length) {
      const grown = new Uint32Array(pool.length * 2);
      grown.set(pool);
      pools[b] = pool = grown;
    }
    pool[fill[b]!++] = v;
    regionTotal[(b / F1) | 0]!++;
    fandomTotal[b % F1]!++;
    grand[0]!++;
  };

  for (let u = 0; u < N; u++) {
    if (onProgress && (u & PROGRESS_STRIDE_MASK) === 0) onProgress(u / N);
    inOffsets[u] = compacted;
    const k = plan[u]!;
    if (k === 0) continue;
    const start = plannedStart;
    const end = start + k;
    plannedStart = end;
    write = start;
    chosenBy[u] = u;
    if (overlap > 0) {
      for (const layer of earlier) {
        const from = layer.inOffsets[u]!;
        const to = layer.inOffsets[u + 1]!;
        for (let i = from; i < to && write < end; i++) {
          const v = layer.inTargets[i]!;
          if (platforms[v]! & bit && chosenBy[v] !== u && uniform() < overlap)
            follow(u, v, region[v]! * F1 + fandom[v]!);
        }
      }
    }
    const r = region[u]!;
    const f = fandom[u]!;
    for (let attempts = ATTEMPTS_PER_TIE * (end - write) + 8; write < end && attempts > 0; attempts--) {
      const b = pickBucket(r, f);
      if (b < 0) break;
      const pool = pools[b]!;
      const size = fill[b]!;
      let v = pool[Math.floor(uniform() * size)]!;
      if (chosenBy[v] === u) continue;
      if (candidates > 1 && hInterests > 0 && uniform() < hInterests) {
        const row = u * K;
        let best = interests[row + mainTopic[v]!]!;
        for (let c = 1; c < candidates; c++) {
          const w = pool[Math.floor(uniform() * size)]!;
          if (chosenBy[w] === u) continue;
          const s = interests[row + mainTopic[w]!]!;
          if (s > best) {
            best = s;
            v = w;
          }
        }
      }
      follow(u, v, b);
    }
    const got = write - start;
    if (compacted !== start) inTargets.copyWithin(compacted, start, write);
    if (got > 1) sortRange(inTargets, compacted, compacted + got);
    compacted += got;
  }
  inOffsets[N] = compacted;
  if (compacted < inTargets.length) inTargets = inTargets.slice(0, compacted);
  return withFollowers(N, inOffsets, inTargets);
}

/** Adds the follower direction by a counting-sort transpose; scanning followers in id order keeps each list ascending. */
function withFollowers(N: number, inOffsets: Uint32Array, inTargets: Uint32Array): CsrGraph {
  const E = inTargets.length;
  const offsets = new Uint32Array(N + 1);
  for (let i = 0; i < E; i++) offsets[inTargets[i]! + 1]!++;
  for (let v = 0; v < N; v++) offsets[v + 1]! += offsets[v]!;
  const cursor = offsets.slice(0, N);
  const targets = new Uint32Array(E);
  for (let u = 0; u < N; u++) {
    for (let i = inOffsets[u]!, end = inOffsets[u + 1]!; i < end; i++) targets[cursor[inTargets[i]!]!++] = u;
  }
  return { kind: 'csr', nodeCount: N, directed: true, edgeCount: E, offsets, targets, inOffsets, inTargets };
}

/** Sorts `array[from … to − 1]` ascending: insertion sort for the usual short follow lists (no subarray object), else the built-in sort. */
function sortRange(array: Uint32Array, from: number, to: number): void {
  if (to - from > 48) {
    array.subarray(from, to).sort();
    return;
  }
  for (let i = from + 1; i < to; i++) {
    const value = array[i]!;
    let j = i - 1;
    while (j >= from && array[j]! > value) {
      array[j + 1] = array[j]!;
      j--;
    }
    array[j + 1] = value;
  }
}
