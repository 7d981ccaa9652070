// What a view does: exposure counting, and the ignore / like / reshare / participate / cross-post decision with its factors. Writes trend state, rings, profiles.
import * as adoptionLogModule from './adoption-log.ts';
import * as fastaleaModule from './classic/fast-alea.ts';
import type { SimContext } from './context.ts';
import * as contextModule from './context.ts';
import * as postsModule from './posts.ts';
import type { TrendState } from './state.ts';
import * as stateModule from './state.ts';
import * as trendsModule from './trends.ts';

// Imported values copied into module constants once: under tsx (CommonJS interop) every use of an imported binding
// in the hot loops would be a getter call on the module object.
const { logAdoption } = adoptionLogModule;
const { aleaNext } = fastaleaModule;
const { pushTransmission, SEEN_MEMORY } = contextModule;
const { createPost } = postsModule;
const { META_BOOSTED, NO_TREND, POST, TRACKED_ITEMS } = stateModule;
const { drawTopic } = trendsModule;

/** Chance scale of liking an everyday post of a topic the viewer is fully into. */
const EVERYDAY_LIKE = 0.08;
/** How far one engagement moves the item profile toward the engager, and the user profile toward the item. */
const ITEM_LEARNING = 0.2;
const USER_LEARNING = 0.1;
/**
 * Implicit feedback: a view the agent watches through (chance = its interest match with the post's topic) moves the
 * topic part of its user profile this far toward that topic. Watch time is what short-video recommenders learn from most.
 */
const WATCH_LEARNING = 0.05;

/** Bit of `author` in a 32-bit hashed set (Fibonacci hashing of the id). */
export function sourceBit(author: number): number {
  return 1 << (Math.imul(author, 0x9e3779b1) >>> 27);
}

export function popcount32(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}

/** The factors of the chance that `agent` participates in trend `ts` when seeing it on `platform` (DESIGN §2.4 step 4). */
export interface AdoptionFactors {
  appeal: number;
  interestMatch: number;
  language: number;
  platformFit: number;
  reinforcement: number;
  novelty: number;
  creator: number;
  participation: number;
}

/** Interest match: K × (interests · topic weights), capped at 1 — above-average interest counts as a full match. */
export function interestMatch(ctx: SimContext, agent: number, ts: TrendState): number {
  const K = ctx.dim.K;
  const interests = ctx.world.population.interests;
  const w = ts.trend.topicWeights;
  const row = agent * K;
  let dot = 0;
  // Four terms a step (one array check per run of accesses), still summed in topic order; `| 0`: no index overflows.
  let k = 0;
  for (; k + 4 <= K; k += 4) {
    const at = (row + k) | 0;
    dot += interests[at]! * w[k]!;
    dot += interests[(at + 1) | 0]! * w[(k + 1) | 0]!;
    dot += interests[(at + 2) | 0]! * w[(k + 2) | 0]!;
    dot += interests[(at + 3) | 0]! * w[(k + 3) | 0]!;
  }
  for (; k < K; k++) dot += interests[(row + k) | 0]! * w[k]!;
  const m = K * dot;
  return m < 1 ? m : 1;
}

/** Social reinforcement: 1 once the agent saw the trend from `threshold` distinct accounts, else damped by the trend's effort. */
export function reinforcement(ctx: SimContext, agent: number, ts: TrendState, distinct: number): number {
  if (distinct >= ctx.world.population.threshold[agent]!) return 1;
  const effort = ts.trend.effort;
  return 1 - effort + effort * ctx.knobs.belowThreshold;
}

/** All factors at `tick` (for the inspector; the hot loop inlines the same arithmetic). */
export function adoptionFactors(
  ctx: SimContext,
  agent: number,
  ts: TrendState,
  platform: number,
  tick: number,
  distinct: number,
): AdoptionFactors {
  const tr = ts.trend;
  const speaks = (ctx.world.population.languages[agent]! & tr.languageMask) !== 0;
  return {
    appeal: tr.appeal,
    interestMatch: interestMatch(ctx, agent, ts),
    language: speaks ? 1 : 1 - tr.languageDependence,
    platformFit: ts.fit[platform]!,
    reinforcement: reinforcement(ctx, agent, ts, distinct),
    novelty: 0.5 ** (Math.max(0, tick - tr.startTick) / tr.noveltyHalfLife),
    creator: creatorFactor(ctx, agent),
    participation: tr.participation * ctx.knobs.adoptionRate,
  };
}

/** Creator propensity relative to the population mean, capped at 3. */
export function creatorFactor(ctx: SimContext, agent: number): number {
  const f = ctx.world.population.creatorPropensity[agent]! * ctx.invMeanCreator;
  return f < 3 ? f : 3;
}

/** Records an engagement (like or reshare): popularity, item profile toward the engager, user profile toward the item. */
function engage(ctx: SimContext, agent: number, platform: number, slot: number): void {
  const ring = ctx.state.rings[platform]!;
  const base = slot * ring.stride;
  ring.dataF[base + POST.engagement]! += ctx.state.authorBoost[ring.data[base + POST.author]!]!;
  const { D, K } = ctx.dim;
  const item = ring.profile;
  const user = ctx.state.profile;
  const interests = ctx.world.population.interests;
  const itemRow = slot * ring.profileStride;
  const userRow = agent * D;
  const interestRow = agent * K;
  // Rates in locals (a module constant in a loop is a context load per use); `| 0` marks indices that cannot overflow.
  const itemLearning = ITEM_LEARNING;
  const itemKeep = 1 - ITEM_LEARNING;
  const userLearning = USER_LEARNING;
  const userKeep = 1 - USER_LEARNING;
  // The loops take two entries a step (V8 checks an array once per straight run of accesses, not per iteration); sums
  // still run in dimension order.
  let k = 0;
  for (; k + 2 <= K; k += 2) {
    const at = (itemRow + k) | 0;
    const from = (interestRow + k) | 0;
    item[at] = itemKeep * item[at]! + itemLearning * interests[from]!;
    item[(at + 1) | 0] = itemKeep * item[(at + 1) | 0]! + itemLearning * interests[(from + 1) | 0]!;
  }
  if (k < K)
    item[(itemRow + k) | 0] =
      itemKeep * item[(itemRow + k) | 0]! + itemLearning * interests[(interestRow + k) | 0]!;
  for (let d = K; d < D; d++) item[(itemRow + d) | 0]! *= itemKeep;
  item[itemRow + K + ctx.world.population.fandom[agent]!]! += itemLearning;
  let lengthSquared = 0;
  let d = 0;
  for (; d + 2 <= D; d += 2) {
    const at = (itemRow + d) | 0;
    const to = (userRow + d) | 0;
    const w0 = item[at]!;
    const w1 = item[(at + 1) | 0]!;
    lengthSquared += w0 * w0;
    lengthSquared += w1 * w1;
    user[to] = userKeep * user[to]! + userLearning * w0;
    user[(to + 1) | 0] = userKeep * user[(to + 1) | 0]! + userLearning * w1;
  }
  if (d < D) {
    const w = item[(itemRow + d) | 0]!;
    lengthSquared += w * w;
    user[(userRow + d) | 0] = userKeep * user[(userRow + d) | 0]! + userLearning * w;
  }
  item[itemRow + D] = lengthSquared > 0 ? 1 / Math.sqrt(lengthSquared) : 0;
}

/** Appends a new adopter to its trend's cascade bookkeeping (TrendState.order): O(depth), once per adoption. */
function recordInTree(ts: TrendState, agent: number, parent: number): void {
  let root = agent;
  for (let p = parent, guard = 0; p >= 0; p = ts.parent[p]!, guard++) {
    if (ts.adoptTick[p]! < 0 || guard > ts.adopters) {
      root = -1; // a chain that reaches no seed (a correct run never makes one): left out, as cascadeTrees does
      break;
    }
    root = p;
  }
  const position = ts.adopters;
  if (position === ts.order.length) {
    const order = new Int32Array(position * 2);
    order.set(ts.order);
    ts.order = order;
    const orderRoot = new Int32Array(position * 2);
    orderRoot.set(ts.orderRoot);
    ts.orderRoot = orderRoot;
  }
  ts.order[position] = agent;
  ts.orderRoot[position] = root;
  if (root >= 0) ts.treeSize.set(root, (ts.treeSize.get(root) ?? 0) + 1);
}

/** Makes `agent` an adopter of trend `t` on `platform` (parent −1 for a seed), posts its version and maybe cross-posts it. */
export function adopt(ctx: SimContext, agent: number, t: number, platform: number, parent: number): void {
  const { state, world } = ctx;
  const ts = state.trends[t]!;
  if (ts.adoptTick[agent]! >= 0) return;
  const tick = state.tick;
  const pop = world.population;
  ts.adoptTick[agent] = tick;
  ts.parent[agent] = parent;
  ts.platform[agent] = platform;
  state.lastAdopted[agent] = t + 1;
  logAdoption(state.adoptionLog, agent, t);
  recordInTree(ts, agent, parent);
  ts.adopters++;
  const region = pop.region[agent]!;
  ts.adoptersByPlatform[platform]!++;
  ts.adoptersByRegion[region]!++;
  ts.adoptersByFandom[pop.fandom[agent]!]!++;
  while (ts.adoptionsByTick.length <= tick) {
    ts.adoptionsByTick.push(0);
    ts.childrenByTick.push(0);
  }
  ts.adoptionsByTick[tick]!++;
  if (parent >= 0) {
    ts.childrenByTick[ts.adoptTick[parent]!]!++;
    if (ts.platform[parent] !== platform) ts.crossPlatformHops++;
  }
  if (ts.onsetTick[region]! < 0 && ts.adoptersByRegion[region]! >= ctx.onsetCount[region]!)
    ts.onsetTick[region] = tick;
  pushTransmission(ctx.tx, parent, agent, t, platform);

  const rng = state.rng;
  createPost(ctx, platform, agent, agent, t, drawTopic(ts.trend.topicCdf, aleaNext(rng)));
  if (aleaNext(rng) < world.platforms[platform]!.crossPostProbability) {
    // Cross-post to another available platform the agent is on, chosen in proportion to how well it carries the kind.
    const member = pop.platforms[agent]!;
    let total = 0;
    for (let q = 0; q < ctx.dim.P; q++)
      if (q !== platform && (member >> q) & 1 && state.available[q]) total += ts.fit[q]!;
    if (total > 0) {
      let target = aleaNext(rng) * total;
      for (let q = 0; q < ctx.dim.P; q++) {
        if (q === platform || !((member >> q) & 1) || !state.available[q]) continue;
        target -= ts.fit[q]!;
        if (target < 0) {
          createPost(ctx, q, agent, agent, t, drawTopic(ts.trend.topicCdf, aleaNext(rng)));
          break;
        }
      }
    }
  }
}

/**
 * The views of one session: `agent` views `ctx.feedIds[0..count)` on `platform`, in order (DESIGN §2.4 steps 3–4).
 * Each view counts toward the post's reach, may teach the agent's profile its topic (watch time), and one draw decides
 * like / ignore for everyday posts or participate / reshare / like / ignore for trend posts (viewTrendPost).
 * Written as one loop per session, with the agent's rows and the ring's fields in locals, because it runs a few
 * million times a simulated day. Tallies nothing reads during a session are added once at its end: the filter-bubble
 * histograms (ctx.sessionTopics / sessionRegions, saturating like per-view increments), the inspector's last
 * SEEN_MEMORY views, the homogenization sample and the tick's view counts — the same values as counting per view.
 */
export function viewFeed(ctx: SimContext, agent: number, platform: number, count: number): void {
  const { state, world, dim } = ctx;
  const K = dim.K;
  const R = dim.R;
  const ring = state.rings[platform]!;
  const { data, mask, stride } = ring;
  const tick = state.tick;
  const pop = world.population;
  const agentRegion = pop.region[agent]!;
  const interests = pop.interests;
  const interestRow = agent * K;
  const profile = state.profile;
  const profileRow = agent * dim.D;
  const authorBoost = state.authorBoost;
  const feedIds = ctx.feedIds;
  const sessionTopics = ctx.sessionTopics;
  const sessionRegions = ctx.sessionRegions;
  for (let k = 0; k < K; k++) sessionTopics[k] = 0;
  for (let r = 0; r < R; r++) sessionRegions[r] = 0;
  // Record fields, flags and rates in locals: a module constant read in the loop is a context load (and, for POST's
  // fields, a map check and a field load) on every view.
  const authorField = POST.author;
  const metaField = POST.meta;
  const viewTickField = POST.viewTick;
  const viewsField = POST.views;
  const totalViewsField = POST.totalViews;
  const noTrend = NO_TREND;
  const boosted = META_BOOSTED;
  const watchLearning = WATCH_LEARNING;
  const watchKeep = 1 - WATCH_LEARNING;
  const everydayLike = EVERYDAY_LIKE;
  // The generator is stepped in locals (fast-alea.ts) and written back around viewTrendPost, which draws from it.
  const rng = state.rng;
  let s0 = rng[0]!;
  let s1 = rng[1]!;
  let s2 = rng[2]!;
  let carry = rng[3]!;
  let crossRegion = 0;
  let background = 0;
  for (let i = 0; i < count; i++) {
    const id = feedIds[i]!;
    const base = (id & mask) * stride;
    const author = data[base + authorField]!;
    const meta = data[base + metaField]!;
    const topic = (meta >>> 8) & 0xff;
    const authorRegion = (meta >>> 16) & 0xff;
    if (data[base + viewTickField] !== tick) {
      data[base + viewTickField] = tick;
      data[base + viewsField] = 1;
    } else data[base + viewsField]!++;
    data[base + totalViewsField]!++;
    sessionTopics[topic]!++;
    sessionRegions[authorRegion]!++;
    if (authorRegion !== agentRegion) crossRegion++;
    const boost = meta & boosted ? authorBoost[author]! : 1;
    let topicMatch = K * interests[interestRow + topic]!;
    if (topicMatch > 1) topicMatch = 1;
    let t = 2091639 * s0 + carry * 2.3283064365386963e-10;
    s0 = s1;
    s1 = s2;
    carry = t | 0;
    s2 = t - carry;
    if (s2 < topicMatch) {
      // Four entries a step: V8 checks the array once per straight run of accesses, not once per loop iteration.
      let k = 0;
      for (; k + 4 <= K; k += 4) {
        const at = (profileRow + k) | 0;
        profile[at]! *= watchKeep;
        profile[(at + 1) | 0]! *= watchKeep;
        profile[(at + 2) | 0]! *= watchKeep;
        profile[(at + 3) | 0]! *= watchKeep;
      }
      for (; k < K; k++) profile[(profileRow + k) | 0]! *= watchKeep;
      profile[profileRow + topic]! += watchLearning;
    }
    const trend = meta & 0xff;
    if (trend === noTrend) {
      background++;
      t = 2091639 * s0 + carry * 2.3283064365386963e-10;
      s0 = s1;
      s1 = s2;
      carry = t | 0;
      s2 = t - carry;
      if (s2 < everydayLike * topicMatch * boost) engage(ctx, agent, platform, id & mask);
    } else {
      rng[0] = s0;
      rng[1] = s1;
      rng[2] = s2;
      rng[3] = carry;
      viewTrendPost(ctx, agent, platform, id & mask, trend, author, boost);
      s0 = rng[0]!;
      s1 = rng[1]!;
      s2 = rng[2]!;
      carry = rng[3]!;
    }
  }
  rng[0] = s0;
  rng[1] = s1;
  rng[2] = s2;
  rng[3] = carry;
  state.viewsThisTick += count;
  state.crossRegionViewsThisTick += crossRegion;
  state.backgroundViewsThisTick += background;
  const topicViews = state.topicViews;
  for (let k = 0; k < K; k++) {
    const views = topicViews[interestRow + k]! + sessionTopics[k]!;
    topicViews[interestRow + k] = views < 65535 ? views : 65535;
  }
  const regionViews = state.regionViews;
  const regionRow = agent * R;
  for (let r = 0; r < R; r++) {
    const views = regionViews[regionRow + r]! + sessionRegions[r]!;
    regionViews[regionRow + r] = views < 65535 ? views : 65535;
  }
  rememberViews(ctx, agent, platform, count);
}

/** The inspector's memory (the last SEEN_MEMORY views) and, for a tracked agent, the homogenization sample. */
function rememberViews(ctx: SimContext, agent: number, platform: number, count: number): void {
  const cursor = ctx.seenCursor[agent]!;
  for (let i = count > SEEN_MEMORY ? count - SEEN_MEMORY : 0; i < count; i++) {
    const position = agent * SEEN_MEMORY + ((cursor + i) % SEEN_MEMORY);
    ctx.seenPost[position] = ctx.feedIds[i]!;
    ctx.seenMeta[position] = platform * 4 + ctx.feedSources[i]!;
  }
  ctx.seenCursor[agent] = (cursor + count) % SEEN_MEMORY;
  const state = ctx.state;
  const tracked = state.trackedSlot[agent]!;
  if (tracked < 0) return;
  for (let i = 0; i < count; i++) {
    const c = state.trackedCursor[tracked]!;
    state.trackedItems[tracked * TRACKED_ITEMS + (c % TRACKED_ITEMS)] = platform * 2 ** 32 + ctx.feedIds[i]!;
    state.trackedCursor[tracked] = c + 1;
  }
}

/**
 * A view of trend `t`'s post in `slot` (by `author`, engagement boost `boost`): exposure counting, then one draw
 * decides participate / reshare / like / ignore.
 */
function viewTrendPost(
  ctx: SimContext,
  agent: number,
  platform: number,
  slot: number,
  t: number,
  author: number,
  boost: number,
): void {
  const { state, world } = ctx;
  const pop = world.population;
  const ring = state.rings[platform]!;
  const base = slot * ring.stride;
  const data = ring.data;
  const ts = state.trends[t]!;
  ts.views++;
  ts.viewsThisTick++;
  if (author === agent) return;
  const adopted = ts.adoptTick[agent]! >= 0;
  let seen = ts.seen[agent]!;
  if (!adopted) {
    const bit = sourceBit(author);
    if ((seen & bit) === 0) {
      if (seen === 0) {
        ts.exposed++;
        ts.exposedByPlatform[platform]!++;
        ts.exposedByRegion[pop.region[agent]!]!++;
        ts.exposedByFandom[pop.fandom[agent]!]!++;
      }
      seen |= bit;
      ts.seen[agent] = seen;
    }
  }
  const tr = ts.trend;
  const speaks = (pop.languages[agent]! & tr.languageMask) !== 0;
  let pull =
    tr.appeal *
    interestMatch(ctx, agent, ts) *
    (speaks ? 1 : 1 - tr.languageDependence) *
    ts.fit[platform]! *
    ts.novelty *
    boost;
  if (pull > 1) pull = 1;
  const flags = ts.flags[agent]!;
  let pParticipate = 0;
  if (!adopted) {
    pParticipate =
      pull *
      tr.participation *
      ctx.knobs.adoptionRate *
      creatorFactor(ctx, agent) *
      reinforcement(ctx, agent, ts, popcount32(seen));
  }
  const pReshare = (flags & 1) === 0 ? pull * tr.reshare * ctx.knobs.reshareRate : 0;
  const u = aleaNext(state.rng);
  if (u < pParticipate) {
    engage(ctx, agent, platform, slot);
    adopt(ctx, agent, t, platform, data[base + POST.origin]!);
  } else if (u < pParticipate + pReshare) {
    ts.flags[agent] = flags | 1;
    ts.reshares++;
    ts.resharesByPlatform[platform]!++;
    ts.resharesByRegion[pop.region[agent]!]!++;
    ts.resharesByFandom[pop.fandom[agent]!]!++;
    engage(ctx, agent, platform, slot);
    createPost(ctx, platform, agent, data[base + POST.origin]!, t, (data[base + POST.meta]! >>> 8) & 0xff);
  } else if (u < pParticipate + pReshare + pull && (flags & 2) === 0) {
    ts.flags[agent] = flags | 2;
    ts.likes++;
    engage(ctx, agent, platform, slot);
  }
}
