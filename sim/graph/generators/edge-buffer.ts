// Growable tie buffers and the direct CSR fill the generators share. Pure data: no RNG, no I/O.
import type { CsrGraph } from '../csr.ts';

/**
 * Ties collected as two parallel Uint32Arrays: tie `i` is `(from[i], to[i])` for `i < count`.
 * Grows by doubling, so a generator that sizes it from the expected tie count rarely copies.
 */
export class EdgeBuffer {
  from: Uint32Array;
  to: Uint32Array;
  count = 0;

  constructor(capacity: number) {
    const size = Math.max(16, Math.ceil(capacity));
    this.from = new Uint32Array(size);
    this.to = new Uint32Array(size);
  }

  push(u: number, v: number): void {
    if (this.count === this.from.length) this.grow();
    this.from[this.count] = u;
    this.to[this.count] = v;
    this.count++;
  }

  private grow(): void {
    const size = this.from.length * 2;
    const from = new Uint32Array(size);
    const to = new Uint32Array(size);
    from.set(this.from);
    to.set(this.to);
    this.from = from;
    this.to = to;
  }
}

/**
 * Capacity for a Binomial(pairs, p) tie count: the mean plus six standard deviations, so a
 * buffer sized with it almost never has to grow (and still works if it does).
 */
export function expectedCapacity(pairs: number, p: number): number {
  const mean = pairs * p;
  return Math.ceil(mean + 6 * Math.sqrt(mean * (1 - p)) + 16);
}

/** Capacity for a tie count with mean `mean` and variance at most the mean (sums of Bernoullis). */
export function capacityForMean(mean: number): number {
  return Math.ceil(mean + 6 * Math.sqrt(mean) + 16);
}

/**
 * Builds an undirected CSR graph straight from ties `(high[i], low[i])` with `low[i] < high[i]`, given
 * grouped by `high` in ascending order (each arriving node's ties to older nodes, node after node).
 * No self-loops and no repeated ties may be present. Because every node first receives its own
 * ties to older nodes and then, in arrival order, the ties of younger nodes, each neighbour list is
 * already sorted except for its first run (the node's own ties, in draw order), which is
 * insertion-sorted here. O(N + E) and no sort of whole lists: this is what makes BA and ER fast.
 */
export function csrFromArrivalOrderedTies(
  nodeCount: number,
  high: Uint32Array,
  low: Uint32Array,
  edgeCount: number,
): CsrGraph {
  const offsets = new Uint32Array(nodeCount + 1);
  for (let i = 0; i < edgeCount; i++) {
    offsets[high[i]! + 1]!++;
    offsets[low[i]! + 1]!++;
  }
  for (let v = 0; v < nodeCount; v++) offsets[v + 1]! += offsets[v]!;
  const cursor = offsets.slice(0, nodeCount);
  const targets = new Uint32Array(offsets[nodeCount]!);
  let runNode = -1;
  for (let i = 0; i < edgeCount; i++) {
    const u = high[i]!;
    const w = low[i]!;
    if (u !== runNode) {
      if (runNode >= 0) sortRun(targets, offsets[runNode]!, cursor[runNode]!);
      runNode = u;
    }
    targets[cursor[u]!++] = w;
    targets[cursor[w]!++] = u;
  }
  if (runNode >= 0) sortRun(targets, offsets[runNode]!, cursor[runNode]!);
  return {
    kind: 'csr',
    nodeCount,
    directed: false,
    edgeCount,
    offsets,
    targets,
    inOffsets: offsets,
    inTargets: targets,
  };
}

/** Insertion sort of `values[start..end)`: runs are short (m or so) and often already sorted. */
function sortRun(values: Uint32Array, start: number, end: number): void {
  for (let i = start + 1; i < end; i++) {
    const value = values[i]!;
    let j = i - 1;
    while (j >= start && values[j]! > value) {
      values[j + 1] = values[j]!;
      j--;
    }
    values[j + 1] = value;
  }
}

/** An empty undirected graph of `nodeCount` nodes. */
export function emptyGraph(nodeCount: number): CsrGraph {
  const offsets = new Uint32Array(nodeCount + 1);
  const targets = new Uint32Array(0);
  return {
    kind: 'csr',
    nodeCount,
    directed: false,
    edgeCount: 0,
    offsets,
    targets,
    inOffsets: offsets,
    inTargets: targets,
  };
}
