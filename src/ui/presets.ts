// The preset gallery: cards with title and short explanation from the store's preset list (public/scenarios/index.json). Text via textContent only; dispatches preset loads.
import type { AppState, PresetInfo } from '../state/store.ts';
import { el, replaceChildren } from './dom.ts';

export interface Gallery {
  readonly root: HTMLElement;
  update(state: AppState): void;
}

/** One button per preset; the current preset is marked with aria-pressed. */
export function createGallery(open: (preset: PresetInfo) => void): Gallery {
  const list = el('div', { class: 'gallery', 'data-testid': 'presets', role: 'list' });
  list.append(el('p', { class: 'muted' }, 'Loading presets…'));
  const buttons = new Map<string, HTMLButtonElement>();
  let shown: readonly PresetInfo[] | null = null;
  return {
    root: list,
    update(state) {
      if (state.presets !== shown) {
        shown = state.presets;
        buttons.clear();
        if (state.presets.length > 0) {
          replaceChildren(
            list,
            ...state.presets.map((preset) => {
              const b = el(
                'button',
                {
                  type: 'button',
                  class: 'preset-card',
                  'data-preset': preset.id,
                  role: 'listitem',
                  'aria-pressed': 'false',
                },
                el('strong', {}, preset.title),
                el('span', {}, preset.description),
              );
              b.addEventListener('click', () => open(preset));
              buttons.set(preset.id, b);
              return b;
            }),
          );
        }
      }
      for (const [id, b] of buttons) {
        const active = String(id === state.presetId);
        if (b.getAttribute('aria-pressed') !== active) b.setAttribute('aria-pressed', active);
      }
    },
  };
}
