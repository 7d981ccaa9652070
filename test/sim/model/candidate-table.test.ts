// The recommender's hourly model: which posts it holds, the unit vectors it scores with (and how the recommender scores them), and the young-post gap it closes.
import { describe, expect, it } from 'vitest';
import { refreshCandidateTable, VECTOR_WIDTH } from '../../../sim/model/candidate-table.ts';
import { aleaNext } from '../../../sim/model/classic/fast-alea.ts';
import { createPost } from '../../../sim/model/posts.ts';
import { RECOMMENDERS } from '../../../sim/model/recommender.ts';
import { POST, TOPIC_BUCKET } from '../../../sim/model/state.ts';
import { feedWorld, fixtureEngine, TOPICS } from './world-fixture.ts';

const AGENTS = 1500;

/** The world of these tests after `ticks` hours; `fandoms` > 1 widens the profiles (D = 8 topics + fandoms + 1). */
function engineAfter(
  ticks: number,
  recommender: Record<string, unknown> = {},
  agents = AGENTS,
  fandoms = 1,
  topics: readonly string[] = TOPICS,
) {
  const world = feedWorld({
    count: agents,
    seed: 'table',
    topics,
    fandoms,
    feedMix: { follows: 0.2, recommended: 0.8, trending: 0 },
    attention: 10,
    favourite: 6,
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

  it("keeps each post's author, popularity and item profile scaled to unit length, in a row padded with zeros", () => {
    expect(table.width).toBe(VECTOR_WIDTH); // D = 8 topics + 1 fandom + 1 = 10
    let twoTerms = 0;
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
      const row = Array.from(table.vectors.subarray(entry * table.width, (entry + 1) * table.width));
      let lengthSquared = 0;
      for (let d = 0; d < dim.D; d++) {
        const profile = ring.profile[slot * ring.profileStride + d]!;
        lengthSquared += profile ** 2;
        expect(row[d]).toBeCloseTo(profile * ring.profile[slot * ring.profileStride + dim.D]!, 6);
      }
      expect(row.slice(dim.D).every((v) => v === 0)).toBe(true);
      if (lengthSquared > 0) expect(row.reduce((sum, v) => sum + v * v, 0)).toBeCloseTo(1, 5);
      if (row.filter((v) => v !== 0).length === 2) twoTerms++;
    }
    // Posts nobody engaged with have two terms: their topic and their author's fandom.
    expect(twoTerms).toBeGreaterThan(entries.length / 4);
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

/**
 * The collaborative recommender's rule written plainly (recommender.ts documents it): per slot one draw for
 * exploration (0 here), then per candidate two draws — a topic from the user's topic weights (personalization 1:
 * always personal retrieval) and an entry of that topic's bucket — and the best by personalization × (user's unit
 * vector · entry's row); the same post twice, own posts and posts in the feed are skipped. Sums run in dimension
 * order, as the recommender's do, so the picks must agree exactly.
 */
function referencePicks(ctx: ReturnType<typeof engineAfter>['ctx'], agent: number, slots: number): number[] {
  const { state, dim, knobs } = ctx;
  const { D, K } = dim;
  const table = ctx.candidateTables[0]!;
  const rng = Float64Array.from(state.rng);
  const user = state.profile.subarray(agent * D, agent * D + D);
  let uu = 0;
  for (let d = 0; d < D; d++) uu += user[d]! * user[d]!;
  const unit = Array.from(user, (w) => w * (uu > 0 ? 1 / Math.sqrt(uu) : 0));
  const topicTotal = Array.from(user.subarray(0, K)).reduce((a, b) => a + b, 0);
  const feed: number[] = [];
  for (let s = 0; s < slots; s++) {
    aleaNext(rng); // the exploration draw
    let best = -1;
    let bestScore = Number.NEGATIVE_INFINITY;
    for (let c = 0; c < knobs.candidates; c++) {
      const u = aleaNext(rng);
      const v = aleaNext(rng);
      let target = u * topicTotal;
      let k = 0;
      while (k < K - 1 && target >= user[k]!) target -= user[k++]!;
      if (table.topicCount[k] === 0) continue;
      const entry = k * TOPIC_BUCKET + Math.floor(v * table.topicCount[k]!);
      const id = table.ids[entry]!;
      if (id === best || table.authors[entry] === agent || feed.includes(id)) continue;
      let score = 0;
      for (let d = 0; d < D; d++) score += unit[d]! * table.vectors[entry * table.width + d]!;
      if (score > bestScore) {
        bestScore = score;
        best = id;
      }
    }
    if (best >= 0) feed.push(best);
  }
  return feed;
}

describe('the collaborative recommender', () => {
  // Eight topics draw the topic through the recommender's compare chain, eleven through its loop; D ≤ 16 scores on the
  // straight-line path, D = 18 on the plain loop.
  const worlds = [
    { topics: TOPICS, fandoms: 1 },
    { topics: TOPICS, fandoms: 9 },
    { topics: [...TOPICS, 'travel', 'pets', 'sport'], fandoms: 1 },
  ];
  for (const { topics, fandoms } of worlds) {
    const D = topics.length + fandoms + 1;
    it(`picks the best-scoring of its candidates as the plain rule does, with ${topics.length} topics and ${D} profile dimensions`, () => {
      const recommender = { strategy: 'collaborative', personalization: 1, exploration: 0, candidates: 6 };
      const engine = engineAfter(20, recommender, AGENTS, fandoms, topics);
      beginHour(engine);
      const ctx = engine.ctx;
      expect(ctx.dim.K).toBe(topics.length);
      expect(ctx.candidateTables[0]!.width).toBe(Math.max(VECTOR_WIDTH, D));
      let picks = 0;
      for (let agent = 0; agent < AGENTS; agent += 7) {
        const expected = referencePicks(ctx, agent, 5);
        const count = RECOMMENDERS.collaborative(ctx, agent, 0, 5, 0);
        expect(Array.from(ctx.feedIds.subarray(0, count))).toEqual(expected);
        picks += count;
      }
      expect(picks).toBeGreaterThan(1000);
    });
  }
});
