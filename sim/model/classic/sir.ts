// Discrete-time SIR (per-contact β, recovery γ per tick) on CSR and complete graphs. Pure: randomness from the injected Rng.
import type { Graph } from '../../graph/csr.ts';
import type { Rng } from '../../rng.ts';
import { aleaNext, deriveAlea } from './fast-alea.ts';
import { createPool, takeEach } from './pool.ts';
import {
  adoptSeeds,
  type ClassicSimulation,
  closeTick,
  createAdopterLog,
  hashState,
  recordAdoption,
} from './state.ts';
import { unionOfLayers } from './union.ts';

const SUSCEPTIBLE = 0;
const INFECTED = 1;
const RECOVERED = 2;

/**
 * Each tick, every node infected at the start of the tick tries each susceptible out-neighbour once
 * with probability β (successes are infected from the next tick on, parent = first successful
 * infector), then recovers with probability γ. So a tie transmits with probability
 * T = Σ_{d≥1} (1−β)^{d−1} β (1−γ)^{d−1} = β / (β + γ − βγ), Newman's (2002) transmissibility.
 * Seeds are infected at tick 0 and first transmit in the step to tick 1. A multiplex graph is read as
 * the union of its layers. On a complete graph, with I infected, each susceptible is infected with
 * probability 1 − (1 − β)^I and its parent is uniform among the I. Ends when nobody is infected.
 * `adoptTick` is the infection tick; `activeCount` is the number infected now.
 */
export function createSir(
  graph: Graph,
  beta: number,
  gamma: number,
  seeds: Uint32Array,
  rng: Rng,
): ClassicSimulation {
  const network = unionOfLayers(graph);
  const nodeCount = graph.nodeCount;
  const log = createAdopterLog(nodeCount);
  const status = new Uint8Array(nodeCount);
  const infected = new Uint32Array(nodeCount);
  const alea = deriveAlea(rng);
  adoptSeeds(log, seeds);
  let infectedCount = log.state.adoptedCount;
  for (let i = 0; i < infectedCount; i++) {
    infected[i] = log.order[i]!;
    status[log.order[i]!] = INFECTED;
  }
  log.state.activeCount = infectedCount;
  const pool = network.kind === 'complete' ? createPool(nodeCount, log.state.adoptTick) : undefined;
  const picked = pool ? new Uint32Array(nodeCount) : undefined;

  function transmitOnCsr(offsets: Uint32Array, targets: Uint32Array): void {
    const state = log.state;
    const order = log.order;
    const adoptTick = state.adoptTick;
    const parent = state.parent;
    const nextTick = state.tick + 1;
    let adopted = state.adoptedCount;
    let s0 = alea[0]!;
    let s1 = alea[1]!;
    let s2 = alea[2]!;
    let c = alea[3]!;
    for (let i = 0; i < infectedCount; i++) {
      const u = infected[i]!;
      const last = offsets[u + 1]!;
      for (let e = offsets[u]!; e < last; e++) {
        const v = targets[e]!;
        if (status[v] !== SUSCEPTIBLE) continue;
        const t = 2091639 * s0 + c * 2.3283064365386963e-10;
        s0 = s1;
        s1 = s2;
        c = t | 0;
        s2 = t - c;
        if (s2 < beta) {
          status[v] = INFECTED;
          adoptTick[v] = nextTick;
          parent[v] = u;
          order[adopted++] = v;
        }
      }
    }
    alea[0] = s0;
    alea[1] = s1;
    alea[2] = s2;
    alea[3] = c;
    state.adoptedCount = adopted;
  }

  function transmitWellMixed(): void {
    if (infectedCount === 0 || !pool || !picked) return;
    const perNode = beta >= 1 ? 1 : -Math.expm1(infectedCount * Math.log1p(-beta));
    const count = takeEach(pool, perNode, rng, picked);
    const nextTick = log.state.tick + 1;
    for (let i = 0; i < count; i++) {
      const v = picked[i]!;
      status[v] = INFECTED;
      recordAdoption(log, v, nextTick, infected[rng.int(infectedCount)]!);
    }
  }

  return {
    state: log.state,
    isDone: () => infectedCount === 0,
    step() {
      const state = log.state;
      if (infectedCount === 0) return;
      const before = state.adoptedCount;
      if (beta > 0) {
        if (network.kind === 'csr') transmitOnCsr(network.offsets, network.targets);
        else transmitWellMixed();
      }
      let kept = 0;
      for (let i = 0; i < infectedCount; i++) {
        const u = infected[i]!;
        if (aleaNext(alea) < gamma) status[u] = RECOVERED;
        else infected[kept++] = u;
      }
      for (let i = before; i < state.adoptedCount; i++) infected[kept++] = log.order[i]!;
      infectedCount = kept;
      state.tick += 1;
      closeTick(log, state.tick);
      state.activeCount = infectedCount;
    },
    stateHash: () => hashState(log.state, [status, infected.subarray(0, infectedCount), alea], [rng]),
  };
}
