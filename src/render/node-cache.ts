// The agent dots drawn through a cached render texture: full redraws spread over frames in chunks, per-frame patches for changed agents only. Reads particles; never changes the model.
import { Container, Particle, ParticleContainer, type Renderer, RenderTexture, Texture } from 'pixi.js';

/**
 * Why: in software WebGL every tiny particle quad costs ~2 µs of rasterisation, so 100k dots take ~200 ms of GPU
 * time per frame, and Chromium's software compositor waits for it on the main thread (a synchronous ReadPixels
 * at commit). Dots are static in position and only a few change colour per frame, so they are drawn once into
 * a texture the size of the screen (in CHUNK-sized batches, one batch per animation frame, so no single frame
 * waits long), and each later frame only redraws the dots whose colour changed on top of it. The static decor
 * (region frames and sampled ties under the dots, region names over them) is drawn into the same texture. The texture is shown through a one-particle
 * ParticleContainer: its shader fills a screen ~5× faster in SwiftShader than the batched Sprite shader.
 */
export const NODE_CACHE = {
  /** Particles per chunk: one chunk is drawn per animation frame while the texture is (re)built (~20 ms here). */
  chunk: 4_000,
  /** Most changed dots patched in one frame; more than that rebuilds the whole texture instead. */
  patch: 4_096,
  /** Longest side of the cache texture in pixels; zoomed in further, the dots are drawn directly (few are on screen). */
  maxSide: 4_096,
  /** A zoom that changes the screen pixels per layout unit by more than this factor rebuilds the texture. */
  rescale: 1.3,
} as const;

export interface NodeCache {
  /** Put this in the scene where the dots go: it holds either the cached texture or the underlay and chunks drawn directly. */
  readonly root: Container;
  /** These agents' particle colours changed: patch them into the texture next frame. */
  markChanged(agents: readonly number[]): void;
  /** Every particle's colour changed, or the decor's content did: rebuild the texture, chunk by chunk. */
  invalidateAll(): void;
  /** Particle scales changed (static property): re-upload and rebuild. */
  invalidateScale(): void;
  /** The scene background (0xrrggbb): the texture is opaque, so the quad showing it needs no blending. */
  setBackground(rgb: number): void;
  /** The camera's screen pixels per layout unit (zoom × device resolution). */
  setZoom(pixelsPerUnit: number): void;
  /** Called once per animation frame before rendering: does at most one chunk and the pending patch. True when the screen changed. */
  prepare(renderer: Renderer): boolean;
  destroy(): void;
}

interface Target {
  readonly texture: RenderTexture;
  readonly resolution: number;
  /**
   * What is drawn, one entry per animation frame: the decor's under steps, the chunks, then `decor.over`. The
   * texture is cleared before step 0.
   */
  readonly steps: readonly Container[];
  nextStep: number;
}

/** Static containers drawn with the dots (layout units, identity transform); the cache owns neither. */
export interface NodeDecor {
  readonly under: Container;
  /** `under`'s content split into parts cheap enough to draw in one frame each (identity transforms). */
  underSteps(): readonly Container[];
  readonly over: Container;
}

/**
 * Wraps `particles` (agent i = particles[i], positions in layout units inside `width × height`) drawn with `dot`.
 * The texture maps the layout rectangle 1:1 in layout units, at `resolution` texels per unit.
 */
export function createNodeCache(
  particles: readonly Particle[],
  dot: Texture,
  width: number,
  height: number,
  decor: NodeDecor,
): NodeCache {
  const root = new Container({ label: 'nodes' });
  const chunks: ParticleContainer[] = [];
  for (let start = 0; start < particles.length; start += NODE_CACHE.chunk) {
    const chunk = new ParticleContainer({
      texture: dot,
      dynamicProperties: { position: false, vertex: false, rotation: false, uvs: false, color: true },
    });
    chunk.particleChildren.push(...particles.slice(start, start + NODE_CACHE.chunk));
    chunk.update();
    chunks.push(chunk);
  }
  const patch = new ParticleContainer({
    texture: dot,
    dynamicProperties: { position: true, vertex: true, rotation: false, uvs: false, color: true },
  });
  const patchPool: Particle[] = [];
  const display = new ParticleContainer({
    texture: Texture.EMPTY,
    dynamicProperties: { position: false, vertex: false, rotation: false, uvs: false, color: false },
  });
  const quad = new Particle({ texture: Texture.EMPTY });
  display.particleChildren.push(quad);
  // Opaque texture: copying it costs less than blending it, by a third or so in software GL.
  display.blendMode = 'none';
  let clearColor: [number, number, number, number] = [0, 0, 0, 1];
  const showTexture = (texture: Texture) => {
    display.texture = texture;
    quad.texture = texture;
    display.update();
  };
  let shown: Target | null = null;
  let building: Target | null = null;
  let direct = false;
  let pixelsPerUnit = 1;
  const changed = new Set<number>();

  const cap = NODE_CACHE.maxSide / Math.max(width, height, 1);
  const wantDirect = () => pixelsPerUnit > cap;

  const startBuild = () => {
    if (building) {
      // An unfinished texture on screen is replaced by the new one, which fills in the same way.
      if (building === shown) shown = null;
      building.texture.destroy(true);
    }
    const resolution = Math.min(cap, Math.max(0.05, pixelsPerUnit));
    const texture = RenderTexture.create({ width, height, resolution, antialias: false });
    building = { texture, resolution, steps: [...decor.underSteps(), ...chunks, decor.over], nextStep: 0 };
    // The first texture is shown while it fills, so dots appear within a few frames of a new world.
    if (!shown) {
      shown = building;
      showTexture(texture);
    }
  };

  const showDirect = (on: boolean) => {
    direct = on;
    root.removeChildren();
    if (on) root.addChild(decor.under, ...chunks, decor.over);
    else root.addChild(display);
  };

  const drawPatch = (renderer: Renderer, targets: Target[]) => {
    const agents = [...changed];
    changed.clear();
    for (let from = 0; from < agents.length; from += NODE_CACHE.patch) {
      const part = agents.slice(from, from + NODE_CACHE.patch);
      while (patchPool.length < part.length)
        patchPool.push(new Particle({ texture: dot, anchorX: 0.5, anchorY: 0.5 }));
      patch.particleChildren.length = 0;
      part.forEach((agent, i) => {
        const source = particles[agent]!;
        const p = patchPool[i]!;
        p.x = source.x;
        p.y = source.y;
        p.scaleX = source.scaleX;
        p.scaleY = source.scaleY;
        p.color = source.color;
        patch.particleChildren.push(p);
      });
      patch.update();
      for (const target of targets)
        renderer.render({ container: patch, target: target.texture, clear: false });
    }
  };

  showDirect(false);
  startBuild();

  return {
    root,
    markChanged(agents) {
      if (direct) return;
      for (const a of agents) changed.add(a);
      // A big change is cheaper as a rebuild than as thousands of overdrawn dots.
      if (changed.size > NODE_CACHE.chunk) {
        changed.clear();
        startBuild();
      }
    },
    invalidateAll() {
      changed.clear();
      startBuild();
    },
    setBackground(rgb) {
      const next: [number, number, number, number] = [
        ((rgb >> 16) & 255) / 255,
        ((rgb >> 8) & 255) / 255,
        (rgb & 255) / 255,
        1,
      ];
      if (next.every((c, i) => c === clearColor[i])) return;
      clearColor = next;
      startBuild();
    },
    invalidateScale() {
      for (const chunk of chunks) chunk.update();
      changed.clear();
      startBuild();
    },
    setZoom(next) {
      pixelsPerUnit = next;
      if (wantDirect() !== direct) {
        showDirect(wantDirect());
        if (!direct) startBuild();
        return;
      }
      const current = building ?? shown;
      if (!direct && current) {
        const ratio = Math.min(cap, next) / current.resolution;
        if (ratio > NODE_CACHE.rescale || ratio < 1 / NODE_CACHE.rescale) startBuild();
      }
    },
    prepare(renderer) {
      if (direct) {
        changed.clear();
        return false;
      }
      let drew = false;
      if (building) {
        const target = building;
        const step = target.nextStep;
        // (Pixi skips invisible containers; the scene hides region names only when zoomed in, i.e. drawn directly.)
        renderer.render({
          container: target.steps[step]!,
          target: target.texture,
          clear: step === 0,
          clearColor,
        });
        target.nextStep++;
        drew = target === shown;
        if (target.nextStep >= target.steps.length) {
          if (shown && shown !== target) shown.texture.destroy(true);
          shown = target;
          showTexture(target.texture);
          building = null;
          drew = true;
        }
      }
      if (changed.size > 0) {
        // Into the shown texture and the one being built (its undrawn chunks will overdraw with the same colour).
        const targets = [shown, building].filter(
          (t, i, all): t is Target => t !== null && all.indexOf(t) === i,
        );
        drawPatch(renderer, targets);
        drew = true;
      }
      return drew;
    },
    destroy() {
      if (building && building !== shown) building.texture.destroy(true);
      shown?.texture.destroy(true);
      for (const chunk of chunks) chunk.destroy({ children: true });
      patch.destroy({ children: true });
      root.removeChildren();
      display.destroy();
      root.destroy();
    },
  };
}
