// Checks a graph spec's fields against each other (what per-field ranges cannot), without generating or reading anything: the refusals the generators would make, found before any run starts. Pure: no RNG, no I/O.
import { type GraphSpec, MAX_NODES, type SimpleGraphSpec } from '../params/scenario.ts';

/**
 * Node count of a spec, or undefined when only reading a file can tell (an edge list without `nodes`,
 * or a multiplex of such). For a multiplex, the count its first sized layer fixes for all layers.
 */
export function nodeCountOf(spec: GraphSpec): number | undefined {
  switch (spec.type) {
    case 'erdos-renyi':
    case 'barabasi-albert':
    case 'watts-strogatz':
    case 'complete':
      return spec.nodes;
    case 'configuration':
      return spec.degrees.length;
    case 'sbm':
      return spec.sizes.reduce((sum, s) => sum + s, 0);
    case 'edge-list':
      return spec.nodes;
    case 'multiplex':
      for (const layer of spec.layers) {
        const count = nodeCountOf(layer);
        if (count !== undefined) return count;
      }
      return undefined;
  }
}

const count = (n: number) => n.toLocaleString('en-US');

/** Problems of one simple (non-multiplex) spec at JSON path `at`, one line each. Edge lists: only a file can tell. */
function simpleSpecProblems(spec: SimpleGraphSpec, at: string): string[] {
  switch (spec.type) {
    case 'erdos-renyi':
      // Fewer than two nodes or no ties asked for: the generator returns an empty graph, whatever the degree.
      if (spec.nodes >= 2 && spec.meanDegree > 0 && spec.meanDegree > spec.nodes - 1)
        return [
          `${at}.meanDegree: must be at most ${at}.nodes − 1 = ${count(spec.nodes - 1)} (got ${spec.meanDegree})`,
        ];
      return [];
    case 'barabasi-albert':
      // Each arriving node ties itself to edgesPerNode older ones; with that many nodes or more none ever arrives.
      if (spec.edgesPerNode >= spec.nodes)
        return [
          `${at}.edgesPerNode: must be less than ${at}.nodes = ${count(spec.nodes)} (got ${spec.edgesPerNode}); with as many ties per node as nodes, no node arrives and the graph is just the seed clique`,
        ];
      return [];
    case 'watts-strogatz':
      if (spec.neighbors % 2 !== 0 || spec.neighbors < 2)
        return [`${at}.neighbors: must be an even integer from 2 (got ${spec.neighbors})`];
      if (spec.neighbors >= spec.nodes)
        return [
          `${at}.neighbors: must be less than ${at}.nodes = ${count(spec.nodes)} (got ${spec.neighbors})`,
        ];
      return [];
    case 'configuration': {
      const stubs = spec.degrees.reduce((sum, d) => sum + d, 0);
      if (stubs % 2 !== 0)
        return [
          `${at}.degrees: the degrees add up to ${count(stubs)}, an odd number; every tie has two ends, so the sum must be even`,
        ];
      return [];
    }
    case 'sbm': {
      const nodes = spec.sizes.reduce((sum, s) => sum + s, 0);
      if (nodes > MAX_NODES)
        return [
          `${at}.sizes: the blocks add up to ${count(nodes)} nodes, more than the ${count(MAX_NODES)} allowed`,
        ];
      return [];
    }
    case 'complete':
    case 'edge-list':
      return [];
  }
}

/**
 * Every problem of `spec` (validated by the schema) that the generators would throw while building it: a degree
 * the node count cannot hold, an odd degree sum, multiplex layers of different sizes, … One line per problem,
 * each naming the field (`graph.layers[1].meanDegree`). Edge-list contents are not read, so their problems
 * still show only when the graph is built.
 */
export function graphSpecProblems(spec: GraphSpec, at = 'graph'): string[] {
  if (spec.type !== 'multiplex') return simpleSpecProblems(spec, at);
  const problems = spec.layers.flatMap((layer, i) => simpleSpecProblems(layer, `${at}.layers[${i}]`));
  let first: { nodes: number; layer: number } | undefined;
  spec.layers.forEach((layer, i) => {
    const nodes = nodeCountOf(layer);
    if (nodes === undefined) return;
    if (first === undefined) first = { nodes, layer: i };
    else if (nodes !== first.nodes)
      problems.push(
        `${at}.layers[${i}]: has ${count(nodes)} nodes but ${at}.layers[${first.layer}] has ${count(first.nodes)}; all layers of a multiplex share the same nodes`,
      );
  });
  return problems;
}
