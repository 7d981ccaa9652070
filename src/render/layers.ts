// Pixi display objects for the scene: node particles, glow pool, region outlines, shader warm-up (lines are in lines.ts). Reads typed arrays; never changes the model.
import {
  Container,
  Graphics,
  type IParticle,
  Particle,
  ParticleContainer,
  type Renderer,
  RenderTexture,
  Texture,
} from 'pixi.js';
import { type GlowLook, glowLook } from './glow-motion.ts';
import { lineMesh } from './lines.ts';
import type { Theme } from './palette.ts';

/** Texture side in pixels; nodes are scaled from it to the layout's node spacing. */
const DOT_PX = 32;

/** A white disc with a soft 1-px rim (tinted per particle), and a radial glow for new adopters. */
export function makeTextures(): { dot: Texture; glow: Texture } {
  const dotCanvas = document.createElement('canvas');
  dotCanvas.width = DOT_PX;
  dotCanvas.height = DOT_PX;
  const d = dotCanvas.getContext('2d')!;
  d.fillStyle = '#fff';
  d.beginPath();
  d.arc(DOT_PX / 2, DOT_PX / 2, DOT_PX / 2 - 1, 0, Math.PI * 2);
  d.fill();
  const glowCanvas = document.createElement('canvas');
  glowCanvas.width = DOT_PX * 2;
  glowCanvas.height = DOT_PX * 2;
  const g = glowCanvas.getContext('2d')!;
  const gradient = g.createRadialGradient(DOT_PX, DOT_PX, 0, DOT_PX, DOT_PX, DOT_PX);
  gradient.addColorStop(0, 'rgba(255,255,255,1)');
  gradient.addColorStop(0.35, 'rgba(255,255,255,0.55)');
  gradient.addColorStop(1, 'rgba(255,255,255,0)');
  g.fillStyle = gradient;
  g.fillRect(0, 0, DOT_PX * 2, DOT_PX * 2);
  return { dot: Texture.from(dotCanvas), glow: Texture.from(glowCanvas) };
}

/**
 * An agent's dot as the node cache's particle containers read it: plain fields, set once. Pixi's own Particle copies
 * its options through a generic assign and keeps alpha and tint apart from the colour; for 1M agents that was 0.6 s
 * of the main thread and most of a second of garbage collection when the world arrived. `color` is ABGR (palette.ts
 * toParticleColor), written directly.
 */
export class AgentDot implements IParticle {
  color = 0xffffffff;
  constructor(
    public x: number,
    public y: number,
    /** Both scales: dots are round. */
    public scale: number,
    public texture: Texture,
  ) {}
  // Shared by every dot, so on the prototype: the fewer own fields, the less a million dots cost to allocate and collect.
  get scaleX(): number {
    return this.scale;
  }
  get scaleY(): number {
    return this.scale;
  }
  get anchorX(): number {
    return 0.5;
  }
  get anchorY(): number {
    return 0.5;
  }
  get rotation(): number {
    return 0;
  }
}

/**
 * One particle per agent, agent i = particles[i], positions and scale in layout units. They are drawn through
 * node-cache.ts (a cached texture patched per frame), not as one live ParticleContainer.
 */
export function makeNodeParticles(
  dot: Texture,
  x: Float32Array,
  y: Float32Array,
  diameter: number,
): AgentDot[] {
  const scale = diameter / DOT_PX;
  const particles: AgentDot[] = new Array(x.length);
  for (let a = 0; a < x.length; a++) particles[a] = new AgentDot(x[a]!, y[a]!, scale, dot);
  return particles;
}

/** A fixed pool of glow particles (alpha 0 when idle) so a burst of adoptions never allocates. */
export interface GlowPool {
  readonly container: ParticleContainer;
  readonly particles: Particle[];
  /** Per slot: start time (ms) and the colour (0xrrggbb) its particle is tinted with. */
  readonly born: Float64Array;
  readonly color: Uint32Array;
  /** Per slot: where its pulse starts (the parent) and ends (the adopter), layout units, x then y. */
  readonly from: Float32Array;
  readonly to: Float32Array;
  next: number;
}

/** Pool size (newest glows kept in a burst) and the bloom's size as a multiple of the node diameter. */
export const GLOW = { size: 600, scale: 3.2 } as const;

/** Idle glows have size 0 (fadeGlows sizes live ones from the node diameter each frame). */
export function makeGlowPool(glow: Texture): GlowPool {
  const container = new ParticleContainer({
    texture: glow,
    dynamicProperties: { position: true, vertex: true, rotation: false, uvs: false, color: true },
  });
  container.blendMode = 'add';
  const particles: Particle[] = [];
  for (let i = 0; i < GLOW.size; i++) {
    const p = new Particle({
      texture: glow,
      anchorX: 0.5,
      anchorY: 0.5,
      scaleX: 0,
      scaleY: 0,
      alpha: 0,
    });
    particles.push(p);
    container.particleChildren.push(p);
  }
  container.update();
  return {
    container,
    particles,
    born: new Float64Array(GLOW.size).fill(-1e9),
    // A new particle's tint is white.
    color: new Uint32Array(GLOW.size).fill(0xffffff),
    from: new Float32Array(GLOW.size * 2),
    to: new Float32Array(GLOW.size * 2),
    next: 0,
  };
}

/**
 * Starts a glow born at `born` (ms) that runs from (fromX, fromY) to (toX, toY) and blooms there (glow-motion.ts);
 * a seed passes its own position twice and a birth time past the run.
 */
export function igniteGlow(
  pool: GlowPool,
  fromX: number,
  fromY: number,
  toX: number,
  toY: number,
  rgb: number,
  born: number,
): void {
  const slot = pool.next;
  pool.next = (slot + 1) % GLOW.size;
  const p = pool.particles[slot]!;
  p.x = fromX;
  p.y = fromY;
  pool.from[slot * 2] = fromX;
  pool.from[slot * 2 + 1] = fromY;
  pool.to[slot * 2] = toX;
  pool.to[slot * 2 + 1] = toY;
  pool.born[slot] = born;
  // Tinted here, once, not while fading: Pixi's tint setter parses the colour and allocates arrays, which at 600
  // glows a frame made half of the page's garbage (a major GC every few seconds).
  if (pool.color[slot] !== rgb) {
    pool.color[slot] = rgb;
    p.tint = rgb;
  }
}

/** One reused look, so the per-frame loop allocates nothing. */
const look: GlowLook = { along: 0, alpha: 0, scale: 0 };

/** Moves and fades every glow by its age (a cheap loop over the fixed pool); returns how many changed, 0 when all are idle. */
export function fadeGlows(pool: GlowPool, now: number, baseScale: number): number {
  let changed = 0;
  for (let i = 0; i < GLOW.size; i++) {
    const p = pool.particles[i]!;
    const age = now - pool.born[i]!;
    if (!glowLook(age, look)) {
      // Zero size, not just zero alpha: an invisible quad still costs its pixels in software GL.
      if (p.alpha !== 0 || p.scaleX !== 0) {
        p.alpha = 0;
        p.scaleX = 0;
        p.scaleY = 0;
        changed++;
      }
      continue;
    }
    changed++;
    const fromX = pool.from[i * 2]!;
    const fromY = pool.from[i * 2 + 1]!;
    p.x = fromX + (pool.to[i * 2]! - fromX) * look.along;
    p.y = fromY + (pool.to[i * 2 + 1]! - fromY) * look.along;
    p.alpha = look.alpha;
    const s = baseScale * look.scale;
    p.scaleX = s;
    p.scaleY = s;
  }
  return changed;
}

/** Faint outlines of the region boxes (static; redrawn on theme change). Their names are HTML (region-labels.ts). */
export function drawRegionFrames(graphics: Graphics, boxes: Float32Array, theme: Theme): void {
  graphics.clear();
  for (let r = 0; r * 4 + 3 < boxes.length; r++) {
    const x0 = boxes[r * 4]!;
    const y0 = boxes[r * 4 + 1]!;
    graphics.roundRect(x0, y0, boxes[r * 4 + 2]! - x0, boxes[r * 4 + 3]! - y0, 14);
  }
  graphics.stroke({ width: 1, pixelLine: true, color: theme.box, alpha: 0.9 });
}

/**
 * Draws one of each kind of display object the scene uses (dots, glows, lines, outlines) into a tiny texture, so
 * their shaders compile while the world loads. Compiled lazily instead, the first tie or cascade drawn during play
 * would hold the main thread for a few hundred milliseconds in software WebGL.
 */
export function warmUpPipelines(renderer: Renderer, textures: { dot: Texture; glow: Texture }): void {
  const target = RenderTexture.create({ width: 4, height: 4 });
  const dots = new ParticleContainer({
    texture: textures.dot,
    dynamicProperties: { position: false, vertex: false, rotation: false, uvs: false, color: true },
  });
  dots.particleChildren.push(new Particle({ texture: textures.dot, scaleX: 0.05, scaleY: 0.05 }));
  const glows = makeGlowPool(textures.glow).container;
  const lines = lineMesh(new Float32Array([0, 0, 4, 4, 4, 0, 0, 4]), 0xffffff, 0.5);
  const outline = new Graphics().rect(0, 0, 3, 3).stroke({ width: 1, pixelLine: true, color: 0xffffff });
  const scene = new Container({ children: [dots, glows, outline, ...(lines ? [lines] : [])] });
  renderer.render({ container: scene, target, clear: true });
  scene.destroy({ children: true });
  target.destroy(true);
}
