// The clock that plays a replay forward: while the user plays an earlier hour, it moves the store's replayTick at the run's speed until the replay is live again. Sets store intent only; no DOM besides animation frames.
import type { AppState, AppStore } from '../state/store.ts';

/**
 * Whole ticks a replay moves on after `elapsedMs` at `speed` ticks per second, with the fraction it still owes
 * (carried to the next animation frame, so a replay keeps the run's pace whatever the frame rate). A stalled frame
 * (a background tab) counts as at most a quarter second, like the engine's own turns.
 */
export function replayTicksDue(
  owed: number,
  speed: number,
  elapsedMs: number,
): { ticks: number; owed: number } {
  const total = owed + (speed * Math.max(0, Math.min(elapsedMs, 250))) / 1000;
  const ticks = Math.floor(total);
  return { ticks, owed: total - ticks };
}

/**
 * Runs while `playing` and `replayTick` are both set; at the live tick the store's showTick sets replayTick to null
 * and the bridge hands play back to the engine. Returns the uninstaller.
 */
export function installReplayClock(store: AppStore): () => void {
  const s = () => store.getState();
  let frame = 0;
  let lastTime = 0;
  let owed = 0;
  const advance = (now: number) => {
    frame = 0;
    const { playing, replayTick, speed } = s();
    if (!playing || replayTick === null) return;
    const due = replayTicksDue(owed, speed, lastTime === 0 ? 0 : now - lastTime);
    lastTime = now;
    owed = due.owed;
    if (due.ticks > 0) s().showTick(replayTick + due.ticks);
    frame = requestAnimationFrame(advance);
  };
  const sync = (state: AppState) => {
    const replaying = state.playing && state.replayTick !== null;
    if (replaying && frame === 0) {
      lastTime = 0;
      owed = 0;
      frame = requestAnimationFrame(advance);
    } else if (!replaying && frame !== 0) {
      cancelAnimationFrame(frame);
      frame = 0;
    }
  };
  const unsubscribe = store.subscribe(sync);
  sync(s());
  return () => {
    unsubscribe();
    if (frame !== 0) cancelAnimationFrame(frame);
    frame = 0;
  };
}
