// Live uPlot charts: adoption curves per trend, platform membership, exposure diversity; plus per-platform adoption bars. Reads series rows and summaries; never the engine.
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
} from './chart-data.ts';
import { el, replaceChildren } from './dom.ts';
import { formatCount } from './format.ts';

interface SeriesSpec {
  readonly label: string;
  readonly color: string;
  readonly scale?: string;
}

/** One uPlot chart that is rebuilt only when its series change (names or colours), else just fed new data. */
class LiveChart {
  readonly root: HTMLElement;
  private plot: uPlot | null = null;
  private key = '';
  private readonly plotHost: HTMLElement;

  constructor(
    title: string,
    private readonly yLabel: string,
    private readonly rightAxis?: string,
  ) {
    this.plotHost = el('div', { class: 'chart-plot' });
    this.root = el('figure', { class: 'chart' }, el('figcaption', {}, title), this.plotHost);
  }

  update(series: readonly SeriesSpec[], data: Columns): void {
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
          scales: { x: { time: false }, ...(this.rightAxis ? { right: { range: [0, 1] } } : {}) },
          series: [
            { label: 'day' },
            ...series.map((s) => ({
              label: s.label,
              stroke: s.color,
              width: 2,
              points: { show: false },
              ...(s.scale ? { scale: s.scale } : {}),
            })),
          ],
          axes,
          legend: { show: true, live: false },
          cursor: { drag: { x: false, y: false } },
        },
        data as uPlot.AlignedData,
        this.plotHost,
      );
      return;
    }
    if (Math.abs(this.plot.width - width) > 4) this.plot.setSize({ width, height: 150 });
    this.plot.setData(data as uPlot.AlignedData);
  }

  /** Forces a rebuild (theme change: axis colours come from CSS variables). */
  invalidate(): void {
    this.key = '';
  }
}

export interface Charts {
  readonly root: HTMLElement;
  /** Redraws from all rows so far and the latest summary (a few times a second at most). */
  update(rows: readonly SeriesRow[], summary: WorldSummary | null, agentCount: number): void;
  invalidate(): void;
}

export function createCharts(): Charts {
  const adoption = new LiveChart('Adoption per trend', 'adopters');
  const membership = new LiveChart('Platform membership', 'share of agents');
  const diversity = new LiveChart('Exposure diversity', 'bits', 'share');
  const bars = el('div', { class: 'bars' });
  const barFigure = el('figure', { class: 'chart' }, el('figcaption', {}, 'Adopters per platform'), bars);
  const root = el('div', { class: 'charts' }, adoption.root, barFigure, membership.root, diversity.root);
  let barKey = '';
  return {
    root,
    update(rows, summary, agentCount) {
      if (!summary) return;
      const trends = summary.trends.map((t) => ({ label: t.name, color: safeCss(t.color) }));
      adoption.update(trends, adoptionColumns(rows, trends.length));
      const platforms = summary.platforms.map((p, i) => ({ label: p.name, color: toHex(categorical(i)) }));
      membership.update(platforms, membershipColumns(rows, platforms.length, agentCount));
      diversity.update(
        [
          { label: 'topic entropy (bits)', color: '#56b4e9' },
          { label: 'views from other regions', color: '#e69f00', scale: 'right' },
          { label: 'homogenization', color: '#cc79a7', scale: 'right' },
        ],
        diversityColumns(rows),
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
      diversity.invalidate();
    },
  };
}
