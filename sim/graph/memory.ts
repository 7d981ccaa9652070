// Memory estimates for graph specs, checked before anything is allocated. Pure arithmetic: no RNG, no I/O, no allocation.

import { InputError } from '../params/errors.ts';
import type { GraphSpec, SimpleGraphSpec } from '../params/scenario.ts';
import { barabasiAlbertEdgeCount } from './generators/barabasi-albert.ts';
import { PairSet } from './generators/pair-set.ts';
import { sbmExpectedEdges } from './generators/sbm.ts';

/** Graph memory a Node host allows by default (16 GiB); the CLI and the browser may pass their own. */
export const DEFAULT_GRAPH_BUDGET_BYTES = 16 * 2 ** 30;

/** CSR offsets are Uint32: a layer may store at most this many tie ends (an undirected tie is two). */
export const MAX_STORED_TIES = 2 ** 32 - 1;

interface LayerCost {
  /** Bytes of the finished CSR. */
  readonly finalBytes: number;
  /** Bytes at the peak of building it (CSR plus the generator's temporary arrays). */
  readonly peakBytes: number;
  readonly storedTies: number;
  /** `100,000,000 nodes with mean degree 500`. */
  readonly description: string;
  /** Fields to lower, as JSON paths. */
  readonly levers: readonly string[];
}

function count(value: number): string {
  return Math.round(value).toLocaleString('en-US');
}

function meanDegreeText(nodes: number, storedTies: number): string {
  const mean = nodes === 0 ? 0 : storedTies / nodes;
  return mean.toLocaleString('en-US', { maximumFractionDigits: 1 });
}

/** `400.0 GB` style sizes, in binary units (1 GB = 2³⁰ bytes, as memory is sold and reported). */
export function formatBytes(bytes: number): string {
  if (bytes >= 2 ** 30)
    return `${(bytes / 2 ** 30).toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 })} GB`;
  if (bytes >= 2 ** 20) return `${(bytes / 2 ** 20).toFixed(1)} MB`;
  return `${(bytes / 2 ** 10).toFixed(1)} KB`;
}

/** Undirected CSR of `nodes` nodes and `ties` ties: offsets plus both directions of every tie. */
function undirectedCsrBytes(nodes: number, ties: number): number {
  return 4 * (nodes + 1) + 8 * ties;
}

function layerCost(spec: SimpleGraphSpec, path: string): LayerCost {
  const lever = (field: string) => `${path}.${field}`;
  switch (spec.type) {
    case 'erdos-renyi': {
      const ties = (spec.nodes * spec.meanDegree) / 2;
      const finalBytes = undirectedCsrBytes(spec.nodes, ties);
      // Tie buffer (two Uint32 per tie) and a counting cursor per node come on top of the CSR.
      return cost(spec.nodes, ties, finalBytes, finalBytes + 8 * ties + 4 * spec.nodes, [
        lever('nodes'),
        lever('meanDegree'),
      ]);
    }
    case 'barabasi-albert': {
      const ties = barabasiAlbertEdgeCount(spec.nodes, spec.edgesPerNode);
      const finalBytes = undirectedCsrBytes(spec.nodes, ties);
      // Picks plus bucketed (older, younger) pairs: 12 bytes per tie; cursors and markers: 8 per node.
      return cost(spec.nodes, ties, finalBytes, finalBytes + 12 * ties + 8 * spec.nodes, [
        lever('nodes'),
        lever('edgesPerNode'),
      ]);
    }
    case 'watts-strogatz': {
      const ties = (spec.nodes * spec.neighbors) / 2;
      const finalBytes = undirectedCsrBytes(spec.nodes, ties);
      const rewiring = spec.rewire > 0 ? PairSet.bytesFor(2 * ties) + 4 * spec.nodes : 0;
      return cost(spec.nodes, ties, finalBytes, finalBytes + 8 * ties + rewiring + 4 * spec.nodes, [
        lever('nodes'),
        lever('neighbors'),
      ]);
    }
    case 'configuration': {
      const nodes = spec.degrees.length;
      let stubs = 0;
      for (const d of spec.degrees) stubs += d;
      const ties = stubs / 2;
      const finalBytes = undirectedCsrBytes(nodes, ties);
      // Stubs (4 per stub), tie ends (4 per stub), a cursor per node and, if ties were erased, a trimmed copy.
      return cost(nodes, ties, finalBytes, finalBytes + 12 * stubs + 4 * nodes, [lever('degrees')]);
    }
    case 'sbm': {
      let nodes = 0;
      for (const s of spec.sizes) nodes += s;
      const ties = sbmExpectedEdges(spec.sizes, spec.pIn, spec.pOut);
      const finalBytes = undirectedCsrBytes(nodes, ties);
      return cost(nodes, ties, finalBytes, finalBytes + 8 * ties + 4 * nodes, [
        lever('sizes'),
        lever('pIn'),
        lever('pOut'),
      ]);
    }
    case 'complete':
      return {
        finalBytes: 0,
        peakBytes: 0,
        storedTies: 0,
        description: `${count(spec.nodes)} well-mixed nodes`,
        levers: [lever('nodes')],
      };
    case 'edge-list': {
      // The ties are not known before the file is read; the host has already bounded the text it reads.
      const nodes = spec.nodes ?? 0;
      const bytes = 8 * nodes;
      return {
        finalBytes: bytes,
        peakBytes: bytes,
        storedTies: 0,
        description: `${count(nodes)} edge-list nodes`,
        levers: [lever('nodes')],
      };
    }
  }
}

function cost(
  nodes: number,
  ties: number,
  finalBytes: number,
  peakBytes: number,
  levers: string[],
): LayerCost {
  const storedTies = 2 * ties;
  return {
    finalBytes,
    peakBytes,
    storedTies,
    description: `${count(nodes)} nodes with mean degree ${meanDegreeText(nodes, storedTies)}`,
    levers,
  };
}

function layerCosts(spec: GraphSpec, path: string): { path: string; cost: LayerCost }[] {
  if (spec.type !== 'multiplex') return [{ path, cost: layerCost(spec, path) }];
  return spec.layers.map((layer, i) => ({
    path: `${path}.layers[${i}]`,
    cost: layerCost(layer, `${path}.layers[${i}]`),
  }));
}

/**
 * Bytes building the graph of `spec` needs at its peak, from N and the expected tie count: the CSR
 * (4 bytes per node plus 4 per stored tie end; an undirected tie is stored twice) plus the
 * generator's temporary arrays. A multiplex keeps every finished layer and builds one at a time.
 * Edge lists count only their `nodes` (their ties are unknown until the file is read).
 */
export function estimateGraphBytes(spec: GraphSpec): number {
  const costs = layerCosts(spec, 'graph');
  let kept = 0;
  let extra = 0;
  for (const { cost: c } of costs) {
    kept += c.finalBytes;
    extra = Math.max(extra, c.peakBytes - c.finalBytes);
  }
  return kept + extra;
}

function orList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

/**
 * Throws an InputError, before anything is allocated, when the graph of `spec` would need more than
 * `budgetBytes` or would store more tie ends than 32-bit CSR offsets can index. The line reads like
 * `graph: 100,000,000 nodes with mean degree 500 need about 372.5 GB, more than the 16.0 GB allowed
 * (lower graph.nodes or graph.meanDegree)`.
 */
export function assertGraphFits(spec: GraphSpec, budgetBytes: number, path = 'graph'): void {
  const costs = layerCosts(spec, path);
  for (const { path: at, cost: c } of costs) {
    if (c.storedTies > MAX_STORED_TIES) {
      throw new InputError('scenario', [
        `${at}: ${c.description} would store about ${count(c.storedTies)} tie ends, more than the ${count(MAX_STORED_TIES)} one graph layer can index (lower ${orList(c.levers)})`,
      ]);
    }
  }
  const bytes = estimateGraphBytes(spec);
  if (bytes <= budgetBytes) return;
  if (costs.length === 1 && spec.type !== 'multiplex') {
    const c = costs[0]!.cost;
    throw new InputError('scenario', [
      `${path}: ${c.description} need about ${formatBytes(bytes)}, more than the ${formatBytes(budgetBytes)} allowed (lower ${orList(c.levers)})`,
    ]);
  }
  const parts = costs.map(
    ({ path: at, cost: c }) => `${at} ${c.description}: about ${formatBytes(c.peakBytes)}`,
  );
  throw new InputError('scenario', [
    `${path}: ${costs.length} layers need about ${formatBytes(bytes)} together, more than the ${formatBytes(budgetBytes)} allowed (${parts.join('; ')})`,
  ]);
}
