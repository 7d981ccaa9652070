// Tests for the region names' size and shortening: exact cases with a fixed-width measure (7 px a character).
import { describe, expect, it } from 'vitest';
import { fitText, labelFontPx, REGION_LABEL } from '../../../src/render/region-labels.ts';

const sevenPxEach = (text: string) => text.length * 7;

describe('region names', () => {
  it('scale with the zoom, but not below the readable minimum', () => {
    expect(labelFontPx(1)).toBe(REGION_LABEL.fontSize);
    expect(labelFontPx(0.75)).toBe(REGION_LABEL.fontSize * 0.75);
    expect(labelFontPx(0.27)).toBe(REGION_LABEL.minPx);
  });

  it('keep a name that fits whole', () => {
    expect(fitText('Korea', 35, sevenPxEach)).toBe('Korea');
  });

  it('end a name too wide for its box in an ellipsis, on the longest prefix that fits, without a space before it', () => {
    // 'Middle East & Africa' is 20 characters (140 px); 70 px holds 10: 'Middle Ea…' is 10.
    expect(fitText('Middle East & Africa', 70, sevenPxEach)).toBe('Middle Ea…');
    // 56 px holds 8: 'Middle E…' is 9; the next shorter prefix drops its trailing space: 'Middle…' (7).
    expect(fitText('Middle East & Africa', 56, sevenPxEach)).toBe('Middle…');
  });

  it('shows only an ellipsis, or nothing, in a box too narrow for a letter', () => {
    expect(fitText('Japan', 10, sevenPxEach)).toBe('…');
    expect(fitText('Japan', 5, sevenPxEach)).toBe('');
  });
});
