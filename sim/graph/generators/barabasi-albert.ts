// Barabási–Albert preferential attachment straight into CSR. Randomness only from the injected Rng; no I/O.

import type { Rng } from '../../rng.ts';
import type { CsrGraph } from '../csr.ts';

/** Marker meaning "no node": node ids stay below MAX_NODES, far from 2³² − 1. */
const NO_NODE = 0xffffffff;
/** Up to this m, repeats are found by scanning the new node's picks rather than with a marker array. */
const SCAN_LIMIT = 24;
/** About this many buckets split the CSR transpose into cache-sized pieces. */
const BUCKETS = 256;

/** Ties a BA graph of `nodes` nodes and `m` ties per new node has (the seed clique's included). */
export function barabasiAlbertEdgeCount(nodes: number, m: number): number {
  const clique = Math.min(nodes, m + 1);
  return (clique * (clique - 1)) / 2 + Math.max(0, nodes - m - 1) * m;
}

/**
 * Barabási–Albert graph: nodes arrive one at a time and each ties itself to `m` distinct older
 * nodes, chosen with probability proportional to their degree. Undirected, simple.
 *
 * Seed: nodes 0 … m form a clique (m + 1 nodes, every node of degree m), so the first arriving node
 * can find m distinct partners and no node in the pool has degree 0 (it could never be picked).
 * Clique node j counts as arriving and tying itself to 0 … j − 1. With `nodes ≤ m + 1` the result
 * is just the clique on `nodes` nodes.
 *
 * Sampling is the repeated-nodes trick: a uniformly drawn end of a uniformly drawn existing tie is
 * a node drawn with probability ∝ degree. Tie `i` (in arrival order) is stored only by its older end
 * `picks[i]`; its newer end is computed from `i` (node `clique + ⌊(i − cliqueTies) / m⌋`), which halves
 * the random memory reads that dominate the run time. Draws use the ties that existed before the new
 * node arrived; a node it already chose is drawn again.
 *
 * Memory, about 20E + 8N bytes at the peak: `picks` and the bucketed pairs (12E), the CSR (8E + 4N,
 * filled directly without a sort) and cursors (4N; markers too when m > 24). No object per node.
 * Like every CSR layer, at most 2³² − 1 tie ends (memory.ts refuses larger specs up front).
 */
export function barabasiAlbert(nodes: number, m: number, rng: Rng): CsrGraph {
  const edgeCount = barabasiAlbertEdgeCount(nodes, m);
  if (2 * edgeCount > 0xffffffff)
    throw new RangeError(`a BA graph of ${nodes} nodes and m = ${m} has too many ties for one CSR layer`);
  const clique = Math.min(nodes, m + 1);
  const cliqueTies = (clique * (clique - 1)) / 2;
  const cliqueHigh = new Uint32Array(cliqueTies);
  const picks = new Uint32Array(edgeCount);
  let count = 0;
  for (let j = 1; j < clique; j++) {
    for (let i = 0; i < j; i++) {
      cliqueHigh[count] = j;
      picks[count++] = i;
    }
  }
  // For small m, the new node's earlier picks (hot in cache) are scanned for a repeat; for large m a
  // marker per node (chosenBy[t] === v) keeps the check O(1). Both accept and reject the same draws.
  const chosenBy = m > SCAN_LIMIT ? new Uint32Array(nodes).fill(NO_NODE) : undefined;
  // The first m draws of a node are resolved together so their random reads of `picks` overlap in
  // the memory system; they are then accepted in draw order, and any repeats are replaced by further
  // draws one at a time. This consumes and accepts exactly the draws of the one-at-a-time loop.
  const drawn = new Uint32Array(m);
  const resolve = (end: number): number => {
    const tie = end >>> 1;
    if (end & 1) return picks[tie]!;
    return tie < cliqueTies ? cliqueHigh[tie]! : clique + Math.floor((tie - cliqueTies) / m);
  };
  for (let v = clique; v < nodes; v++) {
    const poolEnds = 2 * count;
    const first = count;
    for (let k = 0; k < m; k++) drawn[k] = resolve(Math.floor(rng.next() * poolEnds));
    let k = 0;
    while (count - first < m) {
      const t = k < m ? drawn[k++]! : resolve(Math.floor(rng.next() * poolEnds));
      let repeated = false;
      if (chosenBy) {
        repeated = chosenBy[t] === v;
      } else {
        for (let q = first; q < count; q++) {
          if (picks[q] === t) {
            repeated = true;
            break;
          }
        }
      }
      if (repeated) continue;
      if (chosenBy) chosenBy[t] = v;
      picks[count++] = t;
    }
  }
  return fillCsr(nodes, m, clique, picks);
}

/**
 * CSR from the picks: node v's list is its own picks (all older, insertion-sorted, at most m of them)
 * followed by the younger nodes that picked it, in arrival order and so already ascending.
 *
 * The younger parts are a transpose of `picks`, which scattered directly costs a cache miss per tie.
 * Instead the (older, younger) pairs are first split into about 256 buckets by the older node's id
 * (256 sequential write streams), then each bucket is scattered into its own small stretch of
 * `targets`, which stays in cache. Buckets are handled in node order, so offsets come out as a
 * running sum without a separate counting pass over all ties.
 */
function fillCsr(nodes: number, m: number, clique: number, picks: Uint32Array): CsrGraph {
  const tieCount = picks.length;
  const ownOf = (v: number) => (v < clique ? v : m);
  const shift = Math.max(0, Math.ceil(Math.log2(nodes / BUCKETS)));
  const bucketCount = (nodes >>> shift) + 1;
  const bucketStart = new Uint32Array(bucketCount + 1);
  for (let i = 0; i < tieCount; i++) bucketStart[(picks[i]! >>> shift) + 1]!++;
  for (let b = 0; b < bucketCount; b++) bucketStart[b + 1]! += bucketStart[b]!;
  const bucketCursor = bucketStart.slice(0, bucketCount);
  const pairOlder = new Uint32Array(tieCount);
  const pairYounger = new Uint32Array(tieCount);
  let read = 0;
  for (let v = 1; v < nodes; v++) {
    const own = ownOf(v);
    for (let k = 0; k < own; k++) {
      const t = picks[read++]!;
      const at = bucketCursor[t >>> shift]!++;
      pairOlder[at] = t;
      pairYounger[at] = v;
    }
  }

  const offsets = new Uint32Array(nodes + 1);
  const targets = new Uint32Array(2 * tieCount);
  const cursor = new Uint32Array(nodes);
  for (let b = 0; b < bucketCount; b++) {
    const lo = b << shift;
    const hi = Math.min(nodes, (b + 1) << shift);
    if (lo >= nodes) break;
    const from = bucketStart[b]!;
    const to = bucketStart[b + 1]!;
    // Count the younger ties of this bucket's nodes, then lay out their lists after the running sum.
    for (let i = from; i < to; i++) cursor[pairOlder[i]!]!++;
    let running = offsets[lo]!;
    for (let v = lo; v < hi; v++) {
      const younger = cursor[v]!;
      cursor[v] = running + ownOf(v);
      running += ownOf(v) + younger;
      offsets[v + 1] = running;
    }
    for (let i = from; i < to; i++) targets[cursor[pairOlder[i]!]!++] = pairYounger[i]!;
  }

  read = 0;
  for (let v = 1; v < nodes; v++) {
    const own = ownOf(v);
    const start = offsets[v]!;
    for (let k = 0; k < own; k++) {
      const t = picks[read++]!;
      // Insertion sort of v's own picks as they are written.
      let j = start + k - 1;
      while (j >= start && targets[j]! > t) {
        targets[j + 1] = targets[j]!;
        j--;
      }
      targets[j + 1] = t;
    }
  }
  return {
    kind: 'csr',
    nodeCount: nodes,
    directed: false,
    edgeCount: tieCount,
    offsets,
    targets,
    inOffsets: offsets,
    inTargets: targets,
  };
}
