// The timeline under the canvas: a scrubber over every simulated hour so far, the replay's clock and adopters then, a way back to live, and the clock that plays a replay forward. Sets store intent only; reads the client's series rows.
import type { SeriesRow } from '../../sim/protocol.ts';
import type { AppState, AppStore } from '../state/store.ts';
import { el, setText } from './dom.ts';
import { clockAfter, formatCount } from './format.ts';

export interface Timeline {
  readonly root: HTMLElement;
  update(state: AppState): void;
  destroy(): void;
}

/** The series row recorded for `tick` (rows are one per tick from 0, so it is normally at that index). */
export function rowAt(rows: readonly SeriesRow[], tick: number): SeriesRow | null {
  const guess = rows[tick];
  if (guess?.tick === tick) return guess;
  return rows.find((row) => row.tick === tick) ?? null;
}

/** What the timeline says about the hour shown: the live run's clock, or the replayed hour and how many had joined by then. */
export function timelineLabel(shown: number | null, live: number, rows: readonly SeriesRow[]): string {
  const tick = shown ?? live;
  const clock = clockAfter(tick);
  if (shown === null) return `Live · ${clock}`;
  const row = rowAt(rows, tick);
  const joined = row ? ` · ${formatCount(row.adopters.reduce((sum, n) => sum + n, 0))} joined by then` : '';
  return `Replay · ${clock}${joined}`;
}

/**
 * Whole ticks a replay moves on after `elapsedMs` at `speed` ticks per second, with the fraction it still owes
 * (carried to the next animation frame, so a replay keeps the run's pace whatever the frame rate).
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

export function createTimeline(store: AppStore, series: () => readonly SeriesRow[]): Timeline {
  const s = () => store.getState();
  const scrubber = el('input', {
    type: 'range',
    min: '0',
    max: '0',
    step: '1',
    value: '0',
    'data-testid': 'timeline',
    'aria-label': 'Timeline: the simulated hour the canvas shows',
  });
  const label = el('span', { class: 'timeline-label', 'data-testid': 'timeline-label' }, 'Live');
  const live = el(
    'button',
    { type: 'button', 'data-testid': 'timeline-live', title: 'Back to the live run (L)' },
    'Live',
  );
  const root = el(
    'div',
    { class: 'timeline', role: 'group', 'aria-label': 'Timeline' },
    scrubber,
    label,
    live,
  );

  // Dragging pauses a playing replay or run, and lets it go on from where the thumb is let go.
  let dragging = false;
  let resumeAfterDrag = false;
  scrubber.addEventListener('pointerdown', () => {
    dragging = true;
    resumeAfterDrag = s().playing;
    if (resumeAfterDrag) s().pause();
  });
  const endDrag = () => {
    if (!dragging) return;
    dragging = false;
    if (resumeAfterDrag) s().play();
  };
  scrubber.addEventListener('pointerup', endDrag);
  scrubber.addEventListener('pointercancel', endDrag);
  scrubber.addEventListener('input', () => s().showTick(Number(scrubber.value)));
  live.addEventListener('click', () => s().showTick(null));

  // The replay clock: while the user plays an earlier hour, move it forward at the run's speed until it is live again
  // (the store then hands play back to the engine).
  let frame = 0;
  let lastTime = 0;
  let owed = 0;
  const tickReplay = (now: number) => {
    frame = 0;
    const { playing, replayTick, speed } = s();
    if (!playing || replayTick === null) return;
    const due = replayTicksDue(owed, speed, lastTime === 0 ? 0 : now - lastTime);
    lastTime = now;
    owed = due.owed;
    if (due.ticks > 0) s().showTick(replayTick + due.ticks);
    frame = requestAnimationFrame(tickReplay);
  };
  const syncReplayClock = (state: AppState) => {
    const replaying = state.playing && state.replayTick !== null;
    if (replaying && frame === 0) {
      lastTime = 0;
      owed = 0;
      frame = requestAnimationFrame(tickReplay);
    } else if (!replaying && frame !== 0) {
      cancelAnimationFrame(frame);
      frame = 0;
    }
  };

  return {
    root,
    update(state) {
      syncReplayClock(state);
      const ready = state.phase === 'ready';
      scrubber.disabled = !ready || state.tick === 0;
      scrubber.max = String(state.tick);
      if (!dragging) scrubber.value = String(state.replayTick ?? state.tick);
      scrubber.setAttribute('aria-valuetext', timelineLabel(state.replayTick, state.tick, series()));
      setText(label, ready ? timelineLabel(state.replayTick, state.tick, series()) : 'Live');
      live.disabled = state.replayTick === null;
      setText(live, state.replayTick === null ? '● Live' : 'Back to live ▶');
      root.classList.toggle('replaying', state.replayTick !== null);
    },
    destroy() {
      if (frame !== 0) cancelAnimationFrame(frame);
    },
  };
}
