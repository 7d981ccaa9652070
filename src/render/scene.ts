// The Pixi scene: wires the camera, the static layer (node cache with region frames and ties), the dynamic layer (cascade lines, glows, rings), HTML region names and hit testing. Reads frames; never changes the model or the store.

import { Application, Container, Graphics, Rectangle } from 'pixi.js';
import type { LayoutRect, TiesMessage } from '../../sim/protocol.ts';
import { createCamera } from './camera.ts';
import { type FitInsets, zoomBetween } from './fit-plan.ts';
import { nearestAgent } from './hit-test.ts';
import { drawRegionFrames, makeTextures, warmUpPipelines } from './layers.ts';
import { drawTies } from './lines.ts';
import { type ColorMode, parseHex, THEMES, type Theme, toHex } from './palette.ts';
import { createRegionLabels } from './region-labels.ts';
import { startRenderLoop } from './render-loop.ts';
import { type FrameSource, SCENE_BUDGET, type Scene, type SceneCallbacks } from './scene-api.ts';
import { createWorldView, type Palette, type WorldView } from './scene-world.ts';
import { canvasResolution } from './software-gl.ts';

/** The selected agent's ring and cascade lines. */
const SELECTED_COLOUR = 0xffd400;
/** pixi-viewport's event types for the view moves a person makes (the others come from code: fit, clamp, animate). */
const USER_MOVES: ReadonlySet<string> = new Set(['drag', 'pinch', 'wheel', 'decelerate']);

/** A `whenDrawn` promise waiting for its tick; `settle(null)` resolves it, an error rejects it. */
interface DrawnWaiter {
  readonly tick: number;
  settle(error: Error | null): void;
}

/** Creates the Pixi application inside `host` (which must have a size) and starts the render loop. */
export async function createScene(
  host: HTMLElement,
  frames: FrameSource,
  callbacks: SceneCallbacks,
): Promise<Scene> {
  const app = new Application();
  await app.init({
    resizeTo: host,
    background: THEMES.dark.background,
    // MSAA is costly in software WebGL (SwiftShader); dots are soft-edged textures and lines are 1 px anyway.
    antialias: false,
    autoDensity: true,
    resolution: canvasResolution(),
    preference: 'webgl',
  });
  host.appendChild(app.canvas);
  app.canvas.setAttribute('aria-label', 'Map of agents clustered by region and fandom');
  app.canvas.setAttribute('role', 'img');
  const labels = createRegionLabels();
  host.appendChild(labels.root);

  const camera = createCamera(app, host);
  const viewport = camera.viewport;
  const staticLayer = new Container({ label: 'static' });
  const dynamicLayer = new Container({ label: 'dynamic' });
  viewport.addChild(staticLayer, dynamicLayer);
  const frameGraphics = new Graphics();
  const tieLayer = new Container({ label: 'ties' });
  // Region frames and ties under the dots: drawn into the node cache's texture, one part per animation frame.
  const decor = {
    under: new Container({ children: [frameGraphics, tieLayer] }),
    underSteps: () => [frameGraphics, ...tieLayer.children],
  };
  const cascadeLayer = new Container({ label: 'cascades' });
  const rings = new Graphics({ label: 'rings' });
  const textures = makeTextures();
  warmUpPipelines(app.renderer, textures);

  let palette: Palette = { theme: THEMES.dark, colorMode: 'fandom', trendColors: [] };
  let world: WorldView | null = null;
  let ties: TiesMessage | null = null;
  let selected: number | null = null;
  let selectedCascade: readonly number[] = [];
  let hovered = -1;
  let pointer: { x: number; y: number } | null = null;
  let pointerMoved = false;
  let cascadeDirty = false;
  let lastCascadeDraw = 0;
  /** The tick of the newest frame taken in (null before the first of this world). */
  let shownTick: number | null = null;
  const drawnWaiters = new Set<DrawnWaiter>();

  const theme = (): Theme => palette.theme;
  const nodeDiameter = () => (world?.baseDiameter ?? 1) * theme().nodeScale;
  const setPalette = (next: Partial<Palette>) => {
    palette = { ...palette, ...next };
    world?.recolour(palette);
    loop.invalidate();
  };

  const redrawStatic = () => {
    if (!world) return;
    drawRegionFrames(frameGraphics, world.data.layout.regionBoxes, theme());
    labels.setTheme(theme());
    redrawTies();
  };

  /**
   * Ties are static between samples, so they are drawn once, under the dots, into the node cache's texture
   * (node-cache.ts): every frame after that costs one textured quad instead of thousands of lines.
   */
  const redrawTies = () => {
    const none = new Uint32Array(0);
    if (world && ties)
      drawTies(
        tieLayer,
        world.data.x,
        world.data.y,
        ties.sources,
        ties.targets,
        SCENE_BUDGET.maxTies,
        theme(),
      );
    else drawTies(tieLayer, new Float32Array(0), new Float32Array(0), none, none, 0, theme());
    world?.nodes.invalidateAll();
    loop.invalidate();
  };

  const redrawRings = () => {
    loop.invalidate();
    rings.clear();
    if (!world) return;
    const { x, y, agentCount } = world.data;
    const r = nodeDiameter();
    const ring = (agent: number, colour: number, width: number) => {
      rings.circle(x[agent]!, y[agent]!, r * 1.6).stroke({ width: r * width, color: colour, alpha: 1 });
    };
    // The selected agent's cascade under the rings: its chain toward the seed and the agents that joined from it.
    let drawn = 0;
    for (let i = 0; i + 1 < selectedCascade.length; i += 2) {
      const from = selectedCascade[i]!;
      const to = selectedCascade[i + 1]!;
      if (from < 0 || to < 0 || from >= agentCount || to >= agentCount) continue;
      rings.moveTo(x[from]!, y[from]!).lineTo(x[to]!, y[to]!);
      drawn++;
    }
    if (drawn > 0) rings.stroke({ width: r * 0.5, color: SELECTED_COLOUR, alpha: 0.9 });
    if (hovered >= 0 && hovered !== selected) ring(hovered, theme().label, 0.25);
    if (selected !== null && selected >= 0 && selected < agentCount) ring(selected, SELECTED_COLOUR, 0.4);
  };

  const hitTest = () => {
    if (!world || !pointer || !pointerMoved) return;
    pointerMoved = false;
    const p = viewport.toWorld(pointer.x, pointer.y);
    // Within one node spacing, or 10 screen pixels when zoomed out (whichever is larger, capped by the grid cell).
    const reach = Math.max(world.data.layout.nodeSpacing, 10 / viewport.scale.x);
    const agent = nearestAgent(world.grid, p.x, p.y, reach);
    if (agent !== hovered) {
      hovered = agent;
      redrawRings();
    }
    callbacks.onHover(agent, pointer.x, pointer.y);
  };

  const placeLabels = () => labels.place(viewport.scale.x, viewport.x, viewport.y);

  /** Settles the waiters of the tick shown once the dots and lines show all of it (checked every animation frame). */
  const settleDrawnWaiters = () => {
    if (drawnWaiters.size === 0 || !world || cascadeDirty || !world.nodes.idle) return;
    for (const waiter of drawnWaiters) if (waiter.tick === shownTick) waiter.settle(null);
  };
  const rejectDrawnWaiters = (why: string) => {
    for (const waiter of drawnWaiters) waiter.settle(new Error(why));
  };

  /** One animation frame: take the newest frame, refresh cascade lines and glows, follow the pointer. */
  const update = (now: number): boolean => {
    // First, with the node cache's work of the previous animation frame done.
    settleDrawnWaiters();
    let changed = false;
    const frame = frames.takeFrame();
    if (frame && world) {
      if (world.applyFrame(frame, palette, now)) cascadeDirty = true;
      changed = true;
      shownTick = frame.tick;
      // The tick drawn (below the run's own during a replay): for scripts and tests, which cannot read the canvas.
      host.dataset.shownTick = String(frame.tick);
    }
    // Someone waits to capture this hour (a GIF export): its lines are drawn now, not when the throttle allows.
    const waited = drawnWaiters.size > 0;
    if (world && cascadeDirty && (waited || now - lastCascadeDraw >= SCENE_BUDGET.cascadeRedrawMs)) {
      world.drawCascades(cascadeLayer, palette);
      cascadeDirty = false;
      lastCascadeDraw = now;
      changed = true;
    }
    if (world?.fadeGlows(now, theme().nodeScale)) changed = true;
    hitTest();
    return changed;
  };
  // At most one step of a node-texture rebuild plus a budget of changed dots, in frames without a redraw.
  const loop = startRenderLoop(app, update, () => world?.prepare(app.renderer) ?? false);

  /**
   * After any camera change: region labels follow, and the world under a pointer that stands still has changed, so it
   * is hit-tested again next frame.
   */
  const viewChanged = () => {
    placeLabels();
    pointerMoved = true;
  };
  const onCameraMove = () => {
    viewChanged();
    loop.cameraMoved();
  };
  viewport.on('moved', onCameraMove);
  viewport.on('zoomed', onCameraMove);
  /**
   * Whether the user has dragged, pinched, wheeled or zoomed the view since the world was last fitted. A fitted view
   * is fitted again when the stage changes (a resize, another theme's read-outs); an adjusted one is left as the user
   * set it, its centre kept where it was.
   */
  let viewAdjusted = false;
  const noteUserMove = (event: { type?: string }) => {
    if (event.type !== undefined && USER_MOVES.has(event.type)) viewAdjusted = true;
  };
  viewport.on('moved', noteUserMove);
  viewport.on('zoomed', noteUserMove);
  let refitPending = false;
  let screenWidth = app.screen.width;
  let screenHeight = app.screen.height;
  app.renderer.on('resize', (width: number, height: number) => {
    loop.invalidate();
    // The viewport keeps its top-left corner on a resize; an adjusted view keeps its centre instead.
    if (viewAdjusted) viewport.moveCenter(viewport.toWorld(screenWidth / 2, screenHeight / 2));
    screenWidth = width;
    screenHeight = height;
    if (refitPending || viewAdjusted) return;
    refitPending = true;
    requestAnimationFrame(() => {
      refitPending = false;
      refit();
    });
  });

  const canvas = app.canvas;
  canvas.addEventListener('pointermove', (e) => {
    const rect = canvas.getBoundingClientRect();
    pointer = { x: e.clientX - rect.left, y: e.clientY - rect.top };
    pointerMoved = true;
  });
  canvas.addEventListener('pointerleave', () => {
    pointer = null;
    if (hovered !== -1) {
      hovered = -1;
      redrawRings();
    }
    callbacks.onHover(-1, 0, 0);
  });
  viewport.on('clicked', (e) => {
    if (!world) return;
    const reach = Math.max(world.data.layout.nodeSpacing, 12 / viewport.scale.x);
    const agent = nearestAgent(world.grid, e.world.x, e.world.y, reach);
    callbacks.onSelect(agent >= 0 ? agent : null);
  });
  const zoomSettled = () => world?.nodes.setZoom(viewport.scale.x * app.renderer.resolution);
  const reportView = () => {
    zoomSettled();
    callbacks.onViewChange?.(visibleRect());
  };
  viewport.on('moved-end', reportView);
  viewport.on('zoomed-end', reportView);

  const visibleRect = (): LayoutRect => camera.visibleRect();

  const fitWorld = () => {
    viewAdjusted = false;
    if (!world) return;
    const { width, height } = world.data.layout;
    const zoomBetweenInsets = (insets: FitInsets) =>
      zoomBetween(host.clientWidth, host.clientHeight, width, height, insets);
    camera.fit(width, height, callbacks.makeRoomForFit?.(zoomBetweenInsets));
    // Where the fitted world's layout lies on the canvas (CSS pixels: left top right bottom): for scripts and tests,
    // which cannot read the canvas.
    const topLeft = viewport.toScreen(0, 0);
    const bottomRight = viewport.toScreen(width, height);
    host.dataset.fittedWorld = [topLeft.x, topLeft.y, bottomRight.x, bottomRight.y].map(Math.round).join(' ');
    zoomSettled();
    viewChanged();
    loop.invalidate();
  };

  const refit = () => {
    if (!viewAdjusted) fitWorld();
  };

  /** The canvas as drawn now, with the region names painted on (they are HTML on screen). */
  const capture = (): HTMLCanvasElement => {
    const image = app.renderer.extract.canvas({
      target: app.stage,
      frame: new Rectangle(0, 0, app.screen.width, app.screen.height),
      clearColor: theme().background,
    }) as HTMLCanvasElement;
    const context = image.getContext('2d');
    if (context) {
      // The extract leaves the canvas outside the world's texture transparent (clearColor does not reach it): the
      // theme's background goes behind, so a slide or a GIF shows the world on its ground, not on white or holes.
      context.save();
      context.globalCompositeOperation = 'destination-over';
      context.fillStyle = toHex(theme().background);
      context.fillRect(0, 0, image.width, image.height);
      context.restore();
      labels.drawOnto(context, image.width / app.screen.width);
    }
    return image;
  };

  const whenDrawn = (tick: number, signal?: AbortSignal): Promise<void> =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) {
        reject(signal.reason);
        return;
      }
      const onAbort = () => waiter.settle(signal?.reason ?? new Error('aborted'));
      const waiter: DrawnWaiter = {
        tick,
        settle(error) {
          drawnWaiters.delete(waiter);
          signal?.removeEventListener('abort', onAbort);
          if (error) reject(error);
          else resolve();
        },
      };
      drawnWaiters.add(waiter);
      signal?.addEventListener('abort', onAbort, { once: true });
    });

  return {
    canvas,
    setWorld(data) {
      rejectDrawnWaiters('Another world was set before the hour was drawn.');
      shownTick = null;
      world?.destroy();
      staticLayer.removeChildren();
      dynamicLayer.removeChildren();
      ties = null;
      hovered = -1;
      palette = { ...palette, trendColors: data.trendColors.map(parseHex) };
      world = createWorldView(
        data,
        textures,
        decor,
        { width: host.clientWidth, height: host.clientHeight },
        theme().nodeScale,
      );
      world.drawCascades(cascadeLayer, palette);
      staticLayer.addChild(world.nodes.root);
      dynamicLayer.addChild(cascadeLayer, world.glows.container, rings);
      world.nodes.setBackground(theme().background);
      world.recolour(palette);
      labels.setRegions(data.layout.regionBoxes, data.regionNames);
      redrawStatic();
      redrawRings();
      fitWorld();
    },
    setColorMode(mode: ColorMode) {
      if (mode !== palette.colorMode) setPalette({ colorMode: mode });
    },
    setTheme(name) {
      const next = THEMES[name];
      if (next === theme()) return;
      const rescale = next.nodeScale !== theme().nodeScale;
      app.renderer.background.color = next.background;
      world?.nodes.setBackground(next.background);
      if (rescale) world?.rescale(next.nodeScale);
      setPalette({ theme: next });
      redrawStatic();
      redrawRings();
      cascadeDirty = true;
    },
    setTrendColors(colors) {
      const next = colors.map(parseHex);
      const same =
        next.length === palette.trendColors.length && next.every((c, i) => c === palette.trendColors[i]);
      if (same) return;
      setPalette({ trendColors: next });
      cascadeDirty = true;
    },
    setTies(next) {
      ties = next;
      redrawTies();
    },
    setSelected(agent) {
      if (agent === selected) return;
      selected = agent;
      redrawRings();
    },
    setSelectedCascade(links) {
      const same = links.length === selectedCascade.length && links.every((a, i) => a === selectedCascade[i]);
      if (same) return;
      selectedCascade = [...links];
      redrawRings();
    },
    visibleRect,
    fitWorld,
    refit,
    zoomBy(factor) {
      viewAdjusted = true;
      camera.zoomBy(factor);
      viewChanged();
      loop.invalidate();
      reportView();
    },
    snapshot() {
      return new Promise((resolve, reject) =>
        capture().toBlob(
          (blob) => (blob ? resolve(blob) : reject(new Error('The canvas could not be captured.'))),
          'image/png',
        ),
      );
    },
    capture,
    whenDrawn,
    framesDrawn: () => loop.framesDrawn(),
    destroy() {
      rejectDrawnWaiters('The canvas was closed.');
      labels.destroy();
      app.destroy(true, { children: true, texture: true });
    },
  };
}
