// The legend: what node colours mean in the current colour mode, and the trend colours adopters light up in. Reads the store only.
import { categorical, fandomColor, NEUTRAL, safeCss, toHex } from '../render/palette.ts';
import type { AppState } from '../state/store.ts';
import { el, replaceChildren } from './dom.ts';

export interface Legend {
  readonly root: HTMLElement;
  update(state: AppState): void;
}

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
  const root = el('section', { class: 'legend', 'aria-label': 'Legend', hidden: true }, list);
  let key = '';
  return {
    root,
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
