// What an animated GIF of the canvas holds: which simulated hours, at what size, with what frame delays, under what name. Pure: no DOM, no store, no encoder.

/** The GIF export's limits (DESIGN §1: "PNG/GIF of the moment" for educators). */
export const GIF = {
  /** Hours recorded back from the live hour when no replay is shown. */
  windowHours: 48,
  /** Most frames in one file; a longer range takes evenly spaced hours. */
  maxFrames: 240,
  /** 8 frames per second. */
  frameMs: 125,
  /** The last frame is held so the animation's end reads as an end before it loops. */
  lastFrameMs: 1_500,
  /** Widest output in pixels; the canvas is scaled down to it, its aspect kept. */
  maxWidth: 640,
} as const;

/**
 * The hours to record, one frame each, first to last: from the replayed hour to the live one when a replay is shown,
 * otherwise from `windowHours` before the live hour (from 0 when the run is shorter) to the live hour. Both ends are
 * included: a frame is the canvas *after* that many hours, so 48 hours of change take 49 frames (the hour before they
 * began is the first), and a 30-hour run gives hours 0 … 30. Empty at hour 0: there is nothing to animate.
 */
export function gifHours(
  live: number,
  replayTick: number | null,
  limits: { windowHours: number; maxFrames: number } = GIF,
): number[] {
  const end = Math.max(0, Math.floor(live));
  const start = replayTick === null ? Math.max(0, end - limits.windowHours) : Math.floor(replayTick);
  if (!(start >= 0 && start < end)) return [];
  return evenlySpaced(start, end, limits.maxFrames);
}

/**
 * Up to `maxCount` integers from `first` to `last` (both included, increasing, distinct), as evenly spaced as integers
 * allow: every one of them when they fit, else `first + round(i · (last − first) / (maxCount − 1))`.
 */
export function evenlySpaced(first: number, last: number, maxCount: number): number[] {
  const span = last - first;
  if (span < 0) return [];
  const count = Math.max(1, Math.min(span + 1, Math.floor(maxCount)));
  if (count === 1) return [first];
  // With count ≤ span + 1 the step is ≥ 1, so rounding never repeats an hour.
  return Array.from({ length: count }, (_, i) => first + Math.round((i * span) / (count - 1)));
}

/** Output size: the captured canvas scaled down to at most `maxWidth` pixels wide (never up), its aspect kept. */
export function gifSize(
  width: number,
  height: number,
  maxWidth: number = GIF.maxWidth,
): { width: number; height: number } {
  const w = Math.max(1, Math.round(width));
  const h = Math.max(1, Math.round(height));
  const outWidth = Math.min(w, Math.max(1, Math.floor(maxWidth)));
  return { width: outWidth, height: Math.max(1, Math.round((h * outWidth) / w)) };
}

/**
 * Each frame's delay in milliseconds. GIF counts delays in hundredths of a second, so 125 ms cannot be written: the
 * frames alternate 120 and 130 ms, keeping 8 frames per second on average without drifting. The last frame is held
 * `lastFrameMs`.
 */
export function gifDelays(
  count: number,
  frameMs: number = GIF.frameMs,
  lastFrameMs: number = GIF.lastFrameMs,
): number[] {
  let written = 0;
  return Array.from({ length: Math.max(0, count) }, (_, i) => {
    if (i === count - 1) return Math.round(lastFrameMs / 10) * 10;
    // Round the running total, not each frame, so the error never builds up past 5 ms.
    const due = Math.round(((i + 1) * frameMs) / 10) * 10 - written;
    written += due;
    return due;
  });
}

/** The file name's kind part, e.g. `hours-12-60` (for exportFileName in csv.ts). */
export function gifRangeKind(hours: readonly number[]): string {
  return `hours-${hours[0] ?? 0}-${hours[hours.length - 1] ?? 0}`;
}

/** The GIF button's words: `GIF` when idle, `GIF 12/48…` while recording (frames done of all). */
export function gifButtonLabel(progress: { done: number; total: number } | null): string {
  return progress ? `GIF ${progress.done}/${progress.total}…` : 'GIF';
}
