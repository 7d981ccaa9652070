// The timeline under the canvas: a scrubber over every simulated hour so far, the replayed hour's clock and adopters then, a way back to live, and the GIF button. Sets store intent only; reads the client's series rows.
import type { SeriesRow } from '../../sim/protocol.ts';
import { gifButtonLabel, gifHours } from '../export/gif-plan.ts';
import type { AppState, AppStore } from '../state/store.ts';
import { el, setText } from './dom.ts';
import { clockAfter, formatCount } from './format.ts';
import type { GifRecorder } from './gif-recorder.ts';

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

/**
 * The timeline label's three parts: whether the canvas is live or a replay, the hour's clock, and (replays) how many
 * had joined by then. A narrow strip shows the clock alone (overlays.css): the strip's colour and its "Back to live"
 * button already tell a replay.
 */
export function timelineLabelParts(
  shown: number | null,
  live: number,
  rows: readonly SeriesRow[],
): { mode: string; clock: string; joined: string } {
  const clock = clockAfter(shown ?? live);
  if (shown === null) return { mode: 'Live · ', clock, joined: '' };
  const row = rowAt(rows, shown);
  const joined = row ? ` · ${formatCount(row.adopters.reduce((sum, n) => sum + n, 0))} joined` : '';
  return { mode: 'Replay · ', clock, joined };
}

/** What the timeline says about the hour shown: the live run's clock, or the replayed hour and how many had joined by then. */
export function timelineLabel(shown: number | null, live: number, rows: readonly SeriesRow[]): string {
  return labelWords(timelineLabelParts(shown, live, rows));
}

function labelWords({ mode, clock, joined }: ReturnType<typeof timelineLabelParts>): string {
  return `${mode}${clock}${joined}`;
}

/** The GIF button's tooltip: what a click does now. */
export const GIF_TITLE = {
  idle: 'Save these hours as an animated GIF',
  recording: 'Recording the GIF: click to cancel',
} as const;

/** The timeline strip; with `gif`, it ends in a button that records the hours shown (gif-plan.ts) as an animated GIF. */
export function createTimeline(
  store: AppStore,
  series: () => readonly SeriesRow[],
  gif?: GifRecorder,
): Timeline {
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
  const labelMode = el('span', { class: 'timeline-mode' }, 'Live');
  const labelClock = el('span', {}, '');
  const labelJoined = el('span', { class: 'timeline-joined' }, '');
  const label = el(
    'span',
    { class: 'timeline-label', 'data-testid': 'timeline-label' },
    labelMode,
    labelClock,
    labelJoined,
  );
  const live = el(
    'button',
    { type: 'button', 'data-testid': 'timeline-live', title: 'Back to the live run (L)' },
    'Live',
  );
  const gifButton = gif
    ? el(
        'button',
        { type: 'button', class: 'timeline-gif', 'data-testid': 'export-gif', title: GIF_TITLE.idle },
        gifButtonLabel(null),
      )
    : null;
  const root = el(
    'div',
    { class: 'timeline', role: 'group', 'aria-label': 'Timeline' },
    scrubber,
    label,
    live,
    gifButton,
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

  const updateGif = (state: AppState) => {
    if (!gif || !gifButton) return;
    const progress = gif.progress();
    setText(gifButton, gifButtonLabel(progress));
    gifButton.title = progress ? GIF_TITLE.recording : GIF_TITLE.idle;
    // While recording it is the cancel button; otherwise it needs a range of hours to animate.
    gifButton.disabled =
      progress === null && (state.phase !== 'ready' || gifHours(state.tick, state.replayTick).length === 0);
    root.classList.toggle('recording', progress !== null);
  };
  if (gif && gifButton) {
    gifButton.addEventListener('click', () => gif.toggle());
    gif.onChange(() => updateGif(s()));
  }

  return {
    root,
    update(state) {
      updateGif(state);
      const ready = state.phase === 'ready';
      scrubber.disabled = !ready || state.tick === 0;
      scrubber.max = String(state.tick);
      if (!dragging) scrubber.value = String(state.replayTick ?? state.tick);
      const parts = timelineLabelParts(state.replayTick, state.tick, series());
      const words = labelWords(parts);
      scrubber.setAttribute('aria-valuetext', words);
      label.title = ready ? words : '';
      setText(labelMode, ready ? parts.mode : 'Live');
      setText(labelClock, ready ? parts.clock : '');
      setText(labelJoined, ready ? parts.joined : '');
      live.disabled = state.replayTick === null;
      setText(live, state.replayTick === null ? '● Live' : 'Back to live ▶');
      root.classList.toggle('replaying', state.replayTick !== null);
    },
  };
}
