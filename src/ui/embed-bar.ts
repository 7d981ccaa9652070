// The embedded view's control strip: play/pause, step, reset, clock and tick, trend reach, and a link that opens the run in the full app. Reads the store and dispatches to it; never the worker.
import { safeCss } from '../render/palette.ts';
import { fullAppUrl } from '../share/embed.ts';
import type { AppState, AppStore } from '../state/store.ts';
import { el, replaceChildren, setText } from './dom.ts';
import { clockAfter, formatClock, formatPercent, totalAdopters } from './format.ts';

export interface EmbedBar {
  readonly root: HTMLElement;
  update(state: AppState): void;
}

function iconButton(text: string, testid: string, label: string, title: string): HTMLButtonElement {
  return el(
    'button',
    { type: 'button', class: 'icon', 'data-testid': testid, 'aria-label': label, title },
    text,
  );
}

/**
 * `runLink` is the share URL of the run as it is now (link.ts `shareUrl`), or null before there is a run. The
 * strip keeps the full app's test ids (`play`, `step`, `reset`, `tick`, `adopted`), so scripts drive both alike.
 */
export function createEmbedBar(store: AppStore, runLink: () => string | null): EmbedBar {
  const s = () => store.getState();
  const play = iconButton('▶', 'play', 'Play', 'Play / pause (Space)');
  play.classList.add('primary');
  const step = iconButton('›', 'step', 'Step one simulated hour', 'Step one simulated hour (→)');
  const reset = iconButton('↺', 'reset', 'Reset', 'Rebuild the world with the same seed (R)');
  play.addEventListener('click', () => s().togglePlay());
  step.addEventListener('click', () => s().step(1));
  reset.addEventListener('click', () => s().reset());

  const clock = el('span', { class: 'embed-clock' }, formatClock(0, 0));
  const tick = el('span', { 'data-testid': 'tick', class: 'num' }, '0');
  const adopted = el('span', { 'data-testid': 'adopted', class: 'num' }, '0');
  const trends = el('ul', { class: 'embed-trends', 'aria-label': 'Reach per trend' });
  // Opened from the page's own URL (the embed code's #s=… run) until the world is ready; then it follows the run.
  const open = el(
    'a',
    {
      class: 'embed-open',
      'data-testid': 'open-full',
      href: fullAppUrl(window.location.href),
      target: '_blank',
      rel: 'noopener',
      title: 'Open this run (same preset, parameters, seed and tick) in the full app, in a new tab',
      'aria-label': 'Open in Hallyu Lab',
    },
    // The short label stands in for the long one in a narrow frame (embed.css).
    el('span', { class: 'embed-open-long' }, 'Open in Hallyu Lab'),
    el('span', { class: 'embed-open-short' }, 'Open'),
    ' ↗',
  );
  const root = el(
    'div',
    { class: 'embed-bar', role: 'group', 'aria-label': 'Run controls' },
    el('div', { class: 'embed-buttons' }, play, step, reset),
    el(
      'div',
      { class: 'embed-readout', 'aria-live': 'polite' },
      clock,
      el('span', { class: 'muted embed-tick' }, ' · tick ', tick),
      el('span', { class: 'muted embed-adopted' }, ' · adopters ', adopted),
    ),
    trends,
    open,
  );

  let linkKey: readonly unknown[] = [];
  let trendsKey = '';
  return {
    root,
    update(state) {
      setText(play, state.playing ? '❚❚' : '▶');
      play.setAttribute('aria-label', state.playing ? 'Pause' : 'Play');
      play.setAttribute('aria-pressed', String(state.playing));
      for (const b of [play, step]) b.disabled = state.phase !== 'ready';
      // A replay (← and L work here too) has no timeline in the strip: the clock says which hour the canvas shows.
      setText(
        clock,
        state.replayTick === null
          ? formatClock(state.day, state.hourUtc)
          : `Replay · ${clockAfter(state.replayTick)}`,
      );
      setText(tick, String(state.tick));
      const summary = state.summary;
      setText(adopted, String(summary ? totalAdopters(summary.trends) : 0));

      const n = state.world?.agentCount ?? 0;
      const items = (summary?.trends ?? []).map((t) => ({
        name: t.name,
        color: safeCss(t.color),
        reach: formatPercent(n > 0 ? t.exposed / n : Number.NaN, 0),
      }));
      const nextTrends = JSON.stringify(items);
      if (nextTrends !== trendsKey) {
        trendsKey = nextTrends;
        replaceChildren(
          trends,
          ...items.map((t) =>
            el(
              'li',
              { title: `${t.name}: reached ${t.reach} of everyone` },
              el('span', { class: 'swatch glow', style: `background:${t.color}`, 'aria-hidden': 'true' }),
              el('span', { class: 'trend-name' }, t.name),
              el('span', { class: 'reach-share' }, t.reach),
            ),
          ),
        );
      }

      // Encoding a link is cheap but not free: only when the run, its tick or the replayed hour changed.
      const nextLink = [
        state.phase,
        state.presetId,
        state.scenario,
        state.seed,
        state.tick,
        state.replayTick,
      ];
      if (state.phase === 'ready' && nextLink.some((v, i) => v !== linkKey[i])) {
        linkKey = nextLink;
        const link = runLink();
        if (link) open.href = fullAppUrl(link);
      }
    },
  };
}
