// Descriptive statistics of CSR graphs (degrees, clustering, components) for tests and CLI summaries. Pure: no RNG, no I/O.
import type { CsrGraph } from './csr.ts';

/** `histogram[k]` = number of nodes of (out-)degree k, for k = 0 … max degree. */
export function degreeHistogram(graph: CsrGraph): Float64Array {
  let maxDegree = 0;
  for (let v = 0; v < graph.nodeCount; v++)
    maxDegree = Math.max(maxDegree, graph.offsets[v + 1]! - graph.offsets[v]!);
  const histogram = new Float64Array(maxDegree + 1);
  for (let v = 0; v < graph.nodeCount; v++) histogram[graph.offsets[v + 1]! - graph.offsets[v]!]!++;
  return histogram;
}

/** Mean (out-)degree: stored tie ends per node (2E/N undirected, E/N directed). */
export function meanDegree(graph: CsrGraph): number {
  return graph.nodeCount === 0 ? 0 : graph.offsets[graph.nodeCount]! / graph.nodeCount;
}

/** Triangles through each node and in all, for an undirected graph with sorted neighbour lists. */
export interface TriangleCounts {
  /** `perNode[v]` = triangles that have v as a corner. */
  readonly perNode: Float64Array;
  readonly total: number;
}

/**
 * Counts triangles by the forward method: for each tie v < u, the common neighbours w > u of v and u,
 * found by merging their sorted lists, each triangle v < u < w counted once. O(Σ over ties of degree).
 * Undirected graphs only (CSR lists must be sorted, as csrFromEdges and the generators make them).
 */
export function countTriangles(graph: CsrGraph): TriangleCounts {
  requireUndirected(graph);
  const { offsets, targets, nodeCount } = graph;
  const perNode = new Float64Array(nodeCount);
  let total = 0;
  for (let v = 0; v < nodeCount; v++) {
    const vEnd = offsets[v + 1]!;
    for (let i = offsets[v]!; i < vEnd; i++) {
      const u = targets[i]!;
      if (u <= v) continue;
      // Merge the parts of both lists above u.
      let a = i + 1;
      let b = offsets[u]!;
      const uEnd = offsets[u + 1]!;
      while (b < uEnd && targets[b]! <= u) b++;
      while (a < vEnd && b < uEnd) {
        const x = targets[a]!;
        const y = targets[b]!;
        if (x < y) a++;
        else if (y < x) b++;
        else {
          perNode[v]!++;
          perNode[u]!++;
          perNode[x]!++;
          total++;
          a++;
          b++;
        }
      }
    }
  }
  return { perNode, total };
}

/** Global and average local clustering of an undirected graph. */
export interface Clustering {
  /** Transitivity: 3 × triangles / connected triples = Σ t_v / Σ C(k_v, 2). 0 if there are no triples. */
  readonly global: number;
  /** Mean over all nodes of t_v / C(k_v, 2), nodes of degree < 2 counting as 0 (the networkx convention). */
  readonly meanLocal: number;
  readonly triangles: number;
}

export function clustering(graph: CsrGraph): Clustering {
  const { perNode, total } = countTriangles(graph);
  let triples = 0;
  let localSum = 0;
  for (let v = 0; v < graph.nodeCount; v++) {
    const k = graph.offsets[v + 1]! - graph.offsets[v]!;
    const pairs = (k * (k - 1)) / 2;
    triples += pairs;
    if (pairs > 0) localSum += perNode[v]! / pairs;
  }
  return {
    global: triples === 0 ? 0 : (3 * total) / triples,
    meanLocal: graph.nodeCount === 0 ? 0 : localSum / graph.nodeCount,
    triangles: total,
  };
}

/**
 * Sizes of the connected components, largest first (weakly connected for a directed graph: ties are
 * followed both ways). Breadth-first search with one Uint32Array queue and one Uint8Array of marks.
 */
export function componentSizes(graph: CsrGraph): number[] {
  const { nodeCount, offsets, targets, inOffsets, inTargets, directed } = graph;
  const seen = new Uint8Array(nodeCount);
  const queue = new Uint32Array(nodeCount);
  const sizes: number[] = [];
  for (let start = 0; start < nodeCount; start++) {
    if (seen[start]) continue;
    seen[start] = 1;
    queue[0] = start;
    let head = 0;
    let tail = 1;
    while (head < tail) {
      const v = queue[head++]!;
      for (let i = offsets[v]!; i < offsets[v + 1]!; i++) {
        const u = targets[i]!;
        if (!seen[u]) {
          seen[u] = 1;
          queue[tail++] = u;
        }
      }
      if (!directed) continue;
      for (let i = inOffsets[v]!; i < inOffsets[v + 1]!; i++) {
        const u = inTargets[i]!;
        if (!seen[u]) {
          seen[u] = 1;
          queue[tail++] = u;
        }
      }
    }
    sizes.push(tail);
  }
  return sizes.sort((a, b) => b - a);
}

function requireUndirected(graph: CsrGraph): void {
  if (graph.directed) throw new RangeError('clustering is defined here for undirected graphs only');
}
