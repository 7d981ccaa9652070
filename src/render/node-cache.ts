// The agent dots drawn through a cached render texture: the Pixi side of cache-plan.ts (builds in steps, per-frame patches of changed dots). Reads particles; never changes the model.
import {
  Container,
  type IParticle,
  Particle,
  ParticleContainer,
  type Renderer,
  RenderTexture,
  Texture,
} from 'pixi.js';
import { type CacheAction, chunkRanges, clearColorOf, createCachePlan, NODE_CACHE } from './cache-plan.ts';

/**
 * Why: in software WebGL every tiny particle quad costs ~0.5–2 µs of rasterisation, so 100k dots take ~50 ms or
 * more of GPU time per frame, and Chromium's software compositor waits for it on the main thread (a synchronous
 * ReadPixels at commit). Dots are static in position and only a few change colour per frame, so they are drawn
 * once into a texture at screen resolution (in steps of NODE_CACHE.chunk dots, one step per animation frame, so
 * no single frame waits long), and each later frame only redraws a budget of the dots whose colour changed. The
 * static decor under the dots (region frames, sampled ties) is drawn into the same texture. The texture is shown
 * through a one-particle ParticleContainer: its shader fills a screen ~5× faster in SwiftShader than the batched
 * Sprite shader.
 */
export interface NodeCache {
  /** Put this in the scene where the dots go: it holds either the cached texture or the decor and chunks drawn directly. */
  readonly root: Container;
  /** These agents' particle colours changed: patch them into the texture over the next frames. */
  markChanged(agents: readonly number[]): void;
  /** Every particle's colour changed, or the decor's content did: rebuild the texture, step by step. */
  invalidateAll(): void;
  /** Particle scales changed (static property): re-upload and rebuild. */
  invalidateScale(): void;
  /** The scene background (0xrrggbb): the texture is opaque, so the quad showing it needs no blending. */
  setBackground(rgb: number): void;
  /** The camera's screen pixels per layout unit (zoom × device resolution). */
  setZoom(pixelsPerUnit: number): void;
  /** Called once per animation frame before rendering: at most one build step and one patch. True when the screen changed. */
  prepare(renderer: Renderer): boolean;
  /** True when the dots on screen show every change so far (no build step or patch waiting). */
  readonly idle: boolean;
  destroy(): void;
}

/** Static containers drawn under the dots (layout units, identity transform); the cache owns neither. */
export interface NodeDecor {
  readonly under: Container;
  /** `under`'s content split into parts cheap enough to draw in one frame each (identity transforms). */
  underSteps(): readonly Container[];
}

interface Target {
  readonly texture: RenderTexture;
  /** What is drawn into it, one entry per build step (fixed when the build starts). */
  readonly steps: readonly Container[];
}

/**
 * Wraps `particles` (agent i = particles[i], positions in layout units inside `width × height`) drawn with `dot`.
 * A texture maps the layout rectangle 1:1 in layout units, at the plan's resolution in texels per unit.
 */
export function createNodeCache(
  particles: readonly IParticle[],
  dot: Texture,
  width: number,
  height: number,
  decor: NodeDecor,
): NodeCache {
  const root = new Container({ label: 'nodes' });
  const plan = createCachePlan(width, height);
  const chunks = chunkRanges(particles.length, NODE_CACHE.chunk).map(([start, end]) => {
    const chunk = new ParticleContainer({
      label: 'node-chunk',
      texture: dot,
      dynamicProperties: { position: false, vertex: false, rotation: false, uvs: false, color: true },
    });
    chunk.particleChildren.push(...particles.slice(start, end));
    chunk.update();
    return chunk;
  });
  const patch = new ParticleContainer({
    label: 'node-patch',
    texture: dot,
    dynamicProperties: { position: true, vertex: true, rotation: false, uvs: false, color: true },
  });
  const patchPool: Particle[] = [];
  const display = new ParticleContainer({
    label: 'node-texture',
    texture: Texture.EMPTY,
    dynamicProperties: { position: false, vertex: false, rotation: false, uvs: false, color: false },
  });
  const quad = new Particle({ texture: Texture.EMPTY });
  display.particleChildren.push(quad);
  // Opaque texture: copying it costs less than blending it, by a third or so in software GL.
  display.blendMode = 'none';
  let clearColor = clearColorOf(0);
  const targets = new Map<number, Target>();
  let shownId = -1;

  const setDirect = (direct: boolean) => {
    root.removeChildren();
    if (direct) root.addChild(decor.under, ...chunks);
    else root.addChild(display);
  };

  const drawPatch = (renderer: Renderer, agents: readonly number[], into: readonly Target[]) => {
    while (patchPool.length < agents.length)
      patchPool.push(new Particle({ texture: dot, anchorX: 0.5, anchorY: 0.5 }));
    patch.particleChildren.length = 0;
    agents.forEach((agent, i) => {
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
    for (const target of into) renderer.render({ container: patch, target: target.texture, clear: false });
  };

  /** Carries out one action; true when it changed what is on screen. */
  const run = (renderer: Renderer, action: CacheAction): boolean => {
    switch (action.kind) {
      case 'mode':
        setDirect(action.direct);
        return true;
      case 'create': {
        const texture = RenderTexture.create({
          width,
          height,
          resolution: action.resolution,
          antialias: false,
        });
        targets.set(action.target, { texture, steps: [...decor.underSteps(), ...chunks] });
        return false;
      }
      case 'draw': {
        const target = targets.get(action.target)!;
        // (Pixi skips invisible containers.)
        renderer.render({
          container: target.steps[action.step]!,
          target: target.texture,
          clear: action.clear,
          clearColor,
        });
        return action.target === shownId;
      }
      case 'show': {
        const texture = targets.get(action.target)!.texture;
        shownId = action.target;
        display.texture = texture;
        quad.texture = texture;
        display.update();
        return true;
      }
      case 'destroy':
        targets.get(action.target)?.texture.destroy(true);
        targets.delete(action.target);
        return false;
      case 'patch':
        drawPatch(
          renderer,
          action.agents,
          action.targets.map((id) => targets.get(id)!),
        );
        return true;
    }
  };

  setDirect(false);

  return {
    root,
    markChanged: (agents) => plan.markChanged(agents),
    invalidateAll: () => plan.invalidateAll(),
    setBackground(rgb) {
      const next = clearColorOf(rgb);
      if (next.every((c, i) => c === clearColor[i])) return;
      clearColor = next;
      plan.invalidateAll();
    },
    invalidateScale() {
      for (const chunk of chunks) chunk.update();
      plan.invalidateAll();
    },
    setZoom: (pixelsPerUnit) => plan.setZoom(pixelsPerUnit),
    get idle() {
      return plan.idle;
    },
    prepare(renderer) {
      let drew = false;
      for (const action of plan.nextFrame(decor.underSteps().length + chunks.length))
        if (run(renderer, action)) drew = true;
      return drew;
    },
    destroy() {
      for (const target of targets.values()) target.texture.destroy(true);
      targets.clear();
      for (const chunk of chunks) chunk.destroy({ children: true });
      patch.destroy({ children: true });
      root.removeChildren();
      display.destroy();
      root.destroy();
    },
  };
}
