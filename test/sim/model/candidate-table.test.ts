// The recommender's hourly model: which posts it holds, the sparse unit vectors it scores with, and the young-post gap it closes.
import { describe, expect, it } from 'vitest';
import { refreshCandidateTable } from '../../../sim/model/candidate-table.ts';
import { createPost } from '../../../sim/model/posts.ts';
import { RECOMMENDERS } from '../../../sim/model/recommender.ts';
import { POST, TOPIC_BUCKET } from '../../../sim/model/state.ts';
import { createRng } from '../../../sim/rng.ts';
import { fixtureEngine, fixtureWorld, platformRecord, randomFollows, TOPICS } from './world-fixture.ts';

const AGENTS = 1500;

function engineAfter(ticks: number, recommender: Record<string, unknown> = {}, agents = AGENTS) {
  const rng = createRng('table', 'graph');
  const world = fixtureWorld({
    count: agents,
    seed: 'table',
    platforms: [
      platformRecord(
        { name: 'Feed', feedMix: { follows: 0.2, recommended: 0.8, trending: 0 }, attention: 10 },
        1,
      ),
    ],
    ties: () => randomFollows(agents, 10, () => rng.next()),
    interests: (a) => TOPICS.map((_, k) => (k === a % TOPICS.length ? 6 : 1)),
    creatorPropensity: 0.4,
  });
  const engine = fixtureEngine(world, [{ name: 'Cat meme', kind: 'meme' }], recommender, [], 'table');
  for (let t = 0; t < ticks; t++) engine.step();
  return engine;
}

/** Starts the hour `state.tick` as stepWorld does for the rings: this hour's posts begin at `next`; the table is rebuilt. */
function beginHour(engine: ReturnType<typeof engineAfter>): void {
  const { state, dim, knobs } = engine.ctx;
  const ring = state.rings[0]!;
  ring.firstIdThisTick = ring.next;
  refreshCandidateTable(engine.ctx.candidateTables[0]!, ring, dim, state.tick, knobs.postLifetime);
}

describe('the hourly candidate table', () => {
  const engine = engineAfter(30);
  beginHour(engine);
  const { state, dim, knobs } = engine.ctx;
  const ring = state.rings[0]!;
  const table = engine.ctx.candidateTables[0]!;
  const live = (id: number) => {
    if (id < 0 || id < ring.next - ring.capacity || id >= ring.next) return false;
    const age = state.tick - ring.data[(id & ring.mask) * ring.stride + POST.tick]!;
    return age >= 1 && age < knobs.postLifetime;
  };

  it('holds, per topic, exactly the indexed posts that are live and older than the hour', () => {
    let held = 0;
    for (let k = 0; k < dim.K; k++) {
      const filled = Math.min(ring.indexCursor[k]!, TOPIC_BUCKET);
      const indexed = Array.from(ring.index.subarray(k * TOPIC_BUCKET, k * TOPIC_BUCKET + filled)).filter(
        live,
      );
      const entries = Array.from(
        table.ids.subarray(k * TOPIC_BUCKET, k * TOPIC_BUCKET + table.topicCount[k]!),
      );
      expect(entries.sort((a, b) => a - b)).toEqual(indexed.sort((a, b) => a - b));
      held += entries.length;
    }
    expect(held).toBeGreaterThan(dim.K * 50);
  });

  it('holds the live posts of the hot list, in its order', () => {
    const hot = Array.from(ring.hot.subarray(0, ring.hotCount)).filter(live);
    expect(hot.length).toBeGreaterThan(0);
    expect(Array.from(table.ids.subarray(table.hotStart, table.hotStart + table.hotCount))).toEqual(hot);
  });

  it("keeps each post's author, popularity and item profile scaled to unit length, as sparse terms", () => {
    let sparse = 0;
    const entries = [
      ...Array.from({ length: dim.K }, (_, k) =>
        Array.from({ length: table.topicCount[k]! }, (_, i) => k * TOPIC_BUCKET + i),
      ).flat(),
      ...Array.from({ length: table.hotCount }, (_, i) => table.hotStart + i),
    ];
    for (const entry of entries) {
      const id = table.ids[entry]!;
      const slot = id & ring.mask;
      expect(table.authors[entry]).toBe(ring.data[slot * ring.stride + POST.author]);
      const engagement = ring.dataF[slot * ring.stride + POST.engagement]!;
      expect(table.popularity[entry]).toBeCloseTo(engagement / (engagement + 5), 6);
      const dense = new Float64Array(dim.D);
      let previous = -1;
      for (let j = 0; j < table.nonzeros[entry]!; j++) {
        const d = table.dims[entry * dim.D + j]!;
        expect(d).toBeGreaterThan(previous); // each dimension once, in order
        previous = d;
        dense[d] = table.values[entry * dim.D + j]!;
      }
      let lengthSquared = 0;
      for (let d = 0; d < dim.D; d++) {
        const profile = ring.profile[slot * ring.profileStride + d]!;
        lengthSquared += profile ** 2;
        expect(dense[d]).toBeCloseTo(profile * ring.profile[slot * ring.profileStride + dim.D]!, 6);
      }
      if (lengthSquared > 0) expect(dense.reduce((sum, v) => sum + v * v, 0)).toBeCloseTo(1, 5);
      if (table.nonzeros[entry] === 2) sparse++;
    }
    // Posts nobody engaged with have two terms: their topic and their author's fandom.
    expect(sparse).toBeGreaterThan(entries.length / 4);
  });

  it('lets collaborative filtering fill its slots even when this hour’s posts have filled the whole topic index', () => {
    // 10,000 agents: a ring of 8,192 posts, so the flood below (2,048 posts) leaves the table's posts in the ring.
    const agents = 10_000;
    const fresh = engineAfter(30, { strategy: 'collaborative', personalization: 1, exploration: 0 }, agents);
    beginHour(fresh);
    const ctx = fresh.ctx;
    const freshRing = ctx.state.rings[0]!;
    // A busy hour: every topic gets twice its index bucket of new posts, so the index holds this hour's posts only.
    for (let k = 0; k < ctx.dim.K; k++)
      for (let i = 0; i < 2 * TOPIC_BUCKET; i++) createPost(ctx, 0, (k * 977 + i * 13) % agents, -1, 255, k);
    expect(Array.from(freshRing.index).every((id) => id >= freshRing.firstIdThisTick)).toBe(true);
    const table = ctx.candidateTables[0]!;
    const tableIds = Array.from({ length: ctx.dim.K }, (_, k) =>
      Array.from(table.ids.subarray(k * TOPIC_BUCKET, k * TOPIC_BUCKET + table.topicCount[k]!)),
    ).flat();
    expect(Math.min(...tableIds)).toBeGreaterThanOrEqual(freshRing.next - freshRing.capacity); // none overwritten

    let asked = 0;
    let filled = 0;
    for (let agent = 0; agent < 300; agent++) {
      const count = RECOMMENDERS.collaborative(ctx, agent * 31, 0, 6, 0);
      for (let i = 0; i < count; i++) expect(ctx.feedIds[i]).toBeLessThan(freshRing.firstIdThisTick);
      asked += 6;
      filled += count;
    }
    // Retrieval from the hour's table never lands on a post too young to show; only own posts and repeats miss.
    expect(filled / asked).toBeGreaterThan(0.95);
  });
});
