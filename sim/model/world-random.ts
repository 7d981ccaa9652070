// Fast draws for building the world: a child alea stepped in closure variables, normals, Pareto, stochastic rounding. Pure; no host APIs.
import type { Rng } from '../rng.ts';
import { aleaNext, deriveAlea } from './classic/fast-alea.ts';

/** A uniform draw in [0, 1). */
export type Uniform = () => number;

/**
 * A child alea generator seeded from three draws of `rng` (the one in sim/model/classic/fast-alea.ts), as a
 * plain function for the builders. Deterministic given `rng`'s state.
 */
export function uniformFrom(rng: Rng): Uniform {
  const state = deriveAlea(rng);
  return () => aleaNext(state);
}

/** Standard normal draws by the Box–Muller transform, both values of each pair used. */
export function normalFrom(uniform: Uniform): () => number {
  const spare = new Float64Array(2); // [value, 1 if unused]: typed, so writing it allocates nothing
  return () => {
    if (spare[1] === 1) {
      spare[1] = 0;
      return spare[0]!;
    }
    const radius = Math.sqrt(-2 * Math.log(1 - uniform()));
    const angle = 2 * Math.PI * uniform();
    spare[0] = radius * Math.sin(angle);
    spare[1] = 1;
    return radius * Math.cos(angle);
  };
}

/** A lognormal factor with mean exactly 1 and log-standard-deviation `sigma`, from a standard normal `z`. */
export function unitLognormal(z: number, sigma: number): number {
  return Math.exp(sigma * z - (sigma * sigma) / 2);
}

/** ⌊x⌋ or ⌈x⌉ with the chance that makes the mean exactly x (x ≥ 0). */
export function stochasticRound(x: number, u: number): number {
  const whole = Math.floor(x);
  return u < x - whole ? whole + 1 : whole;
}

/** Index drawn from cumulative weights `cdf[from … from + n − 1]` (last entry = total > 0) with uniform `u`. */
export function drawFromCdf(cdf: Float64Array, from: number, n: number, u: number): number {
  const target = u * cdf[from + n - 1]!;
  for (let i = 0; i < n - 1; i++) if (target < cdf[from + i]!) return i;
  return n - 1;
}
