// The timeline's words and the replay clock's pace: the label of a live or replayed hour against the series rows, and how many ticks a playing replay moves per frame.
import { describe, expect, it } from 'vitest';
import { replayTicksDue } from '../../../src/ui/replay-clock.ts';
import { rowAt, timelineLabel, timelineLabelParts } from '../../../src/ui/timeline.ts';
import { seriesRow } from './series-row.ts';

const rows = Array.from({ length: 41 }, (_, tick) => seriesRow(tick, { adopters: [tick * 10, tick * 2] }));

describe('timeline', () => {
  it('finds the row of a tick at its index, or by search when rows start later', () => {
    expect(rowAt(rows, 12)?.tick).toBe(12);
    expect(rowAt(rows.slice(5), 12)?.tick).toBe(12);
    expect(rowAt(rows, 99)).toBeNull();
  });

  it('labels the live run by its clock, and a replay by its clock and everyone who had joined by then', () => {
    expect(timelineLabel(null, 40, rows)).toBe('Live · Day 2 · 15:00 UTC');
    expect(timelineLabel(30, 40, rows)).toBe('Replay · Day 2 · 05:00 UTC · 360 joined');
    expect(timelineLabel(30, 40, [])).toBe('Replay · Day 2 · 05:00 UTC');
  });

  it('splits the label so a narrow strip can show the clock alone', () => {
    expect(timelineLabelParts(30, 40, rows)).toEqual({
      mode: 'Replay · ',
      clock: 'Day 2 · 05:00 UTC',
      joined: ' · 360 joined',
    });
    expect(timelineLabelParts(null, 40, rows)).toEqual({
      mode: 'Live · ',
      clock: 'Day 2 · 15:00 UTC',
      joined: '',
    });
  });

  it('moves a playing replay at the run speed, carrying the fraction of a tick to the next frame', () => {
    expect(replayTicksDue(0, 24, 250)).toEqual({ ticks: 6, owed: 0 });
    const first = replayTicksDue(0, 24, 25); // 0.6 of a tick
    expect(first.ticks).toBe(0);
    const second = replayTicksDue(first.owed, 24, 25);
    expect(second.ticks).toBe(1);
    expect(second.owed).toBeCloseTo(0.2, 10);
  });

  it('does not leap after a stalled frame (a background tab): at most a quarter second of ticks', () => {
    expect(replayTicksDue(0, 24, 60_000).ticks).toBe(6); // as 250 ms
    expect(replayTicksDue(0, 24, -5).ticks).toBe(0);
  });
});
