// The well-mixed (complete) graph as a marker object: N² ties are never materialised. No RNG, no I/O.
import type { CompleteGraph } from '../csr.ts';

/** Everyone tied to everyone: models read it as "any agent can meet any other" and sample partners. */
export function completeGraph(nodes: number): CompleteGraph {
  return { kind: 'complete', nodeCount: nodes };
}
