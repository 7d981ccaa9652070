// Mounts the whole UI (top bar, gallery, parameters, canvas, read-outs, inspector, charts, dialogs) into a root element. Talks to the store and reads the client; never to the worker directly.
import type * as z from 'zod';
import { agentName, TIER } from '../../sim/model/world.ts';
import { worldScenarioSchema } from '../../sim/params/world.ts';
import type { EngineClient } from '../engine/client.ts';
import type { ReplicatesRunner } from '../engine/replicates-client.ts';
import { downloadBlob } from '../export/download.ts';
import { createScene } from '../render/scene.ts';
import type { Scene, SceneCallbacks } from '../render/scene-api.ts';
import type { AppState, AppStore, PresetInfo } from '../state/store.ts';
import { createBuildProgress } from './build-progress.ts';
import { createCharts } from './charts.ts';
import { createBanner, createHelp } from './dialogs.ts';
import { el, panel } from './dom.ts';
import { createEmbedBar } from './embed-bar.ts';
import { createGifRecorder } from './gif-recorder.ts';
import { cascadeLinks, createInspector } from './inspector.ts';
import { installShortcuts } from './keys.ts';
import { createLegend } from './legend.ts';
import { createFileOpener } from './open-file.ts';
import { panelFields } from './param-fields.ts';
import { createParamPanel } from './params.ts';
import { createGallery } from './presets.ts';
import { createReadouts } from './readouts.ts';
import { installReplayClock } from './replay-clock.ts';
import { createReplicatesPanel } from './replicates.ts';
import { createRunHistory } from './run-history.ts';
import { createStory } from './story.ts';
import { createTimeline } from './timeline.ts';
import { createTopBar, type TopBarActions } from './topbar.ts';
import { createTour } from './tour.ts';
import { createCascadeStats, createRegionWave } from './wave.ts';

/** What main.ts hands the UI. */
export interface AppDeps {
  readonly store: AppStore;
  readonly client: EngineClient;
  /**
   * Opens preset `id` (the preset loader: fetch, validate, `store.loadScenario`). Without it the gallery fetches
   * `scenarios/<file>` itself and calls `store.loadScenario(id, json)` (the worker still validates it).
   */
  readonly openPreset?: (id: string) => void | Promise<void>;
  /**
   * Opens a file the user picked or dropped (the preset loader: a scenario, or a CSV or JSON export). Without it the
   * Presets panel has no "Open a file" button and drops are ignored.
   */
  readonly openFile?: (file: File) => void;
  /** Runs replicates of the current scenario in a second worker; without it there is no Replicates panel. */
  readonly replicates?: ReplicatesRunner;
  /** What the share, export and help buttons do (src/share, src/export; help opens the dialog). */
  readonly actions: TopBarActions;
  /** The schema the parameter panel is generated from; default: the world scenario schema (sim/params/world.ts). */
  readonly paramSchema?: z.ZodType;
  /**
   * The embedded view (`?embed=1`, for an iframe): only the canvas and a control strip whose link opens `runLink()`
   * (the run's share URL, link.ts) in the full app. The side panels are left out of the page.
   */
  readonly embed?: { readonly runLink: () => string | null };
}

/** Returned at once; the Pixi scene initialises asynchronously (`ready`). */
export interface AppHandle {
  readonly ready: Promise<Scene>;
  /** A copy of the canvas as on screen (for PNG export); null if the scene failed to start. */
  capture(): Promise<HTMLCanvasElement | null>;
  destroy(): void;
}

/** CSS pixels a fitted world keeps between itself and the overlays on the canvas (read-outs, zoom buttons). */
const OVERLAY_GAP = 6;

const TIER_NAMES = [
  'mega influencer',
  'macro influencer',
  'micro influencer',
  'nano influencer',
  'regular',
] as const;

/** Builds the DOM, the Pixi scene and every panel, wires them to the store and client, and returns a handle. */
export function mountApp(root: HTMLElement, deps: AppDeps): AppHandle {
  const ready = mountScene(root, deps);
  return {
    ready,
    capture: () => ready.then((scene) => scene.capture()).catch(() => null),
    destroy: () => void ready.then((scene) => scene.destroy()),
  };
}

async function mountScene(root: HTMLElement, deps: AppDeps): Promise<Scene> {
  const { store, client } = deps;
  const s = () => store.getState();

  const stage = el('div', { id: 'stage', class: 'stage' });
  const hoverCard = el('div', { class: 'hover-card', hidden: true, role: 'tooltip' });
  const zoomIn = el(
    'button',
    { type: 'button', class: 'icon', 'aria-label': 'Zoom in', title: 'Zoom in (+)' },
    '+',
  );
  const zoomOut = el(
    'button',
    { type: 'button', class: 'icon', 'aria-label': 'Zoom out', title: 'Zoom out (−)' },
    '−',
  );
  const zoomFit = el(
    'button',
    { type: 'button', class: 'icon', 'aria-label': 'Fit the world', title: 'Fit (F)' },
    '⤢',
  );
  const readouts = createReadouts();
  const buildCard = createBuildProgress(store);
  const legend = createLegend();
  const embed = deps.embed ? createEmbedBar(store, deps.embed.runLink) : null;
  // Set once the Pixi scene has started (below).
  let scene: Scene | null = null;
  const gifRecorder = embed ? null : createGifRecorder(store, { scene: () => scene, save: downloadBlob });
  const timeline = embed ? null : createTimeline(store, client.series, gifRecorder ?? undefined);
  // The read-outs and the view switches share one row along the top, which wraps the switches under the read-outs
  // when the canvas is narrow (a 1024 px window, the projector theme) instead of laying one over the other.
  const stageTop = embed ? null : el('div', { class: 'stage-top' }, readouts.root);
  const zoomButtons = el('div', { class: 'zoom' }, zoomIn, zoomOut, zoomFit);
  const stageWrap = el(
    'section',
    // Focusable by script only (tabindex −1): the build card hands the focus here when it closes.
    { class: 'stage-wrap', 'aria-label': 'The social world', tabindex: -1 },
    stage,
    // The embed strip shows the tick and reach itself: a small frame has no room for the overlays.
    stageTop,
    embed ? null : legend.root,
    zoomButtons,
    hoverCard,
    timeline?.root ?? null,
    buildCard.root,
  );
  if (timeline) stageWrap.classList.add('has-timeline');
  const topBar = createTopBar(store, deps.actions);
  stageTop?.append(topBar.viewRoot);

  const openPreset = async (card: PresetInfo) => {
    if (deps.openPreset) return deps.openPreset(card.id);
    try {
      const response = await fetch(new URL(`scenarios/${card.file}`, document.baseURI));
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      s().loadScenario(card.id, (await response.json()) as Record<string, unknown>);
    } catch (error) {
      s().setNotice(`The preset "${card.title}" could not be loaded (${(error as Error).message}).`);
    }
  };
  const gallery = createGallery((card) => void openPreset(card));
  const presetsPanel = panel('Presets', 'presets-panel');
  const openFile = deps.openFile;
  const fileOpener = openFile ? createFileOpener(openFile) : null;
  if (fileOpener) presetsPanel.body.append(fileOpener.root);
  presetsPanel.body.append(gallery.root);
  const paramsPanel = panel('Parameters', 'params-panel', false);
  const params = createParamPanel(store, panelFields(deps.paramSchema ?? worldScenarioSchema));
  paramsPanel.body.append(params.root);

  const inspector = createInspector(store);
  const charts = createCharts();
  const wave = createRegionWave();
  const cascades = createCascadeStats();
  // The tour points at the full page's parts: the embedded view has none of them.
  const tour = embed ? null : createTour();
  const story = createStory(
    store,
    deps.paramSchema ?? worldScenarioSchema,
    tour ? () => tour.start() : undefined,
  );
  const storyPanel = panel('About this scenario', 'story-panel');
  storyPanel.body.append(story.root);
  const chartsPanel = panel('Charts', 'charts-panel');
  chartsPanel.body.append(charts.root);
  const wavePanel = panel('Region wave', 'wave-panel');
  wavePanel.body.append(wave.root);
  const cascadePanel = panel('Cascades', 'cascade-panel');
  cascadePanel.body.append(cascades.root);
  const history = createRunHistory(client, store, deps.paramSchema ?? worldScenarioSchema);
  const replicates = deps.replicates
    ? createReplicatesPanel(store, deps.replicates, history.previousSettings)
    : null;
  const replicatesPanel = panel('Replicates: how much is luck?', 'replicates-panel', false);
  if (replicates) replicatesPanel.body.append(replicates.root);

  const banner = createBanner(store);
  const help = createHelp(store, tour ? () => tour.start() : undefined, embed !== null);
  root.replaceChildren(
    el(
      'div',
      { class: 'app' },
      topBar.root,
      banner.root,
      el(
        'main',
        { class: 'layout' },
        el(
          'aside',
          { class: 'side side-left', 'aria-label': 'Presets and parameters' },
          presetsPanel.root,
          paramsPanel.root,
        ),
        stageWrap,
        el(
          'aside',
          { class: 'side side-right', 'aria-label': 'Inspector and charts' },
          inspector.root,
          storyPanel.root,
          chartsPanel.root,
          wavePanel.root,
          cascadePanel.root,
          replicates ? replicatesPanel.root : null,
        ),
      ),
      help.root,
      fileOpener?.overlay,
      tour?.root,
    ),
  );
  // The panels built above stay out of the embedded page (and its summaries skip them, below); the page's own
  // styles (height, scrolling) key on data-embed (styles/embed.css).
  if (embed) {
    document.documentElement.dataset.embed = '';
    root.replaceChildren(el('div', { class: 'app embed' }, banner.root, stageWrap, embed.root, help.root));
  }

  const sceneCallbacks: SceneCallbacks = {
    makeRoomForFit(zoomBetween) {
      // The read-outs and view switches along the top (a small gap below them); none in the embedded view. The legend
      // along the bottom folds if the world would shrink too far beside it.
      const canvas = stage.getBoundingClientRect();
      const top = stageTop ? stageTop.getBoundingClientRect().bottom - canvas.top + OVERLAY_GAP : 0;
      // The zoom buttons' block in the bottom-right corner (with the same gap): a world as wide as a narrow canvas
      // moves above or left of it (fit-plan.ts).
      const buttons = zoomButtons.getBoundingClientRect();
      const corner =
        buttons.width > 0
          ? {
              width: canvas.right - buttons.left + OVERLAY_GAP,
              height: canvas.bottom - buttons.top + OVERLAY_GAP,
            }
          : undefined;
      return { top, bottom: legend.makeRoom(stage, top, zoomBetween), corner };
    },
    onHover(agent, x, y) {
      const world = client.world();
      if (agent < 0 || !world) {
        hoverCard.hidden = true;
        return;
      }
      const adopted = client.latestFrame()?.lastAdopted[agent] ?? 0;
      const trendName =
        adopted > 0
          ? (s().summary?.trends[adopted - 1]?.name ?? world.trendNames[adopted - 1] ?? `trend ${adopted}`)
          : null;
      const platforms = world.platformNames.filter((_, p) => ((world.platforms[agent] ?? 0) >> p) & 1);
      hoverCard.replaceChildren(
        el('strong', {}, `${agentName(world.tier[agent] ?? TIER.regular, agent)} #${agent}`),
        el(
          'span',
          {},
          `${world.regionNames[world.region[agent] ?? 0] ?? ''} · ${world.fandom[agent] ? (world.fandomNames[world.fandom[agent]! - 1] ?? '') : 'no fandom'}`,
        ),
        el('span', {}, TIER_NAMES[world.tier[agent] ?? 4] ?? ''),
        el('span', { class: 'muted' }, platforms.join(' · ') || 'no platform'),
        el('span', {}, trendName ? `joined ${trendName}` : 'has not joined a trend'),
      );
      hoverCard.hidden = false;
      const wide = stage.clientWidth;
      hoverCard.style.left = `${Math.min(x + 14, wide - 220)}px`;
      hoverCard.style.top = `${y + 14}px`;
    },
    onSelect: (agent) => {
      s().selectAgent(agent);
      // On a phone the inspector sits below the canvas and the charts: bring it into view, or a tap seems to do nothing.
      if (agent !== null)
        requestAnimationFrame(() => {
          const box = inspector.root.getBoundingClientRect();
          if (box.height > 0 && (box.top >= window.innerHeight || box.bottom <= 0))
            inspector.root.scrollIntoView({ block: 'start', behavior: 'smooth' });
        });
    },
    onViewChange(rect) {
      const world = client.world();
      if (!world || s().layer === 'none') return;
      // Zoomed in: ask for ties inside the window (denser there); zoomed out: a sample of the whole layer.
      const share = ((rect.x1 - rect.x0) * (rect.y1 - rect.y0)) / (world.layout.width * world.layout.height);
      s().requestTies(share < 0.5 ? rect : undefined);
    },
  };
  zoomIn.addEventListener('click', () => scene?.zoomBy(1.4));
  zoomOut.addEventListener('click', () => scene?.zoomBy(1 / 1.4));
  zoomFit.addEventListener('click', () => scene?.fitWorld());
  // Opening the legend on a short canvas covers the world's bottom row: the world makes room (unless the user has
  // moved the view, which refit leaves alone).
  legend.onUserToggle(() => scene?.refit());

  const unsubscribers: (() => void)[] = [buildCard.destroy];
  if (fileOpener) unsubscribers.push(fileOpener.destroy);
  unsubscribers.push(installReplayClock(store));
  const showWorld = () => {
    const world = client.world();
    if (!world || !scene) return;
    scene.setWorld(world);
    scene.setTrendColors(world.trendColors);
  };
  const refreshSummaryViews = () => {
    if (embed) return;
    const state = s();
    charts.update(client.series(), state.summary, state.world?.agentCount ?? 0, history.previousRun());
    wave.update(state.summary, state.world?.regionNames ?? []);
    cascades.update(state.summary, state.world?.regionNames ?? []);
  };
  unsubscribers.push(
    client.onReady((ready) => {
      history.recordReady(ready);
      showWorld();
    }),
  );
  unsubscribers.push(
    client.onTies((ties) => {
      const layer = s().layer;
      if (layer !== 'none' && ties.request === layer) scene?.setTies(ties);
    }),
  );
  let summaryPending = false;
  unsubscribers.push(
    client.onSummary((message) => {
      scene?.setTrendColors(message.summary.trends.map((t) => t.color));
      history.recordSummary(message);
      if (summaryPending) return;
      summaryPending = true;
      // At most one chart redraw per summary burst, in tasks of their own: inside an animation frame the redraw
      // would add to the task that also waits for the WebGL frame (software GL), making one long task of two.
      setTimeout(() => {
        summaryPending = false;
        refreshSummaryViews();
      }, 0);
    }),
  );

  let shownLayer: AppState['layer'] = s().layer;
  const render = (state: AppState) => {
    topBar.update(state);
    embed?.update(state);
    readouts.update(state);
    buildCard.update(state);
    timeline?.update(state);
    charts.showTick(state.replayTick);
    legend.update(state);
    gallery.update(state);
    params.update(state);
    inspector.update(state);
    banner.update(state);
    help.update(state);
    story.update(state);
    replicates?.update(state);
    if (document.documentElement.dataset.theme !== state.theme) {
      const themeChanged = document.documentElement.dataset.theme !== undefined;
      document.documentElement.dataset.theme = state.theme;
      charts.invalidate();
      replicates?.invalidate();
      refreshSummaryViews();
      // Another theme sizes the read-outs differently (the projector's are larger): fit the world to the room they
      // leave, once the new styles are laid out, as a resize of the canvas does (a view the user zoomed stays).
      if (themeChanged) requestAnimationFrame(() => scene?.refit());
    }
    if (!scene) return;
    scene.setColorMode(state.colourBy);
    scene.setTheme(state.theme);
    scene.setSelected(state.selectedAgent);
    scene.setSelectedCascade(
      state.inspection?.id === state.selectedAgent ? cascadeLinks(state.inspection) : [],
    );
    if (state.layer !== shownLayer) {
      shownLayer = state.layer;
      if (state.layer === 'none') scene.setTies(null);
    }
  };
  unsubscribers.push(store.subscribe((state) => render(state)));
  render(s());
  unsubscribers.push(
    installShortcuts(store, {
      fitWorld: () => scene?.fitWorld(),
      zoomBy: (f) => scene?.zoomBy(f),
      openFile: fileOpener ? () => fileOpener.choose() : undefined,
      startTour: tour ? () => tour.start() : undefined,
    }),
  );

  try {
    scene = await createScene(stage, client, sceneCallbacks);
  } catch (error) {
    s().setNotice(`The canvas could not start (WebGL unavailable?): ${(error as Error).message}`);
    throw error;
  }
  // The overlays change height as they fill (the read-outs gain a row per trend with the first summary, the view
  // switches wrap, the legend lists another colouring): the world is fitted again to the room they leave, unless the
  // user has moved the view (refit leaves that alone).
  // In the next frame, not in the observer's callback: a refit may fold or open the legend, and a size change made
  // inside the callback would be an observer loop (an error event) instead of the next frame's notification.
  const overlayWatch = new ResizeObserver(() => requestAnimationFrame(() => scene?.refit()));
  if (stageTop) overlayWatch.observe(stageTop);
  overlayWatch.observe(legend.root);
  showWorld();
  render(s());
  refreshSummaryViews();
  const ready: Scene = scene;
  const destroy = ready.destroy;
  return {
    ...ready,
    destroy() {
      overlayWatch.disconnect();
      for (const u of unsubscribers) u();
      destroy();
      root.replaceChildren();
    },
  };
}
