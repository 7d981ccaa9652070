// Entry points of the classic models: seed choice, model dispatch, and a whole run with its time series. Pure; no I/O.
import type { Graph } from '../../graph/csr.ts';
import { InputError } from '../../params/errors.ts';
import type { ModelSpec, SeedingSpec } from '../../params/scenario.ts';
import type { Rng } from '../../rng.ts';
import { createBass } from './bass.ts';
import { createIndependentCascade } from './independent-cascade.ts';
import { createLimitedAttention, type LimitedAttention, type PostLog } from './limited-attention.ts';
import { createSir } from './sir.ts';
import type { ClassicSimulation } from './state.ts';
import { createThreshold } from './threshold.ts';

export type { PostLog } from './limited-attention.ts';
export type { ClassicSimulation, ContagionState } from './state.ts';

/**
 * Builds the simulation of `model` on `graph`, with `seeds` adopting at tick 0 (limited attention
 * ignores seeds). `rng` should be the run's `dynamics` stream; it is the only source of randomness.
 */
export function createClassicSimulation(
  graph: Graph,
  model: ModelSpec,
  seeds: Uint32Array,
  rng: Rng,
): ClassicSimulation {
  switch (model.type) {
    case 'independent-cascade':
      return createIndependentCascade(graph, model.p, seeds, rng);
    case 'sir':
      return createSir(graph, model.beta, model.gamma, seeds, rng);
    case 'threshold':
      return createThreshold(graph, { kind: 'fraction', phi: model.phi }, seeds, rng);
    case 'complex-contagion':
      return createThreshold(graph, { kind: 'count', k: model.k, noise: model.noise }, seeds, rng);
    case 'bass':
      return createBass(graph, model, seeds, rng);
    case 'limited-attention':
      return createLimitedAttention(graph, model.mu, model.screen, rng);
    default: {
      const unknown: never = model;
      throw new Error(`unknown model ${JSON.stringify(unknown)}`);
    }
  }
}

/**
 * The seeds of one run. `random`: `count` distinct nodes drawn uniformly (in draw order); `nodes`: the
 * listed ids. Throws an InputError naming `seeding.count` or `seeding.nodes[i]` with the allowed range
 * when they do not fit a graph of `nodeCount` nodes, or when an id is listed twice.
 */
export function chooseSeeds(nodeCount: number, seeding: SeedingSpec, rng: Rng): Uint32Array {
  if (seeding.type === 'nodes') {
    const seen = new Set<number>();
    const lines: string[] = [];
    seeding.nodes.forEach((node, i) => {
      if (!Number.isInteger(node) || node < 0 || node >= nodeCount)
        lines.push(
          `seeding.nodes[${i}]: must be an integer from 0 to ${nodeCount - 1} (a node of the ${nodeCount}-node graph) (got ${node})`,
        );
      else if (seen.has(node)) lines.push(`seeding.nodes[${i}]: node ${node} is listed twice`);
      seen.add(node);
    });
    if (lines.length > 0) throw new InputError('scenario', lines);
    return Uint32Array.from(seeding.nodes);
  }
  const count = seeding.count;
  if (!Number.isInteger(count) || count < 0 || count > nodeCount) {
    throw new InputError('scenario', [
      `seeding.count: must be an integer from 0 to ${nodeCount} (the graph's node count) (got ${count})`,
    ]);
  }
  const seeds = new Uint32Array(count);
  if (count * 2 <= nodeCount) {
    // Few seeds: rejection sampling, under two draws per seed on average.
    const taken = new Uint8Array(nodeCount);
    for (let i = 0; i < count; ) {
      const node = rng.int(nodeCount);
      if (taken[node] === 0) {
        taken[node] = 1;
        seeds[i++] = node;
      }
    }
    return seeds;
  }
  // Many seeds: a partial Fisher–Yates shuffle.
  const nodes = new Uint32Array(nodeCount);
  for (let v = 0; v < nodeCount; v++) nodes[v] = v;
  for (let i = 0; i < count; i++) {
    const j = i + rng.int(nodeCount - i);
    const chosen = nodes[j]!;
    nodes[j] = nodes[i]!;
    nodes[i] = chosen;
    seeds[i] = chosen;
  }
  return seeds;
}

/** A finished run. Series index = tick, 0..ticks. */
export interface ClassicRunResult {
  ticks: number;
  /** Nodes ever adopted or infected, seeds included (limited attention: agents who posted). */
  finalSize: number;
  series: { adopted: Uint32Array; active: Uint32Array };
  adoptTick: Int32Array;
  parent: Int32Array;
  /** Limited attention only: posts per meme (index = meme id), for items.csv. */
  items?: { popularity: Uint32Array };
  /** Limited attention only: every post, with the post it reshared (per-meme cascade trees). */
  posts?: PostLog;
}

/** Runs `model` from `seeds` until nothing can change or `maxTicks` ticks have passed. */
export function runClassic(
  graph: Graph,
  model: ModelSpec,
  seeds: Uint32Array,
  rng: Rng,
  maxTicks: number,
): ClassicRunResult {
  const simulation = createClassicSimulation(graph, model, seeds, rng);
  const state = simulation.state;
  let adopted = new Uint32Array(Math.min(maxTicks, 1023) + 1);
  let active = new Uint32Array(adopted.length);
  adopted[0] = state.adoptedCount;
  active[0] = state.activeCount;
  while (state.tick < maxTicks && !simulation.isDone()) {
    simulation.step();
    if (state.tick >= adopted.length) {
      const length = Math.min(maxTicks + 1, adopted.length * 2);
      const grownAdopted = new Uint32Array(length);
      const grownActive = new Uint32Array(length);
      grownAdopted.set(adopted);
      grownActive.set(active);
      adopted = grownAdopted;
      active = grownActive;
    }
    adopted[state.tick] = state.adoptedCount;
    active[state.tick] = state.activeCount;
  }
  const result: ClassicRunResult = {
    ticks: state.tick,
    finalSize: state.adoptedCount,
    series: { adopted: adopted.slice(0, state.tick + 1), active: active.slice(0, state.tick + 1) },
    adoptTick: state.adoptTick,
    parent: state.parent,
  };
  if (model.type === 'limited-attention') {
    const memes = simulation as LimitedAttention;
    result.items = { popularity: memes.popularity() };
    result.posts = memes.posts();
  }
  return result;
}
