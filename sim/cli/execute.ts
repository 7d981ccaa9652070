// One classic-model run from a validated scenario and its seeds (graph → seeds → dynamics). Pure: no I/O, no clock.
import { buildGraph, type GraphHost } from '../graph/build.ts';
import type { Graph, SimpleGraph } from '../graph/csr.ts';
import { type ClassicRunResult, chooseSeeds, runClassic } from '../model/classic/run.ts';
import type { ClassicScenario } from '../params/scenario.ts';
import { createRng, STREAM } from '../rng.ts';

export type { GraphHost } from '../graph/build.ts';

/** Counts that describe a built graph; `meanDegree` is ties per node (out-ties when directed). */
export interface GraphStats {
  readonly nodes: number;
  readonly edges: number;
  readonly meanDegree: number;
  readonly directed: boolean;
  /** Per-layer figures of a multiplex graph (its `edges` and `meanDegree` are sums over layers). */
  readonly layers?: readonly GraphStats[];
}

/** Seeds of one run: `run` drives seeding and dynamics, `graph` the graph (they differ when the graph is reused). */
export interface RunSeeds {
  readonly run: string;
  readonly graph: string;
}

export interface ClassicRunOutcome {
  readonly graph: Graph;
  readonly result: ClassicRunResult;
}

function simpleStats(graph: SimpleGraph): GraphStats {
  if (graph.kind === 'complete') {
    const n = graph.nodeCount;
    return { nodes: n, edges: (n * (n - 1)) / 2, meanDegree: n - 1, directed: false };
  }
  const n = graph.nodeCount;
  const meanDegree = n === 0 ? 0 : ((graph.directed ? 1 : 2) * graph.edgeCount) / n;
  return { nodes: n, edges: graph.edgeCount, meanDegree, directed: graph.directed };
}

/** Node count, tie count and mean degree of a graph (per layer for a multiplex). */
export function graphStats(graph: Graph): GraphStats {
  if (graph.kind !== 'multiplex') return simpleStats(graph);
  const layers = graph.layers.map(simpleStats);
  return {
    nodes: graph.nodeCount,
    edges: layers.reduce((sum, layer) => sum + layer.edges, 0),
    meanDegree: layers.reduce((sum, layer) => sum + layer.meanDegree, 0),
    directed: layers.some((layer) => layer.directed),
    layers,
  };
}

/**
 * Keeps the last graph built so runs that share a graph seed (`regenerateGraph: false`) build it once.
 * The key is the graph seed plus the graph spec, so a sweep point with other graph values never reuses it.
 */
export class GraphCache {
  private key = '';
  private graph: Graph | undefined;

  get(scenario: ClassicScenario, graphSeed: string, host: GraphHost): Graph {
    const key = `${graphSeed}\u0000${JSON.stringify(scenario.graph)}`;
    if (this.graph !== undefined && key === this.key) return this.graph;
    this.graph = undefined; // let the old graph go before allocating the new one
    const graph = buildGraph(scenario.graph, createRng(graphSeed, STREAM.graph), host);
    this.graph = graph;
    this.key = key;
    return graph;
  }
}

/**
 * Runs one replicate: the graph from stream `graph` of `seeds.graph`, the seed set from stream
 * `seeding` and the dynamics from stream `dynamics` of `seeds.run`, for at most `scenario.ticks` ticks.
 */
export function executeClassicRun(
  scenario: ClassicScenario,
  seeds: RunSeeds,
  host: GraphHost,
  cache: GraphCache = new GraphCache(),
): ClassicRunOutcome {
  const graph = cache.get(scenario, seeds.graph, host);
  const seedNodes = chooseSeeds(graph.nodeCount, scenario.seeding, createRng(seeds.run, STREAM.seeding));
  const result = runClassic(
    graph,
    scenario.model,
    seedNodes,
    createRng(seeds.run, STREAM.dynamics),
    scenario.ticks,
  );
  return { graph, result };
}

/** Series time of a tick: tick × dt for the Bass model (its own time unit), else the tick itself. */
export function tickTime(scenario: ClassicScenario, tick: number): number {
  if (scenario.model.type !== 'bass') return tick;
  return Number((tick * scenario.model.dt).toPrecision(12));
}
