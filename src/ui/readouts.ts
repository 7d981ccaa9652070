// Live read-outs over the canvas as accessible text: tick, simulated day and hour, adopters, reach per trend. Reads the store only.

import { safeCss } from '../render/palette.ts';
import type { AppState } from '../state/store.ts';
import { el, replaceChildren, setText } from './dom.ts';
import { clockAfter, formatClock, formatCount, formatPercent, totalAdopters } from './format.ts';

export interface Readouts {
  readonly root: HTMLElement;
  update(state: AppState): void;
}

/**
 * `tick` and `adopted` hold plain integers (no separators) so scripts can parse them; the clock and per-trend
 * reach are prose. The region is aria-live polite: screen readers hear changes when the user is idle.
 */
export function createReadouts(): Readouts {
  const tick = el('span', { 'data-testid': 'tick', class: 'num' }, '0');
  const adopted = el('span', { 'data-testid': 'adopted', class: 'num' }, '0');
  const clock = el('span', { class: 'clock' }, formatClock(0, 0));
  const online = el('span', { class: 'num' }, '0');
  const trends = el('ul', { class: 'reach' });
  const phase = el('span', { class: 'phase' });
  const replay = el('div', { class: 'readout-replay', 'data-testid': 'readout-replay', hidden: true });
  const root = el(
    'section',
    { class: 'readouts', 'aria-live': 'polite', 'aria-label': 'Live read-outs' },
    el('div', { class: 'readout-main' }, clock, phase),
    replay,
    el(
      'div',
      { class: 'readout-row' },
      el('span', {}, 'tick ', tick),
      el('span', {}, 'adopters ', adopted),
      el('span', {}, 'online ', online),
    ),
    trends,
  );
  let lastTrendsKey = '';
  return {
    root,
    update(state) {
      setText(tick, String(state.tick));
      setText(clock, formatClock(state.day, state.hourUtc));
      setText(
        phase,
        state.phase === 'loading'
          ? ' · building world…'
          : state.phase === 'error'
            ? ' · stopped'
            : state.playing
              ? ''
              : ' · paused',
      );
      replay.hidden = state.replayTick === null;
      if (state.replayTick !== null)
        setText(replay, `The canvas replays ${clockAfter(state.replayTick)} (tick ${state.replayTick})`);
      const summary = state.summary;
      setText(adopted, String(summary ? totalAdopters(summary.trends) : 0));
      setText(online, summary ? formatCount(summary.onlineCount) : '0');
      const n = state.world?.agentCount ?? 0;
      const items = (summary?.trends ?? []).map((t) => ({
        name: t.name,
        color: t.color,
        text: `${formatCount(t.adopters)} joined · reached ${formatPercent(n > 0 ? t.exposed / n : Number.NaN)}`,
      }));
      const key = JSON.stringify(items);
      if (key === lastTrendsKey) return;
      lastTrendsKey = key;
      replaceChildren(
        trends,
        ...items.map((t) =>
          el(
            'li',
            {},
            el('span', { class: 'swatch', style: `background:${safeCss(t.color)}`, 'aria-hidden': 'true' }),
            el('span', { class: 'trend-name' }, t.name),
            el('span', { class: 'muted' }, ` ${t.text}`),
          ),
        ),
      );
    },
  };
}
