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
 * The unit vector is stored dense, in a row of VECTOR_WIDTH floats (64 bytes, one cache line) padded with zeros when
 * the world has fewer than VECTOR_WIDTH dimensions (D = topics + fandoms + 1; 15 in the default world): the
 * collaborative recommender then scores a candidate with one straight-line dot product against the user's unit
 * vector held in locals (recommender.ts). Sparse rows (a post nobody engaged with yet has two nonzero terms; a scored
 * candidate had 8.6 of 15 on average) cost about 28 instructions a term in V8 through the index indirection; the
 * dense straight-line row costs about 8 a dimension, and a simulated day at 100k agents fell from 10.55 G to 9.96 G
 * instructions (about 5% of its time). A world with more dimensions has rows of D floats and a plain loop.
 *
 * Topic k's posts are entries [k × TOPIC_BUCKET, k × TOPIC_BUCKET + topicCount[k]); the hot list's are
 * [K × TOPIC_BUCKET, K × TOPIC_BUCKET + hotCount). Entry e's vector is `vectors[e × width, e × width + D)`, zeros
 * after that up to `width`.
 */
/** The strategies that retrieve from the tables (the others read the rings): tick.ts refreshes the tables for these. */
export const TABLE_STRATEGIES: ReadonlySet<RecommenderStrategy> = new Set(['collaborative', 'oracle']);

export interface CandidateTable {
  readonly ids: Int32Array;
  readonly authors: Int32Array;
  readonly popularity: Float32Array;
  /** Floats per entry in `vectors`: VECTOR_WIDTH, or D when the world has more dimensions. */
  readonly width: number;
  readonly vectors: Float32Array;
  readonly topicCount: Int32Array;
  /** First entry of the hot list (K × TOPIC_BUCKET). */
  readonly hotStart: number;
  hotCount: number;
}

/** Floats per item vector in the table when the world has at most that many dimensions (the recommender's fast path). */
export const VECTOR_WIDTH = 16;

export function createCandidateTable(dim: Dimensions): CandidateTable {
  const entries = dim.K * TOPIC_BUCKET + HOT_SIZE;
  const width = Math.max(VECTOR_WIDTH, dim.D);
  return {
    ids: new Int32Array(entries),
    authors: new Int32Array(entries),
    popularity: new Float32Array(entries),
    width,
    vectors: new Float32Array(entries * width),
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
  const out = entry * table.width;
  for (let d = 0; d < D; d++) table.vectors[out + d] = item[row + d]! * scale;
  // The padding stays zero: entries are rewritten every hour, always with the world's D dimensions.
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
