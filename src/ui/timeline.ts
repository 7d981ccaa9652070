// The timeline under the canvas: a scrubber over every simulated hour so far, the replayed hour's clock and adopters then, and a way back to live. Sets store intent only; reads the client's series rows.
import type { SeriesRow } from '../../sim/protocol.ts';
import type { AppState, AppStore } from '../state/store.ts';
import { el, setText } from './dom.ts';
import { clockAfter, formatCount } from './format.ts';

export interface Timeline {
  readonly root: HTMLElement;
  update(state: AppState): void;
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

  return {
    root,
    update(state) {
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
  };
}
