// Stochastic block model by geometric skipping per block pair. Randomness only from the injected Rng; no I/O.

import { InputError } from '../../params/errors.ts';
import { MAX_NODES } from '../../params/scenario.ts';
import type { Rng } from '../../rng.ts';
import { type CsrGraph, csrFromEdges } from '../csr.ts';
import { capacityForMean, EdgeBuffer } from './edge-buffer.ts';
import { appendGnpTies, geometricSkip } from './erdos-renyi.ts';

/** Expected tie count of an SBM: pIn over pairs inside blocks plus pOut over pairs across blocks. */
export function sbmExpectedEdges(sizes: readonly number[], pIn: number, pOut: number): number {
  let total = 0;
  let inside = 0;
  for (const s of sizes) {
    total += s;
    inside += (s * (s - 1)) / 2;
  }
  const across = (total * (total - 1)) / 2 - inside;
  return pIn * inside + pOut * across;
}

/** Block of every node: nodes `0 … sizes[0] − 1` are block 0, the next `sizes[1]` block 1, and so on. */
export function sbmBlockIds(sizes: readonly number[]): Uint32Array {
  let total = 0;
  for (const s of sizes) total += s;
  const block = new Uint32Array(total);
  let at = 0;
  sizes.forEach((s, b) => {
    block.fill(b, at, at + s);
    at += s;
  });
  return block;
}

/**
 * Stochastic block model (Holland et al. 1983): blocks of `sizes[b]` consecutive nodes; each pair
 * inside a block is tied with probability `pIn`, each pair across blocks with `pOut`, independently.
 * Every block is a G(n, pIn) drawn by Batagelj–Brandes skipping, and every block pair (a, b) walks
 * its sizes[a] × sizes[b] grid of pairs in row-major order with geometric skips, so the cost is
 * O(N + B² + E) for B blocks, never O(N²). Undirected and simple.
 */
export function stochasticBlockModel(
  sizes: readonly number[],
  pIn: number,
  pOut: number,
  rng: Rng,
  path = 'graph',
): CsrGraph {
  let nodes = 0;
  for (const s of sizes) nodes += s;
  if (nodes > MAX_NODES) {
    throw new InputError('scenario', [
      `${path}.sizes: the blocks add up to ${nodes.toLocaleString('en-US')} nodes, more than the ${MAX_NODES.toLocaleString('en-US')} allowed`,
    ]);
  }
  const buffer = new EdgeBuffer(capacityForMean(sbmExpectedEdges(sizes, pIn, pOut)));
  const starts: number[] = [];
  let offset = 0;
  for (const s of sizes) {
    starts.push(offset);
    appendGnpTies(s, pIn, offset, rng, buffer);
    offset += s;
  }
  if (pOut > 0) {
    const logOneMinusP = pOut >= 1 ? Number.NEGATIVE_INFINITY : Math.log1p(-pOut);
    for (let a = 0; a < sizes.length; a++) {
      for (let b = a + 1; b < sizes.length; b++) {
        const rows = sizes[a]!;
        const columns = sizes[b]!;
        const cells = rows * columns;
        const startA = starts[a]!;
        const startB = starts[b]!;
        let cell = -1;
        for (;;) {
          cell += 1 + geometricSkip(rng, logOneMinusP);
          if (cell >= cells) break;
          const row = Math.floor(cell / columns);
          buffer.push(startA + row, startB + (cell - row * columns));
        }
      }
    }
  }
  return csrFromEdges(nodes, buffer.from, buffer.to, buffer.count, {
    directed: false,
    dedupe: false,
    dropSelfLoops: false,
  });
}
