// Tests for the cascade trail ring buffer: seeds draw no line, the newest lines win when full, lines fade by age and die.
import { describe, expect, it } from 'vitest';
import { createTrail, forEachLiveLine, pushTransmissions, TRAIL } from '../../../src/render/cascade-trail.ts';

function push(trail: ReturnType<typeof createTrail>, tick: number, parents: number[], children: number[]) {
  return pushTransmissions(
    trail,
    parents.length,
    Int32Array.from(parents),
    Uint32Array.from(children),
    new Uint8Array(parents.length),
    new Int32Array(parents.length).fill(tick),
  );
}

describe('cascade trail', () => {
  it('skips seed adoptions (parent −1) and counts the lines it keeps', () => {
    const trail = createTrail(10);
    expect(push(trail, 1, [-1, 3, -1, 4], [1, 2, 5, 6])).toBe(2);
    expect(trail.size).toBe(2);
  });

  it('keeps only the newest lines once full, overwriting the oldest first', () => {
    const trail = createTrail(3);
    push(trail, 1, [0, 1, 2, 3, 4], [10, 11, 12, 13, 14]);
    const children: number[] = [];
    forEachLiveLine(trail, 1, (slot) => children.push(trail.child[slot]!));
    expect(children.sort()).toEqual([12, 13, 14]);
  });

  it('puts each line in the fading bucket of its age and drops it after the last bucket or after a reset', () => {
    const trail = createTrail(10);
    push(trail, 10, [1], [2]);
    const bucketAt = (tick: number) => {
      const seen: number[] = [];
      forEachLiveLine(trail, tick, (_slot, bucket) => seen.push(bucket));
      return seen;
    };
    expect(bucketAt(10)).toEqual([0]);
    expect(bucketAt(10 + TRAIL.buckets[0].maxAge)).toEqual([1]);
    expect(bucketAt(10 + TRAIL.buckets[2].maxAge - 1)).toEqual([2]);
    expect(bucketAt(10 + TRAIL.buckets[2].maxAge)).toEqual([]);
    expect(bucketAt(5)).toEqual([]);
  });

  it('ages each line of one frame from its own tick (a replay frame brings hours of lines at once)', () => {
    const trail = createTrail(10);
    pushTransmissions(
      trail,
      3,
      Int32Array.of(1, 2, 3),
      Uint32Array.of(4, 5, 6),
      new Uint8Array(3),
      Int32Array.of(2, 30, 39),
    );
    const buckets = new Map<number, number>();
    forEachLiveLine(trail, 40, (slot, bucket) => buckets.set(trail.child[slot]!, bucket));
    // Ages 38, 10 and 1: the last, middle and first fading step.
    expect([...buckets]).toEqual([
      [4, 2],
      [5, 1],
      [6, 0],
    ]);
  });
});
