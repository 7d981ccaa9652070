// Tests of the progress reporter without a TTY (throttled plain lines with ETA), of the sweep's job notes, and of CSV cells.
import { describe, expect, it } from 'vitest';
import { csvCell, csvLine } from '../../../sim/cli/csv.ts';
import { createProgress, formatDuration, jobNotesLine, progressLine } from '../../../sim/cli/progress.ts';
import { captureStream } from './cli-process.ts';

describe('progressLine', () => {
  it('reads like "sweep: 120/400 runs (30%), ETA 1m12s"', () => {
    // 120 runs in 30.857 s → 0.257 s per run → 280 left take 72 s.
    expect(progressLine('sweep', 120, 400, 30.857)).toBe('sweep: 120/400 runs (30%), ETA 1m12s');
    expect(progressLine('sweep', 400, 400, 3725)).toBe('sweep: 400/400 runs (100%), done in 1h02m');
  });

  it('formats durations in seconds, minutes and hours', () => {
    expect([formatDuration(45), formatDuration(72), formatDuration(7260)]).toEqual(['45s', '1m12s', '2h01m']);
  });
});

describe('createProgress without a TTY', () => {
  it('prints at most one line per interval, and a last line when stopped', () => {
    let clock = 0;
    const { stream, text } = captureStream();
    const progress = createProgress('sweep', 100, { stream, intervalMs: 5_000, now: () => clock });
    for (let done = 0; done < 100; done++) {
      clock = done * 1_000; // one run per second: 100 s in all, so 20 intervals of 5 s
      progress.update(done);
    }
    clock = 100_000;
    progress.update(100);
    progress.stop();
    const lines = text().trimEnd().split('\n');
    expect(lines).toHaveLength(21);
    expect(lines[1]).toBe('sweep: 5/100 runs (5%), ETA 1m35s');
    expect(lines.at(-1)).toBe('sweep: 100/100 runs (100%), done in 1m40s');
  });
});

describe('a progress note', () => {
  it('follows the count while it is given, and goes once an update leaves it out', () => {
    let clock = 0;
    const { stream, text } = captureStream();
    const progress = createProgress('run', 48, {
      stream,
      intervalMs: 5_000,
      now: () => clock,
      unit: 'ticks',
    });
    progress.update(0, 'building world 1: 0% (population)');
    clock = 6_000;
    progress.update(0, 'building world 1: 40% (Loop follows)');
    clock = 12_000;
    progress.update(24);
    progress.stop();
    expect(text().trimEnd().split('\n')).toEqual([
      'run: 0/48 ticks (0%) · building world 1: 0% (population)',
      'run: 0/48 ticks (0%) · building world 1: 40% (Loop follows)',
      'run: 24/48 ticks (50%), ETA 12s',
      'run: 24/48 ticks (50%), ETA 12s',
    ]);
  });
});

describe('the notes of the jobs under way', () => {
  it('are listed in job order whatever order they came in, and are empty when no job sends one', () => {
    const notes = new Map([
      [12, 'tick 3/48'],
      [4, 'building world 40% (Loop follows)'],
    ]);
    expect(jobNotesLine(notes)).toBe('job 4: building world 40% (Loop follows) · job 12: tick 3/48');
    expect(jobNotesLine(new Map())).toBe('');
  });
});

describe('csvCell', () => {
  it('quotes only text that needs it and writes numbers round-trip', () => {
    expect(csvLine([1, 0.1 + 0.2, 'plain', 'a,b', 'say "hi"', true, [1, 2]])).toBe(
      '1,0.30000000000000004,plain,"a,b","say ""hi""",true,"[1,2]"\n',
    );
    expect(csvCell(Number.NaN)).toBe('');
  });
});
