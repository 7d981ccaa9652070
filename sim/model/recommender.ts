// Pluggable recommenders: fill a session's recommended slots from the platform's post ring. Reads rings/profiles; writes only ctx.feed* scratch.
import type { RecommenderStrategy } from '../params/recommender.ts';
import type { CandidateTable } from './candidate-table.ts';
import * as candidateTableModule from './candidate-table.ts';
import * as fastaleaModule from './classic/fast-alea.ts';
import type { SimContext } from './context.ts';
import * as contextModule from './context.ts';
import * as postsModule from './posts.ts';
import type { PostRing } from './state.ts';
import * as stateModule from './state.ts';

// Imported values copied into module constants once: under tsx (CommonJS interop) every use of an imported binding
// in the hot loops would be a getter call on the module object.
const { aleaNext } = fastaleaModule;
const { VECTOR_WIDTH } = candidateTableModule;
const { explorationOf, personalizationOf, SOURCE } = contextModule;
const { isLive, popularity, randomLivePost } = postsModule;
const { POST, TOPIC_BUCKET } = stateModule;

/**
 * Appends up to `slots` recommended post ids for `agent` on `platform` to `ctx.feedIds` starting at `count`, skipping
 * posts already in the feed, the agent's own, dead ones and ones over the platform's reach cap; returns the new count.
 */
export type Recommend = (
  ctx: SimContext,
  agent: number,
  platform: number,
  slots: number,
  count: number,
) => number;

/** Whether a post may still be shown through recommendation this tick (reach cap; 0 = none). */
export function underReachCap(ring: PostRing, id: number, tick: number, cap: number): boolean {
  if (cap <= 0) return true;
  const base = (id & ring.mask) * ring.stride;
  return ring.data[base + POST.viewTick] !== tick || ring.data[base + POST.views]! < cap;
}

/** Whether `id` is already among the first `count` feed entries. */
export function inFeed(ctx: SimContext, id: number, count: number): boolean {
  const feed = ctx.feedIds;
  for (let i = 0; i < count; i++) if (feed[i] === id) return true;
  return false;
}

/**
 * Whether post `id` may fill a slot of `agent`'s feed (first `count` entries taken): posted before this tick, live,
 * not the agent's own, under the platform's reach cap `cap`, and not in the feed yet.
 */
export function acceptable(
  ctx: SimContext,
  ring: PostRing,
  agent: number,
  id: number,
  count: number,
  cap: number,
): boolean {
  const tick = ctx.state.tick;
  return (
    id < ring.firstIdThisTick && // made this tick: too young, known without reading the record
    isLive(ring, id, tick, ctx.knobs.postLifetime) &&
    ring.data[(id & ring.mask) * ring.stride + POST.author] !== agent &&
    underReachCap(ring, id, tick, cap) &&
    !inFeed(ctx, id, count)
  );
}

function push(ctx: SimContext, id: number, count: number): number {
  ctx.feedIds[count] = id;
  ctx.feedSources[count] = SOURCE.recommended;
  return count + 1;
}

/** A topic drawn from `weights[row .. row + K)` (not necessarily normalised). */
function drawTopicFrom(weights: Float32Array, row: number, K: number, u: number): number {
  let total = 0;
  for (let k = 0; k < K; k++) total += weights[row + k]!;
  let target = u * total;
  for (let k = 0; k < K - 1; k++) {
    target -= weights[row + k]!;
    if (target < 0) return k;
  }
  return K - 1;
}

/** A random post of topic `k` from the platform's hourly model (candidate-table.ts), or −1. */
function fromTopicTable(table: CandidateTable, k: number, u: number): number {
  const filled = table.topicCount[k]!;
  if (filled === 0) return -1;
  return table.ids[k * TOPIC_BUCKET + Math.floor(u * filled)]!;
}

function fromHot(ring: PostRing, u: number): number {
  return ring.hotCount === 0 ? -1 : ring.hot[Math.floor(u * ring.hotCount)]!;
}

const chronological: Recommend = (_ctx, _agent, _platform, _slots, count) => count;

const random: Recommend = (ctx, agent, platform, slots, count) => {
  const ring = ctx.state.rings[platform]!;
  const rng = ctx.state.rng;
  const cap = ctx.state.algorithms[platform]!.reachCap;
  for (let s = 0; s < slots; s++) {
    for (let attempt = 0; attempt < 3; attempt++) {
      const id = randomLivePost(ring, ctx.state.tick, ctx.knobs.postLifetime, rng);
      if (id >= 0 && acceptable(ctx, ring, agent, id, count, cap)) {
        count = push(ctx, id, count);
        break;
      }
    }
  }
  return count;
};

/**
 * The shared shape of the scored strategies: per slot, with chance ε a random live post; otherwise `candidates`
 * posts retrieved by `retrieve` and the best by `score` wins.
 */
function scored(
  retrieve: (
    ctx: SimContext,
    agent: number,
    platform: number,
    ring: PostRing,
    u: number,
    v: number,
  ) => number,
  score: (ctx: SimContext, agent: number, ring: PostRing, id: number, platform: number) => number,
): Recommend {
  return (ctx, agent, platform, slots, count) => {
    const ring = ctx.state.rings[platform]!;
    const rng = ctx.state.rng;
    const cap = ctx.state.algorithms[platform]!.reachCap;
    const epsilon = explorationOf(ctx, platform);
    const candidates = ctx.knobs.candidates;
    for (let s = 0; s < slots; s++) {
      if (aleaNext(rng) < epsilon) {
        const id = randomLivePost(ring, ctx.state.tick, ctx.knobs.postLifetime, rng);
        if (id >= 0 && acceptable(ctx, ring, agent, id, count, cap)) count = push(ctx, id, count);
        continue;
      }
      let best = -1;
      let bestScore = Number.NEGATIVE_INFINITY;
      for (let c = 0; c < candidates; c++) {
        const id = retrieve(ctx, agent, platform, ring, aleaNext(rng), aleaNext(rng));
        if (id < 0 || id === best || !acceptable(ctx, ring, agent, id, count, cap)) continue;
        const value = score(ctx, agent, ring, id, platform);
        if (value > bestScore) {
          bestScore = value;
          best = id;
        }
      }
      if (best >= 0) count = push(ctx, best, count);
    }
    return count;
  };
}

const popularityStrategy: Recommend = scored(
  (ctx, _agent, _platform, ring, u) => {
    const id = fromHot(ring, u);
    return id >= 0 ? id : randomLivePost(ring, ctx.state.tick, ctx.knobs.postLifetime, ctx.state.rng);
  },
  (_ctx, _agent, ring, id) => popularity(ring.dataF[(id & ring.mask) * ring.stride + POST.engagement]!),
);

/**
 * Collaborative filtering that scales: retrieval by topic from the user's engagement profile (or, with chance
 * 1 − personalization, from the hot list), then score = personalization × cosine(user profile, item profile)
 * + (1 − personalization) × popularityWeight × popularity. Item profiles hold the topic and fandom histograms of
 * who engaged (adoption.ts), user profiles what the user engaged with: neither reads true interests.
 * Candidates come from the platform's hourly model (candidate-table.ts: the retrievable posts with unit item vectors
 * and popularity as of the tick's start), so a candidate reads its table row, not its post's record.
 * Written out (not through `scored`) because it is the default and hottest strategy (a few million candidates a
 * simulated day at 100k agents). The user's profile does not change while its feed is assembled, so per call it is
 * turned once into a unit vector scaled by the personalization (ctx.userUnit) and a topic CDF (ctx.cdf). A candidate
 * then costs one dot product.
 */
const collaborative: Recommend = (ctx, agent, platform, slots, count) => {
  const { state, knobs } = ctx;
  const ring = state.rings[platform]!;
  const rng = state.rng;
  const tick = state.tick;
  const lifetime = knobs.postLifetime;
  const cap = state.algorithms[platform]!.reachCap;
  // `× 1` makes the two rates doubles once, here: a knob may hold an integer 0 or 1, so V8 kept them tagged and
  // unboxed them again for every candidate.
  const epsilon = explorationOf(ctx, platform) * 1;
  const candidates = knobs.candidates;
  const personalization = personalizationOf(ctx, platform) * 1;
  const topicBucket = TOPIC_BUCKET; // in a local: a module constant is a context load per use
  const popularityShare = (1 - personalization) * state.algorithms[platform]!.popularityWeight;
  const { D, K } = ctx.dim;
  const user = state.profile;
  const userRow = agent * D;
  const unit = ctx.userUnit;
  const topicCdf = ctx.cdf;
  const table = ctx.candidateTables[platform]!;
  const { ids, authors, popularity: entryPopularity, width, vectors, topicCount, hotStart, hotCount } = table;
  const straightLine = width === VECTOR_WIDTH;
  // The user's unit vector (its profile scaled to length `personalization`). On the straight-line path (D ≤ 16) it lives
  // in sixteen locals read straight from the profile row, zero past D (written out, not through a helper closure: tsx
  // wraps every function expression in a naming call, which per session cost more than the loop it replaced);
  // otherwise in ctx.userUnit. Either way the squared length is summed in dimension order and each entry is
  // profile × scale: the same values to the last bit.
  let u0 = 0,
    u1 = 0,
    u2 = 0,
    u3 = 0,
    u4 = 0,
    u5 = 0,
    u6 = 0,
    u7 = 0,
    u8 = 0,
    u9 = 0,
    u10 = 0,
    u11 = 0,
    u12 = 0,
    u13 = 0,
    u14 = 0,
    u15 = 0;
  if (straightLine) {
    u0 = user[userRow]!; // D ≥ 1 always
    u1 = 1 < D ? user[(userRow + 1) | 0]! : 0;
    u2 = 2 < D ? user[(userRow + 2) | 0]! : 0;
    u3 = 3 < D ? user[(userRow + 3) | 0]! : 0;
    u4 = 4 < D ? user[(userRow + 4) | 0]! : 0;
    u5 = 5 < D ? user[(userRow + 5) | 0]! : 0;
    u6 = 6 < D ? user[(userRow + 6) | 0]! : 0;
    u7 = 7 < D ? user[(userRow + 7) | 0]! : 0;
    u8 = 8 < D ? user[(userRow + 8) | 0]! : 0;
    u9 = 9 < D ? user[(userRow + 9) | 0]! : 0;
    u10 = 10 < D ? user[(userRow + 10) | 0]! : 0;
    u11 = 11 < D ? user[(userRow + 11) | 0]! : 0;
    u12 = 12 < D ? user[(userRow + 12) | 0]! : 0;
    u13 = 13 < D ? user[(userRow + 13) | 0]! : 0;
    u14 = 14 < D ? user[(userRow + 14) | 0]! : 0;
    u15 = 15 < D ? user[(userRow + 15) | 0]! : 0;
    const uu =
      u0 * u0 +
      u1 * u1 +
      u2 * u2 +
      u3 * u3 +
      u4 * u4 +
      u5 * u5 +
      u6 * u6 +
      u7 * u7 +
      u8 * u8 +
      u9 * u9 +
      u10 * u10 +
      u11 * u11 +
      u12 * u12 +
      u13 * u13 +
      u14 * u14 +
      u15 * u15;
    const unitScale = uu > 0 ? personalization / Math.sqrt(uu) : 0;
    u0 *= unitScale;
    u1 *= unitScale;
    u2 *= unitScale;
    u3 *= unitScale;
    u4 *= unitScale;
    u5 *= unitScale;
    u6 *= unitScale;
    u7 *= unitScale;
    u8 *= unitScale;
    u9 *= unitScale;
    u10 *= unitScale;
    u11 *= unitScale;
    u12 *= unitScale;
    u13 *= unitScale;
    u14 *= unitScale;
    u15 *= unitScale;
  } else {
    let uu = 0;
    for (let d = 0; d < D; d++) uu += user[userRow + d]! * user[userRow + d]!;
    const unitScale = uu > 0 ? personalization / Math.sqrt(uu) : 0;
    for (let d = 0; d < D; d++) unit[d] = user[userRow + d]! * unitScale;
  }
  let topicTotal = 0;
  for (let k = 0; k < K; k++) {
    topicTotal += user[userRow + k]!;
    topicCdf[k] = topicTotal;
  }
  // With at most eight topics the draw walks the CDF in locals (a chain of compares instead of a loop over the array);
  // bounds from K − 1 on are +∞, so the walk stops at K − 1 like the loop. Same topic for the same draw.
  const fewTopics = K <= 8;
  const c0 = K > 1 ? topicCdf[0]! : Number.POSITIVE_INFINITY;
  const c1 = K > 2 ? topicCdf[1]! : Number.POSITIVE_INFINITY;
  const c2 = K > 3 ? topicCdf[2]! : Number.POSITIVE_INFINITY;
  const c3 = K > 4 ? topicCdf[3]! : Number.POSITIVE_INFINITY;
  const c4 = K > 5 ? topicCdf[4]! : Number.POSITIVE_INFINITY;
  const c5 = K > 6 ? topicCdf[5]! : Number.POSITIVE_INFINITY;
  const c6 = K > 7 ? topicCdf[6]! : Number.POSITIVE_INFINITY;
  // No post is made while a feed is assembled: the oldest id still in the ring is fixed for the call.
  const oldestId = ring.next - ring.capacity;
  const feedIds = ctx.feedIds;
  // A one-word filter of the ids in the feed (bit id mod 32): most candidates are not in the feed, and a clear bit
  // proves it without scanning the feed.
  let feedMask = 0;
  for (let i = 0; i < count; i++) feedMask |= 1 << (feedIds[i]! & 31);
  // The generator is stepped in locals (see fast-alea.ts) and written back around the calls that draw from it.
  let s0 = rng[0]!;
  let s1 = rng[1]!;
  let s2 = rng[2]!;
  let carry = rng[3]!;
  for (let s = 0; s < slots; s++) {
    let t = 2091639 * s0 + carry * 2.3283064365386963e-10;
    s0 = s1;
    s1 = s2;
    carry = t | 0;
    s2 = t - carry;
    if (s2 < epsilon) {
      rng[0] = s0;
      rng[1] = s1;
      rng[2] = s2;
      rng[3] = carry;
      const id = randomLivePost(ring, tick, lifetime, rng);
      if (id >= 0 && acceptable(ctx, ring, agent, id, count, cap)) {
        count = push(ctx, id, count);
        feedMask |= 1 << (id & 31);
      }
      s0 = rng[0]!;
      s1 = rng[1]!;
      s2 = rng[2]!;
      carry = rng[3]!;
      continue;
    }
    let best = -1;
    let bestScore = Number.NEGATIVE_INFINITY;
    for (let c = 0; c < candidates; c++) {
      t = 2091639 * s0 + carry * 2.3283064365386963e-10;
      s0 = s1;
      s1 = s2;
      carry = t | 0;
      s2 = t - carry;
      const u = s2;
      t = 2091639 * s0 + carry * 2.3283064365386963e-10;
      s0 = s1;
      s1 = s2;
      carry = t | 0;
      s2 = t - carry;
      const v = s2;
      let entry = -1;
      if (u >= personalization && hotCount > 0) entry = hotStart + Math.floor(v * hotCount);
      else {
        // A topic drawn in proportion to the user's topic weights (drawTopicFrom, on the CDF made above).
        const target = (u < personalization ? u / personalization : v) * topicTotal;
        let k = 0;
        if (fewTopics)
          k =
            target < c0
              ? 0
              : target < c1
                ? 1
                : target < c2
                  ? 2
                  : target < c3
                    ? 3
                    : target < c4
                      ? 4
                      : target < c5
                        ? 5
                        : target < c6
                          ? 6
                          : 7;
        else while (k < K - 1 && target >= topicCdf[k]!) k++;
        const filled = topicCount[k]!;
        if (filled > 0) entry = k * topicBucket + Math.floor(v * filled);
      }
      if (entry < 0) continue;
      const id = ids[entry]!;
      // acceptable() written out: the table holds only posts live and older than this tick at its start.
      if (id === best || id < oldestId || authors[entry] === agent) continue;
      if (cap > 0 && !underReachCap(ring, id, tick, cap)) continue;
      if (feedMask & (1 << (id & 31))) {
        let duplicate = false;
        for (let i = 0; i < count; i++) {
          if (feedIds[i] === id) {
            duplicate = true;
            break;
          }
        }
        if (duplicate) continue;
      }
      // personalization × cosine (unit vectors, candidate-table.ts) + popularity share × popularity; summed in
      // dimension order either way, so both paths give the same value to the last bit.
      let value = popularityShare * entryPopularity[entry]!;
      if (straightLine) {
        const r = entry << 4; // entry × VECTOR_WIDTH; the |0 below tells V8 no index overflows
        value =
          value +
          u0 * vectors[r]! +
          u1 * vectors[(r + 1) | 0]! +
          u2 * vectors[(r + 2) | 0]! +
          u3 * vectors[(r + 3) | 0]! +
          u4 * vectors[(r + 4) | 0]! +
          u5 * vectors[(r + 5) | 0]! +
          u6 * vectors[(r + 6) | 0]! +
          u7 * vectors[(r + 7) | 0]! +
          u8 * vectors[(r + 8) | 0]! +
          u9 * vectors[(r + 9) | 0]! +
          u10 * vectors[(r + 10) | 0]! +
          u11 * vectors[(r + 11) | 0]! +
          u12 * vectors[(r + 12) | 0]! +
          u13 * vectors[(r + 13) | 0]! +
          u14 * vectors[(r + 14) | 0]! +
          u15 * vectors[(r + 15) | 0]!;
      } else {
        const row = entry * width;
        for (let d = 0; d < D; d++) value += unit[d]! * vectors[row + d]!;
      }
      if (value > bestScore) {
        bestScore = value;
        best = id;
      }
    }
    if (best >= 0) {
      feedIds[count] = best;
      ctx.feedSources[count] = SOURCE.recommended;
      count++;
      feedMask |= 1 << (best & 31);
    }
  }
  rng[0] = s0;
  rng[1] = s1;
  rng[2] = s2;
  rng[3] = carry;
  return count;
};

/** Oracle: retrieval and ranking by the viewer's true interests (the upper reference of the filter-bubble literature). */
const oracle: Recommend = scored(
  (ctx, agent, platform, _ring, u, v) =>
    fromTopicTable(
      ctx.candidateTables[platform]!,
      drawTopicFrom(ctx.world.population.interests, agent * ctx.dim.K, ctx.dim.K, u),
      v,
    ),
  (ctx, agent, ring, id) =>
    ctx.world.population.interests[
      agent * ctx.dim.K + ((ring.data[(id & ring.mask) * ring.stride + POST.meta]! >>> 8) & 0xff)
    ]! +
    0.01 * popularity(ring.dataF[(id & ring.mask) * ring.stride + POST.engagement]!),
);

export const RECOMMENDERS: Readonly<Record<RecommenderStrategy, Recommend>> = {
  chronological,
  popularity: popularityStrategy,
  collaborative,
  random,
  oracle,
};
