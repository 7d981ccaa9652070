// The GIF export's plan: which hours become frames (the live window, a replay to live, the 240-frame cap), the output size, the frame delays, the names.
import { describe, expect, it } from 'vitest';
import { exportFileName } from '../../../src/export/csv.ts';
import {
  evenlySpaced,
  GIF,
  gifButtonLabel,
  gifDelays,
  gifHours,
  gifRangeKind,
  gifSize,
} from '../../../src/export/gif-plan.ts';

const range = (first: number, last: number) => Array.from({ length: last - first + 1 }, (_, i) => first + i);

describe('gif hours', () => {
  it('records the last 48 hours of a live run, from the hour before them to the live one', () => {
    expect(gifHours(100, null)).toEqual(range(52, 100));
    expect(gifHours(100, null)).toHaveLength(GIF.windowHours + 1);
  });

  it('starts at hour 0 when the run is shorter than the window', () => {
    expect(gifHours(30, null)).toEqual(range(0, 30));
    expect(gifHours(48, null)).toEqual(range(0, 48));
    expect(gifHours(1, null)).toEqual([0, 1]);
  });

  it('records nothing at hour 0', () => {
    expect(gifHours(0, null)).toEqual([]);
  });

  it('records from a replayed hour to the live one, both included, however far back', () => {
    expect(gifHours(30, 20)).toEqual(range(20, 30));
    expect(gifHours(30, 29)).toEqual([29, 30]);
    expect(gifHours(200, 0)).toEqual(range(0, 200));
  });

  it('takes at most 240 evenly spaced hours of a longer range, both ends kept', () => {
    const hours = gifHours(2_000, 10);
    expect(hours).toHaveLength(GIF.maxFrames);
    expect(hours[0]).toBe(10);
    expect(hours.at(-1)).toBe(2_000);
    const gaps = hours.slice(1).map((h, i) => h - hours[i]!);
    // 1990 hours in 239 gaps: every gap is 8 or 9 hours.
    expect(Math.min(...gaps)).toBe(8);
    expect(Math.max(...gaps)).toBe(9);
  });

  it('never repeats an hour, just past the cap', () => {
    const hours = gifHours(240, 0); // 241 hours for 240 frames
    expect(hours).toHaveLength(240);
    expect(new Set(hours).size).toBe(240);
    expect(hours.every((h, i) => i === 0 || h > hours[i - 1]!)).toBe(true);
  });

  it('spaces any count evenly between two integers', () => {
    expect(evenlySpaced(0, 10, 3)).toEqual([0, 5, 10]);
    expect(evenlySpaced(0, 10, 100)).toEqual(range(0, 10));
    expect(evenlySpaced(5, 5, 10)).toEqual([5]);
    expect(evenlySpaced(6, 5, 10)).toEqual([]);
  });
});

describe('gif size and timing', () => {
  it('scales a wide canvas down to 640 pixels, keeping its aspect, and never scales up', () => {
    expect(gifSize(1280, 720)).toEqual({ width: 640, height: 360 });
    expect(gifSize(768, 409)).toEqual({ width: 640, height: 341 });
    expect(gifSize(372, 379)).toEqual({ width: 372, height: 379 });
    expect(gifSize(0, 0)).toEqual({ width: 1, height: 1 });
  });

  it('plays 8 frames a second in whole hundredths and holds the last frame 1.5 s', () => {
    const delays = gifDelays(49);
    expect(delays).toHaveLength(49);
    expect(delays.at(-1)).toBe(1_500);
    expect(delays.every((d) => d % 10 === 0)).toBe(true);
    expect(new Set(delays.slice(0, -1))).toEqual(new Set([120, 130]));
    // The running total stays within 5 ms of 125 ms a frame.
    let total = 0;
    for (const [i, delay] of delays.slice(0, -1).entries()) {
      total += delay;
      expect(Math.abs(total - (i + 1) * GIF.frameMs)).toBeLessThanOrEqual(5);
    }
    expect(gifDelays(1)).toEqual([1_500]);
    expect(gifDelays(0)).toEqual([]);
  });
});

describe('gif names and words', () => {
  it('names the file by its hours, with the seed and the live tick', () => {
    const name = exportFileName('dance-challenge', 'abc 12', 60, gifRangeKind(gifHours(60, null)), 'gif');
    expect(name).toBe('hallyu-lab_dance-challenge_seed-abc-12_tick-60_hours-12-60.gif');
  });

  it('says GIF when idle and counts frames while recording', () => {
    expect(gifButtonLabel(null)).toBe('GIF');
    expect(gifButtonLabel({ done: 12, total: 48 })).toBe('GIF 12/48…');
  });
});
