// Tests for read-out formatting, the region wave ranking and cascade facts, on exact small cases.
import { describe, expect, it } from 'vitest';
import {
  cascadeFacts,
  clockAfter,
  formatClock,
  formatCount,
  formatHours,
  formatPercent,
  formatSeconds,
  reachSentence,
  totalAdopters,
  waveRow,
} from '../../../src/ui/format.ts';

describe('read-out formatting', () => {
  it('shows the simulated clock as a 1-based day and a zero-padded UTC hour', () => {
    expect(formatClock(0, 7)).toBe('Day 1 · 07:00 UTC');
    expect(formatClock(2, 23)).toBe('Day 3 · 23:00 UTC');
  });

  it('tells the clock after a number of ticks by the hour of the latest tick, as summaries do', () => {
    expect(clockAfter(0)).toBe('Day 1 · 00:00 UTC');
    expect(clockAfter(1)).toBe('Day 1 · 00:00 UTC');
    expect(clockAfter(24)).toBe('Day 1 · 23:00 UTC');
    expect(clockAfter(30)).toBe('Day 2 · 05:00 UTC');
  });

  it('shortens counts to k and M with at most three significant digits', () => {
    expect(formatCount(950)).toBe('950');
    expect(formatCount(1_000)).toBe('1k');
    expect(formatCount(1_250)).toBe('1.25k');
    expect(formatCount(12_345)).toBe('12.3k');
    expect(formatCount(1_234_567)).toBe('1.23M');
    expect(formatCount(Number.NaN)).toBe('–');
  });

  it('formats shares, hours and the accessible reach sentence', () => {
    expect(formatPercent(0.1234)).toBe('12.3 %');
    expect(formatHours(5)).toBe('5 h');
    expect(formatHours(60)).toBe('2.5 d');
    expect(reachSentence({ name: 'Wave', adopters: 1234, exposed: 2500 }, 10_000)).toBe(
      'Wave: 1,234 adopters, reached 25.0 % of 10,000',
    );
    expect(totalAdopters([{ adopters: 3 }, { adopters: 4 }])).toBe(7);
  });
});

describe('waits', () => {
  it('shows whole seconds under a minute, then minutes and two-digit seconds', () => {
    expect([0, 8.9, 59.99, 60, 125, 3_725].map(formatSeconds)).toEqual([
      '0 s',
      '8 s',
      '59 s',
      '1 min 00 s',
      '2 min 05 s',
      '62 min 05 s',
    ]);
  });
});

describe('region wave', () => {
  it('measures onsets from the first region reached and ranks equal onsets together', () => {
    const row = waveRow([10, -1, 34, 10, 58]);
    expect(row.map((c) => c.hoursAfterFirst)).toEqual([0, null, 24, 0, 48]);
    expect(row.map((c) => c.rank)).toEqual([0, null, 1, 0, 2]);
  });

  it('leaves every region empty before the trend takes off anywhere', () => {
    expect(waveRow([-1, -1]).every((c) => c.rank === null)).toBe(true);
  });
});

describe('cascade facts', () => {
  it('lists size, depth, breadth and structural virality, or dashes without a cascade', () => {
    const facts = cascadeFacts({
      largestCascade: { root: 1, size: 1200, depth: 7, maxBreadth: 300, structuralVirality: 4.567 },
    });
    expect(facts.map((f) => f.value)).toEqual(['1,200', '7', '300', '4.57']);
    expect(cascadeFacts({ largestCascade: null }).every((f) => f.value === '–')).toBe(true);
  });
});
