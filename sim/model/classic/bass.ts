// The Bass diffusion model, well mixed or on a network, in ticks of length dt. Pure: randomness from the injected Rng.
import type { Graph } from '../../graph/csr.ts';
import type { Rng } from '../../rng.ts';
import { createPool, removeFromPool, takeEach } from './pool.ts';
import {
  adoptSeeds,
  type ClassicSimulation,
  closeTick,
  createAdopterLog,
  hashState,
  recordAdoption,
} from './state.ts';
import { unionOfLayers } from './union.ts';

export interface BassParameters {
  readonly p: number;
  readonly q: number;
  readonly dt: number;
  readonly mixing: 'global' | 'network';
}

/**
 * Each tick every non-adopter adopts with probability 1 − exp(−(p + qF)·dt): the exact chance of an
 * event of a constant hazard p + qF over one tick, with F held at its start-of-tick value (always a
 * probability, even when (p + qF)·dt > 1; for small dt it is (p + qF)·dt to first order). Mixing
 * `global`: F = adopters / N, everyone alike. Mixing `network`: F = adopted in-neighbours / in-degree
 * of that agent (0 when it has none); a multiplex graph is read as the union of its layers, and on a
 * complete graph `network` is the same as `global` (F = adopters / N). An adoption is attributed to
 * innovation (parent −1) with probability p / (p + qF), else to imitation of an adopter drawn
 * uniformly from the earlier adopters (global) or from the adopted in-neighbours (network). Seeds
 * adopt at tick 0. Ends when everyone adopted, or when p = 0 and nobody can still imitate.
 */
export function createBass(
  graph: Graph,
  parameters: BassParameters,
  seeds: Uint32Array,
  rng: Rng,
): ClassicSimulation {
  const { p, q, dt } = parameters;
  const network = unionOfLayers(graph);
  const csr = parameters.mixing === 'network' && network.kind === 'csr' ? network : undefined;
  const nodeCount = graph.nodeCount;
  const log = createAdopterLog(nodeCount);
  adoptSeeds(log, seeds);
  log.state.activeCount = log.state.adoptedCount;
  const pool = createPool(nodeCount, log.state.adoptTick);
  const picked = new Uint32Array(nodeCount);
  const exposures = new Uint32Array(csr ? nodeCount : 0);
  let exposedCount = 0;

  function expose(from: number, to: number): void {
    if (!csr) return;
    const adoptTick = log.state.adoptTick;
    for (let i = from; i < to; i++) {
      const u = log.order[i]!;
      for (let e = csr.offsets[u]!; e < csr.offsets[u + 1]!; e++) {
        const v = csr.targets[e]!;
        if (adoptTick[v] === -1 && exposures[v]!++ === 0) exposedCount++;
      }
    }
  }
  expose(0, log.state.adoptedCount);

  function imitatedNeighbour(v: number): number {
    if (!csr) return -1;
    let chosen = -1;
    let seen = 0;
    for (let e = csr.inOffsets[v]!; e < csr.inOffsets[v + 1]!; e++) {
      const u = csr.inTargets[e]!;
      if (log.state.adoptTick[u] === -1 || log.state.adoptTick[u]! > log.state.tick) continue;
      if (rng.int(++seen) === 0) chosen = u;
    }
    return chosen;
  }

  /** Network mixing: one draw per non-adopter with its own F. Writes picks to `picked`, returns how many. */
  function pickOnNetwork(): number {
    if (!csr) return 0;
    let count = 0;
    for (let i = 0; i < pool.size; i++) {
      const v = pool.members[i]!;
      const degree = csr.inOffsets[v + 1]! - csr.inOffsets[v]!;
      const fraction = degree === 0 ? 0 : exposures[v]! / degree;
      if (rng.next() < -Math.expm1(-(p + q * fraction) * dt)) picked[count++] = v;
    }
    for (let i = 0; i < count; i++) removeFromPool(pool, picked[i]!);
    return count;
  }

  const isDone = (): boolean =>
    pool.size === 0 || (p === 0 && (q === 0 || (csr ? exposedCount === 0 : log.state.adoptedCount === 0)));

  return {
    state: log.state,
    isDone,
    step() {
      if (isDone()) return;
      const state = log.state;
      const before = state.adoptedCount;
      const globalFraction = before / nodeCount;
      const count = csr
        ? pickOnNetwork()
        : takeEach(pool, -Math.expm1(-(p + q * globalFraction) * dt), rng, picked);
      const nextTick = state.tick + 1;
      for (let i = 0; i < count; i++) {
        const v = picked[i]!;
        let fraction = globalFraction;
        if (csr) {
          const degree = csr.inOffsets[v + 1]! - csr.inOffsets[v]!;
          fraction = degree === 0 ? 0 : exposures[v]! / degree;
          if (exposures[v]! > 0) exposedCount--;
        }
        const byInnovation = rng.next() * (p + q * fraction) < p;
        const from = byInnovation ? -1 : csr ? imitatedNeighbour(v) : log.order[rng.int(before)]!;
        recordAdoption(log, v, nextTick, from);
      }
      state.tick = nextTick;
      closeTick(log, nextTick);
      state.activeCount = state.adoptedCount - before;
      expose(before, state.adoptedCount);
    },
    stateHash: () => hashState(log.state, [exposures, pool.members.subarray(0, pool.size)], [rng]),
  };
}
