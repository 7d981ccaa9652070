// Collapses a multiplex graph into the single neighbourhood that non-IC classic models use. Pure; no RNG.
import { type CsrGraph, csrFromEdges, type Graph, type SimpleGraph } from '../../graph/csr.ts';

/**
 * The graph whose ties are the union of all layers (a tie present on two layers counts once), which is
 * how SIR, threshold, complex contagion, Bass on a network and limited attention read a multiplex
 * graph. A simple graph is returned as is. If any layer is complete the union is complete. If any
 * layer is directed the union is directed and undirected layers contribute both directions.
 * Costs one CSR of the union (built once per simulation).
 */
export function unionOfLayers(graph: Graph): SimpleGraph {
  if (graph.kind !== 'multiplex') return graph;
  const layers = graph.layers;
  if (layers.length === 1) return layers[0]!;
  if (layers.some((layer) => layer.kind === 'complete'))
    return { kind: 'complete', nodeCount: graph.nodeCount };
  const csrLayers = layers as readonly CsrGraph[];
  const directed = csrLayers.some((layer) => layer.directed);
  let stored = 0;
  for (const layer of csrLayers) stored += layer.targets.length;
  const sources = new Uint32Array(stored);
  const targets = new Uint32Array(stored);
  let at = 0;
  for (const layer of csrLayers) {
    for (let v = 0; v < layer.nodeCount; v++) {
      for (let e = layer.offsets[v]!; e < layer.offsets[v + 1]!; e++) {
        sources[at] = v;
        targets[at++] = layer.targets[e]!;
      }
    }
  }
  return csrFromEdges(graph.nodeCount, sources, targets, stored, { directed });
}
