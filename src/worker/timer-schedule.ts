// The worker's Schedule: turns every ~16 ms from setTimeout, with elapsed time from performance.now(). Host timers only; no engine logic.
import type { Schedule } from '../../sim/host/serve.ts';

/** Milliseconds between turns: about one per display frame, so frames stream smoothly at any speed. */
export const TURN_MS = 16;

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
      if (!stopped) handle = setTimeout(loop, Math.max(0, TURN_MS - (performance.now() - now)));
    };
    handle = setTimeout(loop, TURN_MS);
    return () => {
      stopped = true;
      if (handle !== undefined) clearTimeout(handle);
    };
  },
};
