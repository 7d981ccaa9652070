// The Replicates panel: runs the current scenario N more times with other seeds (the CLI's --runs) in a second worker, optionally the previous settings with the same seeds, and shows how far luck spreads the outcome. Reads the store, drives the replicates runner; never the engine worker.
import { REPLICATE_LIMITS } from '../../sim/host/replicates.ts';
import type { ReplicateMessage, ScenarioJson } from '../../sim/protocol.ts';
import type { ReplicatesRunner } from '../engine/replicates-client.ts';
import { exportFileName } from '../export/csv.ts';
import { downloadBlob } from '../export/download.ts';
import type { AppState, AppStore } from '../state/store.ts';
import { el, setText } from './dom.ts';
import { createReplicateResults } from './replicate-results.ts';
import { replicatesCsv } from './replicate-stats.ts';

/** What the form starts with: enough runs to see a spread, short enough to wait for at the presets' 20,000 agents. */
export const REPLICATE_DEFAULTS = { runs: 10, days: 4 } as const;
const MAX_DAYS = REPLICATE_LIMITS.ticks / 24;

/** The settings of the comparable previous run, when they differ from the current ones other than by seed. */
export interface PreviousSettings {
  readonly scenario: ScenarioJson;
  /** What changed since, one line each (compare.ts scenarioChanges, without the seed). */
  readonly changes: readonly string[];
}

/** What one click runs: the settings and seed it started from, and the previous settings run beside them, if any. */
interface ReplicateBatch {
  readonly scenario: ScenarioJson;
  readonly seed: string;
  readonly runs: number;
  readonly days: number;
  readonly against: PreviousSettings | null;
}

export interface ReplicatesPanel {
  readonly root: HTMLElement;
  update(state: AppState): void;
  /** Redraws the chart with the theme's colours. */
  invalidate(): void;
}

/** A whole number in [min, max] from an input, or a message naming the field and the range. */
function readInteger(input: HTMLInputElement, label: string, min: number, max: number): number | string {
  const value = Number(input.value);
  if (input.value.trim() !== '' && Number.isInteger(value) && value >= min && value <= max) return value;
  return `${label}: must be a whole number from ${min} to ${max} (got ${JSON.stringify(input.value)})`;
}

function numberInput(testid: string, max: number, value: number, min: number): HTMLInputElement {
  return el('input', { type: 'number', min, max, step: 1, value, 'data-testid': testid });
}

export function createReplicatesPanel(
  store: AppStore,
  runner: ReplicatesRunner,
  previousSettings: () => PreviousSettings | null,
): ReplicatesPanel {
  const runsInput = numberInput('replicates-runs', REPLICATE_LIMITS.runs, REPLICATE_DEFAULTS.runs, 2);
  const daysInput = numberInput('replicates-days', MAX_DAYS, REPLICATE_DEFAULTS.days, 1);
  const compareBox = el('input', { type: 'checkbox', checked: true, 'data-testid': 'replicates-compare' });
  const compareText = el('span', {});
  const compareRow = el('label', { class: 'replicates-compare', hidden: true }, compareBox, compareText);
  const start = el('button', { type: 'button', class: 'primary', 'data-testid': 'replicates-run' }, 'Run');
  const progress = el('progress', { max: 1, value: 0, hidden: true });
  const status = el('p', { class: 'muted small', role: 'status', 'data-testid': 'replicates-status' });
  const problem = el('p', {
    class: 'param-error',
    role: 'alert',
    hidden: true,
    'data-testid': 'replicates-error',
  });
  const results = createReplicateResults();
  const save = el(
    'button',
    { type: 'button', 'data-testid': 'replicates-export', hidden: true },
    'CSV of the runs',
  );
  const root = el(
    'div',
    { class: 'replicates', 'data-testid': 'replicates' },
    el(
      'p',
      { class: 'muted small' },
      'Same settings, other luck: runs this scenario again with new seeds (seed, seed-1, seed-2 …), as npm run sim -- run --runs does, beside the live run. With the previous settings too, both get the same seeds, so the difference is the settings’, not luck’s.',
    ),
    el(
      'div',
      { class: 'replicates-form' },
      el('label', { class: 'field-inline' }, el('span', {}, 'Runs'), runsInput),
      el('label', { class: 'field-inline' }, el('span', {}, 'Days'), daysInput),
      start,
    ),
    compareRow,
    progress,
    status,
    problem,
    results.root,
    save,
  );

  let current: ReplicateMessage[] = [];
  let previous: ReplicateMessage[] = [];
  let batch: ReplicateBatch | null = null;

  const show = () => {
    // The previous settings' runs are shown once all of them are in: a partial sign test would mislead.
    results.show(current, batch?.against && previous.length === batch.runs ? previous : []);
    save.hidden = current.length === 0;
  };
  const setRunning = (running: boolean) => {
    setText(start, running ? 'Cancel' : 'Run');
    start.classList.toggle('primary', !running);
    progress.hidden = !running;
    for (const input of [runsInput, daysInput, compareBox]) input.disabled = running;
  };
  const showProblem = (message: string | null) => {
    problem.hidden = message === null;
    setText(problem, message ?? '');
  };
  const clear = (message: string) => {
    runner.cancel();
    setRunning(false);
    current = [];
    previous = [];
    batch = null;
    show();
    setText(status, message);
  };

  /** Runs one batch of `plan` (the current settings, or the previous ones), then calls `next`. */
  const runBatch = (
    plan: ReplicateBatch,
    scenario: ScenarioJson,
    which: 'current' | 'previous',
    next: () => void,
  ) => {
    const ticks = plan.days * 24;
    const offset = which === 'previous' ? plan.runs * ticks : 0;
    const label = plan.against
      ? which === 'current'
        ? 'Current settings: run'
        : 'Previous settings: run'
      : 'Run';
    setText(status, `${label} 1 of ${plan.runs} …`);
    runner.start(
      { scenario, seed: plan.seed, runs: plan.runs, ticks },
      {
        progress(run, tick) {
          progress.value = offset + run * ticks + tick;
          setText(
            status,
            `${label} ${run + 1} of ${plan.runs} · day ${Math.ceil(tick / 24)} of ${plan.days}`,
          );
        },
        run(result) {
          (which === 'current' ? current : previous).push(result);
          show();
        },
        done: next,
        error(message) {
          setRunning(false);
          setText(status, '');
          showProblem(
            `${plan.against && which === 'previous' ? 'The previous settings: ' : ''}${message.message}`,
          );
        },
      },
    );
  };

  start.addEventListener('click', () => {
    if (runner.running()) {
      runner.cancel();
      setRunning(false);
      setText(status, `Cancelled after ${current.length + previous.length} runs.`);
      return;
    }
    const { scenario, seed } = store.getState();
    const runs = readInteger(runsInput, 'Runs', 2, REPLICATE_LIMITS.runs);
    const days = readInteger(daysInput, 'Days', 1, MAX_DAYS);
    const invalid = [runs, days].filter((v): v is string => typeof v === 'string');
    if (invalid.length > 0 || !scenario) {
      showProblem(invalid.join('; ') || 'No scenario is loaded yet.');
      return;
    }
    showProblem(null);
    const against = compareBox.checked && !compareRow.hidden ? previousSettings() : null;
    const plan = { scenario, seed, runs: runs as number, days: days as number, against };
    batch = plan;
    current = [];
    previous = [];
    show();
    setRunning(true);
    progress.max = plan.runs * plan.days * 24 * (against ? 2 : 1);
    progress.value = 0;
    const finish = () => {
      setRunning(false);
      const length = `${plan.days} day${plan.days === 1 ? '' : 's'}`;
      const seeds = `seeds ${current[0]?.seed} … ${current.at(-1)?.seed}`;
      setText(
        status,
        against
          ? `${plan.runs} runs of ${length} for each of the two settings, ${seeds}.`
          : `${plan.runs} runs of ${length}, ${seeds}.`,
      );
      show();
    };
    runBatch(plan, scenario, 'current', () =>
      against ? runBatch(plan, against.scenario, 'previous', finish) : finish(),
    );
  });
  save.addEventListener('click', () => {
    const { presetId, seed, tick } = store.getState();
    // Named like every export (seed, live tick); the kind says what the runs were: how many, and how long.
    downloadBlob(
      new Blob([replicatesCsv(current, previous)], { type: 'text/csv' }),
      exportFileName(
        presetId,
        batch?.seed ?? seed,
        tick,
        `replicates-${current.length}-runs-of-${batch?.days ?? 0}-days`,
        'csv',
      ),
    );
  });

  return {
    root,
    update(state) {
      // Results of other settings would be read as these settings' luck: a new scenario or seed drops them.
      if (batch && (state.scenario !== batch.scenario || state.seed !== batch.seed))
        clear('The settings changed, so the replicates were dropped: run them again for the new settings.');
      const against = runner.running() ? batch?.against : previousSettings();
      compareRow.hidden = !against;
      const changes = against
        ? `${against.changes.slice(0, 2).join('; ')}${against.changes.length > 2 ? ' …' : ''}`
        : '';
      setText(compareText, against ? `Also the previous settings, same seeds (${changes})` : '');
    },
    invalidate: results.invalidate,
  };
}
