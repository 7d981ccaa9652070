// Configuration model: random stub matching for a given degree sequence. Randomness only from the injected Rng; no I/O.

import { InputError } from '../../params/errors.ts';
import type { Rng } from '../../rng.ts';
import { type CsrGraph, csrFromEdges } from '../csr.ts';

/**
 * Configuration model (Molloy & Reed 1995; Newman 2010 §13.2): node v gets `degrees[v]` stubs, the
 * stubs are shuffled (Fisher–Yates) and paired off in order. Self-loops and repeated ties that the
 * matching produces are ERASED, so the result is a simple undirected graph whose degrees are at most
 * the requested ones; the shortfall is small when the largest degree is well below √(sum of degrees)
 * (the expected number of erased ties stays O(⟨k²⟩²/⟨k⟩²), independent of N).
 * An odd degree sum cannot be matched: an InputError names `<path>.degrees`.
 *
 * Memory: stubs (4 × sum bytes), the two tie-end arrays (4 × sum) and the CSR.
 */
export function configurationModel(degrees: readonly number[], rng: Rng, path = 'graph'): CsrGraph {
  const nodes = degrees.length;
  let stubCount = 0;
  for (const d of degrees) stubCount += d;
  if (stubCount % 2 !== 0) {
    throw new InputError('scenario', [
      `${path}.degrees: the degrees add up to ${stubCount.toLocaleString('en-US')}, an odd number; every tie has two ends, so the sum must be even`,
    ]);
  }
  const stubs = new Uint32Array(stubCount);
  let at = 0;
  for (let v = 0; v < nodes; v++) {
    const d = degrees[v]!;
    stubs.fill(v, at, at + d);
    at += d;
  }
  for (let i = stubCount - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    const swap = stubs[i]!;
    stubs[i] = stubs[j]!;
    stubs[j] = swap;
  }
  const tieCount = stubCount / 2;
  const from = new Uint32Array(tieCount);
  const to = new Uint32Array(tieCount);
  for (let e = 0; e < tieCount; e++) {
    from[e] = stubs[2 * e]!;
    to[e] = stubs[2 * e + 1]!;
  }
  return csrFromEdges(nodes, from, to, tieCount, { directed: false, dedupe: true, dropSelfLoops: true });
}
