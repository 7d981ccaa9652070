// Output folders, JSON files and running statistics shared by the run, sweep and world commands. Node-only (node:fs).
import { mkdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { InputError } from '../params/errors.ts';
import { FLAGS_SOURCE } from './flags.ts';

/** Streams the CLI writes to (injected so tests can run commands in-process). */
export interface CliIo {
  readonly stdout: NodeJS.WriteStream;
  readonly stderr: NodeJS.WriteStream;
}

/** Creates `--out` (and its parents) or refuses it by name if it is a file or cannot be created. */
export function prepareOutFolder(out: string): void {
  try {
    mkdirSync(out, { recursive: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(FLAGS_SOURCE, [`--out: cannot create folder "${out}" (${code ?? String(error)})`]);
  }
  if (!statSync(out).isDirectory())
    throw new InputError(FLAGS_SOURCE, [`--out: "${out}" is a file, not a folder`]);
}

/** Writes JSON through a temporary file and a rename, so a reader never sees half a file. */
export function writeJsonFile(path: string, value: unknown): void {
  const temporary = `${path}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(value, null, 2)}\n`);
  renameSync(temporary, path);
}

/** Mean, sample standard deviation (n − 1; 0 for one value), minimum and maximum of some numbers. */
export interface Aggregate {
  readonly count: number;
  readonly mean: number;
  readonly sd: number;
  readonly min: number;
  readonly max: number;
}

/** Welford's running mean and variance: stable for millions of runs, O(1) memory. */
export class RunningAggregate {
  private count = 0;
  private mean = 0;
  private squares = 0;
  private min = Number.POSITIVE_INFINITY;
  private max = Number.NEGATIVE_INFINITY;

  add(value: number): void {
    this.count++;
    const delta = value - this.mean;
    this.mean += delta / this.count;
    this.squares += delta * (value - this.mean);
    if (value < this.min) this.min = value;
    if (value > this.max) this.max = value;
  }

  result(): Aggregate {
    if (this.count === 0) return { count: 0, mean: 0, sd: 0, min: 0, max: 0 };
    const sd = this.count > 1 ? Math.sqrt(this.squares / (this.count - 1)) : 0;
    return { count: this.count, mean: this.mean, sd, min: this.min, max: this.max };
  }
}
