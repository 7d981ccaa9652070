// Node services for the CLI: reading input files, edge-list lookup, the memory budget, the engine version. Node-only.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { totalmem } from 'node:os';
import { dirname, isAbsolute, resolve } from 'node:path';
import { assertGraphFits } from '../graph/memory.ts';
import { graphSpecProblems, nodeCountOf } from '../graph/spec-check.ts';
import { chooseSeeds } from '../model/classic/run.ts';
import { InputError, problemsOf } from '../params/errors.ts';
import { type LoadedScenario, parseJsonText, parseScenarioValue } from '../params/load.ts';
import type { ClassicScenario, GraphSpec } from '../params/scenario.ts';
import { isSweepDocument } from '../params/sweep.ts';
import { createRng, STREAM } from '../rng.ts';
import type { GraphHost } from './execute.ts';

const GIB = 2 ** 30;

/**
 * Largest edge-list file read (the graph builder trusts the host to bound it). V8 strings stop at
 * about 2^29 characters; at ≥ 4 bytes a tie ("0 1\n") this is at most 134 million ties, whose CSR and
 * parse buffers (~16 bytes a tie) plus the text fit well inside the 16 GiB graph budget.
 */
export const MAX_EDGE_LIST_BYTES = 512 * 2 ** 20;

/** Bytes one graph may take: min(16 GiB, 75% of this machine's memory). */
export function memoryBudgetBytes(): number {
  return Math.min(16 * GIB, Math.floor(0.75 * totalmem()));
}

/** "1.5 GiB" style size for messages. */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(unit === 0 ? 0 : 1)} ${units[unit]}`;
}

/** The text of an input file named on the command line, or an InputError naming it. */
export function readInputFile(path: string, what: string): string {
  try {
    if (statSync(path).isDirectory())
      throw new InputError(path, [`${what} "${path}" is a folder, not a file`]);
    return readFileSync(path, 'utf8');
  } catch (error) {
    if (error instanceof InputError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : String(code ?? error);
    throw new InputError(path, [`${what} "${path}": cannot read (${reason})`]);
  }
}

/**
 * Reads and validates the scenario file of `run` or `world`. A sweep file is refused with `sweepFileHint`, what it is
 * not and what to do instead, since its "base" would otherwise be reported as an unknown field.
 */
export function loadScenarioFile(path: string, sweepFileHint: string): LoadedScenario {
  const raw = parseJsonText(readInputFile(path, 'scenario file'), path);
  if (isSweepDocument(raw))
    throw new InputError(path, [`(root): this is a sweep file (it has "base" and "vary"), ${sweepFileHint}`]);
  return parseScenarioValue(raw, path);
}

/** Every edge-list file a graph spec names, with the JSON path of its `path` field. */
export function edgeListFiles(spec: GraphSpec, at = 'graph'): { jsonPath: string; file: string }[] {
  if (spec.type === 'edge-list') return [{ jsonPath: `${at}.path`, file: spec.path }];
  if (spec.type === 'multiplex')
    return spec.layers.flatMap((layer, i) => edgeListFiles(layer, `${at}.layers[${i}]`));
  return [];
}

/**
 * Reads edge lists relative to the scenario file's folder, once each (runs that rebuild the graph
 * reread nothing). `check` reports missing files up front, before any run starts.
 */
export class FileGraphHost implements GraphHost {
  private readonly cache = new Map<string, string>();

  /** Graphs larger than this are refused before allocation: min(16 GiB, 75% of this machine's memory). */
  readonly memoryBudgetBytes = memoryBudgetBytes();

  constructor(readonly baseDir: string) {}

  /** Absolute path of a file named in the scenario. */
  locate(file: string): string {
    return isAbsolute(file) ? file : resolve(this.baseDir, file);
  }

  /** One problem line per edge-list file that is missing, not a file, or too large to read. */
  check(spec: GraphSpec, at = 'graph'): string[] {
    return edgeListFiles(spec, at).flatMap(({ jsonPath, file }) => {
      const absolute = this.locate(file);
      if (!existsSync(absolute))
        return [`${jsonPath}: edge-list file "${file}" not found (looked for ${absolute})`];
      const stats = statSync(absolute);
      if (!stats.isFile()) return [`${jsonPath}: edge-list file "${file}" is not a file (${absolute})`];
      if (stats.size > MAX_EDGE_LIST_BYTES) {
        const sizes = `${formatBytes(stats.size)}; at most ${formatBytes(MAX_EDGE_LIST_BYTES)} can be read`;
        return [`${jsonPath}: edge-list file "${file}" is ${sizes}`];
      }
      return [];
    });
  }

  readonly readText = (file: string): string => {
    const absolute = this.locate(file);
    let text = this.cache.get(absolute);
    if (text === undefined) {
      text = readInputFile(absolute, 'edge-list file');
      this.cache.set(absolute, text);
    }
    return text;
  };
}

/** Folder of the scenario or sweep file, against which its relative paths are read. */
export function folderOf(path: string): string {
  return dirname(resolve(path));
}

/** `version` from the project's package.json (the engine version written into summaries). */
export function engineVersion(): string {
  try {
    const text = readFileSync(new URL('../../package.json', import.meta.url), 'utf8');
    return String((JSON.parse(text) as { version?: unknown }).version ?? 'unknown');
  } catch {
    return 'unknown';
  }
}

/**
 * Problems that would stop a classic scenario before it starts, one line each: edge-list files that
 * are missing, a graph whose estimated size exceeds `budgetBytes` (refused before any allocation), graph
 * fields that contradict each other (graphSpecProblems) and seeds the graph cannot hold.
 */
export function preflightProblems(
  scenario: ClassicScenario,
  host: FileGraphHost,
  budgetBytes: number,
): string[] {
  const problems = host.check(scenario.graph);
  const collect = (check: () => unknown) => problems.push(...problemsOf(check));
  collect(() => assertGraphFits(scenario.graph, budgetBytes, 'graph'));
  problems.push(...graphSpecProblems(scenario.graph));
  // Seeds that cannot fit the graph fail here rather than after the graph is built (edge lists: known only then).
  const spec = scenario.graph;
  const nodeCount = nodeCountOf(spec.type === 'multiplex' ? spec.layers[0]! : spec);
  if (problems.length === 0 && nodeCount !== undefined && edgeListFiles(spec).length === 0) {
    collect(() => chooseSeeds(nodeCount, scenario.seeding, createRng('preflight', STREAM.seeding)));
  }
  return problems;
}
