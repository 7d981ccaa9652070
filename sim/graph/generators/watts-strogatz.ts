// Watts–Strogatz small world: ring lattice with rewired ties. Randomness only from the injected Rng; no I/O.

import { InputError } from '../../params/errors.ts';
import type { Rng } from '../../rng.ts';
import { type CsrGraph, csrFromEdges } from '../csr.ts';
import { PairSet } from './pair-set.ts';

/**
 * Watts–Strogatz graph (Watts & Strogatz 1998), rewired as networkx does it: start from a ring where
 * node u is tied to u ± 1 … u ± k/2 (mod N); then for j = 1 … k/2 and for each u, the tie
 * (u, u + j) is rewired with probability β: its far end moves to a node drawn uniformly among all
 * nodes, drawn again while that would make a self-loop or repeat a tie. A node already tied to
 * everyone keeps its tie. The tie count stays N·k/2 exactly; undirected and simple.
 *
 * Memory: the 2 × N·k/2 tie ends, a pair hash set (PairSet, ≤ 16 × N·k bytes) and the CSR.
 */
export function wattsStrogatz(nodes: number, k: number, beta: number, rng: Rng, path = 'graph'): CsrGraph {
  if (k % 2 !== 0 || k < 2) {
    throw new InputError('scenario', [`${path}.neighbors: must be an even integer from 2 (got ${k})`]);
  }
  if (k >= nodes) {
    throw new InputError('scenario', [
      `${path}.neighbors: must be less than ${path}.nodes = ${nodes.toLocaleString('en-US')} (got ${k})`,
    ]);
  }
  const half = k / 2;
  const edgeCount = nodes * half;
  const from = new Uint32Array(edgeCount);
  const to = new Uint32Array(edgeCount);
  for (let j = 1; j <= half; j++) {
    const base = (j - 1) * nodes;
    for (let u = 0; u < nodes; u++) {
      from[base + u] = u;
      to[base + u] = (u + j) % nodes;
    }
  }
  if (beta > 0) rewire(nodes, k, beta, from, to, rng);
  return csrFromEdges(nodes, from, to, edgeCount, { directed: false });
}

function rewire(nodes: number, k: number, beta: number, from: Uint32Array, to: Uint32Array, rng: Rng): void {
  const edgeCount = from.length;
  const ties = new PairSet(2 * edgeCount);
  for (let e = 0; e < edgeCount; e++) ties.add(from[e]!, to[e]!);
  const degree = new Uint32Array(nodes).fill(k);
  for (let e = 0; e < edgeCount; e++) {
    if (rng.next() >= beta) continue;
    const u = from[e]!;
    if (degree[u]! >= nodes - 1) continue;
    let w: number;
    do w = rng.int(nodes);
    while (w === u || ties.has(u, w));
    const v = to[e]!;
    ties.delete(u, v);
    ties.add(u, w);
    degree[v]!--;
    degree[w]!++;
    to[e] = w;
  }
}
