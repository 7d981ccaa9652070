// Post records: the item profile's stored inverse length stays exact through engagements, and the tick's first post id marks exactly the posts made in that tick.
import { describe, expect, it } from 'vitest';
import { createWorldEngine } from '../../../sim/model/engine.ts';
import { POST, POST_WORDS, profileStride } from '../../../sim/model/state.ts';
import { worldScenarioSchema } from '../../../sim/params/world.ts';

function engineAfter(ticks: number) {
  const engine = createWorldEngine(
    worldScenarioSchema.parse({
      version: 1,
      seed: 'posts',
      world: { agents: 3000 },
      trends: [{ name: 'Orbit dance', kind: 'dance-challenge', origin: 'idol', fandom: 'Orbit' }],
    }),
  );
  for (let t = 0; t < ticks; t++) engine.step();
  return engine;
}

describe('post records', () => {
  const engine = engineAfter(30);
  const { state, dim } = engine.ctx;

  it('fit every field in one 32-byte record, and the D-float profile and its inverse length in whole 32-byte rows', () => {
    expect(Math.max(...Object.values(POST))).toBeLessThan(POST_WORDS);
    expect(POST_WORDS).toBe(8);
    for (const D of [1, 7, 8, 15, 16, 40]) {
      const stride = profileStride(D);
      expect(stride % 8).toBe(0);
      expect(stride).toBeGreaterThanOrEqual(D + 1);
      expect(stride).toBeLessThan(D + 1 + 8);
    }
  });

  it('keep 1 / |item profile| next to the profile of every post, engaged with or not', () => {
    let engaged = 0;
    let checked = 0;
    for (const ring of state.rings) {
      for (let id = Math.max(0, ring.next - ring.capacity); id < ring.next; id++) {
        const row = (id & ring.mask) * ring.profileStride;
        let lengthSquared = 0;
        for (let d = 0; d < dim.D; d++) lengthSquared += ring.profile[row + d]! ** 2;
        // Stored as a 32-bit float: relative error below 2⁻²³ ≈ 1.2e-7, plus the float rounding of the sum.
        expect(ring.profile[row + dim.D]!).toBeCloseTo(1 / Math.sqrt(lengthSquared), 5);
        if (ring.dataF[(id & ring.mask) * ring.stride + POST.engagement]! > 0) engaged++;
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(1000);
    expect(engaged).toBeGreaterThan(100); // the engaged profiles, changed by engage(), are covered too
  });

  it('mark as made this tick exactly the posts from the tick’s first id on', () => {
    const lastTick = state.tick - 1; // the tick stepWorld just simulated
    let marked = 0;
    for (const ring of state.rings) {
      expect(ring.firstIdThisTick).toBeLessThanOrEqual(ring.next);
      for (let id = Math.max(0, ring.next - ring.capacity); id < ring.next; id++) {
        const postTick = ring.data[(id & ring.mask) * ring.stride + POST.tick]!;
        expect(postTick === lastTick).toBe(id >= ring.firstIdThisTick);
        if (id >= ring.firstIdThisTick) marked++;
      }
    }
    expect(marked).toBeGreaterThan(0);
  });
});
