// Progress of a batch of runs: a cli-progress bar with ETA on a terminal, plain throttled lines otherwise. Node-only.
// Clocks in sim/ live only in cli/ (this ETA, stop-signals.ts's yield pacing, timings in summary.json), never in a result.
import { performance } from 'node:perf_hooks';
import cliProgress from 'cli-progress';

/** Shortest of "45s", "1m12s", "2h03m" for an ETA or an elapsed time. */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}

export interface Progress {
  /** `done` jobs of `total` have finished; `note` (e.g. "building world 1: 40% (Loop follows)") follows the count until another update leaves it out. */
  update(done: number, note?: string): void;
  /** Ends the bar (or prints the last plain line). */
  stop(): void;
}

export interface ProgressOptions {
  /** Where progress goes; a bar is drawn only when this is a TTY. */
  stream: NodeJS.WriteStream;
  /** Least time between two plain lines, in milliseconds. */
  intervalMs?: number;
  /** Jobs already done before this session (a resumed sweep): left out of the ETA's speed. */
  startAt?: number;
  /** Milliseconds since some fixed point (injected in tests). */
  now?: () => number;
  /** What is counted: "runs" (default) or, for long world runs, "ticks". */
  unit?: string;
}

/** Plain line: `sweep: 120/400 runs (30%), ETA 1m12s`. */
export function progressLine(
  label: string,
  done: number,
  total: number,
  elapsedSeconds: number,
  startAt = 0,
  unit = 'runs',
  note = '',
): string {
  const percent = total === 0 ? 100 : Math.floor((100 * done) / total);
  const doneNow = done - startAt;
  const eta = doneNow <= 0 ? '' : `, ETA ${formatDuration((elapsedSeconds / doneNow) * (total - done))}`;
  const tail = note === '' ? '' : ` · ${note}`;
  return `${label}: ${done}/${total} ${unit} (${percent}%)${done === total ? `, done in ${formatDuration(elapsedSeconds)}` : eta}${tail}`;
}

/**
 * The progress note of a world build: `building world 40% (Loop follows)`, or with the run it is for,
 * `building world 2: 40% (Loop follows)` (whole percents, so a note changes at most a hundred times a stage).
 */
export function buildingWorldNote(stage: string, fraction: number, run?: number): string {
  return `building world ${run === undefined ? '' : `${run}: `}${Math.floor(fraction * 100)}% (${stage})`;
}

/** The notes of the jobs under way, in job order, for a progress line: `job 3: tick 12/48 · job 4: building world 40% (Loop follows)`. */
export function jobNotesLine(notes: ReadonlyMap<number, string>): string {
  return [...notes.entries()]
    .sort(([a], [b]) => a - b)
    .map(([job, note]) => `job ${job}: ${note}`)
    .join(' · ');
}

/** A progress reporter for `total` jobs labelled `label` (e.g. "sweep"). */
export function createProgress(label: string, total: number, options: ProgressOptions): Progress {
  const now = options.now ?? (() => performance.now());
  const started = now();
  if (options.stream.isTTY) {
    const bar = new cliProgress.SingleBar(
      {
        stream: options.stream,
        format: `${label} [{bar}] {value}/{total} ${options.unit ?? 'runs'} ({percentage}%) ETA {eta_formatted}{note}`,
        hideCursor: true,
        etaBuffer: 50,
        // Nothing done yet (a world still being built) has no ETA: a dash, not cli-progress's "NULL" or "NF".
        formatTime: (seconds: number) => (Number.isFinite(seconds) ? formatDuration(seconds) : '–'),
      },
      cliProgress.Presets.shades_classic,
    );
    bar.start(total, options.startAt ?? 0, { note: '' });
    return {
      update: (done, note = '') => bar.update(done, { note: note === '' ? '' : ` · ${note}` }),
      stop: () => bar.stop(),
    };
  }
  const interval = options.intervalMs ?? 5_000;
  let lastPrinted = Number.NEGATIVE_INFINITY;
  let current = 0;
  let currentNote = '';
  const print = () => {
    const seconds = (now() - started) / 1000;
    options.stream.write(
      `${progressLine(label, current, total, seconds, options.startAt, options.unit, currentNote)}\n`,
    );
    lastPrinted = now();
  };
  return {
    update: (done, note = '') => {
      current = done;
      currentNote = note;
      if (done < total && now() - lastPrinted >= interval) print();
    },
    stop: print,
  };
}
