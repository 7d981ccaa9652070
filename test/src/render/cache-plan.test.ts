// Tests for the node cache's plan: exact action sequences for builds, patches, rebuilds, zoom and direct drawing on tiny budgets.
import { describe, expect, it } from 'vitest';
import {
  type CacheAction,
  type CacheBudget,
  cacheResolution,
  chunkRanges,
  clearColorOf,
  createCachePlan,
  resolutionCap,
} from '../../../src/render/cache-plan.ts';

/** Small budgets so every case is a handful of frames: 2 patched dots per frame, a rebuild above 4 waiting. */
const TINY: CacheBudget = {
  chunk: 2,
  patch: 2,
  rebuildAbove: 4,
  maxSide: 100,
  rescale: 1.5,
  minResolution: 0.05,
};

/** A layout of 50 × 25 units: the cap is 100 / 50 = 2 texels per unit. */
const plan = () => createCachePlan(50, 25, TINY);

/** The frames of a two-step rebuild that replaces the first texture (id 0): no patch among them. */
const REBUILD_AFTER_FIRST: CacheAction[][] = [
  [
    { kind: 'create', target: 1, resolution: 1 },
    { kind: 'draw', target: 1, step: 0, clear: true },
  ],
  [
    { kind: 'draw', target: 1, step: 1, clear: false },
    { kind: 'destroy', target: 0 },
    { kind: 'show', target: 1 },
  ],
];

/** Runs frames until the plan has nothing left to do (at most `limit`), returning each frame's actions. */
function drain(p: ReturnType<typeof plan>, steps: number, limit = 20): CacheAction[][] {
  const frames: CacheAction[][] = [];
  for (let i = 0; i < limit; i++) {
    const actions = p.nextFrame(steps);
    if (actions.length === 0) break;
    frames.push(actions);
  }
  return frames;
}

describe('cache plan helpers', () => {
  it('splits a count into chunk ranges with a shorter last one', () => {
    expect(chunkRanges(5, 2)).toEqual([
      [0, 2],
      [2, 4],
      [4, 5],
    ]);
    expect(chunkRanges(4, 2)).toEqual([
      [0, 2],
      [2, 4],
    ]);
    expect(chunkRanges(0, 2)).toEqual([]);
  });

  it('caps the texture resolution by the longest layout side and clamps it from below', () => {
    expect(resolutionCap(50, 25, 100)).toBe(2);
    expect(resolutionCap(0, 0, 100)).toBe(100);
    expect(cacheResolution(1.5, 2, 0.05)).toBe(1.5);
    expect(cacheResolution(3, 2, 0.05)).toBe(2);
    expect(cacheResolution(0.01, 2, 0.05)).toBe(0.05);
  });

  it('turns 0xrrggbb into an opaque clear colour in 0…1', () => {
    expect(clearColorOf(0xff8000)).toEqual([1, 128 / 255, 0, 1]);
    expect(clearColorOf(0x000000)).toEqual([0, 0, 0, 1]);
  });
});

describe('cache plan', () => {
  it('creates and shows the first texture at once, then fills it one step per frame', () => {
    const p = plan();
    expect(drain(p, 3)).toEqual([
      [
        { kind: 'create', target: 0, resolution: 1 },
        { kind: 'show', target: 0 },
        { kind: 'draw', target: 0, step: 0, clear: true },
      ],
      [{ kind: 'draw', target: 0, step: 1, clear: false }],
      [{ kind: 'draw', target: 0, step: 2, clear: false }],
    ]);
  });

  it('patches changed agents in order, at most the budget per frame, each once', () => {
    const p = plan();
    drain(p, 1);
    p.markChanged([7, 3, 7, 9]);
    p.markChanged([3]);
    expect(drain(p, 1)).toEqual([
      [{ kind: 'patch', targets: [0], agents: [7, 3] }],
      [{ kind: 'patch', targets: [0], agents: [9] }],
    ]);
  });

  it('rebuilds instead of patching when more agents wait than the rebuild threshold', () => {
    const p = plan();
    drain(p, 1);
    p.markChanged([1, 2, 3, 4, 5]);
    expect(drain(p, 2)).toEqual(REBUILD_AFTER_FIRST);
  });

  it('keeps no changed agents while a rebuild is due: it draws them all (a new world marks every agent at once)', () => {
    const p = plan();
    drain(p, 1);
    p.invalidateAll();
    p.markChanged([1, 2]);
    // Crossing the threshold part-way through a list stops there: nothing is kept for a patch either.
    const q = plan();
    drain(q, 1);
    q.markChanged(Array.from({ length: 1000 }, (_, a) => a));
    for (const fresh of [p, q]) expect(drain(fresh, 2)).toEqual(REBUILD_AFTER_FIRST);
  });

  it('patches both the shown texture and the one being built while a rebuild runs', () => {
    const p = plan();
    drain(p, 1);
    p.invalidateAll();
    expect(p.nextFrame(3)).toEqual([
      { kind: 'create', target: 1, resolution: 1 },
      { kind: 'draw', target: 1, step: 0, clear: true },
    ]);
    p.markChanged([4]);
    expect(p.nextFrame(3)).toEqual([
      { kind: 'draw', target: 1, step: 1, clear: false },
      { kind: 'patch', targets: [0, 1], agents: [4] },
    ]);
  });

  it('replaces an unfinished first texture on screen with the new build', () => {
    const p = plan();
    p.nextFrame(3);
    p.invalidateAll();
    expect(p.nextFrame(3)).toEqual([
      { kind: 'destroy', target: 0 },
      { kind: 'create', target: 1, resolution: 1 },
      { kind: 'show', target: 1 },
      { kind: 'draw', target: 1, step: 0, clear: true },
    ]);
  });

  it('merges several invalidations in one frame into one build', () => {
    const p = plan();
    drain(p, 1);
    p.invalidateAll();
    p.invalidateAll();
    p.markChanged([1]);
    const frames = drain(p, 1);
    expect(frames.flat().filter((a) => a.kind === 'create')).toHaveLength(1);
  });

  it('rebuilds at the new resolution only when the zoom changes by more than the rescale factor', () => {
    const p = plan();
    drain(p, 1);
    p.setZoom(1.4);
    expect(drain(p, 1)).toEqual([]);
    p.setZoom(1.6);
    expect(drain(p, 1)[0]![0]).toEqual({ kind: 'create', target: 1, resolution: 1.6 });
  });

  it('is idle only once every build step, patch and mode switch asked for has been carried out', () => {
    const p = plan();
    expect(p.idle).toBe(false); // the first texture is due
    const idleAfterEachFrame = () => {
      const seen: boolean[] = [];
      while (p.nextFrame(2).length > 0) seen.push(p.idle);
      return seen;
    };
    expect(idleAfterEachFrame()).toEqual([false, true]); // two build steps
    p.markChanged([1, 2, 3]);
    expect(p.idle).toBe(false);
    expect(idleAfterEachFrame()).toEqual([false, true]); // two patches of at most 2 dots
    p.invalidateAll();
    expect(p.idle).toBe(false);
    expect(idleAfterEachFrame()).toEqual([false, true]);
    p.setZoom(2.5);
    expect(p.idle).toBe(false); // the switch to direct drawing
    p.markChanged([4]);
    expect(idleAfterEachFrame()).toEqual([true]);
    p.markChanged([5]); // dropped: direct drawing shows particles as they are
    expect(p.idle).toBe(true);
  });

  it('draws directly past the largest texture, drops patches there, and rebuilds when zooming back out', () => {
    const p = plan();
    drain(p, 1);
    p.setZoom(2.5);
    expect(p.direct).toBe(true);
    p.markChanged([1, 2]);
    expect(drain(p, 1)).toEqual([[{ kind: 'mode', direct: true }]]);
    p.setZoom(1);
    expect(p.direct).toBe(false);
    expect(drain(p, 1)).toEqual([
      [
        { kind: 'mode', direct: false },
        { kind: 'create', target: 1, resolution: 1 },
        { kind: 'draw', target: 1, step: 0, clear: true },
        { kind: 'destroy', target: 0 },
        { kind: 'show', target: 1 },
      ],
    ]);
  });
});
