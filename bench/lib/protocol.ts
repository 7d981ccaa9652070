// How a benchmark child process hands its figures to bench/run.ts: one tagged JSON line per figure on stdout. No sim/ state.

/**
 * A benchmark child prints any human-readable lines it likes; each figure it wants in the final table
 * is one stdout line `@@bench-figure {json}` where json is a {@link Figure}. bench/run.ts relays the
 * other lines, collects the figures, prints them with PASS/MISS and writes them to out/bench-core.json.
 * Other benches (world, browser) may print the same lines to join the table; they need not.
 */
export const FIGURE_TAG = '@@bench-figure ';

/** `atMost`: value must be ≤ target (times, bytes); `atLeast`: ≥ target (rates). */
export type TargetDirection = 'atMost' | 'atLeast';

/** One measured number, optionally with a target it is judged against. */
export interface Figure {
  /** Stable machine key, e.g. `ba1m.build.seconds`. */
  key: string;
  /** What a reader sees, e.g. `BA 1M m=8 build`. */
  label: string;
  value: number;
  /** Unit as printed after the value: `s`, `M edges/s`, `MB`, `×`. */
  unit: string;
  target?: number;
  direction?: TargetDirection;
  /** Context printed after the figure (sizes used, caveats such as a stand-in generator). */
  note?: string;
}

/** Prints one figure line for the parent runner to collect. */
export function emitFigure(figure: Figure): void {
  process.stdout.write(`${FIGURE_TAG}${JSON.stringify(figure)}\n`);
}

/** True when the figure has a target and meets it; undefined when it has no target. */
export function figurePasses(figure: Figure): boolean | undefined {
  if (figure.target === undefined || figure.direction === undefined) return undefined;
  return figure.direction === 'atMost' ? figure.value <= figure.target : figure.value >= figure.target;
}

/** Parses a stdout line; returns the figure if the line is a figure line, else undefined. */
export function parseFigureLine(line: string): Figure | undefined {
  if (!line.startsWith(FIGURE_TAG)) return undefined;
  const parsed = JSON.parse(line.slice(FIGURE_TAG.length)) as Figure;
  if (typeof parsed.key !== 'string' || typeof parsed.value !== 'number') {
    throw new Error(`malformed figure line: ${line}`);
  }
  return parsed;
}
