// Test helper: graph measures computed from scratch (tie shares, clustering, rank correlation) for the social-world tests. Not a test file itself.
import type { CsrGraph } from '../../../sim/graph/csr.ts';

/** Calls `visit(follower, followee)` for every follow tie of a follow layer (inOffsets/inTargets = whom u follows). */
export function forEachFollow(graph: CsrGraph, visit: (follower: number, followee: number) => void): void {
  for (let u = 0; u < graph.nodeCount; u++) {
    for (let i = graph.inOffsets[u]!; i < graph.inOffsets[u + 1]!; i++) visit(u, graph.inTargets[i]!);
  }
}

/**
 * Share of ties whose two ends have the same label, and the share expected under random mixing with the same
 * marginals: Σ_x (share of tie sources labelled x) × (share of tie targets labelled x). `include` filters ties.
 */
export function assortativity(
  graph: CsrGraph,
  label: ArrayLike<number>,
  include: (u: number, v: number) => boolean = () => true,
): { observed: number; baseline: number; ties: number } {
  const sources = new Map<number, number>();
  const targets = new Map<number, number>();
  let same = 0;
  let ties = 0;
  forEachFollow(graph, (u, v) => {
    if (!include(u, v)) return;
    ties++;
    if (label[u] === label[v]) same++;
    sources.set(label[u]!, (sources.get(label[u]!) ?? 0) + 1);
    targets.set(label[v]!, (targets.get(label[v]!) ?? 0) + 1);
  });
  let baseline = 0;
  for (const [x, n] of sources) baseline += (n / ties) * ((targets.get(x) ?? 0) / ties);
  return { observed: same / ties, baseline, ties };
}

/** Mean local clustering coefficient over nodes of degree ≥ 2 of an undirected CSR graph (exact triangle count). */
export function meanClustering(graph: CsrGraph): number {
  const mark = new Int32Array(graph.nodeCount).fill(-1);
  let sum = 0;
  let counted = 0;
  for (let v = 0; v < graph.nodeCount; v++) {
    const from = graph.offsets[v]!;
    const to = graph.offsets[v + 1]!;
    const d = to - from;
    if (d < 2) continue;
    for (let i = from; i < to; i++) mark[graph.targets[i]!] = v;
    let links = 0;
    for (let i = from; i < to; i++) {
      const w = graph.targets[i]!;
      for (let j = graph.offsets[w]!; j < graph.offsets[w + 1]!; j++)
        if (mark[graph.targets[j]!] === v) links++;
    }
    sum += links / (d * (d - 1)); // each triangle edge seen from both ends: links = 2 × edges among neighbours
    counted++;
  }
  return sum / counted;
}

/** Ranks with ties averaged (1-based), for Spearman's correlation. */
function ranks(values: readonly number[]): number[] {
  const order = values.map((_, i) => i).sort((a, b) => values[a]! - values[b]!);
  const rank = new Array<number>(values.length);
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j + 1 < order.length && values[order[j + 1]!] === values[order[i]!]) j++;
    for (let k = i; k <= j; k++) rank[order[k]!] = (i + j) / 2 + 1;
    i = j + 1;
  }
  return rank;
}

/** Spearman rank correlation of two equally long samples. */
export function spearman(x: readonly number[], y: readonly number[]): number {
  const rx = ranks(x);
  const ry = ranks(y);
  const mean = (rx.length + 1) / 2;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < rx.length; i++) {
    const dx = rx[i]! - mean;
    const dy = ry[i]! - mean;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return sxy / Math.sqrt(sxx * syy);
}

/** True when `graph` has the follow tie u → v (binary search: lists are ascending). */
export function follows(graph: CsrGraph, u: number, v: number): boolean {
  let lo = graph.inOffsets[u]!;
  let hi = graph.inOffsets[u + 1]!;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const t = graph.inTargets[mid]!;
    if (t === v) return true;
    if (t < v) lo = mid + 1;
    else hi = mid;
  }
  return false;
}
