// The Replicates panel: runs the current scenario N more times with other seeds (the CLI's --runs) in a second worker and shows how far luck spreads the outcome. Reads the store, drives the replicates runner; never the engine worker.
import { REPLICATE_LIMITS } from '../../sim/host/replicates.ts';
import type { ReplicateMessage, ScenarioJson } from '../../sim/protocol.ts';
import type { ReplicatesRunner } from '../engine/replicates-client.ts';
import { exportFileName } from '../export/csv.ts';
import { downloadBlob } from '../export/download.ts';
import { safeCss } from '../render/palette.ts';
import type { AppState, AppStore } from '../state/store.ts';
import { LiveChart } from './charts.ts';
import { el, replaceChildren, setText, tableHead, trendRowHeader } from './dom.ts';
import { formatCount, formatNumber } from './format.ts';
import { replicateColumns, replicatesCsv, type TrendSpread, trendSpreads } from './replicate-stats.ts';

/** What the form starts with: enough runs to see a spread, short enough to wait for at the presets' 20,000 agents. */
export const REPLICATE_DEFAULTS = { runs: 10, days: 4 } as const;
const MAX_DAYS = REPLICATE_LIMITS.ticks / 24;

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

function spreadRow(spread: TrendSpread, runs: number): HTMLTableRowElement {
  const range = `${formatCount(spread.min)}–${formatCount(spread.max)}`;
  return el(
    'tr',
    {},
    trendRowHeader(spread.name, safeCss(spread.color)),
    el('td', { class: 'num' }, formatCount(spread.median)),
    el('td', { class: 'num' }, range),
    el('td', { class: 'num' }, Number.isFinite(spread.cv) ? formatNumber(spread.cv, 2) : '–'),
    el('td', { class: 'num' }, `${spread.biggestIn} of ${runs}`),
  );
}

/** One sentence a class can read: how much the luckiest run beat the unluckiest. */
function luckSentence(spreads: readonly TrendSpread[]): string {
  const main = spreads[0];
  if (!main) return '';
  const ratio = main.min > 0 ? `${formatNumber(main.max / main.min, 1)}×` : null;
  const base = `${main.name}: the same settings ended with ${formatCount(main.min)} to ${formatCount(main.max)} adopters`;
  return ratio ? `${base}; the luckiest run had ${ratio} the unluckiest.` : `${base}.`;
}

export function createReplicatesPanel(store: AppStore, runner: ReplicatesRunner): ReplicatesPanel {
  const runsInput = el('input', {
    type: 'number',
    min: 2,
    max: REPLICATE_LIMITS.runs,
    step: 1,
    value: REPLICATE_DEFAULTS.runs,
    'data-testid': 'replicates-runs',
  });
  const daysInput = el('input', {
    type: 'number',
    min: 1,
    max: MAX_DAYS,
    step: 1,
    value: REPLICATE_DEFAULTS.days,
    'data-testid': 'replicates-days',
  });
  const start = el('button', { type: 'button', class: 'primary', 'data-testid': 'replicates-run' }, 'Run');
  const progress = el('progress', { max: 1, value: 0, hidden: true });
  const status = el('p', { class: 'muted small', role: 'status', 'data-testid': 'replicates-status' });
  const problem = el('p', {
    class: 'param-error',
    role: 'alert',
    hidden: true,
    'data-testid': 'replicates-error',
  });
  const trendSelect = el('select', {
    'data-testid': 'replicates-trend',
    'aria-label': 'Trend drawn',
    hidden: true,
  });
  const chart = new LiveChart('Adopters in every run (thin) and their median', 'adopters');
  const table = el('table', { class: 'cascades', 'data-testid': 'replicates-table' });
  const sentence = el('p', { class: 'small' });
  const save = el(
    'button',
    { type: 'button', 'data-testid': 'replicates-export', disabled: true },
    'CSV of the runs',
  );
  const results = el(
    'div',
    { class: 'replicates-results', hidden: true },
    trendSelect,
    chart.root,
    el('div', { class: 'table-scroll' }, table),
    sentence,
    save,
  );
  const root = el(
    'div',
    { class: 'replicates', 'data-testid': 'replicates' },
    el(
      'p',
      { class: 'muted small' },
      'Same settings, other luck: runs this scenario again with new seeds (seed, seed-1, seed-2 …), as npm run sim -- run --runs does, beside the live run.',
    ),
    el(
      'div',
      { class: 'replicates-form' },
      el('label', { class: 'field-inline' }, el('span', {}, 'Runs'), runsInput),
      el('label', { class: 'field-inline' }, el('span', {}, 'Days'), daysInput),
      start,
    ),
    progress,
    status,
    problem,
    results,
  );

  let runs: ReplicateMessage[] = [];
  let planned = 0;
  let days = 0;
  let started: { scenario: ScenarioJson; seed: string } | null = null;
  let trend = 0;

  const showProblem = (message: string | null) => {
    problem.hidden = message === null;
    setText(problem, message ?? '');
  };
  const drawResults = () => {
    results.hidden = runs.length === 0;
    save.disabled = runs.length === 0;
    if (runs.length === 0) return;
    const spreads = trendSpreads(runs);
    const names = runs[0]!.trendNames;
    if (trendSelect.options.length !== names.length) {
      replaceChildren(trendSelect, ...names.map((name, t) => el('option', { value: t }, name)));
      trendSelect.value = String(Math.min(trend, names.length - 1));
    }
    trendSelect.hidden = names.length < 2;
    trend = Math.min(trend, names.length - 1);
    const color = safeCss(runs[0]!.trendColors[trend] ?? '#888888');
    chart.update(
      [
        ...runs.map((run) => ({ label: run.seed, color, faint: true })),
        { label: `median of ${runs.length} runs`, color },
      ],
      replicateColumns(runs, trend),
    );
    replaceChildren(
      table,
      tableHead(
        'trend',
        ['median', 'Median of the runs’ final adopters'],
        ['range', 'Fewest and most final adopters of any run'],
        ['CV', 'Coefficient of variation: standard deviation / mean of the final adopters'],
        ['biggest', 'Runs in which this trend ended with the most adopters'],
      ),
      el('tbody', {}, ...spreads.map((s) => spreadRow(s, runs.length))),
    );
    table.dataset.finals = JSON.stringify(spreads.map((s) => s.finals));
    setText(sentence, luckSentence(spreads));
  };
  const setRunning = (running: boolean) => {
    setText(start, running ? 'Cancel' : 'Run');
    start.classList.toggle('primary', !running);
    progress.hidden = !running;
    runsInput.disabled = running;
    daysInput.disabled = running;
  };
  const clear = (message: string) => {
    runner.cancel();
    setRunning(false);
    runs = [];
    started = null;
    drawResults();
    setText(status, message);
  };

  start.addEventListener('click', () => {
    if (runner.running()) {
      runner.cancel();
      setRunning(false);
      setText(status, `Cancelled after ${runs.length} of ${planned} runs.`);
      return;
    }
    const { scenario, seed } = store.getState();
    const count = readInteger(runsInput, 'Runs', 2, REPLICATE_LIMITS.runs);
    const length = readInteger(daysInput, 'Days', 1, MAX_DAYS);
    const invalid = [count, length].filter((v): v is string => typeof v === 'string');
    if (invalid.length > 0 || !scenario) {
      showProblem(invalid.join('; ') || 'No scenario is loaded yet.');
      return;
    }
    showProblem(null);
    runs = [];
    planned = count as number;
    days = length as number;
    started = { scenario, seed };
    drawResults();
    setRunning(true);
    progress.max = planned * days * 24;
    progress.value = 0;
    setText(status, `Run 1 of ${planned} …`);
    runner.start(
      { scenario, seed, runs: planned, ticks: days * 24 },
      {
        progress(run, tick) {
          progress.value = run * days * 24 + tick;
          setText(status, `Run ${run + 1} of ${planned} · day ${Math.ceil(tick / 24)} of ${days}`);
        },
        run(result) {
          runs.push(result);
          drawResults();
        },
        done() {
          setRunning(false);
          const length = `${days} day${days === 1 ? '' : 's'}`;
          setText(status, `${planned} runs of ${length}, seeds ${runs[0]?.seed} … ${runs.at(-1)?.seed}.`);
        },
        error(message) {
          setRunning(false);
          setText(status, '');
          showProblem(message.message);
        },
      },
    );
  });
  trendSelect.addEventListener('change', () => {
    trend = Number(trendSelect.value);
    drawResults();
  });
  save.addEventListener('click', () => {
    const { presetId } = store.getState();
    const text = replicatesCsv(runs);
    downloadBlob(
      new Blob([text], { type: 'text/csv' }),
      exportFileName(
        presetId,
        started?.seed ?? store.getState().seed,
        days * 24,
        `replicates-${runs.length}`,
        'csv',
      ),
    );
  });

  return {
    root,
    update(state) {
      // Results of other settings would be read as these settings' luck: a new scenario or seed drops them.
      if (started && (state.scenario !== started.scenario || state.seed !== started.seed))
        clear('The settings changed, so the replicates were dropped: run them again for the new settings.');
    },
    invalidate: () => {
      chart.invalidate();
      drawResults();
    },
  };
}
