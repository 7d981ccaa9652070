// The card over the canvas while a big world is built: size, stage, share done, time taken, and a Cancel button. Reads the store; its only action is cancelBuild.
import { DEFAULT_AGENTS } from '../../sim/params/world-records.ts';
import type { AppState, AppStore } from '../state/store.ts';
import { el, setText } from './dom.ts';
import { formatSeconds } from './format.ts';

/** A build shorter than this shows no card: most worlds are ready before it would have been read. */
export const BUILD_CARD_DELAY_MS = 800;

export interface BuildProgressCard {
  readonly root: HTMLElement;
  update(state: AppState): void;
  destroy(): void;
}

/** The agent count a scenario asks for (the schema's default when it names none). */
export function scenarioAgents(scenario: AppState['scenario']): number {
  const world = scenario?.world as { agents?: unknown } | undefined;
  return typeof world?.agents === 'number' ? world.agents : DEFAULT_AGENTS;
}

/**
 * `now` is a monotonic clock in ms (performance.now in the page). The card appears BUILD_CARD_DELAY_MS after a build
 * starts and redraws four times a second, so the time taken moves even while one stage lasts long (a 1M-agent layer
 * takes several seconds).
 */
export function createBuildProgress(
  store: AppStore,
  now: () => number = () => performance.now(),
): BuildProgressCard {
  // Only the title is a live region: it is read once when the card appears. The share done is in the progress bar,
  // for a screen reader to read when asked; a live detail line would be announced twice a second.
  const title = el('strong', { role: 'status' });
  const bar = el('progress', { max: 1, value: 0, 'aria-label': 'Share of the world built' });
  const detail = el('span', { class: 'muted', 'data-testid': 'build-detail' });
  const cancel = el('button', { type: 'button', 'data-testid': 'build-cancel' }, 'Cancel');
  cancel.addEventListener('click', () => {
    // The card goes away with the focus in it: give the focus to the canvas's region it sits on (app.ts makes it
    // focusable), not to the page's body. Play is disabled until the world is back.
    const hadFocus = root.contains(document.activeElement);
    store.getState().cancelBuild();
    if (hadFocus) root.parentElement?.focus();
  });
  const root = el(
    'div',
    {
      class: 'build-progress',
      role: 'group',
      'aria-label': 'World build',
      'data-testid': 'build-progress',
      hidden: true,
    },
    title,
    bar,
    detail,
    cancel,
  );
  /** When the build shown began; a build that follows another while still loading (a cancel) starts it again. */
  let startedAt: number | null = null;
  let heardFromBuild = false;
  let timer: ReturnType<typeof setInterval> | null = null;

  const stopTimer = () => {
    if (timer !== null) clearInterval(timer);
    timer = null;
  };
  const draw = (state: AppState) => {
    if (state.phase !== 'loading' || startedAt === null) {
      root.hidden = true;
      return;
    }
    const elapsed = now() - startedAt;
    root.hidden = elapsed < BUILD_CARD_DELAY_MS;
    if (root.hidden) return;
    setText(title, `Building a world of ${scenarioAgents(state.scenario).toLocaleString('en-US')} agents`);
    const fraction = state.building?.fraction ?? 0;
    bar.value = fraction;
    const stage = state.building?.stage ?? 'starting';
    setText(detail, `${Math.floor(fraction * 100)}% · ${stage} · ${formatSeconds(elapsed / 1000)}`);
  };

  return {
    root,
    update(state) {
      if (state.phase !== 'loading') {
        startedAt = null;
        heardFromBuild = false;
        stopTimer();
      } else if (startedAt === null || (heardFromBuild && state.building === null)) {
        // A new build: the store clears `building` whenever it asks for one.
        startedAt = now();
        heardFromBuild = false;
        timer ??= setInterval(() => draw(store.getState()), 250);
      }
      if (state.building !== null) heardFromBuild = true;
      draw(state);
    },
    destroy: stopTimer,
  };
}
