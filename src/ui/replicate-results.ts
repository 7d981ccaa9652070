// The Replicates panel's results: every run's curve and the median (and the previous settings' dashed), the spread table and one sentence. Draws what it is given; runs nothing.
import type { ReplicateMessage } from '../../sim/protocol.ts';
import { safeCss } from '../render/palette.ts';
import { LiveChart, type SeriesSpec } from './charts.ts';
import { el, replaceChildren, setText, tableHead, trendRowHeader } from './dom.ts';
import { formatCount, formatNumber } from './format.ts';
import {
  type PairedComparison,
  pairedComparison,
  replicateColumns,
  type TrendSpread,
  trendSpreads,
} from './replicate-stats.ts';

export interface ReplicateResults {
  readonly root: HTMLElement;
  /** Shows `current` (and `previous`, the previous settings run with the same seeds; empty when not compared). */
  show(current: readonly ReplicateMessage[], previous: readonly ReplicateMessage[]): void;
  /** Redraws the chart with the theme's colours. */
  invalidate(): void;
}

/** A p-value as a class reads it: two significant digits, "< 0.001" below that. */
export function formatP(p: number): string {
  return p < 0.001 ? '< 0.001' : `= ${Number(p.toPrecision(2))}`;
}

function comparisonText(c: PairedComparison, runs: number): string {
  return `higher in ${c.higher} of ${runs} runs with the same seeds, lower in ${c.lower} (sign test p ${formatP(c.p)})`;
}

/** One sentence for the first trend: how far luck spread it, or how the two settings compare with luck held equal. */
function sentenceFor(spread: TrendSpread, previous: TrendSpread | undefined, runs: number): string {
  if (previous) {
    const c = pairedComparison(spread.finals, previous.finals);
    return `${spread.name}: median ${formatCount(spread.median)} adopters now, ${formatCount(previous.median)} with the previous settings; ${comparisonText(c, runs)}.`;
  }
  const base = `${spread.name}: the same settings ended with ${formatCount(spread.min)} to ${formatCount(spread.max)} adopters`;
  return spread.min > 0
    ? `${base}; the luckiest run had ${formatNumber(spread.max / spread.min, 1)}× the unluckiest.`
    : `${base}.`;
}

export function createReplicateResults(): ReplicateResults {
  const trendSelect = el('select', {
    'data-testid': 'replicates-trend',
    'aria-label': 'Trend drawn',
    hidden: true,
  });
  const chart = new LiveChart('Adopters in every run (thin) and their median', 'adopters');
  const table = el('table', { class: 'cascades', 'data-testid': 'replicates-table' });
  const sentence = el('p', { class: 'small', 'data-testid': 'replicates-sentence' });
  const root = el(
    'div',
    { class: 'replicates-results', hidden: true },
    trendSelect,
    chart.root,
    el('div', { class: 'table-scroll' }, table),
    sentence,
  );
  let current: readonly ReplicateMessage[] = [];
  let previous: readonly ReplicateMessage[] = [];
  let trend = 0;

  const draw = () => {
    root.hidden = current.length === 0;
    if (current.length === 0) return;
    const names = current[0]!.trendNames;
    if (trendSelect.options.length !== names.length) {
      replaceChildren(trendSelect, ...names.map((name, t) => el('option', { value: t }, name)));
    }
    trend = Math.min(trend, names.length - 1);
    trendSelect.value = String(trend);
    trendSelect.hidden = names.length < 2;
    const spreads = trendSpreads(current);
    // The previous settings' figures, matched to the current trends by name (their order or set may differ).
    const previousSpreads = trendSpreads(previous);
    const previousByName = new Map(previousSpreads.map((s) => [s.name, s]));
    const color = safeCss(current[0]!.trendColors[trend] ?? '#888888');
    const specs: SeriesSpec[] = [
      ...current.map((run) => ({ label: run.seed, color, faint: true })),
      { label: `median of ${current.length} runs`, color },
    ];
    const [x, ...series] = replicateColumns(current, trend);
    const previousTrend = previous[0]?.trendNames.indexOf(names[trend]!) ?? -1;
    if (
      previousTrend >= 0 &&
      previous[0]!.adopters[previousTrend]!.length === current[0]!.adopters[trend]!.length
    ) {
      const [, ...previousSeries] = replicateColumns(previous, previousTrend);
      series.push(...previousSeries);
      specs.push(
        ...previous.map((run) => ({ label: `${run.seed} (previous)`, color, faint: true, previous: true })),
        { label: 'median, previous settings', color, previous: true },
      );
    }
    chart.update(specs, [x, ...series]);
    const compared = previous.length > 0;
    replaceChildren(
      table,
      compared
        ? tableHead(
            'trend',
            ['median', 'Median of the runs’ final adopters'],
            ['previous', 'Median final adopters with the previous settings, same seeds'],
            ['higher in', 'Runs (same seed) in which the current settings ended with more adopters'],
            [
              'p',
              'Exact two-sided sign test over the runs that differ: the chance of a split this uneven by luck',
            ],
          )
        : tableHead(
            'trend',
            ['median', 'Median of the runs’ final adopters'],
            ['range', 'Fewest and most final adopters of any run'],
            ['CV', 'Coefficient of variation: standard deviation / mean of the final adopters'],
            ['biggest', 'Runs in which this trend ended with the most adopters'],
          ),
      el(
        'tbody',
        {},
        ...spreads.map((spread) => {
          const before = previousByName.get(spread.name);
          const c = before ? pairedComparison(spread.finals, before.finals) : null;
          return el(
            'tr',
            {},
            trendRowHeader(spread.name, safeCss(spread.color)),
            el('td', { class: 'num' }, formatCount(spread.median)),
            ...(compared
              ? [
                  el('td', { class: 'num' }, before ? formatCount(before.median) : '–'),
                  el('td', { class: 'num' }, c ? `${c.higher} of ${current.length}` : '–'),
                  el('td', { class: 'num' }, c ? formatP(c.p).replace('= ', '') : '–'),
                ]
              : [
                  el('td', { class: 'num' }, `${formatCount(spread.min)}–${formatCount(spread.max)}`),
                  el('td', { class: 'num' }, Number.isFinite(spread.cv) ? formatNumber(spread.cv, 2) : '–'),
                  el('td', { class: 'num' }, `${spread.biggestIn} of ${current.length}`),
                ]),
          );
        }),
      ),
    );
    table.dataset.finals = JSON.stringify(spreads.map((s) => s.finals));
    table.dataset.previousFinals = JSON.stringify(previousSpreads.map((s) => s.finals));
    setText(sentence, sentenceFor(spreads[0]!, previousByName.get(spreads[0]!.name), current.length));
  };

  trendSelect.addEventListener('change', () => {
    trend = Number(trendSelect.value);
    draw();
  });
  return {
    root,
    show(nextCurrent, nextPrevious) {
      current = nextCurrent;
      previous = nextPrevious;
      draw();
    },
    invalidate() {
      chart.invalidate();
      draw();
    },
  };
}
