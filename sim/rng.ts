// The one source of randomness for the engine: seeded alea streams. Must not touch Math.random, Date or any host API.
import seedrandom from 'seedrandom';

/** Opaque, JSON-serialisable generator state (alea's four numbers). */
export type RngState = Readonly<Record<string, number>>;

/**
 * A seeded uniform generator. `next()` is in [0, 1); `int(n)` is uniform in 0..n-1.
 * Streams are named so that changing how many draws one part of the engine makes
 * (say, the dynamics) never reshuffles another (say, the graph).
 */
export interface Rng {
  next(): number;
  int(n: number): number;
  /** Snapshot that `createRng(seed, stream, state)` resumes from exactly. */
  save(): RngState;
}

/** Well-known stream names, so two parts of the engine never share one by accident. */
export const STREAM = {
  graph: 'graph',
  seeding: 'seeding',
  dynamics: 'dynamics',
  world: 'world',
  layout: 'layout',
} as const;

interface AleaPrng {
  (): number;
  state(): RngState;
}

/** Creates the generator for `stream` of `seed`, optionally resuming from a saved state. */
export function createRng(seed: string, stream: string, state?: RngState): Rng {
  const options: { state: true | seedrandom.State.Alea } = {
    state: state ? ({ ...state } as unknown as seedrandom.State.Alea) : true,
  };
  const prng = seedrandom.alea(`${seed}\u0000${stream}`, options) as unknown as AleaPrng;
  return {
    next: prng,
    int: (n: number) => Math.floor(prng() * n),
    save: () => prng.state(),
  };
}

/** The seed of replicate `run` of a scenario seeded `seed`: printed in every output row. */
export function runSeed(seed: string, run: number): string {
  return run === 0 ? seed : `${seed}-${run}`;
}
