// Edge-list text (CSV, TSV or whitespace) to CSR, with line-numbered errors. Receives text only: never touches the file system.

import { InputError } from '../params/errors.ts';
import { MAX_NODES } from '../params/scenario.ts';
import { type CsrGraph, csrFromEdges } from './csr.ts';
import { EdgeBuffer } from './generators/edge-buffer.ts';

/** Node labels seen so far, in order of first appearance: `names[id]` is the label of node `id`. */
export interface LabelTable {
  readonly ids: Map<string, number>;
  readonly names: string[];
}

export function createLabelTable(): LabelTable {
  return { ids: new Map(), names: [] };
}

/** Ties read from one file. Tie `i` is `(sources[i], targets[i])`, `i < edgeCount`. */
export interface ParsedEdgeList {
  readonly sources: Uint32Array;
  readonly targets: Uint32Array;
  readonly edgeCount: number;
  /** Nodes the ids imply: largest id + 1 for integer ids, the label table's size for labels. */
  readonly idCount: number;
  /** Whether the file named its nodes by labels (mapped to ids in order of first appearance). */
  readonly usesLabels: boolean;
}

/** Bad lines reported one by one before the rest are only counted. */
const MAX_REPORTED_LINES = 10;

/** Column names a header line may use; the first line is also a header when it is not numeric and the next is. */
const HEADER_WORDS =
  /^(source|target|src|dst|dest|destination|from|to|node[ _]?[12ab]?|id[ _]?[12ab]?|u|v|i|j|head|tail|start|end|sender|receiver)$/i;

const INTEGER = /^\d+$/;

/**
 * Splits one line into fields: on commas if it has any, else on tabs, else on runs of spaces.
 * Fields are trimmed and one pair of surrounding double quotes is removed (`"Seoul fan",b`);
 * commas inside quotes are not supported.
 */
function splitFields(line: string): string[] {
  const raw = line.includes(',')
    ? line.split(',')
    : line.includes('\t')
      ? line.split('\t')
      : line.split(/\s+/);
  return raw.map((field) => {
    const trimmed = field.trim();
    return trimmed.length >= 2 && trimmed.startsWith('"') && trimmed.endsWith('"')
      ? trimmed.slice(1, -1)
      : trimmed;
  });
}

/**
 * Parses an edge list. Format: one tie per line, two node ids separated by a comma, a tab or spaces;
 * further columns (weights, timestamps) are ignored; blank lines and lines starting with `#` or `%`
 * are comments. The first tie line may be a header (`source,target`): it is skipped when both of its
 * ids are column words like source/target/from/to, or when it is not numeric but the line after it is.
 *
 * Node ids are non-negative integers (used as they are, up to MAX_NODES − 1) or, when the first tie
 * line is not all integers, arbitrary labels, mapped to 0, 1, … in order of first appearance through
 * `labels` (pass one table to several files to share ids across them). In integer mode a later
 * non-integer id is a bad line, not a silent switch to labels.
 *
 * Throws an InputError with one line per bad line, e.g.
 * `edges.csv line 7: expected two node ids separated by a comma, tab or spaces (got "1;2")`.
 */
export function parseEdgeList(
  text: string,
  fileName: string,
  labels: LabelTable = createLabelTable(),
): ParsedEdgeList {
  const buffer = new EdgeBuffer(Math.min(1 << 20, Math.ceil(text.length / 4)));
  const problems: string[] = [];
  let badLines = 0;
  const bad = (lineNumber: number, message: string) => {
    badLines++;
    if (problems.length < MAX_REPORTED_LINES) problems.push(`${fileName} line ${lineNumber}: ${message}`);
  };
  let mode: 'unknown' | 'integers' | 'labels' = 'unknown';
  let pending: { a: string; b: string; lineNumber: number } | undefined;
  let largestId = -1;

  const idOf = (token: string, lineNumber: number, line: string): number => {
    if (mode === 'labels') {
      let id = labels.ids.get(token);
      if (id === undefined) {
        id = labels.names.length;
        labels.ids.set(token, id);
        labels.names.push(token);
      }
      return id;
    }
    if (!INTEGER.test(token)) {
      bad(lineNumber, `expected non-negative integer node ids, as on the first tie line (got "${line}")`);
      return -1;
    }
    const id = Number(token);
    if (id >= MAX_NODES) {
      bad(
        lineNumber,
        `node id ${token} is above the largest allowed, ${(MAX_NODES - 1).toLocaleString('en-US')}`,
      );
      return -1;
    }
    if (id > largestId) largestId = id;
    return id;
  };
  const addTie = (a: string, b: string, lineNumber: number, line: string) => {
    const u = idOf(a, lineNumber, line);
    const v = u < 0 ? -1 : idOf(b, lineNumber, line);
    if (u >= 0 && v >= 0) buffer.push(u, v);
  };

  let lineNumber = 0;
  let position = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (position <= text.length) {
    let end = text.indexOf('\n', position);
    if (end < 0) end = text.length;
    const line = text.slice(position, end).trim();
    position = end + 1;
    lineNumber++;
    if (line === '' || line.startsWith('#') || line.startsWith('%')) continue;
    const fields = splitFields(line);
    const a = fields[0] ?? '';
    const b = fields[1] ?? '';
    if (a === '' || b === '') {
      bad(lineNumber, `expected two node ids separated by a comma, tab or spaces (got "${line}")`);
      continue;
    }
    const numeric = INTEGER.test(a) && INTEGER.test(b);
    if (mode === 'unknown') {
      if (pending === undefined && !INTEGER.test(a) && !INTEGER.test(b)) {
        if (HEADER_WORDS.test(a) && HEADER_WORDS.test(b)) continue;
        pending = { a, b, lineNumber };
        continue;
      }
      // A pending non-numeric first line followed by a numeric line was a header.
      mode = numeric ? 'integers' : 'labels';
      if (pending && mode === 'labels')
        addTie(pending.a, pending.b, pending.lineNumber, `${pending.a},${pending.b}`);
      pending = undefined;
    }
    addTie(a, b, lineNumber, line);
  }
  if (pending) {
    // The only tie line was non-numeric: it is a tie between two labels.
    mode = 'labels';
    addTie(pending.a, pending.b, pending.lineNumber, `${pending.a},${pending.b}`);
  }
  if (badLines > MAX_REPORTED_LINES)
    problems.push(`${fileName}: … and ${badLines - MAX_REPORTED_LINES} more bad lines`);
  if (problems.length > 0) throw new InputError('scenario', problems);
  return {
    sources: buffer.from,
    targets: buffer.to,
    edgeCount: buffer.count,
    idCount: mode === 'labels' ? labels.names.length : largestId + 1,
    usesLabels: mode === 'labels',
  };
}

/**
 * Node count of a parsed edge list: its ids' count, or `nodes` (the spec's `nodes`, for isolated
 * nodes beyond the largest id) if larger. Throws an InputError naming `<path>.nodes` if the file names
 * more nodes than `nodes`, and naming `<path>.path` if the file has no ties and no `nodes` was given.
 */
export function edgeListNodeCount(
  parsed: ParsedEdgeList,
  fileName: string,
  nodes: number | undefined,
  path = 'graph',
): number {
  if (nodes !== undefined) {
    if (parsed.idCount > nodes) {
      const what = parsed.usesLabels
        ? `${parsed.idCount.toLocaleString('en-US')} distinct node labels`
        : `node id ${(parsed.idCount - 1).toLocaleString('en-US')}`;
      throw new InputError('scenario', [
        `${path}.nodes: is ${nodes.toLocaleString('en-US')}, but ${fileName} has ${what} (ids must be below ${path}.nodes)`,
      ]);
    }
    return nodes;
  }
  if (parsed.idCount === 0) {
    throw new InputError('scenario', [
      `${path}.path: ${fileName} has no ties (only blank, comment or header lines); give ${path}.nodes for a graph without ties`,
    ]);
  }
  return parsed.idCount;
}

/**
 * CSR graph of an edge list over `nodeCount` nodes. Self-loops and repeated ties in the file are
 * dropped (for undirected graphs `u v` and `v u` are the same tie).
 */
export function edgeListToCsr(parsed: ParsedEdgeList, nodeCount: number, directed: boolean): CsrGraph {
  return csrFromEdges(nodeCount, parsed.sources, parsed.targets, parsed.edgeCount, { directed });
}
