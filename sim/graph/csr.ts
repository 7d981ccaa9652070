// Compressed sparse row graphs on typed arrays, and the builder from edge arrays. Pure data: no RNG, no I/O.

/**
 * One layer of ties, in CSR form. The neighbours of node `v` are
 * `targets[offsets[v]] … targets[offsets[v + 1] - 1]`; `offsets` has `nodeCount + 1` entries.
 * For an undirected graph every tie is stored in both directions and `inOffsets/inTargets` are the
 * same arrays as `offsets/targets`. For a directed graph `offsets/targets` list out-neighbours
 * (who v pushes to, e.g. its followers) and `inOffsets/inTargets` list in-neighbours (who pushes to v).
 * `edgeCount` counts ties once (an undirected tie once, not twice).
 */
export interface CsrGraph {
  readonly kind: 'csr';
  readonly nodeCount: number;
  readonly directed: boolean;
  readonly edgeCount: number;
  readonly offsets: Uint32Array;
  readonly targets: Uint32Array;
  readonly inOffsets: Uint32Array;
  readonly inTargets: Uint32Array;
}

/** Everyone tied to everyone (well mixed), never materialised: N² ties would not fit. */
export interface CompleteGraph {
  readonly kind: 'complete';
  readonly nodeCount: number;
}

/** Several layers of ties over the same nodes (platforms); node ids are shared across layers. */
export interface MultiplexGraph {
  readonly kind: 'multiplex';
  readonly nodeCount: number;
  readonly layers: readonly SimpleGraph[];
}

export type SimpleGraph = CsrGraph | CompleteGraph;
export type Graph = SimpleGraph | MultiplexGraph;

export interface CsrBuildOptions {
  directed: boolean;
  /** Drop repeated ties (and, for undirected graphs, u–v given twice as v–u). Default true. */
  dedupe?: boolean;
  /** Drop ties from a node to itself. Default true. */
  dropSelfLoops?: boolean;
}

/**
 * Builds a CSR graph from `edgeCount` ties `(sources[i], targets[i])` by counting sort: O(N + E)
 * time, and memory for the result plus one Uint32Array of N + 1 counters. Neighbour lists come out
 * sorted ascending, so the result does not depend on the order the ties were given in.
 */
export function csrFromEdges(
  nodeCount: number,
  sources: Uint32Array,
  targetsIn: Uint32Array,
  edgeCount: number,
  options: CsrBuildOptions,
): CsrGraph {
  const dedupe = options.dedupe ?? true;
  const dropSelfLoops = options.dropSelfLoops ?? true;
  const out = buildDirection(
    nodeCount,
    sources,
    targetsIn,
    edgeCount,
    !options.directed,
    dropSelfLoops,
    dedupe,
  );
  if (!options.directed) {
    return {
      kind: 'csr',
      nodeCount,
      directed: false,
      edgeCount: out.targets.length / 2,
      offsets: out.offsets,
      targets: out.targets,
      inOffsets: out.offsets,
      inTargets: out.targets,
    };
  }
  const inward = buildDirection(nodeCount, targetsIn, sources, edgeCount, false, dropSelfLoops, dedupe);
  return {
    kind: 'csr',
    nodeCount,
    directed: true,
    edgeCount: out.targets.length,
    offsets: out.offsets,
    targets: out.targets,
    inOffsets: inward.offsets,
    inTargets: inward.targets,
  };
}

function buildDirection(
  nodeCount: number,
  from: Uint32Array,
  to: Uint32Array,
  edgeCount: number,
  bothWays: boolean,
  dropSelfLoops: boolean,
  dedupe: boolean,
): { offsets: Uint32Array; targets: Uint32Array } {
  const offsets = new Uint32Array(nodeCount + 1);
  for (let i = 0; i < edgeCount; i++) {
    const u = from[i] as number;
    const v = to[i] as number;
    if (u >= nodeCount || v >= nodeCount)
      throw new RangeError(`edge ${i} names node ${Math.max(u, v)} of ${nodeCount}`);
    if (dropSelfLoops && u === v) continue;
    offsets[u + 1]!++;
    if (bothWays) offsets[v + 1]!++;
  }
  for (let v = 0; v < nodeCount; v++) offsets[v + 1]! += offsets[v]!;
  const cursor = offsets.slice(0, nodeCount);
  const targets = new Uint32Array(offsets[nodeCount]!);
  for (let i = 0; i < edgeCount; i++) {
    const u = from[i] as number;
    const v = to[i] as number;
    if (dropSelfLoops && u === v) continue;
    targets[cursor[u]!++] = v;
    if (bothWays) targets[cursor[v]!++] = u;
  }
  for (let v = 0; v < nodeCount; v++) targets.subarray(offsets[v]!, offsets[v + 1]!).sort();
  if (!dedupe) return { offsets, targets };
  return removeRepeats(nodeCount, offsets, targets);
}

/** Compacts sorted neighbour lists in place, dropping repeats; returns trimmed views. */
function removeRepeats(
  nodeCount: number,
  offsets: Uint32Array,
  targets: Uint32Array,
): { offsets: Uint32Array; targets: Uint32Array } {
  let write = 0;
  let start = 0;
  for (let v = 0; v < nodeCount; v++) {
    const end = offsets[v + 1]!;
    offsets[v] = write;
    let previous = -1;
    for (let i = start; i < end; i++) {
      const t = targets[i]!;
      if (t !== previous) targets[write++] = t;
      previous = t;
    }
    start = end;
  }
  offsets[nodeCount] = write;
  return { offsets, targets: write === targets.length ? targets : targets.slice(0, write) };
}

/** Degree of `v` (out-degree in a directed graph). */
export function degree(graph: CsrGraph, v: number): number {
  return graph.offsets[v + 1]! - graph.offsets[v]!;
}

/** Bytes a CSR graph of `nodeCount` nodes and `storedTies` stored entries takes (both directions). */
export function csrBytes(nodeCount: number, storedTies: number, directed: boolean): number {
  const oneWay = 4 * (nodeCount + 1) + 4 * storedTies;
  return directed ? 2 * oneWay : oneWay;
}
