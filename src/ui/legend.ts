// The legend: what node colours mean in the current colour mode, and the trend colours adopters light up in; it folds to one line. Reads the store only.

import type { FitInsets } from '../render/fit-plan.ts';
import { categorical, fandomColor, NEUTRAL, safeCss, toHex } from '../render/palette.ts';
import type { AppState } from '../state/store.ts';
import { el, replaceChildren } from './dom.ts';

export interface Legend {
  readonly root: HTMLElement;
  update(state: AppState): void;
  /**
   * Makes room for the world on `canvas`, whose top `topCovered` CSS pixels other overlays cover: unless the user
   * opened or folded the legend, it is open when the world fitted beside it keeps OPEN_LEGEND_SHARE of the size it
   * has beside the folded one (`zoomBetween` gives the fitted zoom between insets), and folded otherwise. Returns the
   * pixels along the canvas's bottom it covers, with a small gap (0 while hidden).
   */
  makeRoom(canvas: HTMLElement, topCovered: number, zoomBetween: (insets: FitInsets) => number): number;
  /** Called after the user opened or folded the legend (the world can be fitted again). */
  onUserToggle(listener: () => void): void;
}

/**
 * The open legend stays open on its own while the world fitted beside it keeps this share of its size beside the
 * folded legend: on a short canvas (a 1024×768 projector) the open legend would shrink the world by a third.
 */
const OPEN_LEGEND_SHARE = 0.9;
/** CSS pixels kept free between the fitted world and the legend. */
const LEGEND_GAP = 6;

function item(color: string, label: string, glow = false): HTMLElement {
  return el(
    'li',
    {},
    el('span', {
      class: glow ? 'swatch glow' : 'swatch dim',
      style: `background:${color}`,
      'aria-hidden': 'true',
    }),
    label,
  );
}

export function createLegend(): Legend {
  const list = el('ul', { class: 'legend-list' });
  const title = el('summary', { class: 'legend-title', title: 'Show or fold the legend' }, 'Legend');
  const fold = el('details', { open: true }, title, list);
  const root = el('section', { class: 'legend', 'aria-label': 'Legend', hidden: true }, fold);
  // The user's own choice (open or folded) wins over the automatic one for the rest of the page's life.
  let userChoice: boolean | null = null;
  let key = '';
  const listeners: (() => void)[] = [];
  title.addEventListener('click', () => {
    // The click's default action toggles the panel after this handler: the choice is the state it toggles to.
    userChoice = !fold.open;
    requestAnimationFrame(() => {
      for (const listener of listeners) listener();
    });
  });
  /** Pixels of `canvas` from the legend's top down, plus a gap (a hidden legend, display none, has no parent box). */
  const coveredBelow = (canvas: HTMLElement) =>
    root.hidden || root.offsetParent === null
      ? 0
      : Math.max(0, canvas.getBoundingClientRect().bottom - root.getBoundingClientRect().top + LEGEND_GAP);
  return {
    root,
    makeRoom(canvas, topCovered, zoomBetween) {
      if (userChoice === null) {
        // Measured folded and open: the world is the show, the legend gives way when it would cost the world much.
        fold.open = false;
        const besideFolded = zoomBetween({ top: topCovered, bottom: coveredBelow(canvas) });
        fold.open = true;
        const besideOpen = zoomBetween({ top: topCovered, bottom: coveredBelow(canvas) });
        fold.open = besideOpen >= OPEN_LEGEND_SHARE * besideFolded;
      }
      return coveredBelow(canvas);
    },
    onUserToggle(listener) {
      listeners.push(listener);
    },
    update(state) {
      const world = state.world;
      root.hidden = !world;
      if (!world) return;
      const trends =
        state.summary?.trends.map((t) => ({ name: t.name, color: safeCss(t.color) })) ??
        world.trendNames.map((name, i) => ({ name, color: safeCss(world.trendColors[i] ?? '') }));
      const next = JSON.stringify([
        state.colourBy,
        state.layer,
        world.regionNames,
        world.fandomNames,
        world.platformNames,
        trends,
      ]);
      if (next === key) return;
      key = next;
      const base =
        state.colourBy === 'fandom'
          ? [
              item(toHex(NEUTRAL), 'no fandom'),
              ...world.fandomNames.map((name, f) => item(toHex(fandomColor(f + 1)), name)),
            ]
          : state.colourBy === 'region'
            ? world.regionNames.map((name, r) => item(toHex(categorical(r)), name))
            : [
                item(toHex(NEUTRAL), 'no platform'),
                ...world.platformNames.map((name, p) => item(toHex(categorical(p)), name)),
              ];
      const dotsBy = state.colourBy === 'platform' ? 'their first platform' : state.colourBy;
      const layer = state.layer;
      const ties =
        layer === 'none'
          ? null
          : `lines: ties on ${layer === 'all' ? 'every platform' : (world.platformNames[layer] ?? 'a platform')} (a sample)`;
      replaceChildren(
        list,
        el('li', { class: 'legend-head' }, `dots: agents by ${dotsBy}`),
        ...base,
        el('li', { class: 'legend-head' }, 'lit up: joined a trend'),
        ...trends.map((t) => item(t.color, t.name, true)),
        ...(ties ? [el('li', { class: 'legend-head' }, ties)] : []),
      );
    },
  };
}
