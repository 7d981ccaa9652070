// The Barabási–Albert graph every core benchmark uses, built by the engine's own buildGraph. No I/O.
import { buildGraph } from '../../sim/graph/build.ts';
import type { CsrGraph } from '../../sim/graph/csr.ts';
import { createRng, STREAM } from '../../sim/rng.ts';

export interface BaGraph {
  graph: CsrGraph;
  /** Which entry point built it, printed with the figures taken on it. */
  generator: string;
}

/**
 * Builds BA(`nodes`, m = `edgesPerNode`) from the graph stream of `seed`, with exactly the call the
 * issue names: `buildGraph({type:'barabasi-albert', nodes, edgesPerNode}, rng, {})`.
 */
export function buildBa(nodes: number, edgesPerNode: number, seed: string): BaGraph {
  const graph = buildGraph(
    { type: 'barabasi-albert', nodes, edgesPerNode },
    createRng(seed, STREAM.graph),
    {},
  );
  if (graph.kind !== 'csr') throw new Error(`buildGraph returned a ${graph.kind} graph for barabasi-albert`);
  return { graph, generator: 'sim/graph/build.ts' };
}

/** Bytes held by the graph's typed arrays (in-arrays counted once when they alias the out-arrays). */
export function graphBytes(graph: CsrGraph): number {
  let bytes = graph.offsets.byteLength + graph.targets.byteLength;
  if (graph.inOffsets !== graph.offsets) bytes += graph.inOffsets.byteLength;
  if (graph.inTargets !== graph.targets) bytes += graph.inTargets.byteLength;
  return bytes;
}
