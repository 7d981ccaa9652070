// How far a world build has got, reported to whoever waits for it (the app's worker, the CLI). Types and arithmetic only; never touches the world or its random streams.

/**
 * Told how far a build has got: `stage` names the part being built ("population", "Loop follows", …) and `fraction`
 * (0…1) is the share of the whole build done, by estimated work. Called a few hundred times at most per build, in
 * order of rising fraction; it must not throw and cannot change the world being built.
 */
export type BuildProgress = (stage: string, fraction: number) => void;

/** `progress` with its fractions mapped onto [from, to] of an enclosing build, or undefined when nobody listens. */
export function progressSpan(
  progress: BuildProgress | undefined,
  from: number,
  to: number,
): BuildProgress | undefined {
  if (!progress) return undefined;
  return (stage, fraction) => progress(stage, from + (to - from) * Math.min(1, Math.max(0, fraction)));
}

/** Agents between two progress reports inside a loop over agents (a power of two: `(a & mask) === 0` is the test). */
export const PROGRESS_STRIDE_MASK = 0x7fff;
