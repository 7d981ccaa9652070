// A transmission's glow runs along the tie from the parent to the adopter, then blooms and fades there; a seed only blooms.
import { describe, expect, it } from 'vitest';
import {
  bloomOnlyBirth,
  GLOW_LIFETIME_MS,
  GLOW_MOTION,
  type GlowLook,
  glowLook,
} from '../../../src/render/glow-motion.ts';

const lookAt = (ageMs: number): GlowLook | null => {
  const out: GlowLook = { along: Number.NaN, alpha: Number.NaN, scale: Number.NaN };
  return glowLook(ageMs, out) ? out : null;
};

describe('glowLook', () => {
  it('starts at the parent, fully bright, and reaches the adopter when the run ends', () => {
    expect(lookAt(0)).toEqual({ along: 0, alpha: 1, scale: GLOW_MOTION.travelScale });
    expect(lookAt(GLOW_MOTION.travelMs - 1e-6)!.along).toBeCloseTo(1, 6);
    expect(lookAt(GLOW_MOTION.travelMs)).toEqual({ along: 1, alpha: 1, scale: 0.6 });
  });

  it('moves forward only, fastest at the start (ease-out)', () => {
    const steps = 45;
    let previous = -1;
    let previousStep = Number.POSITIVE_INFINITY;
    for (let i = 0; i <= steps; i++) {
      const along = lookAt((GLOW_MOTION.travelMs * i) / (steps + 1))!.along;
      if (i > 0) {
        expect(along).toBeGreaterThan(previous);
        expect(along - previous).toBeLessThanOrEqual(previousStep + 1e-12);
        previousStep = along - previous;
      }
      previous = along;
    }
  });

  it('blooms at the adopter, growing while it fades as (1 − t)², and is over after its lifetime', () => {
    const half = lookAt(GLOW_MOTION.travelMs + GLOW_MOTION.bloomMs / 2)!;
    expect(half).toEqual({ along: 1, alpha: 0.25, scale: 1 });
    let alpha = 2;
    let scale = 0;
    for (let age = GLOW_MOTION.travelMs; age < GLOW_LIFETIME_MS; age += 50) {
      const look = lookAt(age)!;
      expect(look.alpha).toBeLessThan(alpha);
      expect(look.scale).toBeGreaterThan(scale);
      alpha = look.alpha;
      scale = look.scale;
    }
    expect(lookAt(GLOW_LIFETIME_MS)).toBeNull();
    expect(lookAt(-1)).toBeNull();
  });

  it('lets a seed skip the run: born that early, it is at its bloom now', () => {
    const now = 10_000;
    expect(lookAt(now - bloomOnlyBirth(now))).toEqual({ along: 1, alpha: 1, scale: 0.6 });
  });
});
