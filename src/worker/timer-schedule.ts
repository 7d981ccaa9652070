// The worker's Schedule: turns every ~16 ms from setTimeout (resting after slow turns), with elapsed time from performance.now(). Host timers only; no engine logic.
import type { Schedule } from '../../sim/host/serve.ts';

/** Milliseconds between turns: about one per display frame, so frames stream smoothly at any speed. */
export const TURN_MS = 16;

/**
 * After a turn that took `spent` ms the worker rests at least this fraction of it. An engine slower than the
 * requested speed would otherwise keep one core busy all the time; on a 2-core machine the page's main thread,
 * the GPU process (software WebGL) and the compositor then share the other core and each canvas commit waits
 * longer (the browser benchmark's long tasks). Resting 0.4 × the turn (29 % of the time) costs such an engine up to
 * 29 % of its ticks per second and leaves an engine that keeps up unchanged (its turns are short; TURN_MS dominates).
 */
export const REST_SHARE = 0.4;

/** Milliseconds to wait before the next turn, after a turn that took `spentMs`. */
export function waitAfterTurn(spentMs: number): number {
  return Math.max(TURN_MS - spentMs, spentMs * REST_SHARE, 0);
}

export const timerSchedule: Schedule = {
  now: () => performance.now(),
  start(onTurn) {
    let stopped = false;
    let last = performance.now();
    let handle: ReturnType<typeof setTimeout> | undefined;
    const loop = () => {
      if (stopped) return;
      const now = performance.now();
      const elapsed = now - last;
      last = now;
      onTurn(elapsed);
      // Time spent in onTurn counts towards the wait, so a slow tick does not add a further 16 ms.
      if (!stopped) handle = setTimeout(loop, waitAfterTurn(performance.now() - now));
    };
    handle = setTimeout(loop, TURN_MS);
    return () => {
      stopped = true;
      if (handle !== undefined) clearTimeout(handle);
    };
  },
};
