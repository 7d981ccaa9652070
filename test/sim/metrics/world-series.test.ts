// Tests the column names of the world's CSV files: trend, platform, region and fandom names as slugs, unique within a file.
import { describe, expect, it } from 'vitest';
import { slug, uniqueSlugs } from '../../../sim/metrics/world-series.ts';

describe('a column slug', () => {
  it('lowercases Latin names, drops their accents and joins words with underscores', () => {
    expect(slug('Café Dance')).toBe('cafe_dance');
    expect(slug('  Orbit Step — Challenge! ')).toBe('orbit_step_challenge');
    expect(slug('Ünïcödé')).toBe('unicode');
  });

  it('keeps the letters of other scripts, recomposed (Hangul syllables, kana with voicing marks, Devanagari signs)', () => {
    expect(slug('달고나 커피')).toBe('달고나_커피');
    expect(slug('ダンス')).toBe('ダンス');
    expect(slug('नमस्ते Step')).toBe('नमस्ते_step');
  });

  it('falls back to "x" for a name without letters or digits', () => {
    expect(slug('!!!')).toBe('x');
  });
});

describe('unique slugs', () => {
  it('number repeats _2, _3 … in order, so two names that differ only in punctuation stay two columns', () => {
    expect(uniqueSlugs(['Test Step', 'Test-Step', 'test step'])).toEqual([
      'test_step',
      'test_step_2',
      'test_step_3',
    ]);
    expect(uniqueSlugs(['달고나', '커피'])).toEqual(['달고나', '커피']);
  });
});
