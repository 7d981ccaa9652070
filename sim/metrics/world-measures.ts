// Global measures of the social world (DESIGN §2.8): exposure diversity, cross-culture share, homogenization, creator-reach Gini, R_t. Read-only over the state.
import type { SimContext } from '../model/context.ts';
import { creatorReach } from '../model/posts.ts';
import { TRACKED_ITEMS, type TrendState } from '../model/state.ts';

/** Pairs per tracked agent in the homogenization mean (its next PAIR_SPAN tracked agents). */
const PAIR_SPAN = 16;
/** Agents sampled (evenly spaced ids) for the per-agent diversity means. */
const DIVERSITY_SAMPLE = 4000;

/** Shannon entropy in bits of `row[start .. start + width)` (counts), or −1 when the row is empty. */
function entropyBits(row: Uint16Array, start: number, width: number): number {
  let total = 0;
  for (let i = 0; i < width; i++) total += row[start + i]!;
  if (total === 0) return -1;
  let h = 0;
  for (let i = 0; i < width; i++) {
    const c = row[start + i]!;
    if (c > 0) {
      const p = c / total;
      h -= p * Math.log2(p);
    }
  }
  return h;
}

/**
 * Mean per-agent entropy (bits) of recent views over topics and over the author's region, over a fixed even sample of
 * agents that viewed anything in the window (about the last day: tallies halve daily).
 */
export function exposureDiversity(ctx: SimContext): { topics: number; regions: number } {
  const { count, K, R } = ctx.dim;
  const step = Math.max(1, Math.floor(count / DIVERSITY_SAMPLE));
  let topicSum = 0;
  let regionSum = 0;
  let n = 0;
  for (let a = 0; a < count; a += step) {
    const ht = entropyBits(ctx.state.topicViews, a * K, K);
    if (ht < 0) continue;
    topicSum += ht;
    regionSum += Math.max(0, entropyBits(ctx.state.regionViews, a * R, R));
    n++;
  }
  return n === 0 ? { topics: 0, regions: 0 } : { topics: topicSum / n, regions: regionSum / n };
}

/** Share of the last 24 ticks' views whose author lives in another region than the viewer. */
export function crossCultureShare(ctx: SimContext): number {
  let all = 0;
  let cross = 0;
  for (let h = 0; h < 24; h++) {
    all += ctx.state.viewsByHour[h]!;
    cross += ctx.state.crossViewsByHour[h]!;
  }
  return all > 0 ? cross / all : 0;
}

/** Per state: each tracked agent's sorted viewed-post set and the cursor it was built at; the last pairing and its pair values. */
const sortedSetCache = new WeakMap<
  object,
  { cursor: Float64Array; sets: Float64Array[]; members: Int32Array; pairs: Float64Array }
>();

/**
 * Homogenization (Chaney, Stewart & Engelhardt 2018): mean Jaccard similarity of the sets of posts consumed (the last
 * TRACKED_ITEMS views) over pairs of the tracked agents that viewed anything.
 */
export function homogenization(ctx: SimContext): number {
  const { trackedAgents, trackedItems, trackedCursor } = ctx.state;
  const tracked = trackedAgents.length;
  let cache = sortedSetCache.get(ctx.state);
  if (!cache || cache.cursor.length !== tracked) {
    cache = {
      cursor: new Float64Array(tracked).fill(-1),
      sets: [],
      members: new Int32Array(0),
      pairs: new Float64Array(tracked * PAIR_SPAN),
    };
    sortedSetCache.set(ctx.state, cache);
  }
  const sets: Float64Array[] = [];
  const members: number[] = [];
  const changed: boolean[] = [];
  for (let s = 0; s < tracked; s++) {
    const filled = Math.min(trackedCursor[s]!, TRACKED_ITEMS);
    if (filled === 0) continue;
    // A tracked agent's set changes only when it views: re-sort only those whose cursor moved.
    const moved = cache.cursor[s] !== trackedCursor[s];
    if (moved) {
      const items = trackedItems.slice(s * TRACKED_ITEMS, s * TRACKED_ITEMS + filled).sort();
      let unique = 0;
      for (let i = 0; i < items.length; i++)
        if (i === 0 || items[i] !== items[i - 1]) items[unique++] = items[i]!;
      cache.sets[s] = items.subarray(0, unique);
      cache.cursor[s] = trackedCursor[s]!;
    }
    sets.push(cache.sets[s]!);
    members.push(s);
    changed.push(moved);
  }
  const n = sets.length;
  if (n === 2) return jaccardSorted(sets[0]!, sets[1]!);
  // Each set against its next PAIR_SPAN sets (cyclically): the tracked agents are a random sample, so these pairs are
  // as good as all pairs, at a 16th of the cost. A pair's value is reused while neither set changed and the list of
  // non-empty sets (which fixes the pairing) is the same as last time.
  const samePairing =
    members.length === cache.members.length && members.every((m, i) => cache.members[i] === m);
  let sum = 0;
  let pairs = 0;
  const span = Math.min(PAIR_SPAN, Math.floor((n - 1) / 2));
  for (let i = 0; i < n; i++) {
    for (let step = 1; step <= span; step++) {
      const j = (i + step) % n;
      const at = i * PAIR_SPAN + step - 1;
      if (!samePairing || changed[i] || changed[j]) cache.pairs[at] = jaccardSorted(sets[i]!, sets[j]!);
      sum += cache.pairs[at]!;
      pairs++;
    }
  }
  cache.members = Int32Array.from(members);
  return pairs > 0 ? sum / pairs : 0;
}

/** |A ∩ B| / |A ∪ B| of two ascending arrays without repeats. */
export function jaccardSorted(a: Float64Array, b: Float64Array): number {
  let i = 0;
  let j = 0;
  let common = 0;
  while (i < a.length && j < b.length) {
    if (a[i]! === b[j]!) {
      common++;
      i++;
      j++;
    } else if (a[i]! < b[j]!) i++;
    else j++;
  }
  const union = a.length + b.length - common;
  return union > 0 ? common / union : 0;
}

/** Gini coefficient of non-negative values (0 = equal, → 1 = one holds all); sorts a copy. 0 for an empty or all-zero input. */
export function gini(values: ArrayLike<number>): number {
  return giniSorting(Float64Array.from(values));
}

/** gini() of `values`, sorting them in place (no copy). */
function giniSorting(values: Float64Array): number {
  const sorted = values.sort();
  const n = sorted.length;
  let total = 0;
  let weighted = 0;
  for (let i = 0; i < n; i++) {
    total += sorted[i]!;
    weighted += (i + 1) * sorted[i]!;
  }
  if (n === 0 || total === 0) return 0;
  return (2 * weighted) / (n * total) - (n + 1) / n;
}

/** Gini of creator reach (views received) over agents that have received any view. One O(agents) pass and a sort. */
export function creatorReachGini(ctx: SimContext): number {
  const reach = creatorReach(ctx);
  let positive = 0;
  for (let a = 0; a < reach.length; a++) if (reach[a]! > 0) reach[positive++] = reach[a]!;
  return giniSorting(reach.subarray(0, positive));
}

/**
 * Effective reproduction number at `tick`: children so far per adopter, over the adopters of the day-long window
 * [tick − 48, tick − 24) — each had at least a day to pass the trend on (most transmissions of a post happen within
 * its 48-hour lifetime). NaN when that window had no adopters.
 */
export function reproductionNumber(ts: TrendState, tick: number): number {
  let adopters = 0;
  let children = 0;
  for (let t = Math.max(0, tick - 48); t < tick - 24 && t < ts.adoptionsByTick.length; t++) {
    adopters += ts.adoptionsByTick[t]!;
    children += ts.childrenByTick[t]!;
  }
  return adopters > 0 ? children / adopters : Number.NaN;
}
