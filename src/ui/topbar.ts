// The top bar: play/pause, step, speed, reset, seed, new seed, view switches and share/export buttons. Dispatches to the store and the given actions only.
import {
  type AppState,
  type AppStore,
  COLOUR_BY,
  type ColourBy,
  type LayerShown,
  SPEED_RANGE,
  THEMES,
  type Theme,
} from '../state/store.ts';
import { el, setText } from './dom.ts';
import { createSharePanel } from './share-panel.ts';

/** What the share and export buttons call (app-level modules; the top bar only reports the click). */
export interface TopBarActions {
  /** Puts the run in the page URL and returns that link for the share panel (null: nothing to share yet). */
  share(): string | null;
  exportCsv(): void;
  exportJson(): void;
  exportPng(): void;
  exportCascades(): void;
  openHelp(): void;
}

export interface TopBar {
  readonly root: HTMLElement;
  /** Colour / ties / theme switches, shown over the canvas (top right). */
  readonly viewRoot: HTMLElement;
  update(state: AppState): void;
}

function button(
  label: string,
  testid: string,
  title: string,
  onClick: () => void,
  extra: Record<string, string> = {},
): HTMLButtonElement {
  const b = el('button', { type: 'button', 'data-testid': testid, title, ...extra }, label);
  b.addEventListener('click', onClick);
  return b;
}

function select<T extends string>(
  label: string,
  id: string,
  options: readonly { value: T; text: string }[],
  onChange: (value: T) => void,
): { wrap: HTMLLabelElement; input: HTMLSelectElement } {
  const input = el('select', { id, 'data-testid': id });
  for (const o of options) input.append(el('option', { value: o.value }, o.text));
  // A choice made with the pointer hands the focus back to the page, as a clicked button does (keys.ts), so Space
  // and the other shortcuts answer next; a choice made with the keyboard keeps the focus for the next arrow key.
  let byPointer = false;
  input.addEventListener('pointerdown', () => {
    byPointer = true;
  });
  input.addEventListener('keydown', () => {
    byPointer = false;
  });
  input.addEventListener('change', () => {
    onChange(input.value as T);
    if (byPointer) input.blur();
  });
  return { wrap: el('label', { class: 'field-inline' }, el('span', {}, label), input), input };
}

export function createTopBar(store: AppStore, actions: TopBarActions): TopBar {
  const s = () => store.getState();
  const play = button('▶ Play', 'play', 'Play / pause (Space)', () => s().togglePlay(), {
    'aria-pressed': 'false',
    class: 'primary play',
  });
  const step = button('Step ›', 'step', 'Advance one simulated hour (→)', () => s().step(1));
  const reset = button('↺ Reset', 'reset', 'Rebuild the world with the same seed (R)', () => s().reset());
  const newSeed = button('New seed', 'new-seed', 'Rebuild with a fresh random seed (N)', () => s().newSeed());

  const speed = el('input', {
    type: 'range',
    'data-testid': 'speed',
    id: 'speed',
    min: SPEED_RANGE.min,
    max: SPEED_RANGE.max,
    step: 1,
    value: SPEED_RANGE.initial,
    'aria-label': 'Speed in simulated hours per second',
  });
  const speedText = el('output', { for: 'speed', class: 'speed-text' });
  speed.addEventListener('input', () => s().setSpeed(Number(speed.value)));

  const seed = el('input', {
    type: 'text',
    'data-testid': 'seed',
    id: 'seed',
    spellcheck: 'false',
    autocomplete: 'off',
    'aria-label': 'Seed',
    size: 10,
  });
  const commitSeed = () => {
    if (seed.value.trim() !== '' && seed.value.trim() !== s().seed) s().setSeed(seed.value);
    // The box then shows the seed in force: a blank box, or a seed the store refused (with its notice), is undone.
    seed.value = s().seed;
  };
  seed.addEventListener('change', commitSeed);
  seed.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') {
      commitSeed();
      seed.blur();
    }
  });

  const colour = select<ColourBy>(
    'Colour',
    'colour-by',
    COLOUR_BY.map((c) => ({ value: c, text: `by ${c}` })),
    (v) => s().setColourBy(v),
  );
  // Options say what they are even where the labels are hidden (a phone): "no ties", "dark theme".
  const layer = select<string>('Ties', 'layer', [{ value: 'none', text: 'no ties' }], (v) =>
    s().setLayer(v === 'none' || v === 'all' ? (v as LayerShown) : Number(v)),
  );
  const theme = select<Theme>(
    'Theme',
    'theme',
    THEMES.map((t) => ({ value: t, text: `${t} theme` })),
    (v) => s().setTheme(v),
  );

  const sharePanel = createSharePanel();
  const share = button(
    'Share',
    'share',
    'Copy a link that reopens this run (preset, parameters, seed, tick), or code to embed it in a web page',
    () => {
      const link = actions.share();
      if (link) sharePanel.show(link, share);
    },
  );
  const csv = button(
    'CSV',
    'export-csv',
    'Download the time series (CSV, with the seed, preset and scenario)',
    actions.exportCsv,
  );
  const json = button(
    'JSON',
    'export-json',
    'Download the summary (JSON, with the seed)',
    actions.exportJson,
  );
  const cascades = button(
    'Cascades',
    'export-cascades',
    'Download every adoption as a cascade-tree edge: who, when, from whom, where (CSV, with the seed)',
    actions.exportCascades,
  );
  const png = button('PNG', 'export-png', 'Download a picture of the canvas', actions.exportPng);
  const help = button('?', 'help', 'Keyboard shortcuts and help (?)', actions.openHelp, {
    'aria-label': 'Help',
  });

  const root = el(
    'header',
    { class: 'topbar' },
    el(
      'div',
      { class: 'brand' },
      el('span', { class: 'logo', 'aria-hidden': 'true' }, '◎'),
      el('span', {}, 'Hallyu Lab'),
    ),
    el(
      'div',
      { class: 'group transport', role: 'group', 'aria-label': 'Run controls' },
      play,
      step,
      el('label', { class: 'field-inline speed' }, el('span', {}, 'Speed'), speed, speedText),
      reset,
    ),
    el(
      'div',
      { class: 'group seed', role: 'group', 'aria-label': 'Seed' },
      el('label', { class: 'field-inline' }, el('span', {}, 'Seed'), seed),
      newSeed,
    ),
    el(
      'div',
      { class: 'group out', role: 'group', 'aria-label': 'Share and export' },
      share,
      csv,
      cascades,
      json,
      png,
      help,
    ),
    sharePanel.root,
  );

  const viewRoot = el(
    'div',
    { class: 'view-bar', role: 'group', 'aria-label': 'View' },
    colour.wrap,
    layer.wrap,
    theme.wrap,
  );
  let layerKey = '';
  return {
    root,
    viewRoot,
    update(state) {
      setText(play, state.playing ? '❚❚ Pause' : '▶ Play');
      play.setAttribute('aria-pressed', String(state.playing));
      if (document.activeElement !== speed) speed.value = String(state.speed);
      setText(speedText, `${state.speed} h/s`);
      if (document.activeElement !== seed) seed.value = state.seed;
      colour.input.value = state.colourBy;
      theme.input.value = state.theme;
      const platforms = state.world?.platformNames ?? [];
      const key = platforms.join('\u0000');
      if (key !== layerKey) {
        layerKey = key;
        layer.input.replaceChildren(
          el('option', { value: 'none' }, 'no ties'),
          ...platforms.map((name, p) => el('option', { value: String(p) }, `${name} ties`)),
          el('option', { value: 'all' }, 'ties on all platforms'),
        );
      }
      layer.input.value = String(state.layer);
      // Until the world is built there is nothing to play, step or export as cascades.
      for (const b of [play, step, cascades]) b.disabled = state.phase !== 'ready';
    },
  };
}
