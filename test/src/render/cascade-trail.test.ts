// Tests for the cascade trail ring buffer: seeds draw no line, the newest lines win when full, lines fade by age and die.
import { describe, expect, it } from 'vitest';
import { createTrail, forEachLiveLine, pushTransmissions, TRAIL } from '../../../src/render/cascade-trail.ts';

function push(trail: ReturnType<typeof createTrail>, tick: number, parents: number[], children: number[]) {
  return pushTransmissions(
    trail,
    tick,
    parents.length,
    Int32Array.from(parents),
    Uint32Array.from(children),
    new Uint8Array(parents.length),
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
});
