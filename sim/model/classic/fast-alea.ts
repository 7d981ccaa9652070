// A child alea generator held in a Float64Array so hot loops can step it in local variables. Pure; no host APIs.
import type { Rng } from '../../rng.ts';

/**
 * Layout: `[s0, s1, s2, c]`, exactly alea's state (seedrandom 3): s0..s2 are multiples of 2⁻³² in [0, 1)
 * and c is a small integer. A hot loop loads the four into locals, steps them inline with
 * `t = 2091639 * s0 + c * 2.3283064365386963e-10; s0 = s1; s1 = s2; c = t | 0; s2 = t - c;` (s2 is the draw)
 * and stores them back, which avoids a closure call and three property writes per draw.
 */
export type AleaState = Float64Array;

/** Derives a child generator from three draws of `rng` (alea's own seeding also starts from c = 1). */
export function deriveAlea(rng: Rng): AleaState {
  return Float64Array.of(rng.next(), rng.next(), rng.next(), 1);
}

/** One uniform draw in [0, 1) from a child generator (for code outside the hot loops). */
export function aleaNext(state: AleaState): number {
  const t = 2091639 * state[0]! + state[3]! * 2.3283064365386963e-10;
  state[0] = state[1]!;
  state[1] = state[2]!;
  const c = t | 0;
  state[3] = c;
  const draw = t - c;
  state[2] = draw;
  return draw;
}

/**
 * ⌊draw × n⌋ for one draw: an integer index below n. Where V8 does not inline the call (a large caller), a double
 * returned from aleaNext is boxed on the heap; a small integer or a boolean (aleaChance) is not.
 */
export function aleaBelow(state: AleaState, n: number): number {
  return Math.floor(aleaNext(state) * n);
}

/** Whether one draw falls below `chance` (aleaNext(state) < chance, without returning a double). */
export function aleaChance(state: AleaState, chance: number): boolean {
  return aleaNext(state) < chance;
}
