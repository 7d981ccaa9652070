// Command-line flag values, read from the raw arguments and checked against their ranges. Pure: no I/O.
import { InputError } from '../params/errors.ts';
import { rangeText } from '../params/fields.ts';
import { SEED_RULE } from '../params/scenario.ts';

/** Source name of flag problems (printed before each line). */
export const FLAGS_SOURCE = 'command line';

/**
 * The text given to `--name` (as `--name value` or `--name=value`), last one wins; undefined if absent.
 * Read from the raw arguments because the flag parser turns "007" into the number 7.
 */
export function rawFlag(args: readonly string[], name: string): string | undefined {
  let value: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') break;
    if (arg === `--${name}`) {
      const next = args[i + 1];
      value = next === undefined || next.startsWith('-') ? '' : next;
    } else if (arg.startsWith(`--${name}=`)) value = arg.slice(name.length + 3);
  }
  return value;
}

/** How many times `--name` (or `--name=…`) appears before a `--`. */
export function flagCount(args: readonly string[], name: string): number {
  let count = 0;
  for (const arg of args) {
    if (arg === '--') break;
    if (arg === `--${name}` || arg.startsWith(`--${name}=`)) count++;
  }
  return count;
}

/**
 * The arguments with `--name -3` written as `--name=-3` for every flag in `valueFlags`: the flag parser reads a
 * value that starts with "-" as another flag and would report `--runs -3` as a missing value, not an out-of-range one.
 */
export function joinNegativeValues(args: readonly string[], valueFlags: readonly string[]): string[] {
  const joined: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const next = args[i + 1];
    if (arg === '--') {
      joined.push(...args.slice(i));
      break;
    }
    if (next !== undefined && /^-[\d.]/.test(next) && valueFlags.some((name) => arg === `--${name}`)) {
      joined.push(`${arg}=${next}`);
      i++;
    } else joined.push(arg);
  }
  return joined;
}

function fail(flag: string, message: string, raw: string): never {
  throw new InputError(FLAGS_SOURCE, [
    `--${flag}: ${message} (got ${raw === '' ? 'nothing' : JSON.stringify(raw)})`,
  ]);
}

/** An integer flag in [min, max], written in plain decimal digits. */
export function intFlag(flag: string, raw: string, min: number, max: number, unit?: string): number {
  const message = rangeText('an integer', min, max, unit);
  if (!/^\d+$/.test(raw.trim())) fail(flag, message, raw);
  const value = Number(raw.trim());
  if (!Number.isSafeInteger(value) || value < min || value > max) fail(flag, message, raw);
  return value;
}

/** A seed flag: text of 1 to 200 characters with nothing blank at either end (kept as written: "007" stays "007"). */
export function seedFlag(raw: string): string {
  if (raw.length < 1 || raw.length > 200 || raw.trim() !== raw) fail('seed', SEED_RULE, raw);
  return raw;
}

/** `--shard k/n`: run only jobs with job mod n = k − 1. */
export interface Shard {
  readonly index: number;
  readonly count: number;
}

/** Most shards a sweep can be split into. */
export const MAX_SHARDS = 1_000_000;

/** Parses `k/n` with 1 ≤ k ≤ n ≤ MAX_SHARDS. */
export function shardFlag(raw: string): Shard {
  const message = `must be k/n with integers 1 ≤ k ≤ n ≤ ${MAX_SHARDS.toLocaleString('en-US')}, e.g. 2/8`;
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(raw);
  if (!match) fail('shard', message, raw);
  const index = Number(match![1]);
  const count = Number(match![2]);
  if (index < 1 || count < 1 || index > count || count > MAX_SHARDS) fail('shard', message, raw);
  return { index, count };
}

/** A required path flag such as `--out <dir>`. */
export function pathFlag(flag: string, raw: string | undefined): string {
  if (raw === undefined || raw.trim() === '') {
    throw new InputError(FLAGS_SOURCE, [`--${flag}: is required (a folder to write the results into)`]);
  }
  return raw;
}
