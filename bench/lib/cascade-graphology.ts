// Independent cascade on a graphology UndirectedGraph, for the bench comparison. Bench only; no sim/ state touched.
import { UndirectedGraph } from 'graphology';
import type { CsrGraph } from '../../sim/graph/csr.ts';
import type { Rng } from '../../sim/rng.ts';

/** Node attributes: `id` is the CSR node number (graphology keys are strings), `active` the cascade flag. */
interface NodeState {
  id: number;
  active: boolean;
}

export type CascadeGraph = UndirectedGraph<NodeState>;

/** A graphology graph with node keys `"0" … "N-1"` and one undirected edge per CSR tie. */
export function graphologyFromCsr(graph: CsrGraph): CascadeGraph {
  if (graph.directed) throw new Error('the graphology comparison expects an undirected graph');
  const result: CascadeGraph = new UndirectedGraph<NodeState>();
  for (let v = 0; v < graph.nodeCount; v++) result.addNode(String(v), { id: v, active: false });
  for (let u = 0; u < graph.nodeCount; u++) {
    for (let i = graph.offsets[u]!; i < graph.offsets[u + 1]!; i++) {
      const v = graph.targets[i]!;
      if (v > u) result.addEdge(String(u), String(v));
    }
  }
  return result;
}

/**
 * The same cascade in graphology idiom: the frontier holds node keys, `forEachNeighbor` hands each
 * neighbour's attribute object to the callback, and the flag is read and set on it directly (the
 * fastest graphology path; `setNodeAttribute` would add a key lookup and an event per activation).
 * One coin from `rng` per tie toward an inactive node. Returns activated ids in activation order.
 */
export function graphologyCascade(graph: CascadeGraph, p: number, seeds: Uint32Array, rng: Rng): number[] {
  const activated: number[] = [];
  let frontier: string[] = [];
  for (const seed of seeds) {
    const key = String(seed);
    const attributes = graph.getNodeAttributes(key);
    if (!attributes.active) {
      attributes.active = true;
      frontier.push(key);
      activated.push(seed);
    }
  }
  while (frontier.length > 0) {
    const next: string[] = [];
    for (const key of frontier) {
      graph.forEachNeighbor(key, (neighbor, attributes) => {
        if (!attributes.active && rng.next() < p) {
          attributes.active = true;
          next.push(neighbor);
          activated.push(attributes.id);
        }
      });
    }
    frontier = next;
  }
  return activated;
}

/** Clears every node's `active` flag so the next cascade starts fresh on the same graph. */
export function resetGraphology(graph: CascadeGraph): void {
  graph.forEachNode((_key, attributes) => {
    attributes.active = false;
  });
}
