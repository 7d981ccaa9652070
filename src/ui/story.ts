// "About this scenario": the scenario's title and explanation for a class, and the experiments it suggests as one-click buttons. Reads the store; dispatches setParams (checked against the schema first) or a notice.
import type * as z from 'zod';
import { diffPatch, isPlainObject, mergePatch } from '../../sim/host/merge-patch.ts';
import { InputError, parseOrThrow } from '../../sim/params/errors.ts';
import type { ScenarioJson } from '../../sim/protocol.ts';
import type { AppState, AppStore } from '../state/store.ts';
import type { View } from './dialogs.ts';
import { el, replaceChildren, setText } from './dom.ts';

/** A suggested experiment as a scenario file writes it (experimentSchema in sim/params/world.ts). */
export interface Experiment {
  readonly label: string;
  readonly patch: ScenarioJson;
}

/** The experiments written in `scenario`, skipping malformed entries (the schema has refused those already). */
export function experimentsOf(scenario: ScenarioJson | null): Experiment[] {
  const list = scenario?.experiments;
  if (!Array.isArray(list)) return [];
  return list.flatMap((entry: unknown) =>
    isPlainObject(entry) && typeof entry.label === 'string' && isPlainObject(entry.patch)
      ? [{ label: entry.label, patch: entry.patch }]
      : [],
  );
}

/** Whether `scenario` already has every value `patch` sets (the experiment is what is running). */
export function isApplied(scenario: ScenarioJson, patch: ScenarioJson): boolean {
  return Object.keys(diffPatch(scenario, mergePatch(scenario, patch))).length === 0;
}

export function createStory(store: AppStore, schema: z.ZodType, startTour?: () => void): View {
  const title = el('h3', { class: 'story-title' });
  const text = el('p', { class: 'story-text clamped', 'data-testid': 'story-text' });
  // Three lines until asked: the story sits above the charts, which a visitor watching the run wants in view.
  const more = el('button', { type: 'button', class: 'link', 'aria-expanded': 'false' }, 'more');
  more.addEventListener('click', () => {
    const open = text.classList.toggle('clamped') === false;
    more.setAttribute('aria-expanded', String(open));
    setText(more, open ? 'less' : 'more');
  });
  const tryList = el('div', { class: 'story-try', 'data-testid': 'experiments' });
  // Where a first-time visitor (or a class) looks first, so the way into the tour is here too, not only in the help.
  const tourButton = el(
    'button',
    { type: 'button', class: 'link', 'data-testid': 'story-tour' },
    'Take the tour',
  );
  if (startTour) tourButton.addEventListener('click', startTour);
  const tourLine = startTour
    ? el(
        'p',
        { class: 'story-tour muted' },
        'New here? ',
        tourButton,
        ' (T): a minute past every part of the page.',
      )
    : null;
  const root = el('div', { class: 'story' }, title, text, more, tryList, tourLine);
  let shown: ScenarioJson | null | undefined;
  let experiments: Experiment[] = [];
  let buttons: HTMLButtonElement[] = [];

  const apply = (index: number, experiment: Experiment) => {
    const { scenario } = store.getState();
    if (!scenario) return;
    try {
      parseOrThrow(schema, mergePatch(scenario, experiment.patch), `experiments[${index}].patch`);
    } catch (error) {
      const detail = error instanceof InputError ? error.message : String(error);
      store
        .getState()
        .setNotice(`The experiment "${experiment.label}" cannot run, so nothing changed: ${detail}`);
      return;
    }
    store.getState().setParams(experiment.patch);
  };

  return {
    root,
    update(state: AppState) {
      const scenario = state.scenario;
      if (scenario !== shown) {
        shown = scenario;
        setText(title, typeof scenario?.title === 'string' ? scenario.title : 'A custom scenario');
        setText(text, typeof scenario?.description === 'string' ? scenario.description : '');
        more.hidden = text.textContent === '';
        const next = experimentsOf(scenario);
        // The buttons are rebuilt only when the list itself changes (an experiment's setParams keeps it).
        if (JSON.stringify(next) !== JSON.stringify(experiments)) {
          experiments = next;
          buttons = experiments.map((experiment, index) => {
            const button = el(
              'button',
              { type: 'button', 'aria-pressed': 'false', 'data-experiment': index },
              `Try: ${experiment.label}`,
            );
            button.addEventListener('click', () => apply(index, experiment));
            return button;
          });
          replaceChildren(tryList, ...buttons);
          tryList.hidden = buttons.length === 0;
        }
        buttons.forEach((button, index) => {
          const pressed = String(scenario !== null && isApplied(scenario, experiments[index]!.patch));
          if (button.getAttribute('aria-pressed') !== pressed) button.setAttribute('aria-pressed', pressed);
        });
      }
    },
  };
}
