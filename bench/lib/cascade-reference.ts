// The plain one-draw-per-edge reference loop and the scanned-edge count shared by the cascade benchmarks. No I/O.
import type { CsrGraph } from '../../sim/graph/csr.ts';
import type { Rng } from '../../sim/rng.ts';
import type { Span } from './measure.ts';

/** What one timed cascade run reports; `scannedEdges` = sum of the degrees of all activated nodes. */
export interface CascadeOutcome extends Span {
  finalSize: number;
  scannedEdges: number;
}

/** Sum of (out-)degrees of the nodes listed in `activated[0 .. count-1]`: the edges an IC run scans. */
export function scannedEdgesOf(
  graph: CsrGraph,
  activated: ArrayLike<number>,
  count = activated.length,
): number {
  const offsets = graph.offsets;
  let total = 0;
  for (let i = 0; i < count; i++) {
    const v = activated[i]!;
    total += offsets[v + 1]! - offsets[v]!;
  }
  return total;
}

/**
 * The context figure: every stored edge visited once in node order with one generator draw
 * each, the draw compared with `p` and folded into a checksum (so the loop cannot be optimised away).
 * Returns the checksum; the caller times the call.
 */
export function plainDrawLoop(graph: CsrGraph, p: number, rng: Rng): number {
  const offsets = graph.offsets;
  const targets = graph.targets;
  const next = rng.next;
  let checksum = 0;
  for (let v = 0; v < graph.nodeCount; v++) {
    const end = offsets[v + 1]!;
    for (let i = offsets[v]!; i < end; i++) {
      if (next() < p) checksum = (checksum + targets[i]!) | 0;
    }
  }
  return checksum;
}

/** `count` distinct seed nodes drawn uniformly from the seeding stream of `seed` (the same for every library). */
export function chooseSeedNodes(nodeCount: number, count: number, rng: Rng): Uint32Array {
  const chosen = new Set<number>();
  while (chosen.size < Math.min(count, nodeCount)) chosen.add(rng.int(nodeCount));
  return Uint32Array.from(chosen);
}
