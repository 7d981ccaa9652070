// Builds the graph a scenario's `graph` spec describes. Files arrive only through the host's readText; no fs, no Math.random.

import { InputError } from '../params/errors.ts';
import type { GraphSpec, SimpleGraphSpec } from '../params/scenario.ts';
import type { Rng } from '../rng.ts';
import type { Graph, SimpleGraph } from './csr.ts';
import {
  createLabelTable,
  edgeListNodeCount,
  edgeListToCsr,
  type LabelTable,
  type ParsedEdgeList,
  parseEdgeList,
} from './edge-list.ts';
import { barabasiAlbert } from './generators/barabasi-albert.ts';
import { completeGraph } from './generators/complete.ts';
import { configurationModel } from './generators/configuration.ts';
import { erdosRenyi } from './generators/erdos-renyi.ts';
import { stochasticBlockModel } from './generators/sbm.ts';
import { wattsStrogatz } from './generators/watts-strogatz.ts';
import { assertGraphFits, DEFAULT_GRAPH_BUDGET_BYTES } from './memory.ts';
import { graphSpecProblems, nodeCountOf } from './spec-check.ts';

/** What the host lends the builder. */
export interface GraphHost {
  /**
   * Returns the text of the file at `path` as written in the scenario (the CLI resolves it against
   * the scenario file's folder). May throw; the error's message is wrapped into an InputError naming
   * `graph.path`. Without it, edge-list specs are refused.
   */
  readText?: (path: string) => string;
  /** Refuse graphs whose estimate exceeds this (default DEFAULT_GRAPH_BUDGET_BYTES, 16 GiB). */
  memoryBudgetBytes?: number;
}

/** A built graph and, when edge lists named nodes by label, the label of every node id. */
export interface BuiltGraph {
  readonly graph: Graph;
  /** `labels[id]` names node `id`; undefined when every edge list used integer ids (or none was read). */
  readonly labels: readonly string[] | undefined;
}

/**
 * Builds the graph of `spec`, drawing every random number from `rng` (give it the STREAM.graph
 * stream). Refuses, before allocating, specs whose memory estimate exceeds the host's budget.
 * Multiplex layers are built one after another from the same `rng`, over the same node ids.
 */
export function buildGraph(spec: GraphSpec, rng: Rng, host: GraphHost = {}): Graph {
  return buildGraphWithLabels(spec, rng, host).graph;
}

/** `buildGraph`, also returning the node labels of labelled edge lists. */
export function buildGraphWithLabels(spec: GraphSpec, rng: Rng, host: GraphHost = {}): BuiltGraph {
  assertGraphFits(spec, host.memoryBudgetBytes ?? DEFAULT_GRAPH_BUDGET_BYTES);
  const problems = graphSpecProblems(spec);
  if (problems.length > 0) throw new InputError('scenario', problems);
  if (spec.type === 'multiplex') return buildMultiplex(spec.layers, rng, host);
  if (spec.type === 'edge-list') {
    const labels = createLabelTable();
    const parsed = readEdgeList(spec, host, labels, 'graph');
    const nodeCount = edgeListNodeCount(parsed, spec.path, spec.nodes, 'graph');
    return {
      graph: edgeListToCsr(parsed, nodeCount, spec.directed),
      labels: parsed.usesLabels ? labels.names : undefined,
    };
  }
  return { graph: generate(spec, rng, 'graph'), labels: undefined };
}

function generate(
  spec: Exclude<SimpleGraphSpec, { type: 'edge-list' }>,
  rng: Rng,
  path: string,
): SimpleGraph {
  switch (spec.type) {
    case 'erdos-renyi':
      return erdosRenyi(spec.nodes, spec.meanDegree, rng, path);
    case 'barabasi-albert':
      return barabasiAlbert(spec.nodes, spec.edgesPerNode, rng);
    case 'watts-strogatz':
      return wattsStrogatz(spec.nodes, spec.neighbors, spec.rewire, rng, path);
    case 'configuration':
      return configurationModel(spec.degrees, rng, path);
    case 'sbm':
      return stochasticBlockModel(spec.sizes, spec.pIn, spec.pOut, rng, path);
    case 'complete':
      return completeGraph(spec.nodes);
  }
}

function readEdgeList(
  spec: Extract<SimpleGraphSpec, { type: 'edge-list' }>,
  host: GraphHost,
  labels: LabelTable,
  path: string,
): ParsedEdgeList {
  if (!host.readText) {
    throw new InputError('scenario', [
      `${path}.path: edge lists cannot be read here (this host reads no files; got "${spec.path}")`,
    ]);
  }
  let text: string;
  try {
    text = host.readText(spec.path);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new InputError('scenario', [`${path}.path: cannot read "${spec.path}": ${reason}`]);
  }
  try {
    return parseEdgeList(text, spec.path, labels);
  } catch (error) {
    // Bad lines name the file and line; the prefix names the scenario field that pointed at the file.
    if (error instanceof InputError)
      throw new InputError(
        error.source,
        error.lines.map((line) => `${path}.path: ${line}`),
      );
    throw error;
  }
}

/**
 * All layers must have the same node count. Generated layers fix it (and must agree); edge-list
 * layers without `nodes` are widened to it with isolated nodes; if every layer is an edge list, the
 * largest one sets it. Labelled edge-list layers share one label table, so a label is one node in
 * every layer.
 */
function buildMultiplex(layers: readonly SimpleGraphSpec[], rng: Rng, host: GraphHost): BuiltGraph {
  const labels = createLabelTable();
  const parsed: (ParsedEdgeList | undefined)[] = layers.map((layer, i) =>
    layer.type === 'edge-list' ? readEdgeList(layer, host, labels, `graph.layers[${i}]`) : undefined,
  );
  let nodeCount = -1;
  let setBy = -1;
  for (let i = 0; i < layers.length; i++) {
    const layer = layers[i]!;
    const count = nodeCountOf(layer);
    if (count === undefined) continue;
    if (nodeCount < 0) {
      nodeCount = count;
      setBy = i;
    } else if (count !== nodeCount) {
      throw new InputError('scenario', [
        `graph.layers[${i}]: has ${count.toLocaleString('en-US')} nodes but graph.layers[${setBy}] has ${nodeCount.toLocaleString('en-US')}; all layers of a multiplex share the same nodes`,
      ]);
    }
  }
  if (nodeCount < 0) {
    for (let i = 0; i < layers.length; i++) {
      const layer = layers[i]!;
      const p = parsed[i];
      if (layer.type !== 'edge-list' || !p) continue;
      nodeCount = Math.max(nodeCount, edgeListNodeCount(p, layer.path, undefined, `graph.layers[${i}]`));
    }
  }
  const built: SimpleGraph[] = [];
  let anyLabels = false;
  for (let i = 0; i < layers.length; i++) {
    const layer = layers[i]!;
    const path = `graph.layers[${i}]`;
    const p = parsed[i];
    if (layer.type !== 'edge-list' || !p) {
      if (layer.type !== 'edge-list') built.push(generate(layer, rng, path));
      continue;
    }
    anyLabels ||= p.usesLabels;
    const idCount = p.usesLabels ? labels.names.length : p.idCount;
    if (idCount > nodeCount) {
      throw new InputError('scenario', [
        `${path}: ${layer.path} names ${idCount.toLocaleString('en-US')} nodes but the other layers have ${nodeCount.toLocaleString('en-US')}; all layers of a multiplex share the same nodes`,
      ]);
    }
    built.push(edgeListToCsr(p, nodeCount, layer.directed));
  }
  return {
    graph: { kind: 'multiplex', nodeCount, layers: built },
    labels: anyLabels ? labels.names : undefined,
  };
}
