// Timing, statistics and memory helpers shared by the bench children. Bench only: may use the clock and process.

/** Median of a non-empty list (mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of nothing');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Mean and sample standard deviation. */
export function meanAndSd(values: readonly number[]): { mean: number; sd: number } {
  const mean = values.reduce((sum, v) => sum + v, 0) / values.length;
  const variance =
    values.length < 2 ? 0 : values.reduce((sum, v) => sum + (v - mean) ** 2, 0) / (values.length - 1);
  return { mean, sd: Math.sqrt(variance) };
}

/**
 * A measured span: `seconds` of wall time (what the targets judge) and `cpuSeconds` this process spent
 * on a CPU meanwhile (user + system, all its threads). On a machine shared with other jobs the wall
 * time grows while the CPU time barely does, so printing both tells a slow run from a busy machine.
 */
export interface Span {
  seconds: number;
  cpuSeconds: number;
}

/** Starts a span; call the returned function to end it. */
export function startSpan(): () => Span {
  const wall = performance.now();
  const cpu = process.cpuUsage();
  return () => {
    const used = process.cpuUsage(cpu);
    return { seconds: (performance.now() - wall) / 1000, cpuSeconds: (used.user + used.system) / 1e6 };
  };
}

/** Runs `work` once and returns its result with its span. */
export function timed<T>(work: () => T): { result: T } & Span {
  const end = startSpan();
  const result = work();
  return { result, ...end() };
}

/** Full collection when the child was started with --expose-gc (bench/run.ts does); else nothing. */
export function collectGarbage(): void {
  const host = globalThis as { gc?: () => void };
  host.gc?.();
}

export const MB = 1024 * 1024;

/** Current process memory in MB, after a full collection when possible. `peakRss` is the OS high-water mark. */
export function memorySnapshotMb(): {
  rss: number;
  heapUsed: number;
  arrayBuffers: number;
  external: number;
  peakRss: number;
} {
  collectGarbage();
  const usage = process.memoryUsage();
  return {
    rss: usage.rss / MB,
    heapUsed: usage.heapUsed / MB,
    arrayBuffers: usage.arrayBuffers / MB,
    external: usage.external / MB,
    peakRss: (process.resourceUsage().maxRSS * 1024) / MB,
  };
}

/** Value of `--name <number>` on the command line, or `fallback`. */
export function numberArgument(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  if (index < 0) return fallback;
  const value = Number(process.argv[index + 1]);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} needs a positive number`);
  return value;
}

/** `1.234` → `"1.23"`; large numbers keep no more than 3 significant decimals. */
export function fixed(value: number, digits = 2): string {
  return value.toFixed(digits);
}
