// The Pixi scene: static layer (region frames, sampled ties, nodes) and dynamic layer (cascade lines, glows, rings), camera and hit testing. Reads frames; never changes the model or the store.

import { Application, Container, Graphics, type Particle, Rectangle, type Text } from 'pixi.js';
import type { FrameMessage, LayoutRect, ReadyMessage, TiesMessage } from '../../sim/protocol.ts';
import { createCamera } from './camera.ts';
import { clearTrail, createTrail, pushTransmissions } from './cascade-trail.ts';
import { buildHitGrid, type HitGrid, nearestAgent } from './hit-test.ts';
import {
  drawCascades,
  drawRegionFrames,
  drawTies,
  fadeGlows,
  GLOW,
  type GlowPool,
  igniteGlow,
  makeGlowPool,
  makeNodeParticles,
  makeTextures,
} from './layers.ts';
import { createNodeCache, type NodeCache } from './node-cache.ts';
import {
  baseColor,
  type ColorMode,
  onTheme,
  parseHex,
  THEMES,
  type Theme,
  toParticleColor,
  updateTints,
} from './palette.ts';
import { type FrameSource, SCENE_BUDGET, type Scene, type SceneCallbacks } from './scene-api.ts';

interface WorldState {
  readonly data: ReadyMessage;
  readonly particles: Particle[];
  readonly nodes: NodeCache;
  readonly glows: GlowPool;
  readonly grid: HitGrid;
  readonly baseColors: Uint32Array;
  readonly tints: Uint32Array;
  readonly labels: Text[];
  previous: Uint8Array | null;
  tick: number;
}

/**
 * True when WebGL is rasterised on the CPU (SwiftShader, llvmpipe): there every pixel drawn costs the main thread,
 * which waits for the frame at commit, so the canvas is drawn at a lower resolution and scaled up.
 */
function isSoftwareGl(): boolean {
  const gl = document.createElement('canvas').getContext('webgl2');
  if (!gl) return false;
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  const name = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
  gl.getExtension('WEBGL_lose_context')?.loseContext();
  return /swiftshader|llvmpipe|softpipe|software/i.test(name);
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
    resolution: isSoftwareGl() ? SCENE_BUDGET.softwareResolution : Math.min(2, window.devicePixelRatio || 1),
    preference: 'webgl',
  });
  host.appendChild(app.canvas);
  app.canvas.setAttribute('aria-label', 'Map of agents clustered by region and fandom');
  app.canvas.setAttribute('role', 'img');

  const camera = createCamera(app, host);
  const viewport = camera.viewport;

  const staticLayer = new Container({ label: 'static' });
  const dynamicLayer = new Container({ label: 'dynamic' });
  viewport.addChild(staticLayer, dynamicLayer);
  const frameGraphics = new Graphics();
  const tieLayer = new Container({ label: 'ties' });
  const labelLayer = new Container();
  // Region frames and ties under the dots, region names over them: drawn into the node cache's texture.
  const decor = {
    under: new Container({ children: [frameGraphics, tieLayer] }),
    underSteps: () => [frameGraphics, ...tieLayer.children],
    over: labelLayer,
  };
  const cascadeLayer = new Container({ label: 'cascades' });
  const rings = new Graphics();
  const textures = makeTextures();
  const trail = createTrail();

  let theme: Theme = THEMES.dark;
  let colorMode: ColorMode = 'fandom';
  let trendColors: number[] = [];
  let world: WorldState | null = null;
  let ties: TiesMessage | null = null;
  let selected: number | null = null;
  let hovered = -1;
  let pointer: { x: number; y: number } | null = null;
  let pointerMoved = false;
  let cascadeDirty = false;
  let lastCascadeDraw = 0;
  let drawn = 0;
  let needsRender = true;
  let cameraMoved = false;
  let lastRender = 0;

  /**
   * Node size in layout units: 0.8 of the spacing, but never under SCENE_BUDGET.minNodePx screen pixels at the
   * fitted zoom, so 100k agents read as filled clusters instead of vanishing sub-pixel dots.
   */
  let baseDiameter = 1;
  const nodeDiameter = () => baseDiameter * theme.nodeScale;
  const computeDiameter = (data: ReadyMessage) => {
    const fitScale =
      Math.min(host.clientWidth / data.layout.width, host.clientHeight / data.layout.height) || 1;
    return Math.max(data.layout.nodeSpacing * 0.8, SCENE_BUDGET.minNodePx / fitScale);
  };

  const recolourAll = () => {
    needsRender = true;
    if (!world) return;
    const { data, baseColors, particles, tints } = world;
    for (let a = 0; a < data.agentCount; a++)
      baseColors[a] = toParticleColor(baseColor(colorMode, data, a, theme));
    const current = world.previous ?? new Uint8Array(data.agentCount);
    updateTints(tints, current, null, baseColors, themedTrendColors());
    for (let a = 0; a < data.agentCount; a++) particles[a]!.color = tints[a]!;
    world.nodes.invalidateAll();
  };
  const themedTrendColors = () => trendColors.map((c) => onTheme(c, theme));

  const redrawStatic = () => {
    if (!world) return;
    for (const label of world.labels) label.destroy();
    labelLayer.removeChildren();
    const labels = drawRegionFrames(
      frameGraphics,
      world.data.layout.regionBoxes,
      world.data.regionNames,
      theme,
      22,
    );
    labelLayer.addChild(...labels);
    world.labels.splice(0, world.labels.length, ...labels);
    redrawTies();
  };

  /**
   * Ties are static between samples, so they are drawn once, under the dots, into the node cache's texture
   * (node-cache.ts): every frame after that costs one textured quad instead of thousands of lines.
   */
  const redrawTies = () => {
    needsRender = true;
    if (world && ties)
      drawTies(tieLayer, world.data.x, world.data.y, ties.sources, ties.targets, SCENE_BUDGET.maxTies, theme);
    else
      drawTies(
        tieLayer,
        new Float32Array(0),
        new Float32Array(0),
        new Uint32Array(0),
        new Uint32Array(0),
        0,
        theme,
      );
    world?.nodes.invalidateAll();
  };

  const redrawRings = () => {
    needsRender = true;
    rings.clear();
    if (!world) return;
    const r = nodeDiameter();
    const ring = (agent: number, colour: number, width: number) => {
      rings
        .circle(world!.data.x[agent]!, world!.data.y[agent]!, r * 1.6)
        .stroke({ width: r * width, color: colour, alpha: 1 });
    };
    if (hovered >= 0 && hovered !== selected) ring(hovered, theme.label, 0.25);
    if (selected !== null && selected >= 0 && selected < world.data.agentCount) ring(selected, 0xffd400, 0.4);
  };

  const applyFrame = (frame: FrameMessage, now: number) => {
    if (!world || frame.lastAdopted.length !== world.data.agentCount) return;
    const colours = themedTrendColors();
    const changed = updateTints(world.tints, frame.lastAdopted, world.previous, world.baseColors, colours);
    for (const a of changed) world.particles[a]!.color = world.tints[a]!;
    world.nodes.markChanged(changed);
    if (frame.tick < world.tick) clearTrail(trail);
    world.previous = frame.lastAdopted;
    world.tick = frame.tick;
    const added = pushTransmissions(
      trail,
      frame.tick,
      frame.transmissionCount,
      frame.parent,
      frame.child,
      frame.trend,
    );
    if (added > 0 || changed.length > 0) cascadeDirty = true;
    // A glow for each new adoption, newest last so a burst keeps its freshest GLOW.size glows.
    const first = Math.max(0, frame.transmissionCount - GLOW.size);
    for (let i = first; i < frame.transmissionCount; i++) {
      const c = frame.child[i]!;
      igniteGlow(world.glows, world.data.x[c]!, world.data.y[c]!, colours[frame.trend[i]!] ?? 0xffffff, now);
    }
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

  // Render on demand: Pixi's own per-tick render is replaced by one that runs only when something changed (a
  // frame arrived, glows are fading, the camera moved, …), so a paused world costs no GPU time.
  app.ticker.remove(app.render, app);
  app.ticker.add(() => {
    const now = performance.now();
    const frame = frames.takeFrame();
    if (frame) {
      applyFrame(frame, now);
      needsRender = true;
    }
    // At most one chunk of a node-texture rebuild plus the changed dots, so no frame waits long on the GPU.
    if (world?.nodes.prepare(app.renderer)) needsRender = true;
    if (world && cascadeDirty && now - lastCascadeDraw >= SCENE_BUDGET.cascadeRedrawMs) {
      drawCascades(cascadeLayer, trail, world.tick, world.data.x, world.data.y, themedTrendColors(), theme);
      cascadeDirty = false;
      lastCascadeDraw = now;
      needsRender = true;
    }
    if (world && fadeGlows(world.glows, now, (nodeDiameter() * GLOW.scale) / 64) > 0) needsRender = true;
    hitTest();
    const showLabels = viewport.scale.x < 6;
    if (labelLayer.visible !== showLabels) {
      labelLayer.visible = showLabels;
      needsRender = true;
    }
    if (!needsRender) return;
    // Streaming frames and fading glows redraw at most every animationFrameMs; camera moves redraw at once, so
    // panning stays fluid while the engine worker keeps more of the CPU it shares with software WebGL.
    if (!cameraMoved && now - lastRender < SCENE_BUDGET.animationFrameMs) return;
    needsRender = false;
    cameraMoved = false;
    lastRender = now;
    app.render();
    drawn++;
  });
  const invalidate = () => {
    needsRender = true;
  };
  const cameraInvalidate = () => {
    needsRender = true;
    cameraMoved = true;
  };
  viewport.on('moved', cameraInvalidate);
  viewport.on('zoomed', cameraInvalidate);
  // Keep the whole world in view when the stage changes size (window resize, theme with wider panels, phone rotation).
  let refitPending = false;
  app.renderer.on('resize', () => {
    invalidate();
    if (refitPending) return;
    refitPending = true;
    requestAnimationFrame(() => {
      refitPending = false;
      fitWorld();
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
    if (!world) return;
    camera.fit(world.data.layout.width, world.data.layout.height);
    zoomSettled();
    needsRender = true;
  };

  return {
    canvas,
    setWorld(data) {
      if (world) {
        world.nodes.destroy();
        world.glows.container.destroy({ children: true });
      }
      staticLayer.removeChildren();
      dynamicLayer.removeChildren();
      clearTrail(trail);
      drawCascades(cascadeLayer, trail, 0, data.x, data.y, [], theme);
      ties = null;
      hovered = -1;
      trendColors = data.trendColors.map(parseHex);
      const spacing = data.layout.nodeSpacing;
      baseDiameter = computeDiameter(data);
      const particles = makeNodeParticles(textures.dot, data.x, data.y, nodeDiameter());
      const nodes = createNodeCache(particles, textures.dot, data.layout.width, data.layout.height, decor);
      nodes.setBackground(theme.background);
      const glows = makeGlowPool(textures.glow);
      world = {
        data,
        particles,
        nodes,
        glows,
        grid: buildHitGrid(data.x, data.y, data.layout.width, data.layout.height, Math.max(spacing * 2, 4)),
        baseColors: new Uint32Array(data.agentCount),
        tints: new Uint32Array(data.agentCount),
        labels: [],
        previous: null,
        tick: 0,
      };
      staticLayer.addChild(nodes.root);
      dynamicLayer.addChild(cascadeLayer, glows.container, rings);
      recolourAll();
      redrawStatic();
      redrawRings();
      fitWorld();
    },
    setColorMode(mode) {
      if (mode === colorMode) return;
      colorMode = mode;
      recolourAll();
    },
    setTheme(name) {
      const next = THEMES[name];
      if (next === theme) return;
      const rescale = next.nodeScale !== theme.nodeScale;
      theme = next;
      app.renderer.background.color = theme.background;
      world?.nodes.setBackground(theme.background);
      if (world && rescale) {
        const s = nodeDiameter() / 32;
        for (const p of world.particles) {
          p.scaleX = s;
          p.scaleY = s;
        }
        world.nodes.invalidateScale();
      }
      recolourAll();
      redrawStatic();
      redrawRings();
      cascadeDirty = true;
    },
    setTrendColors(colors) {
      const next = colors.map(parseHex);
      if (next.length === trendColors.length && next.every((c, i) => c === trendColors[i])) return;
      trendColors = next;
      recolourAll();
      cascadeDirty = true;
    },
    setTies(next) {
      ties = next;
      redrawTies();
    },
    setSelected(agent) {
      selected = agent;
      redrawRings();
    },
    visibleRect,
    fitWorld,
    zoomBy(factor) {
      camera.zoomBy(factor);
      needsRender = true;
      reportView();
    },
    snapshot() {
      app.renderer.render(app.stage);
      return new Promise((resolve, reject) =>
        canvas.toBlob(
          (blob) => (blob ? resolve(blob) : reject(new Error('The canvas could not be captured.'))),
          'image/png',
        ),
      );
    },
    capture() {
      return app.renderer.extract.canvas({
        target: app.stage,
        frame: new Rectangle(0, 0, app.screen.width, app.screen.height),
        clearColor: theme.background,
      }) as HTMLCanvasElement;
    },
    framesDrawn: () => drawn,
    destroy() {
      app.destroy(true, { children: true, texture: true });
    },
  };
}
