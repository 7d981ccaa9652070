// The social world's dynamic state as typed arrays (per agent, per agent × trend, per platform post rings). Allocation only: no dynamics.

import type { CascadeStats } from '../metrics/cascade.ts';
import { type AdoptionLog, createAdoptionLog } from './adoption-log.ts';
import type { AleaState } from './classic/fast-alea.ts';
import type { ResolvedTrend } from './trends.ts';
import type { World } from './world.ts';

/** `ring.trend` of a post that belongs to no trend (everyday content). */
export const NO_TREND = 255;
/** Post ids kept per topic in each platform's recommender index. */
export const TOPIC_BUCKET = 256;
/** Posts in each platform's hot (most engaged) list and trending list. */
export const HOT_SIZE = 48;
/** Viewed post keys remembered per tracked agent (homogenization sample) and agents tracked. */
export const TRACKED_ITEMS = 96;
export const TRACKED_AGENTS = 256;

/**
 * Field offsets of one post's record in `PostRing.data` (records of `PostRing.stride` words). `meta` packs trend (bits 0–7, NO_TREND = everyday post), topic (bits 8–15), the
 * author's region (bits 16–23) and META_BOOSTED. `engagement` is a float read through `PostRing.dataF` (same buffer);
 * `totalViews` counts all views, credited to the author's `reach` when the slot is reused (so a view writes no
 * per-author memory).
 */
export const POST = {
  author: 0,
  origin: 1,
  tick: 2,
  meta: 3,
  views: 4,
  viewTick: 5,
  engagement: 6,
  totalViews: 7,
} as const;
/** Bit of `meta` set when the author had an engagement boost (idol live) at posting time. */
export const META_BOOSTED = 1 << 24;
/** Words of a post's record in `PostRing.data`: the fields of POST, 32 bytes (half a cache line). */
export const POST_WORDS = 8;

/**
 * Floats per item-profile row in `PostRing.profile`: the profile (D floats) then the inverse of its length (0 for a
 * zero profile; kept by whoever writes the profile, so a cosine needs no norm), rounded up to whole 32-byte units.
 * Profiles live apart from the fields because only engagements and the hourly recommender model
 * (candidate-table.ts) read them: a view and a follow-feed score read the fields alone, 32 bytes a post.
 */
export function profileStride(D: number): number {
  return Math.ceil((D + 1) / 8) * 8;
}

/**
 * One platform's recent posts in a ring of `capacity` (a power of two) records. Post ids grow forever; post `id`
 * lives in slot `id & mask` (fields at `data[slot * stride + POST.x]`, item profile at
 * `profile[slot * profileStride + d]`) while `id ≥ next − capacity`. `origin` is the adopter the post descends from (the author for an
 * adoption post, the original adopter for a reshare; −1 for everyday posts); `views` counts viewers in tick
 * `viewTick` (reach cap). The item profile — topic part then fandom part (fandom 0 = none) — comes from the post's
 * content and from who engaged with it. `index` is K × TOPIC_BUCKET post ids (−1 empty): the newest posts of each
 * topic.
 */
export interface PostRing {
  readonly capacity: number;
  readonly mask: number;
  next: number;
  /**
   * `next` when the current tick began: every post from this id on was made this tick, so no feed may show it yet.
   * Lets hot loops reject such a candidate without reading its record (a memory miss). Posts made between ticks
   * (a launch from the app) are below it and still young: the record's own tick stays the rule.
   */
  firstIdThisTick: number;
  /** Words per record in `data` (POST_WORDS). */
  readonly stride: number;
  readonly data: Int32Array;
  /** `data` read as floats (the `engagement` field). */
  readonly dataF: Float32Array;
  /** Item profiles: post `id`'s row of `profileStride` floats starts at `(id & mask) × profileStride`. */
  readonly profile: Float32Array;
  readonly profileStride: number;
  readonly index: Int32Array;
  readonly indexCursor: Uint32Array;
  readonly hot: Int32Array;
  hotCount: number;
  readonly trending: Int32Array;
  trendingCount: number;
  /**
   * Bitset over agents (agent a is bit a & 31 of word a >>> 5): set when a's latest post on this platform may still be
   * younger than the post lifetime — set on posting, cleared when that post expires (posts.ts expireRecentAuthors). A
   * superset of the agents with a live latest post, small enough to stay in cache: follow feeds test it before
   * reading `lastPost` (a memory miss per followee, and most followees have posted nothing recent).
   */
  readonly recentAuthors: Uint32Array;
  /** First post id whose expiry is not yet processed, and the lifetime `recentAuthors` was kept for (−1 = never built). */
  expiryCursor: number;
  expiryLifetime: number;
}

/**
 * Per trend, per agent (length `count` each): `adoptTick` (−1 = not adopted), `parent` (−1 = seed or none),
 * `platform` of adoption, `seen` (32-bit hashed set of distinct accounts it saw the trend from: popcount = distinct
 * exposures, exact up to collisions of 1/32), `flags` (bit 0 reshared, bit 1 liked). Plus small counters.
 */
export interface TrendState {
  readonly trend: ResolvedTrend;
  readonly adoptTick: Int32Array;
  readonly parent: Int32Array;
  readonly platform: Uint8Array;
  readonly seen: Uint32Array;
  readonly flags: Uint8Array;
  launched: boolean;
  adopters: number;
  exposed: number;
  views: number;
  reshares: number;
  likes: number;
  crossPlatformHops: number;
  /** Length P, R, F + 1 (fandom 0 = none). */
  readonly adoptersByPlatform: Int32Array;
  readonly adoptersByRegion: Int32Array;
  readonly adoptersByFandom: Int32Array;
  readonly resharesByPlatform: Int32Array;
  readonly resharesByRegion: Int32Array;
  readonly resharesByFandom: Int32Array;
  readonly exposedByPlatform: Int32Array;
  readonly exposedByRegion: Int32Array;
  readonly exposedByFandom: Int32Array;
  /** First tick each region reached its onset count, −1 before. */
  readonly onsetTick: Int32Array;
  /** Adoptions per tick, and children credited to the tick their parent adopted (for R_t). */
  readonly adoptionsByTick: number[];
  readonly childrenByTick: number[];
  /** Views of this trend's posts in the current tick. */
  viewsThisTick: number;
  /** Novelty factor 0.5^((tick − start) / half-life), refreshed at the start of each tick. */
  novelty: number;
  /** Platform fit of this trend's kind per platform (formatFit, 0.5 when the platform does not list the kind). */
  readonly fit: Float64Array;
  /**
   * Cascade bookkeeping kept by adopt() so the summary need not scan every agent: `order[0..adopters)` the adopters in
   * adoption order (a parent always precedes its children), `orderRoot` the seed at the top of each one's tree (−1 when
   * its parent chain reaches no seed); both grow by doubling. `treeSize` maps each seed to its tree's size (seeds are
   * few). `largest` caches the largest tree's measures for (`largestRoot`, `largestSize`).
   */
  order: Int32Array;
  orderRoot: Int32Array;
  readonly treeSize: Map<number, number>;
  largest: CascadeStats | null;
  largestRoot: number;
  largestSize: number;
}

/** Platform algorithm settings as they stand now (events change them). */
export interface AlgorithmState {
  personalization: number;
  exploration: number;
  popularityWeight: number;
  reachCap: number;
}

export interface DynamicState {
  tick: number;
  readonly rng: AleaState;
  /** Per agent. `online` 1 while online this tick; `lastAdopted` trend + 1 of the latest adoption. */
  readonly online: Uint8Array;
  readonly lastAdopted: Uint8Array;
  /**
   * P × count × 2: per platform, then agent, the agent's latest post's id there (−1 none) then its tick — so a follow
   * feed can skip stale posts without touching the ring. Platform-major: a session reads one platform's block only,
   * which stays in cache better than rows interleaving every platform.
   */
  readonly lastPost: Int32Array;
  /** count × D user profiles of the recommender (topic part then fandom part), from what the agent engaged with. */
  readonly profile: Float32Array;
  /** count × K and count × R views by topic and by the author's region, halved once a day (the filter-bubble window). */
  readonly topicViews: Uint16Array;
  readonly regionViews: Uint16Array;
  /** Views received by the agent's posts that left the ring (live posts' views are in their `totalViews`). */
  readonly reach: Float32Array;
  /** Engagement multiplier of the agent's posts (idol live streams). */
  readonly authorBoost: Float32Array;
  /** Online-chance multipliers per region and per fandom (0..F), from events. */
  readonly regionActivity: Float64Array;
  readonly fandomActivity: Float64Array;
  /** Agents forced online (idols live), −1 = free slot. */
  readonly forcedOnline: Int32Array;
  readonly rings: PostRing[];
  readonly algorithms: AlgorithmState[];
  /** Per platform: 1 available, 0 banned or in an outage; `unavailableSince` the tick it went down (−1 while up). */
  readonly available: Uint8Array;
  readonly unavailableSince: Int32Array;
  /** Bumped whenever any agent's platform membership changes (membership.ts, events.ts): summaries cache member counts by it. */
  membershipVersion: number;
  /** Per platform, members at the end of each simulated day (for the S-curve and platforms.csv). */
  readonly membersByDay: number[][];
  readonly trends: TrendState[];
  /** The homogenization sample: tracked agent ids, their recent viewed-post keys (ring of TRACKED_ITEMS), slot per agent. */
  readonly trackedAgents: Int32Array;
  readonly trackedItems: Float64Array;
  readonly trackedCursor: Uint32Array;
  readonly trackedSlot: Int16Array;
  /** Online agents this tick (first `onlineCount` entries), in session order (online.ts SESSION_BLOCK). */
  readonly onlineList: Int32Array;
  /** Scratch of the same length for putting the online list in session order. */
  readonly onlineScratch: Int32Array;
  onlineCount: number;
  /** Views this tick: total, of everyday posts, from an author of another region. */
  viewsThisTick: number;
  backgroundViewsThisTick: number;
  crossRegionViewsThisTick: number;
  /**
   * Views this tick by platform and by where the feed took the post from: index platform × 3 + source (follow,
   * recommended, trending: context.ts SOURCE). What the feed mix turned into, once short follow feeds were filled.
   */
  readonly viewsBySourceThisTick: Int32Array;
  /** Views per hour of the last 24 ticks (index tick % 24): all and cross-region. */
  readonly viewsByHour: Float64Array;
  readonly crossViewsByHour: Float64Array;
  /** Every adoption in order and where each tick began (what a replay of an earlier tick reads). */
  readonly adoptionLog: AdoptionLog;
}

export interface Dimensions {
  readonly count: number;
  readonly P: number;
  readonly K: number;
  readonly R: number;
  readonly F: number;
  /** Width of a recommender profile: K topics + F + 1 fandom slots. */
  readonly D: number;
}

export function dimensions(world: World): Dimensions {
  const K = world.topics.length;
  const F = world.fandoms.length;
  return {
    count: world.population.count,
    P: world.platforms.length,
    K,
    R: world.regions.length,
    F,
    D: K + F + 1,
  };
}

/** Ring capacity: about half a post per agent, a power of two from 4,096 to 262,144. */
export function ringCapacity(count: number): number {
  let capacity = 4096;
  while (capacity < count / 2 && capacity < 262_144) capacity *= 2;
  return capacity;
}

function createRing(dim: Dimensions): PostRing {
  const capacity = ringCapacity(dim.count);
  const stride = POST_WORDS;
  const buffer = new ArrayBuffer(capacity * stride * 4);
  const rowFloats = profileStride(dim.D);
  return {
    capacity,
    mask: capacity - 1,
    next: 0,
    firstIdThisTick: 0,
    stride,
    data: new Int32Array(buffer),
    dataF: new Float32Array(buffer),
    profile: new Float32Array(capacity * rowFloats),
    profileStride: rowFloats,
    index: new Int32Array(dim.K * TOPIC_BUCKET).fill(-1),
    indexCursor: new Uint32Array(dim.K),
    hot: new Int32Array(HOT_SIZE),
    hotCount: 0,
    trending: new Int32Array(HOT_SIZE),
    trendingCount: 0,
    recentAuthors: new Uint32Array(Math.ceil(dim.count / 32)),
    expiryCursor: 0,
    expiryLifetime: -1,
  };
}

export function createTrendState(world: World, trend: ResolvedTrend): TrendState {
  const { count, P, R, F } = dimensions(world);
  return {
    trend,
    adoptTick: new Int32Array(count).fill(-1),
    parent: new Int32Array(count).fill(-1),
    platform: new Uint8Array(count),
    seen: new Uint32Array(count),
    flags: new Uint8Array(count),
    launched: false,
    adopters: 0,
    exposed: 0,
    views: 0,
    reshares: 0,
    likes: 0,
    crossPlatformHops: 0,
    adoptersByPlatform: new Int32Array(P),
    adoptersByRegion: new Int32Array(R),
    adoptersByFandom: new Int32Array(F + 1),
    resharesByPlatform: new Int32Array(P),
    resharesByRegion: new Int32Array(R),
    resharesByFandom: new Int32Array(F + 1),
    exposedByPlatform: new Int32Array(P),
    exposedByRegion: new Int32Array(R),
    exposedByFandom: new Int32Array(F + 1),
    onsetTick: new Int32Array(R).fill(-1),
    adoptionsByTick: [],
    childrenByTick: [],
    viewsThisTick: 0,
    novelty: 1,
    fit: Float64Array.from(world.platforms, (p) => p.formatFit[trend.kind] ?? 0.5),
    order: new Int32Array(64),
    orderRoot: new Int32Array(64),
    treeSize: new Map(),
    largest: null,
    largestRoot: -1,
    largestSize: 0,
  };
}

/**
 * Allocates the dynamic state of `world`. User profiles start from the agent's fandom (public) and a flat topic part
 * (the recommender has not seen it engage yet). Tracked agents for homogenization are drawn by `pick(n)`.
 */
export function createDynamicState(world: World, rng: AleaState, pick: (n: number) => number): DynamicState {
  const dim = dimensions(world);
  const { count, P, K, R, F, D } = dim;
  const profile = new Float32Array(count * D);
  const fandom = world.population.fandom;
  for (let a = 0; a < count; a++) {
    const row = a * D;
    for (let k = 0; k < K; k++) profile[row + k] = 1 / K;
    profile[row + K + fandom[a]!] = 1;
  }
  const trackedCount = Math.min(TRACKED_AGENTS, count);
  const trackedAgents = new Int32Array(trackedCount);
  const trackedSlot = new Int16Array(count).fill(-1);
  for (let s = 0; s < trackedCount; s++) {
    let a = pick(count);
    for (let guard = 0; trackedSlot[a] !== -1 && guard < 1000; guard++) a = pick(count);
    trackedAgents[s] = a;
    trackedSlot[a] = s;
  }
  return {
    tick: 0,
    rng,
    online: new Uint8Array(count),
    lastAdopted: new Uint8Array(count),
    lastPost: new Int32Array(count * P * 2).fill(-1),
    profile,
    topicViews: new Uint16Array(count * K),
    regionViews: new Uint16Array(count * R),
    reach: new Float32Array(count),
    authorBoost: new Float32Array(count).fill(1),
    regionActivity: new Float64Array(R).fill(1),
    fandomActivity: new Float64Array(F + 1).fill(1),
    forcedOnline: new Int32Array(16).fill(-1),
    rings: Array.from({ length: P }, () => createRing(dim)),
    algorithms: world.platforms.map((p) => ({ ...p.algorithm })),
    available: new Uint8Array(P).fill(1),
    unavailableSince: new Int32Array(P).fill(-1),
    membershipVersion: 0,
    membersByDay: Array.from({ length: P }, () => []),
    trends: [],
    trackedAgents,
    trackedItems: new Float64Array(trackedCount * TRACKED_ITEMS).fill(-1),
    trackedCursor: new Uint32Array(trackedCount),
    trackedSlot,
    onlineList: new Int32Array(count),
    onlineScratch: new Int32Array(count),
    onlineCount: 0,
    viewsThisTick: 0,
    backgroundViewsThisTick: 0,
    crossRegionViewsThisTick: 0,
    viewsBySourceThisTick: new Int32Array(P * 3),
    viewsByHour: new Float64Array(24),
    crossViewsByHour: new Float64Array(24),
    adoptionLog: createAdoptionLog(),
  };
}
