// Pixi display objects for the scene: node particles, glow pool, tie and cascade line drawing, labels. Reads typed arrays; never changes the model.
import {
  Container,
  type Graphics,
  Mesh,
  MeshGeometry,
  Particle,
  ParticleContainer,
  type Shader,
  Text,
  Texture,
} from 'pixi.js';
import { type CascadeTrail, forEachLiveLine, TRAIL } from './cascade-trail.ts';
import { onTheme, type Theme } from './palette.ts';

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
 * One particle per agent, agent i = particles[i], positions and scale in layout units. They are drawn through
 * node-cache.ts (a cached texture patched per frame), not as one live ParticleContainer.
 */
export function makeNodeParticles(
  dot: Texture,
  x: Float32Array,
  y: Float32Array,
  diameter: number,
): Particle[] {
  const scale = diameter / DOT_PX;
  const particles: Particle[] = new Array(x.length);
  for (let a = 0; a < x.length; a++) {
    particles[a] = new Particle({
      texture: dot,
      x: x[a]!,
      y: y[a]!,
      anchorX: 0.5,
      anchorY: 0.5,
      scaleX: scale,
      scaleY: scale,
    });
  }
  return particles;
}

/** A fixed pool of glow particles (alpha 0 when idle) so a burst of adoptions never allocates. */
export interface GlowPool {
  readonly container: ParticleContainer;
  readonly particles: Particle[];
  /** Per slot: start time (ms) and colour (0xrrggbb). */
  readonly born: Float64Array;
  readonly color: Uint32Array;
  next: number;
}

export const GLOW = { size: 600, durationMs: 900, scale: 3.2 } as const;

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
    color: new Uint32Array(GLOW.size),
    next: 0,
  };
}

export function igniteGlow(pool: GlowPool, x: number, y: number, rgb: number, now: number): void {
  const slot = pool.next;
  pool.next = (slot + 1) % GLOW.size;
  const p = pool.particles[slot]!;
  p.x = x;
  p.y = y;
  pool.born[slot] = now;
  pool.color[slot] = rgb;
}

/** Fades every glow by its age (a cheap loop over the fixed pool); returns how many changed, 0 when all are idle. */
export function fadeGlows(pool: GlowPool, now: number, baseScale: number): number {
  let changed = 0;
  for (let i = 0; i < GLOW.size; i++) {
    const p = pool.particles[i]!;
    const t = (now - pool.born[i]!) / GLOW.durationMs;
    if (t >= 1) {
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
    p.tint = pool.color[i]!;
    p.alpha = (1 - t) * (1 - t);
    const s = baseScale * (0.6 + 0.8 * t);
    p.scaleX = s;
    p.scaleY = s;
  }
  return changed;
}

/**
 * Line segments as one Mesh drawn with the 'line-list' topology: one draw call and 1-pixel lines at any zoom.
 * (A Graphics path makes one shape per moveTo, i.e. thousands of draw calls: seconds per frame in software GL.)
 * `ends` has stride 4 per segment: x0, y0, x1, y1.
 */
export function lineMesh(
  ends: Float32Array,
  color: number,
  alpha: number,
): Mesh<MeshGeometry, Shader> | null {
  const vertices = ends.length / 2;
  if (vertices < 2) return null;
  const indices = new Uint32Array(vertices);
  for (let i = 0; i < vertices; i++) indices[i] = i;
  const geometry = new MeshGeometry({
    positions: ends,
    uvs: new Float32Array(vertices * 2),
    indices,
    topology: 'line-list',
  });
  const mesh = new Mesh({ geometry, texture: Texture.WHITE });
  mesh.tint = color;
  mesh.alpha = alpha;
  return mesh;
}

/** Replaces the children of `layer` (destroying the old meshes and their geometry). */
function resetLayer(layer: Container): void {
  for (const child of layer.removeChildren()) child.destroy({ children: true });
}

/** Lines per part of the tie drawing (see drawTies). */
const TIE_PART = 1_500;

/** Sampled ties of the shown layer (rebuilt only when the sample or theme changes). Returns the ties drawn. */
export function drawTies(
  layer: Container,
  x: Float32Array,
  y: Float32Array,
  sources: Uint32Array,
  targets: Uint32Array,
  maxTies: number,
  theme: Theme,
): number {
  resetLayer(layer);
  const count = Math.min(sources.length, maxTies);
  if (count === 0) return 0;
  // Evenly spread over the sample (the worker's sample is already spread; this only thins it further).
  const stride = sources.length / count;
  const ends = new Float32Array(count * 4);
  for (let i = 0; i < count; i++) {
    const k = Math.floor(i * stride);
    const s = sources[k]!;
    const t = targets[k]!;
    ends[i * 4] = x[s]!;
    ends[i * 4 + 1] = y[s]!;
    ends[i * 4 + 2] = x[t]!;
    ends[i * 4 + 3] = y[t]!;
  }
  // Parts of TIE_PART lines, each in its own container: the node cache draws one part per animation frame.
  for (let from = 0; from < count; from += TIE_PART) {
    const mesh = lineMesh(
      ends.subarray(from * 4, Math.min(count, from + TIE_PART) * 4),
      theme.tie,
      theme.tieAlpha,
    );
    if (mesh) layer.addChild(new Container({ children: [mesh] }));
  }
  return count;
}

/** The live cascade lines, one mesh per (trend, fade bucket): at most trends × 3 draw calls. */
export function drawCascades(
  layer: Container,
  trail: CascadeTrail,
  tick: number,
  x: Float32Array,
  y: Float32Array,
  trendColors: readonly number[],
  theme: Theme,
): void {
  resetLayer(layer);
  const groups = new Map<number, number[]>();
  forEachLiveLine(trail, tick, (slot, bucket) => {
    const key = trail.trend[slot]! * TRAIL.buckets.length + bucket;
    let list = groups.get(key);
    if (!list) {
      list = [];
      groups.set(key, list);
    }
    list.push(slot);
  });
  // Oldest buckets first so the newest lines draw on top.
  const keys = [...groups.keys()].sort(
    (a, b) => (b % TRAIL.buckets.length) - (a % TRAIL.buckets.length) || a - b,
  );
  for (const key of keys) {
    const trend = Math.floor(key / TRAIL.buckets.length);
    const bucket = TRAIL.buckets[key % TRAIL.buckets.length]!;
    const slots = groups.get(key)!;
    const ends = new Float32Array(slots.length * 4);
    slots.forEach((slot, i) => {
      const p = trail.parent[slot]!;
      const c = trail.child[slot]!;
      ends[i * 4] = x[p]!;
      ends[i * 4 + 1] = y[p]!;
      ends[i * 4 + 2] = x[c]!;
      ends[i * 4 + 3] = y[c]!;
    });
    const mesh = lineMesh(ends, onTheme(trendColors[trend] ?? 0xffffff, theme), bucket.alpha);
    if (mesh) layer.addChild(mesh);
  }
}

/** Region names above their boxes and faint box outlines (static; redrawn on theme change). */
export function drawRegionFrames(
  graphics: Graphics,
  boxes: Float32Array,
  names: readonly string[],
  theme: Theme,
  fontSize: number,
): Text[] {
  graphics.clear();
  const labels: Text[] = [];
  for (let r = 0; r * 4 < boxes.length; r++) {
    const x0 = boxes[r * 4]!;
    const y0 = boxes[r * 4 + 1]!;
    const w = boxes[r * 4 + 2]! - x0;
    const h = boxes[r * 4 + 3]! - y0;
    graphics.roundRect(x0, y0, w, h, 14);
    const label = new Text({
      text: names[r] ?? `Region ${r + 1}`,
      style: { fill: theme.label, fontSize, fontFamily: 'system-ui, sans-serif', fontWeight: '600' },
      resolution: 3,
    });
    label.alpha = 0.85;
    label.x = x0 + 12;
    label.y = y0 + 8;
    labels.push(label);
  }
  graphics.stroke({ width: 1, pixelLine: true, color: theme.box, alpha: 0.9 });
  return labels;
}
