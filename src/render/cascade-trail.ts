// The recent parent→child transmissions drawn as fading cascade lines: a fixed-size ring buffer. Pure; must not touch Pixi or the DOM.
import { TRAIL_TICKS } from '../../sim/protocol.ts';

/** How many ticks a transmission stays on screen, and the age buckets it fades through (newest first). */
export const TRAIL = {
  capacity: 400,
  lifetimeTicks: TRAIL_TICKS,
  /** Upper age bound (ticks, exclusive) and alpha of each fading step. */
  buckets: [
    { maxAge: 3, alpha: 0.6 },
    { maxAge: 12, alpha: 0.28 },
    { maxAge: 48, alpha: 0.1 },
  ],
} as const;

/**
 * The newest `capacity` transmissions with a parent: parallel arrays, slot `i` valid when `i < size`; `head` is
 * the next slot to overwrite (the oldest once full).
 */
export interface CascadeTrail {
  readonly capacity: number;
  readonly parent: Uint32Array;
  readonly child: Uint32Array;
  readonly trend: Uint8Array;
  readonly tick: Uint32Array;
  size: number;
  head: number;
}

export function createTrail(capacity: number = TRAIL.capacity): CascadeTrail {
  return {
    capacity,
    parent: new Uint32Array(capacity),
    child: new Uint32Array(capacity),
    trend: new Uint8Array(capacity),
    tick: new Uint32Array(capacity),
    size: 0,
    head: 0,
  };
}

export function clearTrail(trail: CascadeTrail): void {
  trail.size = 0;
  trail.head = 0;
}

/**
 * Adds the `count` transmissions of one frame, each aged from its own `tick` (the frame that first showed it); seeds
 * and spontaneous adoptions (parent −1) draw no line. Returns lines added.
 */
export function pushTransmissions(
  trail: CascadeTrail,
  count: number,
  parent: Int32Array,
  child: Uint32Array,
  trend: Uint8Array,
  tick: Int32Array,
): number {
  let added = 0;
  for (let i = 0; i < count; i++) {
    const from = parent[i]!;
    if (from < 0) continue;
    trail.parent[trail.head] = from;
    trail.child[trail.head] = child[i]!;
    trail.trend[trail.head] = trend[i]!;
    trail.tick[trail.head] = tick[i]!;
    trail.head = (trail.head + 1) % trail.capacity;
    trail.size = Math.min(trail.capacity, trail.size + 1);
    added++;
  }
  return added;
}

/**
 * Calls `visit(slot, bucket)` for every line still alive at `tick`, with the index of its fading bucket in
 * TRAIL.buckets. Lines from a later tick than `tick` (after a reset) count as dead.
 */
export function forEachLiveLine(
  trail: CascadeTrail,
  tick: number,
  visit: (slot: number, bucket: number) => void,
): void {
  for (let slot = 0; slot < trail.size; slot++) {
    const age = tick - trail.tick[slot]!;
    if (age < 0) continue;
    const bucket = TRAIL.buckets.findIndex((b) => age < b.maxAge);
    if (bucket >= 0) visit(slot, bucket);
  }
}
