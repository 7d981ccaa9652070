// Independent cascade (Kempe, Kleinberg & Tardos 2003) on CSR, complete and multiplex graphs. Pure: randomness from the injected Rng.
import type { CompleteGraph, Graph, SimpleGraph } from '../../graph/csr.ts';
import { InputError } from '../../params/errors.ts';
import type { Rng } from '../../rng.ts';
import { deriveAlea } from './fast-alea.ts';
import { sortFrontier, spreadOnCsr, spreadOnCsrBySkips } from './ic-kernels.ts';
import { createPool, type NodePool, removeFromPool, takeEach } from './pool.ts';
import {
  type AdopterLog,
  adoptSeeds,
  type ClassicSimulation,
  closeTick,
  createAdopterLog,
  hashState,
  recordAdoption,
} from './state.ts';

/** Tie probabilities up to this use geometric skips between successes (ic-kernels.ts); above, one coin per inactive target. */
const SKIP_BELOW = 0.1;

/** The IC simulation, plus the count the benchmark reports. */
export interface IndependentCascade extends ClassicSimulation {
  /** Ties scanned out of newly active nodes so far (every out-tie of every activated node, per layer). */
  readonly edgesScanned: number;
}

/** One probability per layer; a single number applies to every layer. Errors name `model.p`. */
export function layerProbabilities(graph: Graph, p: number | readonly number[]): number[] {
  const layerCount = graph.kind === 'multiplex' ? graph.layers.length : 1;
  if (typeof p === 'number') return new Array<number>(layerCount).fill(p);
  if (p.length !== layerCount) {
    throw new InputError('model', [
      `model.p: must be one probability or a list of ${layerCount} (one per graph layer) (got a list of ${p.length})`,
    ]);
  }
  return [...p];
}

/**
 * Each node activated at tick t gets one chance, with probability p of its layer, to activate each
 * out-neighbour that is still inactive, per layer; successes activate at tick t + 1 with the first
 * successful source (layers in order, frontier in id order, ties in CSR order) as parent. For
 * p > SKIP_BELOW a coin is drawn per still-inactive target (a coin for an active target could change
 * nothing, so skipping it keeps the model exact); for p ≤ SKIP_BELOW the kernel jumps from success to
 * success by geometric gaps, the same distribution. A complete layer is never materialised: with A nodes activated at tick t, each inactive
 * node activates with probability 1 − (1 − p)^A (independent ties), and its parent is uniform among
 * the A (all are equally likely to be a successful source). Ends when a tick activates nobody.
 * Random draws on CSR layers come from a child alea derived from `rng` (see fast-alea.ts).
 */
export function createIndependentCascade(
  graph: Graph,
  p: number | readonly number[],
  seeds: Uint32Array,
  rng: Rng,
): IndependentCascade {
  const probabilities = layerProbabilities(graph, p);
  const layers: readonly SimpleGraph[] = graph.kind === 'multiplex' ? graph.layers : [graph];
  const nodeCount = graph.nodeCount;
  const log = createAdopterLog(nodeCount);
  const active = new Int32Array((nodeCount + 31) >>> 5);
  const sortScratch = new Int32Array(active.length);
  const alea = deriveAlea(rng);
  adoptSeeds(log, seeds);
  for (let i = 0; i < log.state.adoptedCount; i++) markActive(active, log.order[i]!);
  log.state.activeCount = log.state.adoptedCount;
  const hasComplete = layers.some((layer) => layer.kind === 'complete');
  const pool = hasComplete ? createPool(nodeCount, log.state.adoptTick) : undefined;
  const picked = hasComplete ? new Uint32Array(nodeCount) : undefined;
  let edgesScanned = 0;

  const simulation: IndependentCascade = {
    state: log.state,
    get edgesScanned() {
      return edgesScanned;
    },
    isDone: () => log.state.activeCount === 0,
    step() {
      const state = log.state;
      if (state.activeCount === 0) return;
      const tick = state.tick;
      const frontierStart = log.tickStart[tick]!;
      const frontierEnd = log.tickStart[tick + 1]!;
      // Scanning the frontier in id order turns random jumps through offsets/targets into one forward
      // sweep (several times faster on large graphs). It changes only which successful source is
      // named parent and the order coins are drawn in, not the model.
      sortFrontier(log.order, frontierStart, frontierEnd, sortScratch);
      for (let l = 0; l < layers.length; l++) {
        const layer = layers[l]!;
        const probability = probabilities[l]!;
        if (!(probability > 0)) continue;
        if (layer.kind === 'csr') {
          const adoptedBefore = log.state.adoptedCount;
          const spread = probability <= SKIP_BELOW ? spreadOnCsrBySkips : spreadOnCsr;
          edgesScanned += spread(log, layer, probability, frontierStart, frontierEnd, active, alea);
          if (pool)
            for (let i = adoptedBefore; i < log.state.adoptedCount; i++) removeFromPool(pool, log.order[i]!);
        } else {
          spreadOnComplete(log, layer, probability, frontierStart, frontierEnd, active, pool!, picked!, rng);
        }
      }
      state.tick = tick + 1;
      closeTick(log, tick + 1);
      state.activeCount = state.adoptedCount - frontierEnd;
    },
    stateHash: () =>
      hashState(log.state, [active, alea, ...(pool ? [pool.members.subarray(0, pool.size)] : [])], [rng]),
  };
  return simulation;
}

/** A complete layer, by thinning the pool of inactive nodes (see createIndependentCascade). */
function spreadOnComplete(
  log: AdopterLog,
  _layer: CompleteGraph,
  probability: number,
  start: number,
  end: number,
  active: Int32Array,
  pool: NodePool,
  picked: Uint32Array,
  rng: Rng,
): void {
  const sources = end - start;
  const perNode = -Math.expm1(sources * Math.log1p(-probability));
  const count = takeEach(pool, probability >= 1 ? 1 : perNode, rng, picked);
  const nextTick = log.state.tick + 1;
  for (let i = 0; i < count; i++) {
    const v = picked[i]!;
    markActive(active, v);
    recordAdoption(log, v, nextTick, log.order[start + rng.int(sources)]!);
  }
}

/** Sets bit v of the bitset (bit v & 31 of word v >>> 5): the IC status, 1 bit per node so it stays in cache. */
function markActive(active: Int32Array, v: number): void {
  active[v >>> 5]! |= 1 << (v & 31);
}
