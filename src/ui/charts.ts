// Live uPlot charts: adoption curves per trend, platform membership, the recommender's share of views, exposure diversity; plus per-platform adoption bars. Reads series rows and summaries; never the engine.
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { WorldSummary } from '../../sim/model/api.ts';
import type { SeriesRow } from '../../sim/protocol.ts';
import { categorical, safeCss, toHex } from '../render/palette.ts';
import {
  adoptionColumns,
  type Columns,
  diversityColumns,
  membershipColumns,
  platformBars,
  recommendedShareColumns,
} from './chart-data.ts';
import { MORE_CHANGES, mergeColumns, sameTickFigures } from './compare.ts';
import { el, replaceChildren } from './dom.ts';
import { formatCount, formatNumber } from './format.ts';

export interface SeriesSpec {
  readonly label: string;
  readonly color: string;
  readonly scale?: string;
  /** A series of the previous run: drawn dashed and faint under the current one. */
  readonly previous?: boolean;
  /** One of many similar lines (a replicate): drawn thin and faint, left out of the legend. */
  readonly faint?: boolean;
}

/** The previous run of the same preset, drawn dashed as a reference (see compare.ts). */
export interface PreviousRun {
  readonly rows: readonly SeriesRow[];
  readonly trendNames: readonly string[];
  readonly trendColors: readonly string[];
  readonly agentCount: number;
  /** What changed since it, one line each (scenarioChanges); empty for a rerun of the same settings. */
  readonly changes: readonly string[];
}

/** `specs` followed by the same series of the previous run, dashed and labelled as such. */
function withPrevious(specs: readonly SeriesSpec[], previous: readonly SeriesSpec[]): SeriesSpec[] {
  return [...specs, ...previous.map((p) => ({ ...p, label: `${p.label} (previous)`, previous: true }))];
}

/** One uPlot chart that is rebuilt only when its series change (names or colours), else just fed new data. */
export class LiveChart {
  readonly root: HTMLElement;
  private plot: uPlot | null = null;
  private key = '';
  private readonly plotHost: HTMLElement;
  /** The day the timeline replays, drawn as a vertical line; null while live. */
  private markerDay: number | null = null;

  constructor(
    title: string,
    private readonly yLabel: string,
    private readonly rightAxis?: string,
    /** A fixed range of the left axis (a share: 0 to 1), else fitted to the data. */
    private readonly leftRange?: [number, number],
  ) {
    this.plotHost = el('div', { class: 'chart-plot' });
    this.root = el('figure', { class: 'chart' }, el('figcaption', {}, title), this.plotHost);
  }

  /** Draws `current`'s series and, given `previous`, the previous run's the same chart shows dashed under them. */
  update(
    current: readonly SeriesSpec[],
    currentData: Columns,
    previous?: { readonly specs: readonly SeriesSpec[]; readonly data: Columns } | null,
  ): void {
    const series = previous ? withPrevious(current, previous.specs) : current;
    const data = previous ? mergeColumns(currentData, previous.data) : currentData;
    const key = JSON.stringify(series);
    const width = Math.max(200, this.plotHost.clientWidth || 300);
    if (key !== this.key || !this.plot) {
      this.key = key;
      this.plot?.destroy();
      const styles = getComputedStyle(document.documentElement);
      const ink = styles.getPropertyValue('--muted').trim() || '#8b949e';
      const grid = styles.getPropertyValue('--grid').trim() || 'rgba(139,148,158,0.15)';
      const axis = (label: string, scale?: string, side?: number): uPlot.Axis => ({
        label,
        stroke: ink,
        grid: { stroke: grid, width: 1 },
        ticks: { stroke: grid, width: 1 },
        size: 44,
        labelSize: 16,
        font: '11px system-ui, sans-serif',
        labelFont: '11px system-ui, sans-serif',
        ...(scale ? { scale } : {}),
        ...(side !== undefined ? { side } : {}),
        values: (_u, ticks) =>
          ticks.map((t) => (Math.abs(t) >= 1000 ? formatCount(t) : String(Number(t.toPrecision(3))))),
      });
      const axes: uPlot.Axis[] = [
        { ...axis('day'), values: (_u, ticks) => ticks.map((t) => String(Number(t.toPrecision(3)))) },
        axis(this.yLabel),
      ];
      if (this.rightAxis) axes.push({ ...axis(this.rightAxis, 'right', 1), grid: { show: false } });
      this.plot = new uPlot(
        {
          width,
          height: 150,
          scales: {
            x: { time: false },
            ...(this.leftRange ? { y: { range: this.leftRange } } : {}),
            ...(this.rightAxis ? { right: { range: [0, 1] } } : {}),
          },
          series: [
            { label: 'day' },
            ...series.map((s) => ({
              label: s.label,
              stroke: s.color,
              width: s.faint ? 1 : s.previous ? 1.5 : 2,
              points: { show: false },
              // Runs are merged on one day axis (mergeColumns): each line bridges the days only the other run has.
              spanGaps: true,
              ...(s.previous ? { dash: [5, 4], alpha: 0.6 } : {}),
              ...(s.faint ? { alpha: 0.3 } : {}),
              ...(s.scale ? { scale: s.scale } : {}),
            })),
          ],
          axes,
          legend: { show: true, live: false },
          cursor: { drag: { x: false, y: false } },
          hooks: { draw: [(u) => this.drawMarker(u, ink)] },
        },
        data as uPlot.AlignedData,
        this.plotHost,
      );
      // The previous run's series share their colours with the current ones: the note above the charts explains the
      // dashes, so their legend rows would only double the legend.
      const rows = this.plotHost.querySelectorAll<HTMLElement>('.u-legend .u-series');
      const offset = rows.length - series.length; // 1 when the legend lists the x series too (live legends do)
      series.forEach((spec, i) => {
        const row = rows[i + offset];
        if ((spec.previous || spec.faint) && row) row.hidden = true;
      });
      return;
    }
    if (Math.abs(this.plot.width - width) > 4) this.plot.setSize({ width, height: 150 });
    this.plot.setData(data as uPlot.AlignedData);
  }

  /** Forces a rebuild (theme change: axis colours come from CSS variables). */
  invalidate(): void {
    this.key = '';
  }

  /** Marks `day` (the hour the timeline replays) with a vertical line, or removes the mark for null. */
  setMarker(day: number | null): void {
    if (day === this.markerDay) return;
    this.markerDay = day;
    this.plot?.redraw(false, false);
  }

  private drawMarker(u: uPlot, ink: string): void {
    if (this.markerDay === null) return;
    const x = u.valToPos(this.markerDay, 'x', true);
    const { ctx, bbox } = u;
    ctx.save();
    ctx.strokeStyle = ink;
    ctx.lineWidth = Math.max(1, devicePixelRatio);
    ctx.setLineDash([3 * devicePixelRatio, 3 * devicePixelRatio]);
    ctx.beginPath();
    ctx.moveTo(x, bbox.top);
    ctx.lineTo(x, bbox.top + bbox.height);
    ctx.stroke();
    ctx.restore();
  }
}

export interface Charts {
  readonly root: HTMLElement;
  /**
   * Redraws from all rows so far and the latest summary (a few times a second at most); with `previous`, its curves
   * are drawn dashed under the current ones unless the user turned that off.
   */
  update(
    rows: readonly SeriesRow[],
    summary: WorldSummary | null,
    agentCount: number,
    previous?: PreviousRun | null,
  ): void;
  invalidate(): void;
  /** Marks the tick the timeline replays on the time charts (null: live, no mark). */
  showTick(tick: number | null): void;
}

/**
 * The note above the charts: the dashed lines are the previous run, what changed since, both runs' figures at the
 * same tick, and a switch to turn the dashes off.
 */
function createPreviousNote(onToggle: () => void) {
  const toggle = el('input', { type: 'checkbox', 'data-testid': 'compare-previous', checked: true });
  toggle.addEventListener('change', onToggle);
  const changes = el('ul', { class: 'compare-changes' });
  const figures = el('table', { class: 'compare-figures', 'data-testid': 'compare-figures' });
  const root = el(
    'div',
    { class: 'compare-note', hidden: true },
    el('label', { class: 'compare-toggle' }, toggle, el('span', {}, 'Dashed: the previous run')),
    changes,
    figures,
  );
  let shown = '';
  return {
    root,
    get showing() {
      return toggle.checked;
    },
    update(
      previous: PreviousRun | null | undefined,
      rows: readonly SeriesRow[],
      trendNames: readonly string[],
    ) {
      root.hidden = !previous;
      const lines = previous
        ? previous.changes.length > 0
          ? previous.changes.map((line) => (MORE_CHANGES.test(line) ? line : `changed ${line}`))
          : ['same settings and seed (a rerun)']
        : [];
      const side = previous ? sameTickFigures(rows, previous.rows, trendNames) : null;
      const cells = (side?.figures ?? []).map((f) => {
        const format = (x: number) => (f.digits === null ? formatCount(x) : formatNumber(x, f.digits));
        return [f.label, format(f.current), format(f.previous)] as const;
      });
      const key = JSON.stringify([lines, side?.tick, side?.previousTick, cells]);
      if (key === shown) return;
      shown = key;
      replaceChildren(changes, ...lines.map((line) => el('li', {}, line)));
      if (!side) return replaceChildren(figures);
      const previousHeading =
        side.previousTick === side.tick ? 'previous' : `previous (tick ${side.previousTick})`;
      replaceChildren(
        figures,
        el(
          'thead',
          {},
          el(
            'tr',
            {},
            el('th', { scope: 'col' }, `at tick ${side.tick}`),
            el('th', { scope: 'col', class: 'num' }, 'this run'),
            el('th', { scope: 'col', class: 'num' }, previousHeading),
          ),
        ),
        el(
          'tbody',
          {},
          ...cells.map(([label, current, before]) =>
            el(
              'tr',
              {},
              el('th', { scope: 'row' }, label),
              el('td', { class: 'num' }, current),
              el('td', { class: 'num' }, before),
            ),
          ),
        ),
      );
    },
  };
}

export function createCharts(): Charts {
  const adoption = new LiveChart('Adoption per trend', 'adopters');
  const membership = new LiveChart('Platform membership', 'share of agents');
  const recommended = new LiveChart('Views the recommender chose', 'share, last 24 h', undefined, [0, 1]);
  const diversity = new LiveChart('Exposure diversity', 'bits', 'share');
  const bars = el('div', { class: 'bars' });
  const barFigure = el('figure', { class: 'chart' }, el('figcaption', {}, 'Adopters per platform'), bars);
  let lastArguments: Parameters<Charts['update']> | null = null;
  const note = createPreviousNote(() => {
    if (lastArguments) charts.update(...lastArguments);
  });
  const root = el(
    'div',
    { class: 'charts' },
    note.root,
    adoption.root,
    barFigure,
    membership.root,
    recommended.root,
    diversity.root,
  );
  let barKey = '';
  const diversitySeries: SeriesSpec[] = [
    { label: 'topic entropy (bits)', color: '#56b4e9' },
    { label: 'views from other regions', color: '#e69f00', scale: 'right' },
    { label: 'homogenization', color: '#cc79a7', scale: 'right' },
  ];
  const charts: Charts = {
    root,
    update(rows, summary, agentCount, previousRun) {
      lastArguments = [rows, summary, agentCount, previousRun];
      note.update(previousRun, rows, summary?.trends.map((t) => t.name) ?? previousRun?.trendNames ?? []);
      if (!summary) return;
      const previous = previousRun && note.showing ? previousRun : null;
      const trends = summary.trends.map((t) => ({ label: t.name, color: safeCss(t.color) }));
      const platforms = summary.platforms.map((p, i) => ({ label: p.name, color: toHex(categorical(i)) }));
      const trendsBefore = (previous?.trendNames ?? []).map((name, i) => ({
        label: name,
        color: safeCss(previous?.trendColors[i] ?? ''),
      }));
      adoption.update(
        trends,
        adoptionColumns(rows, trends.length),
        previous && { specs: trendsBefore, data: adoptionColumns(previous.rows, trendsBefore.length) },
      );
      membership.update(
        platforms,
        membershipColumns(rows, platforms.length, agentCount),
        previous && {
          specs: platforms,
          data: membershipColumns(previous.rows, platforms.length, previous.agentCount),
        },
      );
      recommended.update(
        platforms,
        recommendedShareColumns(rows, platforms.length),
        previous && { specs: platforms, data: recommendedShareColumns(previous.rows, platforms.length) },
      );
      diversity.update(
        diversitySeries,
        diversityColumns(rows),
        previous && { specs: diversitySeries, data: diversityColumns(previous.rows) },
      );
      const shaped = platformBars(summary.trends, summary.platforms.length);
      const key = JSON.stringify(shaped);
      if (key === barKey) return;
      barKey = key;
      replaceChildren(
        bars,
        ...summary.platforms.map((p, i) =>
          el(
            'div',
            { class: 'bar-row' },
            el('span', { class: 'bar-label' }, p.available ? p.name : `${p.name} (down)`),
            el(
              'span',
              {
                class: 'bar-track',
                role: 'img',
                'aria-label': `${p.name}: ${(shaped[i] ?? []).map((s) => `${summary.trends[s.trend]?.name ?? 'trend'} ${s.count}`).join(', ') || 'no adopters'}`,
              },
              ...(shaped[i] ?? []).map((s) =>
                el('span', {
                  class: 'bar-seg',
                  style: `width:${(s.share * 100).toFixed(2)}%;background:${safeCss(summary.trends[s.trend]?.color ?? '')}`,
                  title: `${summary.trends[s.trend]?.name ?? ''}: ${s.count}`,
                }),
              ),
            ),
          ),
        ),
      );
    },
    invalidate() {
      adoption.invalidate();
      membership.invalidate();
      recommended.invalidate();
      diversity.invalidate();
    },
    showTick(tick) {
      // The charts' x axis is in days (chart-data.ts: tick / 24).
      for (const chart of [adoption, membership, recommended, diversity])
        chart.setMarker(tick === null ? null : tick / 24);
    },
  };
  return charts;
}
