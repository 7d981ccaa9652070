// Sweep files: a base scenario, a parameter grid and replicates, expanded to jobs with their seeds. No I/O.
import * as z from 'zod';
import { runSeed } from '../rng.ts';
import { describeIssues, InputError, jsonPath, parseOrThrow } from './errors.ts';
import { intField } from './fields.ts';
import {
  isWorldDocument,
  type LoadedScenario,
  parseJsonText,
  parseScenarioValue,
  scenarioSchemaFor,
} from './load.ts';

/** Most jobs (grid points × replicates) one sweep file may describe. */
export const MAX_SWEEP_JOBS = 100_000_000;

const varyPathPattern = /^[A-Za-z_][A-Za-z0-9_]*(\.([A-Za-z_][A-Za-z0-9_]*|\d+)|\[\d+\])*$/;

export const sweepFileSchema = z.strictObject({
  version: z.literal(1, { error: 'must be 1 (the only sweep file version so far)' }),
  title: z.string().max(200).optional(),
  description: z.string().max(5_000).optional(),
  base: z.record(z.string(), z.unknown(), { error: 'must be a scenario object' }),
  vary: z
    .record(
      z.string().regex(varyPathPattern, {
        error: 'must be a dotted path such as "model.p" or "graph.layers.0.nodes"',
      }),
      z
        .array(z.unknown(), { error: 'must be a list of values' })
        .min(1, { error: 'must list at least one value' }),
      { error: 'must be an object from dotted paths to lists of values' },
    )
    .default({}),
  replicates: intField(1, 1_000_000, {
    label: 'Replicates',
    description: 'Runs per grid point, each with its own seed',
    unit: 'runs',
  }).default(1),
});

/** One varied parameter: its path as written (the CSV column name), as keys, and its values in file order. */
export interface VaryAxis {
  readonly path: string;
  readonly keys: readonly (string | number)[];
  readonly values: readonly unknown[];
}

/**
 * A validated, expanded sweep. Grid order: the cartesian product of the `vary` axes in the order
 * the file lists them, the LAST axis changing fastest (like nested loops written in file order).
 * Jobs: `job = point × replicates + replicate`, so a job number alone names its point and replicate.
 */
export interface SweepPlan {
  readonly title?: string;
  /** The base scenario document as written (defaults are filled when a point is materialised). */
  readonly base: Record<string, unknown>;
  readonly baseSeed: string;
  readonly axes: readonly VaryAxis[];
  readonly replicates: number;
  readonly pointCount: number;
  readonly jobCount: number;
}

/**
 * Whether a parsed document is a sweep file rather than a scenario: an object with a `base` and no `graph` or
 * `world` of its own (so `run` can say which command it belongs to).
 */
export function isSweepDocument(raw: unknown): boolean {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return false;
  return 'base' in raw && !('graph' in raw) && !('world' in raw);
}

/** `"graph.layers.0.nodes"` or `"graph.layers[0].nodes"` → `['graph', 'layers', 0, 'nodes']`. */
export function pathKeys(path: string): (string | number)[] {
  return path
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .map((key) => (/^\d+$/.test(key) ? Number(key) : key));
}

/** Index of each axis's value at grid point `point` (last axis fastest). */
export function pointValueIndices(axes: readonly VaryAxis[], point: number): number[] {
  const indices = new Array<number>(axes.length).fill(0);
  let rest = point;
  for (let a = axes.length - 1; a >= 0; a--) {
    const size = axes[a]!.values.length;
    indices[a] = rest % size;
    rest = Math.floor(rest / size);
  }
  return indices;
}

/** The varied values at grid point `point`, one per axis, in axis order. */
export function pointValues(plan: SweepPlan, point: number): unknown[] {
  const indices = pointValueIndices(plan.axes, point);
  return plan.axes.map((axis, a) => axis.values[indices[a]!]);
}

/** Grid point and replicate of job `job`. */
export function jobPosition(plan: SweepPlan, job: number): { point: number; replicate: number } {
  return { point: Math.floor(job / plan.replicates), replicate: job % plan.replicates };
}

/**
 * The seed of one job: `runSeed(base.seed + "-p" + point, replicate)`, e.g. "42-p3" then "42-p3-1".
 * It depends only on the base seed, the grid point and the replicate — never on workers or shards.
 */
export function sweepJobSeed(baseSeed: string, point: number, replicate: number): string {
  return runSeed(`${baseSeed}-p${point}`, replicate);
}

/** Whether `job` belongs to shard `index` (1-based) of `count`: job mod count = index − 1. */
export function inShard(job: number, shard: { index: number; count: number }): boolean {
  return job % shard.count === shard.index - 1;
}

function entries(count: number): string {
  return `${count} ${count === 1 ? 'entry' : 'entries'}`;
}

function varyLabel(path: string): string {
  return `vary[${JSON.stringify(path)}]`;
}

/**
 * A deep copy of the base with the point's values written in; a message if a path cannot be set. Objects missing on
 * the way are created (`world.homophily.region` when the base leaves `homophily` to its defaults), so the schema
 * judges the result: a misspelt key then fails as an unknown field, which pointProblems names by its vary path.
 */
function applyValues(
  plan: Pick<SweepPlan, 'base' | 'axes'>,
  values: readonly unknown[],
): Record<string, unknown> | string {
  const doc = structuredClone(plan.base);
  for (let a = 0; a < plan.axes.length; a++) {
    const { path, keys } = plan.axes[a]!;
    let node = doc as Record<string | number, unknown>;
    for (let k = 0; k < keys.length - 1; k++) {
      const key = keys[k]!;
      if (Array.isArray(node) && (typeof key !== 'number' || key >= node.length))
        return `${varyLabel(path)}: unknown path (${jsonPath(keys.slice(0, k))} has ${entries(node.length)}, numbered from 0)`;
      let next = node[key];
      if (next === undefined) {
        // An index cannot be made up: a list entry must exist in the base.
        if (typeof keys[k + 1] === 'number')
          return `${varyLabel(path)}: unknown path (the base scenario has no ${jsonPath(keys.slice(0, k + 1))} list)`;
        next = {};
        node[key] = next;
      }
      if (next === null || typeof next !== 'object') {
        return `${varyLabel(path)}: unknown path (the base scenario's ${jsonPath(keys.slice(0, k + 1))} is ${JSON.stringify(next)}, not an object to set ${String(keys[k + 1])} in)`;
      }
      node = next as Record<string | number, unknown>;
    }
    const last = keys[keys.length - 1]!;
    if (Array.isArray(node) && (typeof last !== 'number' || last >= node.length)) {
      return `${varyLabel(path)}: unknown path (${jsonPath(keys.slice(0, -1))} has ${entries(node.length)}, numbered from 0)`;
    }
    node[last] = values[a];
  }
  // The base decides the kind: a path may not turn a classic scenario into a world one (a top-level "world" key).
  if (isWorldDocument(doc) !== isWorldDocument(plan.base)) {
    const axis = plan.axes.find((x) => x.keys[0] === 'world');
    return `${varyLabel(axis?.path ?? 'world')}: unknown path (the base is a classic scenario, which has no world)`;
  }
  return doc;
}

function samePrefix(prefix: readonly PropertyKey[], path: readonly PropertyKey[]): boolean {
  return prefix.length <= path.length && prefix.every((key, i) => key === path[i]);
}

/** Validates grid point `point`; returns its problems as lines naming the vary path (or base field). */
function pointProblems(plan: SweepPlan, point: number): string[] {
  const indices = pointValueIndices(plan.axes, point);
  const values = plan.axes.map((axis, a) => axis.values[indices[a]!]);
  const doc = applyValues(plan, values);
  if (typeof doc === 'string') return [doc];
  const result = scenarioSchemaFor(doc).safeParse(doc);
  if (result.success) return [];
  const where = plan.axes.map((axis, a) => `${axis.path}=${JSON.stringify(values[a])}`).join(', ');
  return result.error.issues.flatMap((issue) => {
    const paths =
      issue.code === 'unrecognized_keys' ? issue.keys.map((key) => [...issue.path, key]) : [issue.path];
    // An unknown key inside a vary path, or one the path created on its way (a misspelt object name), is that path's.
    const axisIndex = plan.axes.findIndex((axis) =>
      paths.some(
        (p) => samePrefix(axis.keys, p) || (issue.code === 'unrecognized_keys' && samePrefix(p, axis.keys)),
      ),
    );
    const line = describeIssues([issue], doc)[0]!;
    if (axisIndex < 0) return [`base.${line}${where ? ` (at grid point ${where})` : ''}`];
    const axis = plan.axes[axisIndex]!;
    const label = `${varyLabel(axis.path)}[${indices[axisIndex]}]`;
    if (issue.code === 'unrecognized_keys') return [`${varyLabel(axis.path)}: unknown path (${line})`];
    return [`${label}: ${line}`];
  });
}

/**
 * Parses and fully validates a sweep file: JSON syntax, the sweep schema, the base scenario, every
 * vary path, and the scenario of EVERY grid point, so that a bad value fails before any job runs.
 * Throws one InputError whose lines name each problem once (`vary["model.p"][1]: must be …`).
 */
export function parseSweepText(text: string, sourceName: string): SweepPlan {
  const raw = parseJsonText(text, sourceName);
  if (raw !== null && typeof raw === 'object' && !('base' in raw) && ('graph' in raw || 'world' in raw))
    throw new InputError(sourceName, [
      '(root): this is a scenario file, not a sweep file; run it with `sim run`, or make it the "base" of a sweep file',
    ]);
  const file = parseOrThrow(sweepFileSchema, raw, sourceName);
  // The base's kind (a top-level "world" key = social world) picks the schema here and in pointProblems.
  const baseResult = scenarioSchemaFor(file.base).safeParse(file.base);
  if (!baseResult.success) {
    const issues = baseResult.error.issues.map((issue) => ({ ...issue, path: ['base', ...issue.path] }));
    throw new InputError(sourceName, describeIssues(issues, { base: file.base }));
  }
  const problems: string[] = [];
  const axes: VaryAxis[] = [];
  for (const [path, values] of Object.entries(file.vary)) {
    const keys = pathKeys(path);
    if (keys[0] === 'seed')
      problems.push(
        `${varyLabel(path)}: cannot be varied (each job's seed comes from base.seed, its grid point and replicate)`,
      );
    else if (keys[0] === 'runs')
      problems.push(`${varyLabel(path)}: cannot be varied (use "replicates" for runs per grid point)`);
    else if (keys[0] === 'version')
      problems.push(`${varyLabel(path)}: cannot be varied (it is the file format version)`);
    axes.push({ path, keys, values });
  }
  if (problems.length > 0) throw new InputError(sourceName, problems);
  const pointCount = axes.reduce((count, axis) => count * axis.values.length, 1);
  const jobCount = pointCount * file.replicates;
  if (jobCount > MAX_SWEEP_JOBS) {
    throw new InputError(sourceName, [
      `vary: the grid has ${pointCount} points × ${file.replicates} replicates = ${jobCount} jobs; at most ${MAX_SWEEP_JOBS.toLocaleString('en-US')} are allowed`,
    ]);
  }
  const plan: SweepPlan = {
    ...(file.title === undefined ? {} : { title: file.title }),
    base: file.base,
    baseSeed: baseResult.data.seed,
    axes,
    replicates: file.replicates,
    pointCount,
    jobCount,
  };
  const seen = new Set<string>();
  for (let point = 0; point < pointCount && seen.size < 50; point++) {
    for (const line of pointProblems(plan, point)) seen.add(line);
  }
  if (seen.size > 0) throw new InputError(sourceName, [...seen]);
  return plan;
}

/** The validated scenario of grid point `point` (defaults filled; runs = 1, the job runs one replicate). */
export function pointScenario(plan: SweepPlan, point: number, sourceName: string): LoadedScenario {
  const doc = applyValues(plan, pointValues(plan, point));
  if (typeof doc === 'string') throw new InputError(sourceName, [doc]);
  return parseScenarioValue({ ...doc, runs: 1 }, sourceName);
}
