// Erdős–Rényi G(N, p) by geometric skipping in O(N + E). Randomness only from the injected Rng; no I/O.

import { InputError } from '../../params/errors.ts';
import type { Rng } from '../../rng.ts';
import type { CsrGraph } from '../csr.ts';
import { csrFromArrivalOrderedTies, EdgeBuffer, emptyGraph, expectedCapacity } from './edge-buffer.ts';

/**
 * Number of pairs to skip before the next tie when each pair is tied with probability `p`:
 * geometric on {0, 1, …}. `logOneMinusP` is `log(1 − p)` (−∞ when p = 1, which gives 0 every time).
 */
export function geometricSkip(rng: Rng, logOneMinusP: number): number {
  return Math.floor(Math.log(1 - rng.next()) / logOneMinusP);
}

/**
 * Appends the ties of G(n, p) over nodes `offset … offset + n − 1` to `buffer`, as (higher, lower)
 * pairs grouped by the higher node ascending, lower ascending within — the order
 * `csrFromArrivalOrderedTies` wants. Batagelj & Brandes (2005), algorithm 1: walk the lower triangle
 * of the adjacency matrix row by row, jumping over each run of absent pairs in one draw.
 */
export function appendGnpTies(n: number, p: number, offset: number, rng: Rng, buffer: EdgeBuffer): void {
  if (p <= 0 || n < 2) return;
  const logOneMinusP = p >= 1 ? Number.NEGATIVE_INFINITY : Math.log1p(-p);
  let v = 1;
  let w = -1;
  while (v < n) {
    w += 1 + geometricSkip(rng, logOneMinusP);
    while (w >= v && v < n) {
      w -= v;
      v++;
    }
    if (v < n) buffer.push(offset + v, offset + w);
  }
}

/**
 * Erdős–Rényi G(N, p) with p = meanDegree / (N − 1): every pair tied independently, so degrees are
 * Binomial(N − 1, p) ≈ Poisson(meanDegree). Undirected, no self-loops, no repeated ties.
 * `path` names the spec in error messages (`graph`, `graph.layers[2]`).
 */
export function erdosRenyi(nodes: number, meanDegree: number, rng: Rng, path = 'graph'): CsrGraph {
  if (nodes < 2 || meanDegree === 0) return emptyGraph(nodes);
  if (meanDegree > nodes - 1) {
    throw new InputError('scenario', [
      `${path}.meanDegree: must be at most ${path}.nodes − 1 = ${(nodes - 1).toLocaleString('en-US')} (got ${meanDegree})`,
    ]);
  }
  const p = meanDegree / (nodes - 1);
  const buffer = new EdgeBuffer(expectedCapacity((nodes * (nodes - 1)) / 2, p));
  appendGnpTies(nodes, p, 0, rng, buffer);
  return csrFromArrivalOrderedTies(nodes, buffer.from, buffer.to, buffer.count);
}
