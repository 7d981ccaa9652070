// Where a transmission's glow is and how it looks at a given age: a pulse that runs along the tie from the parent to the new adopter, then blooms there and fades. Pure; must not touch Pixi or the DOM.

/** Timing of one glow (ms): the run along the tie, then the bloom at the adopter. */
export const GLOW_MOTION = { travelMs: 450, bloomMs: 900, travelScale: 0.7 } as const;

/** Total time a glow is visible (ms). */
export const GLOW_LIFETIME_MS = GLOW_MOTION.travelMs + GLOW_MOTION.bloomMs;

/** A glow at one moment: `along` 0 at the parent … 1 at the adopter, alpha, and size as a factor of the bloom's base. */
export interface GlowLook {
  along: number;
  alpha: number;
  scale: number;
}

/**
 * The look of a glow `ageMs` after its transmission, written into `out` (called for hundreds of glows per frame, so
 * nothing is allocated); returns false once it is over. The run eases out (fast start, gentle arrival); the bloom
 * grows from 0.6 to 1.4 × the base size while its alpha falls as (1 − t)².
 */
export function glowLook(ageMs: number, out: GlowLook): boolean {
  if (ageMs < 0 || ageMs >= GLOW_LIFETIME_MS) return false;
  if (ageMs < GLOW_MOTION.travelMs) {
    const t = ageMs / GLOW_MOTION.travelMs;
    out.along = 1 - (1 - t) * (1 - t);
    out.alpha = 1;
    out.scale = GLOW_MOTION.travelScale;
    return true;
  }
  const t = (ageMs - GLOW_MOTION.travelMs) / GLOW_MOTION.bloomMs;
  out.along = 1;
  out.alpha = (1 - t) * (1 - t);
  out.scale = 0.6 + 0.8 * t;
  return true;
}

/** The birth time to give a glow that has no tie to run along (a seed): it starts at its bloom. */
export function bloomOnlyBirth(now: number): number {
  return now - GLOW_MOTION.travelMs;
}
