// The collaborative recommender's hourly model: each platform's retrievable posts as of the tick's start, with item vectors and popularity side by side. Reads rings; writes only its tables.
import type { RecommenderStrategy } from '../params/recommender.ts';
import type { Dimensions, PostRing } from './state.ts';
import * as stateModule from './state.ts';

// Imported values copied into module constants once (as in the other tick modules: under tsx's CommonJS interop each
// use of an imported binding would be a getter call).
const { HOT_SIZE, POST, TOPIC_BUCKET } = stateModule;

/**
 * One platform's recommender model for the current hour. Real recommenders score with item embeddings retrained in
 * batches, not per interaction; here the batch is the hour: at each tick's start the posts the collaborative
 * recommender can retrieve — the topic index (newest TOPIC_BUCKET per topic) and the hot list — are copied, if live
 * and posted before this tick, into compact rows: the post id, its author, its item profile scaled to unit length and
 * its popularity. A candidate then reads one row of a small table instead of the post's record and profile; and a
 * retrieval never lands on a post too young to be shown.
 *
 * The unit vector is stored sparse — its nonzero dimensions and their values: a post nobody engaged with yet has two
 * of the D (its topic and its author's fandom, posts.ts createPost); one engagement makes the topic part dense (every
 * agent's interests cover every topic). A scored candidate had about 8.6 of D = 15 terms on average (the default
 * world, one simulated day at 100k agents), and a dense row measured no faster.
 *
 * Topic k's posts are entries [k × TOPIC_BUCKET, k × TOPIC_BUCKET + topicCount[k]); the hot list's are
 * [K × TOPIC_BUCKET, K × TOPIC_BUCKET + hotCount). Entry e's vector has `nonzeros[e]` terms: dimension
 * `dims[e × D + j]` has value `values[e × D + j]`.
 */
/** The strategies that retrieve from the tables (the others read the rings): tick.ts refreshes the tables for these. */
export const TABLE_STRATEGIES: ReadonlySet<RecommenderStrategy> = new Set(['collaborative', 'oracle']);

export interface CandidateTable {
  readonly ids: Int32Array;
  readonly authors: Int32Array;
  readonly popularity: Float32Array;
  readonly nonzeros: Uint8Array;
  readonly dims: Uint8Array;
  readonly values: Float32Array;
  readonly topicCount: Int32Array;
  /** First entry of the hot list (K × TOPIC_BUCKET). */
  readonly hotStart: number;
  hotCount: number;
}

export function createCandidateTable(dim: Dimensions): CandidateTable {
  const entries = dim.K * TOPIC_BUCKET + HOT_SIZE;
  return {
    ids: new Int32Array(entries),
    authors: new Int32Array(entries),
    popularity: new Float32Array(entries),
    nonzeros: new Uint8Array(entries),
    dims: new Uint8Array(entries * dim.D),
    values: new Float32Array(entries * dim.D),
    topicCount: new Int32Array(dim.K),
    hotStart: dim.K * TOPIC_BUCKET,
    hotCount: 0,
  };
}

/**
 * Copies post `id` into entry `entry` if it is in the ring, posted before `tick` and younger than `lifetime`; returns
 * whether it did. The vector is the item profile times its stored inverse length (a unit vector, or zero).
 */
function copyEntry(
  table: CandidateTable,
  entry: number,
  ring: PostRing,
  id: number,
  tick: number,
  lifetime: number,
  D: number,
): boolean {
  if (id < 0 || id < ring.next - ring.capacity || id >= ring.next) return false;
  const slot = id & ring.mask;
  const base = slot * ring.stride;
  const age = tick - ring.data[base + POST.tick]!;
  if (age < 1 || age >= lifetime) return false;
  const item = ring.profile;
  const row = slot * ring.profileStride;
  const scale = item[row + D]!;
  const out = entry * D;
  let nonzeros = 0;
  for (let d = 0; d < D; d++) {
    const value = item[row + d]! * scale;
    if (value === 0) continue;
    table.dims[out + nonzeros] = d;
    table.values[out + nonzeros] = value;
    nonzeros++;
  }
  table.nonzeros[entry] = nonzeros;
  const engagement = ring.dataF[base + POST.engagement]!;
  table.ids[entry] = id;
  table.authors[entry] = ring.data[base + POST.author]!;
  table.popularity[entry] = engagement / (engagement + 5);
  return true;
}

/** Rebuilds `table` from `ring` for the hour `tick` (posts with 1 ≤ age < lifetime). O(K × TOPIC_BUCKET + HOT_SIZE). */
export function refreshCandidateTable(
  table: CandidateTable,
  ring: PostRing,
  dim: Dimensions,
  tick: number,
  lifetime: number,
): void {
  const { K, D } = dim;
  for (let k = 0; k < K; k++) {
    // The index is a ring per topic: its newest `filled` entries, in any order (retrieval draws uniformly).
    const filled = Math.min(ring.indexCursor[k]!, TOPIC_BUCKET);
    let count = 0;
    for (let i = 0; i < filled; i++) {
      const id = ring.index[k * TOPIC_BUCKET + i]!;
      if (copyEntry(table, k * TOPIC_BUCKET + count, ring, id, tick, lifetime, D)) count++;
    }
    table.topicCount[k] = count;
  }
  let hot = 0;
  for (let i = 0; i < ring.hotCount; i++)
    if (copyEntry(table, table.hotStart + hot, ring, ring.hot[i]!, tick, lifetime, D)) hot++;
  table.hotCount = hot;
}
