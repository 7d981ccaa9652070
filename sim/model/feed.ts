// One session: pick a platform, assemble the feed (follows, recommender, trending), view it, drift, maybe post. Writes via adoption/posts/drift only.
import type { RecommenderStrategy } from '../params/recommender.ts';
import * as adoptionModule from './adoption.ts';
import * as fastaleaModule from './classic/fast-alea.ts';
import type { SimContext } from './context.ts';
import * as contextModule from './context.ts';
import * as driftModule from './drift.ts';
import * as postsModule from './posts.ts';
import type { Recommend } from './recommender.ts';
import * as recommenderModule from './recommender.ts';
import * as stateModule from './state.ts';

// Imported values copied into module constants once: under tsx (CommonJS interop) every use of an imported binding
// in the hot loops would be a getter call on the module object.
const { viewFeed } = adoptionModule;
const { aleaBelow, aleaChance, aleaNext } = fastaleaModule;
const { FOLLOW_SCAN, MAX_FEED, SOURCE } = contextModule;
const { driftInterests } = driftModule;
const { createPost } = postsModule;
const { acceptable, RECOMMENDERS } = recommenderModule;
const { NO_TREND, POST } = stateModule;

/** Uniformly one of the available platforms `agent` is a member of, or −1. */
export function choosePlatform(ctx: SimContext, agent: number): number {
  const { state, dim } = ctx;
  const member = ctx.world.population.platforms[agent]!;
  let usable = 0;
  for (let p = 0; p < dim.P; p++) if ((member >> p) & 1 && state.available[p]) usable++;
  if (usable === 0) return -1;
  let pick = aleaBelow(state.rng, usable);
  for (let p = 0; p < dim.P; p++) {
    if ((member >> p) & 1 && state.available[p]) {
      if (pick === 0) return p;
      pick--;
    }
  }
  return -1;
}

/**
 * Recent posts of the accounts `agent` follows on `platform` (a window of at most FOLLOW_SCAN followees from a random
 * start), each the followee's latest live post; scored into ctx.candidate*; returns how many. An agent that joined the
 * platform after the world was built has no ties in its layer: it then sees the platform posts of its contacts on the
 * other layers ("find your friends").
 */
function followCandidates(ctx: SimContext, agent: number, platform: number, chronological: boolean): number {
  const { state, world, dim } = ctx;
  const ring = state.rings[platform]!;
  const tick = state.tick;
  const lifetime = ctx.knobs.postLifetime;
  const popularityWeight = state.algorithms[platform]!.popularityWeight;
  const bit = 1 << platform;
  const lastPost = state.lastPost;
  const recent = ring.recentAuthors;
  const oldest = Math.max(0, ring.next - ring.capacity);
  const memberships = world.population.platforms;
  const candidateIds = ctx.candidateIds;
  const candidateScores = ctx.candidateScores;
  const count = dim.count;
  const engagementField = POST.engagement; // in a local: a module constant is a context load per use
  let found = 0;
  for (let layer = platform, round = 0; round < dim.P; round++, layer = (platform + round) % dim.P) {
    const ties = world.layers[layer]!.ties;
    const targets = ties.inTargets;
    const start = ties.inOffsets[agent]!;
    const degree = ties.inOffsets[agent + 1]! - start;
    if (degree === 0) continue;
    const scan = degree < FOLLOW_SCAN ? degree : FOLLOW_SCAN;
    // The window wraps around the end of the agent's row (`next` steps back to the row start instead of a modulo).
    let next = degree <= FOLLOW_SCAN ? 0 : aleaBelow(state.rng, degree);
    for (let i = 0; i < scan; i++, next = next + 1 === degree ? 0 : next + 1) {
      const followee = targets[(start + next) | 0]!;
      if ((recent[followee >>> 5]! & (1 << (followee & 31))) === 0) continue; // no recent post: skip the lastPost miss
      if (layer !== platform && (memberships[followee]! & bit) === 0) continue;
      const last = (platform * count + followee) * 2;
      const id = lastPost[last]!;
      const age = tick - lastPost[last + 1]!;
      if (id < oldest || age < 1 || age >= lifetime) continue; // none, gone from the ring, this hour's, or stale
      candidateIds[found] = id;
      if (chronological) candidateScores[found] = -age;
      else {
        // (1 + weight × popularity(engagement)) / (1 + age / 6), popularity() written out (a double it returns is boxed).
        const engagement = ring.dataF[(id & ring.mask) * ring.stride + engagementField]!;
        candidateScores[found] = (1 + popularityWeight * (engagement / (engagement + 5))) / (1 + age / 6);
      }
      found++;
    }
    if (found > 0 || layer === platform) break; // own layer has ties: never mix in other layers
  }
  return found;
}

/**
 * Moves the best `want` of `found` candidates into the feed (selection by repeated maximum: both are small). The
 * candidates are distinct posts (one per followee) and the feed is still empty, so no duplicate check is needed.
 */
function takeBest(ctx: SimContext, found: number, want: number, source: number): number {
  const ids = ctx.candidateIds;
  const scores = ctx.candidateScores;
  let count = 0;
  for (; count < want && count < found; count++) {
    let best = 0;
    for (let i = 1; i < found; i++) if (scores[i]! > scores[best]!) best = i;
    scores[best] = Number.NEGATIVE_INFINITY;
    ctx.feedIds[count] = ids[best]!;
    ctx.feedSources[count] = source;
  }
  return count;
}

let cachedStrategy: RecommenderStrategy = 'collaborative';
let cachedRecommender: Recommend = RECOMMENDERS.collaborative;

/**
 * The strategy's recommender, remembered from the last call: a lookup by a string that is not a constant is a
 * generic (slow) property access in V8, and a session makes one.
 */
function recommenderOf(strategy: RecommenderStrategy): Recommend {
  if (strategy !== cachedStrategy) {
    cachedStrategy = strategy;
    cachedRecommender = RECOMMENDERS[strategy];
  }
  return cachedRecommender;
}

/** Runs one session of `agent` (DESIGN §2.4 steps 2–5). */
export function runSession(ctx: SimContext, agent: number): void {
  const platform = choosePlatform(ctx, agent);
  if (platform < 0) return;
  const { state, world, knobs } = ctx;
  const record = world.platforms[platform]!;
  const rng = state.rng;
  const chronological = knobs.strategy === 'chronological';
  let attention = Math.round(record.attention * knobs.attentionScale);
  if (attention < 1) attention = 1;
  if (attention > MAX_FEED) attention = MAX_FEED;
  const trendingSlots = chronological ? 0 : Math.round(attention * record.feedMix.trending);
  let recommendedSlots = chronological ? 0 : Math.round(attention * record.feedMix.recommended);
  if (trendingSlots + recommendedSlots > attention) recommendedSlots = attention - trendingSlots;
  const followSlots = attention - trendingSlots - recommendedSlots;

  // Slots the follows or trending leave empty go to the recommender ("suggested for you" once the follow feed is read),
  // but only on a platform that has one: a messenger (recommended share 0) shows its chats and nothing else, as the
  // chronological strategy does everywhere.
  const recommenderFillsIn = !chronological && record.feedMix.recommended > 0;
  const found = followCandidates(ctx, agent, platform, chronological);
  const followShown = takeBest(ctx, found, followSlots, SOURCE.follow);
  if (recommenderFillsIn) recommendedSlots += followSlots - followShown;

  const trendingShown = fillTrending(ctx, agent, platform, trendingSlots, followShown);
  if (recommenderFillsIn) recommendedSlots += trendingSlots - (trendingShown - followShown);
  const count = recommenderOf(knobs.strategy)(ctx, agent, platform, recommendedSlots, trendingShown);

  // The feed holds its follow posts, then trending, then recommended ones: what each source supplied is by position.
  const bySource = state.viewsBySourceThisTick;
  const row = platform * 3;
  bySource[row + SOURCE.follow]! += followShown;
  bySource[row + SOURCE.trending]! += trendingShown - followShown;
  bySource[row + SOURCE.recommended]! += count - trendingShown;
  if (count > 0) {
    viewFeed(ctx, agent, platform, count);
    driftInterests(ctx, agent, count);
  }

  if (aleaChance(rng, world.population.creatorPropensity[agent]! * knobs.postRate))
    postEveryday(ctx, agent, platform);
}

/**
 * Appends up to `slots` random picks of the platform's trending list to the feed (from position `count`), each only if
 * live, older than this tick, not the agent's own, under the reach cap and not already in the feed; returns the new count.
 */
function fillTrending(
  ctx: SimContext,
  agent: number,
  platform: number,
  slots: number,
  count: number,
): number {
  const { state } = ctx;
  const ring = state.rings[platform]!;
  const cap = state.algorithms[platform]!.reachCap;
  for (let s = 0; s < slots; s++) {
    const id = ring.trendingCount > 0 ? ring.trending[aleaBelow(state.rng, ring.trendingCount)]! : -1;
    if (id >= 0 && acceptable(ctx, ring, agent, id, count, cap)) {
      ctx.feedIds[count] = id;
      ctx.feedSources[count] = SOURCE.trending;
      count++;
    }
  }
  return count;
}

/** Everyday posting: a post unrelated to any trend, on a topic drawn from the agent's interests. */
function postEveryday(ctx: SimContext, agent: number, platform: number): void {
  const K = ctx.dim.K;
  const interests = ctx.world.population.interests;
  let target = aleaNext(ctx.state.rng);
  let topic = K - 1;
  for (let k = 0; k < K - 1; k++) {
    target -= interests[agent * K + k]!;
    if (target < 0) {
      topic = k;
      break;
    }
  }
  createPost(ctx, platform, agent, -1, NO_TREND, topic);
}
