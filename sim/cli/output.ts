// Output folders, JSON files and running statistics shared by the run, sweep and world commands. Node-only (node:fs).
import { accessSync, constants, mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { InputError } from '../params/errors.ts';
import { FLAGS_SOURCE } from './flags.ts';

/** Streams the CLI writes to (injected so tests can run commands in-process). */
export interface CliIo {
  readonly stdout: NodeJS.WriteStream;
  readonly stderr: NodeJS.WriteStream;
}

/** What is at `path`: a folder, a file (anything not a folder), nothing, or the error code that stopped the look. */
function pathKind(path: string): 'folder' | 'file' | 'missing' | { code: string } {
  try {
    return statSync(path).isDirectory() ? 'folder' : 'file';
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    // ENOTDIR: some parent is a file; the walk up finds and names it.
    return code === 'ENOENT' || code === 'ENOTDIR' ? 'missing' : { code };
  }
}

/**
 * Checks `--out` without creating anything and returns the folders that are missing (deepest first): refuses, by
 * name, a file where a folder should be, a path that cannot be looked at, and a folder this process may not write in.
 */
export function checkOutFolder(out: string): string[] {
  const refuse = (reason: string): never => {
    throw new InputError(FLAGS_SOURCE, [`--out: ${reason}`]);
  };
  const target = resolve(out);
  const missing: string[] = [];
  for (let folder = target; ; ) {
    const kind = pathKind(folder);
    if (kind === 'folder') {
      try {
        accessSync(folder, constants.W_OK);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code ?? String(error);
        refuse(
          folder === target
            ? `cannot write into folder "${out}" (${code})`
            : `cannot create folder "${out}" (${code} in "${folder}")`,
        );
      }
      break;
    }
    if (kind === 'file')
      refuse(
        folder === target
          ? `"${out}" is a file, not a folder`
          : `cannot create folder "${out}" ("${folder}" is a file, not a folder)`,
      );
    if (typeof kind === 'object') refuse(`cannot create folder "${out}" (${kind.code})`);
    missing.push(folder);
    const parent = dirname(folder);
    if (parent === folder) break; // a root that does not exist: mkdir names the error
    folder = parent;
  }
  return missing;
}

/**
 * Creates `--out` and any missing parents, or refuses it by name (see checkOutFolder; a folder that cannot be
 * created gets the system's error code). Folders are made one level at a time, never with
 * `mkdirSync(…, { recursive: true })`, which loops forever on some paths (e.g. under /proc).
 */
export function prepareOutFolder(out: string): void {
  for (const folder of checkOutFolder(out).reverse()) {
    try {
      mkdirSync(folder);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? String(error);
      // Another process may have made it in the meantime; only a folder will do.
      if (code !== 'EEXIST' || pathKind(folder) !== 'folder')
        throw new InputError(FLAGS_SOURCE, [`--out: cannot create folder "${out}" (${code})`]);
    }
  }
}

/** Every file `run` may write into `--out` (classic and world runs together). */
export const RUN_OUTPUT_FILES = [
  'runs.csv',
  'series.csv',
  'cascades.csv',
  'items.csv',
  'adoptions.csv',
  'platforms.csv',
  'bubble.csv',
  'summary.json',
] as const;

/**
 * Removes the files an earlier `run` left in `out` (RUN_OUTPUT_FILES), so that the folder never mixes two runs:
 * a classic run after a world run would otherwise leave its adoptions.csv behind. Call it once the run's input is
 * known to be good and just before its files are opened.
 */
export function clearRunOutputs(out: string): void {
  for (const name of RUN_OUTPUT_FILES) rmSync(join(out, name), { force: true });
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
