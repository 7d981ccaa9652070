// Tests for the pure palette: hex parsing, particle colour packing, theme contrast, and tint updates that touch only changes.
import { describe, expect, it } from 'vitest';
import {
  CATEGORICAL,
  contrast,
  mix,
  NEUTRAL,
  onTheme,
  parseHex,
  platformMaskColor,
  THEMES,
  toHex,
  toParticleColor,
  updateTints,
} from '../../../src/render/palette.ts';

describe('palette', () => {
  it('parses #rrggbb and #rgb colours and falls back to neutral for anything else', () => {
    expect(parseHex('#ff4f9a')).toBe(0xff4f9a);
    expect(parseHex('#f0a')).toBe(0xff00aa);
    expect(parseHex('red')).toBe(NEUTRAL);
    expect(parseHex('#12345g')).toBe(NEUTRAL);
    expect(toHex(0x0a0b0c)).toBe('#0a0b0c');
  });

  it('packs particle colours as ABGR with alpha in the top byte', () => {
    expect(toParticleColor(0x112233)).toBe(0xff332211);
    expect(toParticleColor(0x112233, 0)).toBe(0x00332211);
  });

  it('mixes colours linearly per channel', () => {
    expect(mix(0x000000, 0xffffff, 0.5)).toBe(0x808080);
    expect(mix(0x123456, 0xabcdef, 0)).toBe(0x123456);
    expect(mix(0x123456, 0xabcdef, 1)).toBe(0xabcdef);
  });

  it('colours a platform mask by its lowest set bit', () => {
    expect(platformMaskColor(0)).toBe(NEUTRAL);
    expect(platformMaskColor(0b10100)).toBe(CATEGORICAL[2]);
  });

  it('keeps every categorical colour distinguishable from each theme background (WCAG contrast ≥ 1.5)', () => {
    // Blue 0x0072b2 on black is the weakest pair of Okabe–Ito on a dark ground (about 3.3); 1.5 is the floor for
    // a filled dot to read as "there" against the background.
    for (const theme of Object.values(THEMES)) {
      for (const colour of CATEGORICAL)
        expect(contrast(onTheme(colour, theme), theme.background)).toBeGreaterThan(1.5);
    }
    expect(contrast(0xffffff, 0x000000)).toBeCloseTo(21, 5);
  });
});

describe('updateTints', () => {
  const base = new Uint32Array([1, 2, 3, 4]);
  const trendColors = [0xff0000, 0x00ff00];

  it('colours adopters in their trend colour and others in their base colour', () => {
    const out = new Uint32Array(4);
    const changed = updateTints(out, new Uint8Array([0, 1, 2, 0]), null, base, trendColors);
    expect(changed).toEqual([0, 1, 2, 3]);
    expect([...out]).toEqual([1, toParticleColor(0xff0000), toParticleColor(0x00ff00), 4]);
  });

  it('rewrites only the agents whose adopted trend changed', () => {
    const out = new Uint32Array(4);
    updateTints(out, new Uint8Array([0, 1, 2, 0]), null, base, trendColors);
    const changed = updateTints(
      out,
      new Uint8Array([0, 1, 1, 2]),
      new Uint8Array([0, 1, 2, 0]),
      base,
      trendColors,
    );
    expect(changed).toEqual([2, 3]);
    expect(out[2]).toBe(toParticleColor(0xff0000));
    expect(out[3]).toBe(toParticleColor(0x00ff00));
  });
});
