// The region wave (regions × trends grid of onset times) and cascade stats per trend. Reads the summary only.
import type { WorldSummary } from '../../sim/model/api.ts';
import { safeCss } from '../render/palette.ts';
import { el, replaceChildren, tableHead, trendRowHeader } from './dom.ts';
import { cascadeFacts, formatHours, waveRow } from './format.ts';

export interface SummaryView {
  readonly root: HTMLElement;
  update(summary: WorldSummary | null, regionNames: readonly string[]): void;
}

/**
 * Rows = regions (in the world's order), columns = trends: eight regions fit down a side panel where eight columns did
 * not, and a class reads the wave top to bottom. A reached cell shows hours after the trend's first region and is
 * filled in the trend's colour, strongest for the earliest regions, so the wave reads as a fading gradient.
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
      const trends = summary.trends.map((t) => {
        const cells = waveRow(t.onsetTickByRegion);
        return {
          name: t.name,
          color: safeCss(t.color),
          cells,
          maxRank: Math.max(1, ...cells.map((c) => c.rank ?? 0)),
        };
      });
      const next = JSON.stringify([trends, regionNames]);
      if (next === key) return;
      key = next;
      const head = el(
        'tr',
        {},
        el('th', { scope: 'col' }, 'region'),
        ...trends.map((t) =>
          el(
            'th',
            { scope: 'col', title: t.name },
            el('span', { class: 'swatch', style: `background:${t.color}`, 'aria-hidden': 'true' }),
            t.name,
          ),
        ),
      );
      const body = regionNames.map((region, r) =>
        el(
          'tr',
          {},
          el('th', { scope: 'row' }, region),
          ...trends.map((t) => {
            const c = t.cells[r];
            if (!c || c.rank === null) return el('td', { class: 'empty', title: `${t.name}: not yet` }, '');
            return el(
              'td',
              {
                style: `--cell:${t.color};--strength:${(1 - (0.75 * c.rank) / t.maxRank).toFixed(2)}`,
                title: `${t.name} in ${region}: tick ${c.onsetTick}`,
              },
              c.hoursAfterFirst === 0 ? 'first' : `+${formatHours(c.hoursAfterFirst ?? 0)}`,
            );
          }),
        ),
      );
      // Beyond two trends the names stand upright, so the columns stay as narrow as their cells.
      table.classList.toggle('upright', trends.length > 2);
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
        tableHead('trend', ...labels, ['Rₜ', 'Effective reproduction number over the last day']),
        el(
          'tbody',
          {},
          ...rows.map((r) =>
            el(
              'tr',
              {},
              trendRowHeader(r.name, r.color),
              ...r.facts.map((f) => el('td', { class: 'num' }, f.value)),
              el('td', { class: 'num' }, r.rt),
            ),
          ),
        ),
      );
    },
  };
}
