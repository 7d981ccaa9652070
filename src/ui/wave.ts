// The region wave (regions × trends grid of onset times) and cascade stats per trend. Reads the summary only.
import type { WorldSummary } from '../../sim/model/api.ts';
import { safeCss } from '../render/palette.ts';
import { el, replaceChildren } from './dom.ts';
import { cascadeFacts, formatHours, waveRow } from './format.ts';

export interface SummaryView {
  readonly root: HTMLElement;
  update(summary: WorldSummary | null, regionNames: readonly string[]): void;
}

/**
 * Rows = trends, columns = regions (in the world's order); a reached cell shows hours after the first region and
 * is filled in the trend's colour, strongest for the earliest regions, so the wave reads as a fading gradient.
 */
export function createRegionWave(): SummaryView {
  const table = el('table', { class: 'wave' });
  const root = el(
    'div',
    { class: 'wave-wrap' },
    table,
    el('p', { class: 'muted small' }, 'Hours after the first region picked the trend up; blank = not yet.'),
  );
  let key = '';
  return {
    root,
    update(summary, regionNames) {
      if (!summary) return;
      const rows = summary.trends.map((t) => ({
        name: t.name,
        color: safeCss(t.color),
        cells: waveRow(t.onsetTickByRegion),
      }));
      const next = JSON.stringify([rows, regionNames]);
      if (next === key) return;
      key = next;
      const head = el(
        'tr',
        {},
        el('th', { scope: 'col' }, 'trend'),
        ...regionNames.map((r) => el('th', { scope: 'col', title: r }, r)),
      );
      const body = rows.map((r) => {
        const maxRank = Math.max(1, ...r.cells.map((c) => c.rank ?? 0));
        return el(
          'tr',
          {},
          el(
            'th',
            { scope: 'row' },
            el('span', { class: 'swatch', style: `background:${r.color}`, 'aria-hidden': 'true' }),
            r.name,
          ),
          ...r.cells.map((c, i) =>
            c.rank === null
              ? el('td', { class: 'empty', title: `${regionNames[i] ?? ''}: not yet` }, '')
              : el(
                  'td',
                  {
                    style: `--cell:${r.color};--strength:${(1 - (0.75 * c.rank) / maxRank).toFixed(2)}`,
                    title: `${regionNames[i] ?? ''}: tick ${c.onsetTick}`,
                  },
                  c.hoursAfterFirst === 0 ? 'first' : `+${formatHours(c.hoursAfterFirst ?? 0)}`,
                ),
          ),
        );
      });
      replaceChildren(table, el('thead', {}, head), el('tbody', {}, ...body));
    },
  };
}

/** Size, depth, breadth and structural virality of each trend's largest cascade, plus Rₜ. */
export function createCascadeStats(): SummaryView {
  const table = el('table', { class: 'cascades' });
  let key = '';
  return {
    root: el(
      'div',
      { class: 'table-scroll' },
      table,
      el(
        'p',
        { class: 'muted small' },
        'Largest cascade per trend. Structural virality ≈ 2 for a broadcast, larger for person-to-person chains (Goel et al. 2016).',
      ),
    ),
    update(summary) {
      if (!summary) return;
      const rows = summary.trends.map((t) => ({
        name: t.name,
        color: safeCss(t.color),
        facts: cascadeFacts(t),
        rt: Number.isFinite(t.rt) ? t.rt.toFixed(2) : '–',
      }));
      const next = JSON.stringify(rows);
      if (next === key) return;
      key = next;
      const labels = rows[0]?.facts.map((f) => f.label) ?? ['size', 'depth', 'breadth', 'virality'];
      replaceChildren(
        table,
        el(
          'thead',
          {},
          el(
            'tr',
            {},
            el('th', { scope: 'col' }, 'trend'),
            ...labels.map((l) => el('th', { scope: 'col' }, l)),
            el('th', { scope: 'col', title: 'Effective reproduction number over the last day' }, 'Rₜ'),
          ),
        ),
        el(
          'tbody',
          {},
          ...rows.map((r) =>
            el(
              'tr',
              {},
              el(
                'th',
                { scope: 'row' },
                el('span', { class: 'swatch', style: `background:${r.color}`, 'aria-hidden': 'true' }),
                r.name,
              ),
              ...r.facts.map((f) => el('td', { class: 'num' }, f.value)),
              el('td', { class: 'num' }, r.rt),
            ),
          ),
        ),
      );
    },
  };
}
