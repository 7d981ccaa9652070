// Shared state and plumbing of the classic diffusion models: adoption arrays, adopter log, hashing. No graph walking, no I/O.

import { StateHasher } from '../../hash.ts';
import type { Rng } from '../../rng.ts';

/**
 * The dynamic state every classic model exposes. Arrays have length `nodeCount`.
 * `adoptTick[v]` is the tick v adopted (was infected), −1 if never; seeds adopt at tick 0.
 * `parent[v]` is who v adopted from, −1 for seeds, spontaneous adoptions and never-adopted nodes;
 * whenever `parent[v] ≥ 0`, `adoptTick[parent[v]] < adoptTick[v]`.
 * `adoptedCount` counts nodes ever adopted (SIR: ever infected); `activeCount` counts nodes that can
 * still pass the trend on (IC: activated in the latest tick; SIR: infected now; threshold and Bass:
 * adopted in the latest tick; limited attention: memes posted in the latest tick).
 */
export interface ContagionState {
  nodeCount: number;
  tick: number;
  adoptTick: Int32Array;
  parent: Int32Array;
  adoptedCount: number;
  activeCount: number;
}

/** One classic model on one graph, advanced one tick at a time by `step()`. */
export interface ClassicSimulation {
  readonly state: ContagionState;
  /** Advances one tick; does nothing once `isDone()`. */
  step(): void;
  /** True when nothing can change any more (limited attention: never). */
  isDone(): boolean;
  /** FNV digest of every dynamic array, the counters and the generator state(s). */
  stateHash(): string;
}

/**
 * The state plus the adopter log: `order[0 .. state.adoptedCount-1]` lists adopters in adoption order,
 * and the adopters of tick t are `order[tickStart[t] .. tickStart[t+1]-1]` (tickStart grows as ticks pass).
 */
export interface AdopterLog {
  readonly state: ContagionState;
  readonly order: Uint32Array;
  /** tickStart[t] = index into `order` of the first adopter of tick t; length ≥ tick + 2 once tick t is closed. */
  tickStart: Uint32Array;
}

export function createAdopterLog(nodeCount: number): AdopterLog {
  const adoptTick = new Int32Array(nodeCount).fill(-1);
  const parent = new Int32Array(nodeCount).fill(-1);
  return {
    state: { nodeCount, tick: 0, adoptTick, parent, adoptedCount: 0, activeCount: 0 },
    order: new Uint32Array(nodeCount),
    tickStart: new Uint32Array(16),
  };
}

/** Records that `node` adopts at `tick` from `from` (−1: seed or spontaneous). The caller guarantees it had not adopted. */
export function recordAdoption(log: AdopterLog, node: number, tick: number, from: number): void {
  const state = log.state;
  state.adoptTick[node] = tick;
  state.parent[node] = from;
  log.order[state.adoptedCount++] = node;
}

/** Closes tick `tick`: everything recorded so far belongs to ticks ≤ tick. */
export function closeTick(log: AdopterLog, tick: number): void {
  if (log.tickStart.length < tick + 2) {
    const grown = new Uint32Array(Math.max(tick + 2, log.tickStart.length * 2));
    grown.set(log.tickStart);
    log.tickStart = grown;
  }
  log.tickStart[tick + 1] = log.state.adoptedCount;
}

/** Adopts the seeds at tick 0 (repeats ignored) and closes tick 0. */
export function adoptSeeds(log: AdopterLog, seeds: Uint32Array): void {
  for (let i = 0; i < seeds.length; i++) {
    const seed = seeds[i]!;
    if (seed >= log.state.nodeCount)
      throw new RangeError(`seed ${seed} is not a node of a ${log.state.nodeCount}-node graph`);
    if (log.state.adoptTick[seed] === -1) recordAdoption(log, seed, 0, -1);
  }
  closeTick(log, 0);
}

/** Digest of the common state, extra arrays and generator states (keys hashed in sorted order). */
export function hashState(
  state: ContagionState,
  extra: readonly ArrayBufferView[],
  rngs: readonly Rng[],
  numbers: readonly number[] = [],
): string {
  const hasher = new StateHasher();
  hasher.addNumber(state.tick).addNumber(state.adoptedCount).addNumber(state.activeCount);
  hasher.addArray(state.adoptTick).addArray(state.parent);
  for (const array of extra) hasher.addArray(array);
  for (const value of numbers) hasher.addNumber(value);
  for (const rng of rngs) {
    const saved = rng.save();
    for (const key of Object.keys(saved).sort()) hasher.addNumber(saved[key]!);
  }
  return hasher.hex();
}
