// Threshold contagion: Watts's fractional threshold and k-threshold complex contagion with noise. Pure: randomness from the injected Rng.
import type { Graph } from '../../graph/csr.ts';
import type { Rng } from '../../rng.ts';
import { createPool, type NodePool, removeFromPool, takeEach } from './pool.ts';
import {
  adoptSeeds,
  type ClassicSimulation,
  closeTick,
  createAdopterLog,
  hashState,
  recordAdoption,
} from './state.ts';
import { unionOfLayers } from './union.ts';

/** `fraction`: adopt when adopted/neighbours ≥ φ (Watts 2002). `count`: adopt when ≥ k neighbours adopted, else with probability `noise` per tick. */
export type ThresholdRule =
  | { readonly kind: 'fraction'; readonly phi: number }
  | { readonly kind: 'count'; readonly k: number; readonly noise: number };

const NEVER = 0xffffffff;

/** Smallest adopted-neighbour count c ≥ 1 with c / degree ≥ φ (compared as the division, exact at ties like 3/10 vs 0.3); NEVER if degree is 0. */
export function fractionNeeded(degree: number, phi: number): number {
  if (degree === 0) return NEVER;
  let needed = Math.max(1, Math.ceil(phi * degree));
  while (needed > 1 && (needed - 1) / degree >= phi) needed--;
  while (needed <= degree && needed / degree < phi) needed++;
  return needed > degree ? NEVER : needed;
}

/**
 * Synchronous threshold dynamics. A node's neighbours are its in-neighbours (the nodes whose out-ties
 * reach it; all neighbours when undirected); a multiplex graph is read as the union of its layers.
 * A node whose adopted-neighbour count reaches its requirement at the end of tick t adopts at t + 1,
 * with the neighbour whose adoption completed the requirement as parent. Requirement: the fractional
 * rule needs c ≥ 1 adopted neighbours with c/degree ≥ φ (at least one, so φ = 0 does not adopt
 * isolated or unexposed nodes; degree-0 nodes never adopt); the count rule needs k. With noise ε,
 * every other non-adopter also adopts with probability ε per tick (parent −1). On a complete graph
 * every non-adopter has all adopters as neighbours (degree N − 1): once the requirement is met every
 * non-adopter adopts in the next tick, with a parent drawn uniformly from the latest tick's adopters.
 * Ends when no adoption is pending and noise cannot act (ε = 0 or everyone adopted).
 */
export function createThreshold(
  graph: Graph,
  rule: ThresholdRule,
  seeds: Uint32Array,
  rng: Rng,
): ClassicSimulation {
  const network = unionOfLayers(graph);
  const nodeCount = graph.nodeCount;
  const log = createAdopterLog(nodeCount);
  const noise = rule.kind === 'count' ? rule.noise : 0;
  const noisePool: NodePool | undefined = noise > 0 ? createPool(nodeCount) : undefined;
  const picked = new Uint32Array(noisePool ? nodeCount : 0);
  const csr = network.kind === 'csr' ? network : undefined;
  const exposures = new Uint32Array(csr ? nodeCount : 0);
  const needed = new Uint32Array(csr ? nodeCount : 0);
  const pending = new Uint32Array(csr ? nodeCount : 0);
  const pendingParent = new Int32Array(csr ? nodeCount : 0);
  let pendingCount = 0;
  const wellMixedNeed = rule.kind === 'count' ? rule.k : fractionNeeded(nodeCount - 1, rule.phi);
  if (csr) {
    for (let v = 0; v < nodeCount; v++) {
      const degree = csr.inOffsets[v + 1]! - csr.inOffsets[v]!;
      needed[v] = rule.kind === 'count' ? rule.k : fractionNeeded(degree, rule.phi);
    }
  }

  /** Counts the adoptions order[from..to) toward their out-neighbours; queues those that reach their requirement. */
  function expose(from: number, to: number): void {
    if (!csr) return;
    const { offsets, targets } = csr;
    const adoptTick = log.state.adoptTick;
    for (let i = from; i < to; i++) {
      const u = log.order[i]!;
      for (let e = offsets[u]!; e < offsets[u + 1]!; e++) {
        const v = targets[e]!;
        if (adoptTick[v] !== -1) continue;
        const count = ++exposures[v]!;
        if (count === needed[v]) {
          pending[pendingCount] = v;
          pendingParent[pendingCount++] = u;
          if (noisePool) removeFromPool(noisePool, v);
        }
      }
    }
  }

  function wellMixedTriggered(): boolean {
    return (
      network.kind === 'complete' &&
      log.state.adoptedCount < nodeCount &&
      log.state.adoptedCount >= wellMixedNeed
    );
  }

  adoptSeeds(log, seeds);
  if (noisePool) for (let i = 0; i < log.state.adoptedCount; i++) removeFromPool(noisePool, log.order[i]!);
  log.state.activeCount = log.state.adoptedCount;
  expose(0, log.state.adoptedCount);

  const isDone = (): boolean =>
    pendingCount === 0 && !wellMixedTriggered() && (!noisePool || noisePool.size === 0);

  return {
    state: log.state,
    isDone,
    step() {
      if (isDone()) return;
      const state = log.state;
      const tick = state.tick;
      const nextTick = tick + 1;
      const before = state.adoptedCount;
      if (wellMixedTriggered()) {
        const cohortStart = log.tickStart[tick]!;
        const cohortSize = before - cohortStart;
        for (let v = 0; v < nodeCount; v++) {
          if (state.adoptTick[v] !== -1) continue;
          if (noisePool) removeFromPool(noisePool, v);
          recordAdoption(log, v, nextTick, log.order[cohortStart + rng.int(cohortSize)]!);
        }
      }
      for (let i = 0; i < pendingCount; i++) recordAdoption(log, pending[i]!, nextTick, pendingParent[i]!);
      pendingCount = 0;
      if (noisePool) {
        const count = takeEach(noisePool, noise, rng, picked);
        for (let i = 0; i < count; i++) recordAdoption(log, picked[i]!, nextTick, -1);
      }
      state.tick = nextTick;
      closeTick(log, nextTick);
      state.activeCount = state.adoptedCount - before;
      expose(before, state.adoptedCount);
    },
    stateHash: () =>
      hashState(
        log.state,
        [
          exposures,
          pending.subarray(0, pendingCount),
          pendingParent.subarray(0, pendingCount),
          ...(noisePool ? [noisePool.members.subarray(0, noisePool.size)] : []),
        ],
        [rng],
      ),
  };
}
