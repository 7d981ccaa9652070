// Agent positions for drawing: region boxes left→right by UTC offset, fandom discs inside, sunflower packing. O(N); must not touch the DOM or Math.random.
import type { Rng } from '../rng.ts';

/** World-space size of the whole layout (16:9, like a laptop or projector screen). */
export const LAYOUT = {
  width: 1600,
  height: 760,
  /** Empty space between two region boxes, and between a box's edge and its discs. */
  boxGap: 24,
  /** Empty space between two fandom discs inside a region, in node spacings. */
  discGap: 3,
  /** Influencer tiers: 0 mega … 4 regular (sorted to the centre of their disc). */
  tierCount: 5,
  /** Random jitter of a node around its sunflower seat, as a fraction of the spacing. */
  jitter: 0.35,
} as const;

export interface LayoutInput {
  readonly agentCount: number;
  /** Per agent, region index 0..regionCount−1. */
  readonly region: Uint8Array;
  /** Per agent, fandom 0 = none else 1..fandomCount. */
  readonly fandom: Uint8Array;
  /** Per agent, influencer tier 0 (mega) … 4 (regular); lower tiers sit nearer their cluster's centre. */
  readonly tier: Uint8Array;
  readonly regionCount: number;
  readonly fandomCount: number;
  /** Hours from UTC per region; regions are laid out west→east by it so the time-zone wave reads left→right. Default: index order. */
  readonly regionUtcOffset?: ArrayLike<number>;
}

/**
 * Positions and the geometry a renderer needs for labels.
 * `regionBoxes` has stride 4 per region (x0, y0, x1, y1), indexed by region index (not by column).
 * `clusters` has stride 4 per (region, fandom) cell at `(region × (fandomCount + 1) + fandom) × 4`:
 * centre x, centre y, radius, agent count (radius 0 and count 0 for an empty cell).
 * `nodeSpacing` is the typical distance between neighbouring agents (size nodes from it).
 */
export interface Layout {
  readonly x: Float32Array;
  readonly y: Float32Array;
  readonly width: number;
  readonly height: number;
  readonly regionBoxes: Float32Array;
  readonly clusters: Float32Array;
  readonly nodeSpacing: number;
}

const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

/** Columns west→east: region indices sorted by UTC offset (stable on ties). */
export function regionColumns(regionCount: number, utcOffset?: ArrayLike<number>): number[] {
  const order = Array.from({ length: regionCount }, (_, i) => i);
  if (utcOffset) order.sort((a, b) => (utcOffset[a] ?? 0) - (utcOffset[b] ?? 0) || a - b);
  return order;
}

/**
 * Region boxes in a zig-zag of two rows (one row for ≤ 3 regions), column k centred at x = (k + 1)·W/(n + 1),
 * so neighbours in time zone are neighbours on screen. Returned per region index, stride 4.
 */
export function regionBoxes(regionCount: number, utcOffset?: ArrayLike<number>): Float32Array {
  const boxes = new Float32Array(regionCount * 4);
  const columns = regionColumns(regionCount, utcOffset);
  const rows = regionCount <= 3 ? 1 : 2;
  const { width, height, boxGap } = LAYOUT;
  const step = rows === 1 ? width / regionCount : width / (regionCount + 1);
  const boxWidth = (rows === 1 ? step : 2 * step) - boxGap;
  const boxHeight = height / rows - boxGap;
  columns.forEach((region, column) => {
    const cx = rows === 1 ? (column + 0.5) * step : (column + 1) * step;
    const cy = rows === 1 ? height / 2 : column % 2 === 0 ? height / 4 : (3 * height) / 4;
    boxes.set([cx - boxWidth / 2, cy - boxHeight / 2, cx + boxWidth / 2, cy + boxHeight / 2], region * 4);
  });
  return boxes;
}

/**
 * Packs discs of the given radii (unit: node spacings) around the origin without overlap: largest first at the
 * centre, each next one at the free spot touching a placed disc that is nearest the origin. O(F³) for F discs.
 * Returns stride-2 centres in input order; radius-0 discs sit at the origin.
 */
export function packDiscs(radii: readonly number[], gap: number): Float64Array {
  const centres = new Float64Array(radii.length * 2);
  const order = radii
    .map((r, i) => ({ r, i }))
    .filter((d) => d.r > 0)
    .sort((a, b) => b.r - a.r || a.i - b.i);
  const placed: { x: number; y: number; r: number }[] = [];
  for (const disc of order) {
    let best = { x: 0, y: 0, d: placed.length === 0 ? 0 : Number.POSITIVE_INFINITY };
    for (const p of placed) {
      for (let k = 0; k < 36; k++) {
        const angle = (k / 36) * 2 * Math.PI;
        const x = p.x + (p.r + disc.r + gap) * Math.cos(angle);
        const y = p.y + (p.r + disc.r + gap) * Math.sin(angle);
        const d = Math.hypot(x, y);
        if (d >= best.d) continue;
        // A tiny tolerance so discs that touch at exactly `gap` count as free.
        if (placed.every((q) => Math.hypot(x - q.x, y - q.y) >= q.r + disc.r + gap - 1e-9))
          best = { x, y, d };
      }
    }
    placed.push({ x: best.x, y: best.y, r: disc.r });
    centres[disc.i * 2] = best.x;
    centres[disc.i * 2 + 1] = best.y;
  }
  return centres;
}

/**
 * Lays out every agent: O(N + cells) by counting sort on (region, fandom, tier), plus an O(F³) disc packing per
 * region. Deterministic for the same input and rng state. Each (region, fandom) cluster is a disc of area ∝ its
 * size filled by a sunflower (Vogel) spiral; agents enter the spiral mega → regular, shuffled within a tier, so
 * influencers sit at the centre. One global scale keeps node density equal across regions.
 */
export function computeLayout(input: LayoutInput, rng: Rng): Layout {
  const { agentCount, region, fandom, tier, regionCount, fandomCount } = input;
  const fandomSlots = fandomCount + 1;
  const cellCount = regionCount * fandomSlots;
  const tiers = LAYOUT.tierCount;
  const keyOf = (a: number) =>
    ((region[a] ?? 0) * fandomSlots + (fandom[a] ?? 0)) * tiers + Math.min(tier[a] ?? tiers - 1, tiers - 1);

  // Counting sort by (cell, tier): bucketStart[key] is where that bucket begins in `order`.
  const bucketStart = new Uint32Array(cellCount * tiers + 1);
  for (let a = 0; a < agentCount; a++) bucketStart[keyOf(a) + 1]!++;
  for (let k = 0; k < cellCount * tiers; k++) bucketStart[k + 1]! += bucketStart[k]!;
  const fill = bucketStart.slice(0, cellCount * tiers);
  const order = new Uint32Array(agentCount);
  for (let a = 0; a < agentCount; a++) order[fill[keyOf(a)]!++] = a;
  // Shuffle within each bucket so the spiral seat does not follow the agent index.
  for (let k = 0; k < cellCount * tiers; k++) {
    const start = bucketStart[k]!;
    for (let i = bucketStart[k + 1]! - 1; i > start; i--) {
      const j = start + rng.int(i - start + 1);
      const t = order[i]!;
      order[i] = order[j]!;
      order[j] = t;
    }
  }

  // Disc arrangement per region in spacing units (disc radius = √count), then one scale for all regions.
  const boxes = regionBoxes(regionCount, input.regionUtcOffset);
  const cellCentre = new Float64Array(cellCount * 2);
  const regionExtent = new Float64Array(regionCount * 4); // min x, min y, max x, max y of the arrangement
  let scale = Number.POSITIVE_INFINITY;
  for (let r = 0; r < regionCount; r++) {
    const radii: number[] = [];
    for (let f = 0; f < fandomSlots; f++) {
      const cell = r * fandomSlots + f;
      radii.push(Math.sqrt(bucketStart[(cell + 1) * tiers]! - bucketStart[cell * tiers]!));
    }
    const centres = packDiscs(radii, LAYOUT.discGap);
    let x0 = 0;
    let y0 = 0;
    let x1 = 0;
    let y1 = 0;
    radii.forEach((rad, f) => {
      if (rad === 0) return;
      const cx = centres[f * 2]!;
      const cy = centres[f * 2 + 1]!;
      x0 = Math.min(x0, cx - rad);
      y0 = Math.min(y0, cy - rad);
      x1 = Math.max(x1, cx + rad);
      y1 = Math.max(y1, cy + rad);
      cellCentre[(r * fandomSlots + f) * 2] = cx;
      cellCentre[(r * fandomSlots + f) * 2 + 1] = cy;
    });
    regionExtent.set([x0, y0, x1, y1], r * 4);
    const boxW = boxes[r * 4 + 2]! - boxes[r * 4]! - 2 * LAYOUT.boxGap;
    const boxH = boxes[r * 4 + 3]! - boxes[r * 4 + 1]! - 2 * LAYOUT.boxGap;
    if (x1 > x0) scale = Math.min(scale, boxW / (x1 - x0), boxH / (y1 - y0));
  }
  if (!Number.isFinite(scale)) scale = 1;

  const clusters = new Float32Array(cellCount * 4);
  for (let r = 0; r < regionCount; r++) {
    const boxCx = (boxes[r * 4]! + boxes[r * 4 + 2]!) / 2;
    const boxCy = (boxes[r * 4 + 1]! + boxes[r * 4 + 3]!) / 2;
    const midX = (regionExtent[r * 4]! + regionExtent[r * 4 + 2]!) / 2;
    const midY = (regionExtent[r * 4 + 1]! + regionExtent[r * 4 + 3]!) / 2;
    for (let f = 0; f < fandomSlots; f++) {
      const cell = r * fandomSlots + f;
      const count = bucketStart[(cell + 1) * tiers]! - bucketStart[cell * tiers]!;
      if (count === 0) continue;
      clusters.set(
        [
          boxCx + (cellCentre[cell * 2]! - midX) * scale,
          boxCy + (cellCentre[cell * 2 + 1]! - midY) * scale,
          Math.sqrt(count) * scale,
          count,
        ],
        cell * 4,
      );
    }
  }

  // Sunflower seats: the k-th agent of a cluster of n sits at radius R·√((k + ½)/n), angle k·golden angle.
  const x = new Float32Array(agentCount);
  const y = new Float32Array(agentCount);
  const jitter = LAYOUT.jitter * scale;
  for (let cell = 0; cell < cellCount; cell++) {
    const start = bucketStart[cell * tiers]!;
    const n = bucketStart[(cell + 1) * tiers]! - start;
    if (n === 0) continue;
    const cx = clusters[cell * 4]!;
    const cy = clusters[cell * 4 + 1]!;
    // Shrink by one jitter so a jittered seat stays inside the disc.
    const radius = Math.max(0, clusters[cell * 4 + 2]! - jitter);
    for (let k = 0; k < n; k++) {
      const agent = order[start + k]!;
      const rho = radius * Math.sqrt((k + 0.5) / n);
      const theta = k * GOLDEN_ANGLE;
      x[agent] = cx + rho * Math.cos(theta) + (rng.next() - 0.5) * jitter;
      y[agent] = cy + rho * Math.sin(theta) + (rng.next() - 0.5) * jitter;
    }
  }
  return {
    x,
    y,
    width: LAYOUT.width,
    height: LAYOUT.height,
    regionBoxes: boxes,
    clusters,
    nodeSpacing: scale * Math.sqrt(Math.PI),
  };
}
