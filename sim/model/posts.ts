// Posts in each platform's ring: creating one (content profile, topic index, author's latest post), liveness, hot and trending lists. Writes only the rings and lastPost.
import type { AleaState } from './classic/fast-alea.ts';
import * as fastaleaModule from './classic/fast-alea.ts';
import type { SimContext } from './context.ts';
import type { PostRing } from './state.ts';
import * as stateModule from './state.ts';

// Imported values copied into module constants once: under tsx (CommonJS interop) every use of an imported binding
// in the hot loops would be a getter call on the module object.
const { aleaBelow } = fastaleaModule;
const { HOT_SIZE, META_BOOSTED, NO_TREND, POST, TOPIC_BUCKET } = stateModule;

/** 1 / length of a new post's item profile (topic 1, author's fandom 0.5). */
const CONTENT_PROFILE_INVERSE_NORM = 1 / Math.sqrt(1.25);

/** Trend, topic and author region of a post from its packed `meta` field. */
export function metaTrend(meta: number): number {
  return meta & 0xff;
}
export function metaTopic(meta: number): number {
  return (meta >>> 8) & 0xff;
}
export function metaRegion(meta: number): number {
  return (meta >>> 16) & 0xff;
}

/** Offset of post `id`'s record in `ring.data`. */
export function postBase(ring: PostRing, id: number): number {
  return (id & ring.mask) * ring.stride;
}

/**
 * True while post `id` is still in the ring, was posted in an earlier tick (a post is seen from the next hour on, so
 * a parent always adopted strictly before its children) and is younger than the post lifetime.
 */
export function isLive(ring: PostRing, id: number, tick: number, lifetime: number): boolean {
  if (id < 0 || id >= ring.next || id < ring.next - ring.capacity) return false;
  const age = tick - ring.data[(id & ring.mask) * ring.stride + POST.tick]!;
  return age >= 1 && age < lifetime;
}

/** Views each agent's posts have received: `reach` (posts gone from the rings) plus live posts' `totalViews`. */
export function creatorReach(ctx: SimContext): Float64Array {
  const reach = Float64Array.from(ctx.state.reach);
  for (const ring of ctx.state.rings) {
    const first = Math.max(0, ring.next - ring.capacity);
    for (let id = first; id < ring.next; id++) {
      const base = (id & ring.mask) * ring.stride;
      reach[ring.data[base + POST.author]!]! += ring.data[base + POST.totalViews]!;
    }
  }
  return reach;
}

/** Popularity in [0, 1): saturating in engagement, half at 5 engagements. */
export function popularity(engagement: number): number {
  return engagement / (engagement + 5);
}

/**
 * Adds a post by `author` on `platform` and returns its id. `origin` is the adopter it descends from (−1 for everyday
 * posts); the item profile starts from content: the topic and the author's fandom (the recommender's cold start).
 */
export function createPost(
  ctx: SimContext,
  platform: number,
  author: number,
  origin: number,
  trend: number,
  topic: number,
): number {
  const ring = ctx.state.rings[platform]!;
  const pop = ctx.world.population;
  const id = ring.next++;
  const slot = id & ring.mask;
  const base = slot * ring.stride;
  const data = ring.data;
  if (id >= ring.capacity) ctx.state.reach[data[base + POST.author]!]! += data[base + POST.totalViews]!;
  data[base + POST.author] = author;
  data[base + POST.origin] = origin;
  data[base + POST.tick] = ctx.state.tick;
  data[base + POST.meta] =
    trend |
    (topic << 8) |
    (pop.region[author]! << 16) |
    (ctx.state.authorBoost[author] !== 1 ? META_BOOSTED : 0);
  data[base + POST.views] = 0;
  data[base + POST.totalViews] = 0;
  data[base + POST.viewTick] = -1;
  ring.dataF[base + POST.engagement] = 0;
  const { D, K } = ctx.dim;
  const row = slot * ring.profileStride;
  const item = ring.profile;
  item.fill(0, row, row + D);
  item[row + topic] = 1;
  item[row + K + pop.fandom[author]!] = 0.5;
  item[row + D] = CONTENT_PROFILE_INVERSE_NORM;
  const cursor = ring.indexCursor[topic]!;
  ring.index[topic * TOPIC_BUCKET + (cursor % TOPIC_BUCKET)] = id;
  ring.indexCursor[topic] = cursor + 1;
  const last = (platform * ctx.dim.count + author) * 2;
  ctx.state.lastPost[last] = id;
  ctx.state.lastPost[last + 1] = ctx.state.tick;
  ring.recentAuthors[author >>> 5]! |= 1 << (author & 31);
  return id;
}

/**
 * Keeps `ring.recentAuthors` a superset of the authors whose latest post on `platform` is younger than the post
 * lifetime: clears the bit of each author whose latest post expired since the last call (posts expire in id order).
 * Call at the start of a tick. Rebuilt from the ring when the lifetime knob changed. O(posts expired).
 */
export function expireRecentAuthors(ctx: SimContext, platform: number): void {
  const ring = ctx.state.rings[platform]!;
  const { data, recentAuthors } = ring;
  const tick = ctx.state.tick;
  const lifetime = ctx.knobs.postLifetime;
  const lastPost = ctx.state.lastPost;
  const oldest = Math.max(0, ring.next - ring.capacity);
  if (ring.expiryLifetime !== lifetime) {
    recentAuthors.fill(0);
    for (let id = oldest; id < ring.next; id++) {
      const base = (id & ring.mask) * ring.stride;
      if (tick - data[base + POST.tick]! >= lifetime) continue;
      const author = data[base + POST.author]!;
      recentAuthors[author >>> 5]! |= 1 << (author & 31);
    }
    ring.expiryLifetime = lifetime;
    ring.expiryCursor = oldest;
  }
  // Posts overwritten before expiring leave their bit set: harmless, the bit is only a prefilter.
  let id = Math.max(ring.expiryCursor, oldest);
  for (; id < ring.next; id++) {
    const base = (id & ring.mask) * ring.stride;
    if (tick - data[base + POST.tick]! < lifetime) break;
    const author = data[base + POST.author]!;
    if (lastPost[(platform * ctx.dim.count + author) * 2] === id)
      recentAuthors[author >>> 5]! &= ~(1 << (author & 31));
  }
  ring.expiryCursor = id;
}

/** A uniformly random live post of the ring (a few tries), or −1. For sessions (reads `ring.firstIdThisTick`). */
export function randomLivePost(ring: PostRing, tick: number, lifetime: number, rng: AleaState): number {
  const span = Math.min(ring.next, ring.capacity);
  if (span === 0) return -1;
  for (let attempt = 0; attempt < 4; attempt++) {
    const id = ring.next - 1 - aleaBelow(rng, span);
    if (id >= ring.firstIdThisTick) continue; // made this tick: too young, known without reading the record
    const age = tick - ring.data[(id & ring.mask) * ring.stride + POST.tick]!;
    if (age >= 1 && age < lifetime) return id;
  }
  return -1;
}

/**
 * Rebuilds the platform's hot list: the HOT_SIZE live posts with the most engagement (popularity recommender and the
 * popularity side of collaborative filtering). With `trendingToo`, also the trending list: the most engaged live trend
 * posts. O(live posts × log HOT_SIZE) by a bounded insertion list.
 */
export function refreshHotLists(ctx: SimContext, platform: number, trendingToo: boolean): void {
  const ring = ctx.state.rings[platform]!;
  const tick = ctx.state.tick;
  const lifetime = ctx.knobs.postLifetime;
  const first = Math.max(0, ring.next - ring.capacity);
  const hotScores = new Float64Array(HOT_SIZE);
  const trendScores = new Float64Array(HOT_SIZE);
  let hotCount = 0;
  let trendCount = 0;
  const { data, dataF } = ring;
  for (let id = ring.next - 1; id >= first; id--) {
    const base = (id & ring.mask) * ring.stride;
    if (tick - data[base + POST.tick]! >= lifetime) break; // ids are in time order: older ones are dead too
    const score = dataF[base + POST.engagement]!;
    if (score <= 0) continue;
    hotCount = insertTop(ring.hot, hotScores, hotCount, id, score);
    if (trendingToo && (data[base + POST.meta]! & 0xff) !== NO_TREND)
      trendCount = insertTop(ring.trending, trendScores, trendCount, id, score);
  }
  ring.hotCount = hotCount;
  if (trendingToo) ring.trendingCount = trendCount;
}

/** Inserts (id, score) into a descending top list of fixed capacity; returns the new length. */
function insertTop(ids: Int32Array, scores: Float64Array, count: number, id: number, score: number): number {
  const capacity = ids.length;
  if (count === capacity && score <= scores[capacity - 1]!) return count;
  let i = count < capacity ? count : capacity - 1;
  while (i > 0 && scores[i - 1]! < score) {
    ids[i] = ids[i - 1]!;
    scores[i] = scores[i - 1]!;
    i--;
  }
  ids[i] = id;
  scores[i] = score;
  return count < capacity ? count + 1 : count;
}
