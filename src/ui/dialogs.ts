// The help dialog (keyboard shortcuts, what the picture shows, the way into the tour) and the error / notice banner with restart. Reads the store; dispatches help, dismiss and restart.
import type { AppState, AppStore } from '../state/store.ts';
import { el, setText } from './dom.ts';
import { SHORTCUTS } from './keys.ts';

export interface View {
  readonly root: HTMLElement;
  update(state: AppState): void;
}

/** The help's prose after the shortcuts: a heading and a paragraph each. */
const HELP_SECTIONS: readonly (readonly [string, string])[] = [
  [
    'Mouse and touch',
    'Drag to pan, wheel or pinch to zoom, hover for a name card, click a dot to inspect it or launch a trend from it. The inspector shows whom the person caught a trend from and who caught it from them: the chain back to the seed and the people who joined from it light up in yellow, and every agent named there is a link.',
  ],
  [
    'Comparing runs',
    'Change a parameter, draw a new seed or reset, and the charts keep the previous run of the same preset as dashed curves, with a note saying what changed: set the filter-bubble preset’s recommender to chronological and see exposure diversity move. Exports: CSV is the time series, Cascades every adoption with whom it came from.',
  ],
  [
    'Timeline',
    'The slider under the canvas goes back to any hour of the run so far: the canvas shows who had joined by then and the cascade lines of the hours before, and the charts mark that day. Play replays it at the run’s speed and carries on into the live run; L jumps back to live. The run itself waits meanwhile. GIF, at the end of the strip, saves an animation of those hours for a slide: the last 48 hours when live, or from the hour shown up to live; a second click cancels.',
  ],
  [
    'Replicates',
    'The Replicates panel runs the same settings again with other seeds, beside the live run, and shows how far luck alone spreads the outcome: every run’s curve, the median, the range and how often each trend ended biggest.',
  ],
  [
    'Opening files',
    'Open a file (O, the button above the presets, or drop it on the page) runs a scenario JSON written for the command line, or reopens a CSV or JSON export at its seed and tick. A file that cannot run says which field is wrong and leaves the current run as it was.',
  ],
];

/** The embedded view's prose: what it can do, and where the rest is. */
const EMBED_HELP_SECTIONS: readonly (readonly [string, string])[] = [
  ['Mouse and touch', 'Drag to pan, wheel or pinch to zoom, hover a dot for its name card.'],
  [
    'The full app',
    'Open in Hallyu Lab ↗ opens this run, at the hour shown, in the full app: its story and experiments, the parameters, the charts, the timeline, the inspector and the exports.',
  ],
];

/** The help dialog; `embedded` (the `?embed=1` view) lists only what that view has. */
export function createHelp(store: AppStore, startTour?: () => void, embedded = false): View {
  const shortcuts = embedded ? SHORTCUTS.filter((s) => s.embed) : SHORTCUTS;
  const sections = embedded ? EMBED_HELP_SECTIONS : HELP_SECTIONS;
  const close = el('button', { type: 'button', class: 'primary' }, 'Close');
  const tour = el('button', { type: 'button', 'data-testid': 'start-tour' }, 'Take the tour (T)');
  tour.addEventListener('click', () => {
    store.getState().setHelpOpen(false);
    startTour?.();
  });
  const dialog = el(
    'dialog',
    { class: 'help', 'aria-labelledby': 'help-title' },
    el('h2', { id: 'help-title' }, 'Hallyu Lab — how to read it'),
    startTour ? el('p', {}, tour, ' a minute’s walk past every part of the page.') : null,
    el(
      'p',
      {},
      'Each dot is a person. Dots sit in their region (west → east by time zone) and, inside it, in their fandom. When someone joins a trend, their dot lights up in the trend’s colour and a line is drawn from whoever they caught it from: these lines are the cascades.',
    ),
    el('h3', {}, 'Keyboard shortcuts'),
    el(
      'table',
      { class: 'shortcuts' },
      el(
        'tbody',
        {},
        ...shortcuts.map((s) =>
          el('tr', {}, el('th', { scope: 'row' }, el('kbd', {}, s.keys)), el('td', {}, s.action)),
        ),
      ),
    ),
    ...sections.flatMap(([title, text]) => [el('h3', {}, title), el('p', {}, text)]),
    el('form', { method: 'dialog' }, close),
  );
  dialog.addEventListener('close', () => {
    if (store.getState().helpOpen) store.getState().setHelpOpen(false);
  });
  return {
    root: dialog,
    update(state) {
      if (state.helpOpen && !dialog.open) dialog.showModal();
      if (!state.helpOpen && dialog.open) dialog.close();
    },
  };
}

/** A crash offers restart (the parameters are kept); other errors and notices can be dismissed. */
export function createBanner(store: AppStore): View {
  const message = el('p', { class: 'banner-message' });
  const detail = el('p', { class: 'banner-detail' });
  const restart = el(
    'button',
    { type: 'button', class: 'primary', 'data-testid': 'restart' },
    'Restart the engine',
  );
  const dismiss = el('button', { type: 'button', 'data-testid': 'dismiss' }, 'Dismiss');
  restart.addEventListener('click', () => store.getState().restart());
  dismiss.addEventListener('click', () => {
    const s = store.getState();
    if (s.error) s.dismissError();
    else s.setNotice(null);
  });
  const root = el(
    'div',
    { class: 'banner', role: 'alert', 'data-testid': 'error-banner', hidden: true },
    el('div', {}, message, detail),
    el('div', { class: 'banner-actions' }, restart, dismiss),
  );
  return {
    root,
    update(state) {
      const error = state.error;
      root.hidden = !error && !state.notice;
      root.classList.toggle('info', !error);
      setText(message, error ? error.message : (state.notice ?? ''));
      setText(detail, error?.detail ?? '');
      detail.hidden = !error?.detail;
      restart.hidden = error?.kind !== 'crash';
    },
  };
}
