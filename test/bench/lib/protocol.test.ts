// Tests for the bench figure protocol: the line format children print and the PASS/MISS rule bench/run.ts applies.
import { describe, expect, it } from 'vitest';
import { FIGURE_TAG, type Figure, figurePasses, parseFigureLine } from '../../../bench/lib/protocol.ts';

const buildTime: Figure = {
  key: 'ba.build.seconds',
  label: 'BA build',
  value: 1.2,
  unit: 's',
  target: 1.5,
  direction: 'atMost',
};

describe('figure lines', () => {
  it('reads back exactly the figure a child printed', () => {
    const line = `${FIGURE_TAG}${JSON.stringify(buildTime)}`;
    expect(parseFigureLine(line)).toEqual(buildTime);
  });

  it('passes ordinary output lines through as not-a-figure', () => {
    expect(parseFigureLine('build 1/3: 1.2 s')).toBeUndefined();
  });

  it('refuses a tagged line without a key or a numeric value', () => {
    expect(() => parseFigureLine(`${FIGURE_TAG}{"label":"x","value":"fast"}`)).toThrow(/malformed/);
  });
});

describe('targets', () => {
  it('judges times and sizes as at most the target, boundary included', () => {
    expect(figurePasses(buildTime)).toBe(true);
    expect(figurePasses({ ...buildTime, value: 1.5 })).toBe(true);
    expect(figurePasses({ ...buildTime, value: 1.51 })).toBe(false);
  });

  it('judges rates as at least the target, boundary included', () => {
    const rate: Figure = {
      key: 'ic',
      label: 'IC scan',
      value: 40,
      unit: 'M edges/s',
      target: 40,
      direction: 'atLeast',
    };
    expect(figurePasses(rate)).toBe(true);
    expect(figurePasses({ ...rate, value: 39.9 })).toBe(false);
  });

  it('leaves figures without a target unjudged', () => {
    expect(figurePasses({ key: 'ratio', label: 'vs AgentScript', value: 30, unit: '×' })).toBeUndefined();
  });
});
