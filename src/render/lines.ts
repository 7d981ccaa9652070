// Line drawing for the scene: sampled ties and fading cascade lines as 'line-list' meshes with a flat-colour shader. Reads typed arrays; never changes the model.
import { Container, GlProgram, Mesh, MeshGeometry, Shader } from 'pixi.js';
import { type CascadeTrail, forEachLiveLine, TRAIL } from './cascade-trail.ts';
import { onTheme, type Theme } from './palette.ts';

/**
 * A flat-colour shader for lines: the mesh's tint and alpha (Pixi's premultiplied `uColor`), no texture lookup.
 * Pixi's default mesh shader samples a texture per fragment, which software WebGL pays for on every pixel of
 * every long cascade line.
 */
let flatLineShader: Shader | null = null;
function lineShader(): Shader {
  flatLineShader ??= new Shader({
    glProgram: GlProgram.from({
      name: 'flat-line',
      vertex: `in vec2 aPosition;
uniform mat3 uProjectionMatrix;
uniform mat3 uWorldTransformMatrix;
uniform mat3 uTransformMatrix;
void main() {
  mat3 mvp = uProjectionMatrix * uWorldTransformMatrix * uTransformMatrix;
  gl_Position = vec4((mvp * vec3(aPosition, 1.0)).xy, 0.0, 1.0);
}`,
      fragment: `uniform vec4 uColor;
uniform vec4 uWorldColorAlpha;
void main() {
  gl_FragColor = uColor * uWorldColorAlpha;
}`,
    }),
    resources: {},
  });
  return flatLineShader;
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
  const mesh = new Mesh({ geometry, shader: lineShader() });
  mesh.tint = color;
  mesh.alpha = alpha;
  return mesh;
}

/** Replaces the children of `layer`, destroying the old meshes and their geometry (Mesh.destroy keeps the geometry's GPU buffers). */
function resetLayer(layer: Container): void {
  for (const child of layer.removeChildren()) {
    const meshes = child instanceof Mesh ? [child] : child.children.filter((c) => c instanceof Mesh);
    const geometries = meshes.map((m) => m.geometry);
    child.destroy({ children: true });
    for (const geometry of geometries) geometry.destroy(true);
  }
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
