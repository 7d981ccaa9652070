// Reads a file the user opens into a run to load: a world scenario (as the CLI takes), or the app's own CSV or JSON export. Pure: text in, run out; no DOM, no store, no schema check (the loader validates).
import { isPlainObject } from '../../sim/host/merge-patch.ts';
import { InputError } from '../../sim/params/errors.ts';
import { isWorldDocument, parseJsonText } from '../../sim/params/load.ts';
import type { ScenarioJson } from '../../sim/protocol.ts';
import { MAX_SHARED_TICK } from '../share/codec.ts';

/** Files larger than this are refused before they are read (a scenario is kilobytes; a long run's CSV a few MB). */
export const MAX_OPEN_BYTES = 32 * 1024 * 1024;

/** What an opened file asks to run. `seed` null: keep the app's current seed; `tick`: step there after building. */
export interface OpenedRun {
  readonly scenario: ScenarioJson;
  readonly seed: string | null;
  readonly tick: number;
  /** The preset the run started from, as the file says (the caller keeps it only if the gallery has it). */
  readonly presetId: string | null;
  /** What the file was, for the notice: 'scenario file', 'CSV export' or 'JSON export'. */
  readonly kind: string;
}

/** Why a file is not a scenario, when it is recognisably something else of ours. */
const NOT_A_SCENARIO = {
  classic:
    'this is a classic-model scenario (graph and model), which only the command line runs: npm run sim -- run <file>',
  cascades:
    'this is a Cascades export, which holds the adoptions but not the scenario: open the CSV or JSON export of the same run instead',
  series: 'this CSV has no "scenario" column: open a CSV exported by this app, or a scenario JSON file',
  other:
    'must be a scenario JSON file, or a CSV or JSON export of this app (this file is neither JSON nor a CSV table)',
} as const;

/** The size check, before reading: one line naming the limit. */
export function checkFileSize(fileName: string, bytes: number): void {
  if (bytes > MAX_OPEN_BYTES)
    throw new InputError(fileName, [
      `file size: must be at most ${MAX_OPEN_BYTES / 1024 / 1024} MB (got ${(bytes / 1024 / 1024).toFixed(1)} MB)`,
    ]);
}

/**
 * Recognises `text` by its content (not its name): JSON that is a world scenario, or the JSON export
 * (`{ app: "hallyu-lab", scenario, seed, tick, presetId }`); CSV that is the time-series export (the first row's
 * `scenario` cell, the `seed` and `preset` columns, the last row's `tick`). Throws InputError naming the file.
 */
export function readRunFile(fileName: string, text: string): OpenedRun {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const first = body.trimStart()[0];
  if (first === undefined)
    throw new InputError(fileName, [
      '(file): is empty: open a scenario JSON file, or a CSV or JSON export of this app',
    ]);
  if (first === '{' || first === '[') return fromJson(fileName, parseJsonText(body, fileName));
  return fromCsv(fileName, body);
}

function fromJson(fileName: string, document: unknown): OpenedRun {
  if (!isPlainObject(document)) throw new InputError(fileName, ['(root): must be a scenario object']);
  if (isPlainObject(document.scenario) && 'app' in document) {
    const scenario = document.scenario;
    if (!isWorldDocument(scenario)) throw new InputError(fileName, [`scenario: ${NOT_A_SCENARIO.classic}`]);
    return {
      scenario,
      seed: textOrNull(document.seed),
      tick: tickFrom(fileName, 'tick', document.tick ?? 0),
      presetId: textOrNull(document.presetId),
      kind: 'JSON export',
    };
  }
  if (!isWorldDocument(document)) {
    const classic = 'graph' in document || 'model' in document;
    throw new InputError(fileName, [
      classic
        ? `(root): ${NOT_A_SCENARIO.classic}`
        : '(root): must be a world scenario (an object with a "world" field)',
    ]);
  }
  return {
    scenario: document,
    seed: textOrNull(document.seed),
    tick: 0,
    presetId: null,
    kind: 'scenario file',
  };
}

function fromCsv(fileName: string, text: string): OpenedRun {
  const rows = csvRecords(text);
  const header = rows[0] ?? [];
  const column = (name: string) => header.indexOf(name);
  const data = rows.slice(1).filter((row) => row.length > 1 || row[0] !== '');
  if (column('scenario') < 0) {
    // Fewer than two columns, or rows of another width than the header: plain text (or another format), not a table.
    if (header.length < 2 || data.slice(0, 20).some((row) => row.length !== header.length))
      throw new InputError(fileName, [`(content): ${NOT_A_SCENARIO.other}`]);
    const cascades = column('parent') >= 0 && column('generation') >= 0;
    throw new InputError(fileName, [
      `(header): ${cascades ? NOT_A_SCENARIO.cascades : NOT_A_SCENARIO.series}`,
    ]);
  }
  const firstRow = data[0];
  const cell = firstRow?.[column('scenario')] ?? '';
  if (!firstRow || cell === '')
    throw new InputError(fileName, ['scenario (row 2): must hold the scenario as JSON']);
  const scenario = parseJsonText(cell, `${fileName}, scenario (row 2)`);
  if (!isPlainObject(scenario) || !isWorldDocument(scenario))
    throw new InputError(fileName, [
      'scenario (row 2): must be a world scenario (an object with a "world" field)',
    ]);
  const lastRow = data[data.length - 1]!;
  const seedColumn = column('seed');
  const tickColumn = column('tick');
  return {
    scenario,
    seed: seedColumn >= 0 ? textOrNull(firstRow[seedColumn]) : null,
    tick:
      tickColumn >= 0 ? tickFrom(fileName, `tick (row ${data.length + 1})`, Number(lastRow[tickColumn])) : 0,
    presetId: column('preset') >= 0 ? textOrNull(firstRow[column('preset')]) : null,
    kind: 'CSV export',
  };
}

function textOrNull(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

function tickFrom(fileName: string, field: string, value: unknown): number {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= MAX_SHARED_TICK)
    return value;
  throw new InputError(fileName, [
    `${field}: must be an integer from 0 to ${MAX_SHARED_TICK.toLocaleString('en-US')} (got ${JSON.stringify(value)})`,
  ]);
}

/**
 * RFC 4180 records: fields split on commas, quoted fields may hold commas, doubled quotes and line breaks; CRLF or LF
 * line ends. Spreadsheets that re-save the export keep this form.
 */
export function csvRecords(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let i = 0;
  const n = text.length;
  while (i <= n) {
    let field: string;
    if (text[i] === '"') {
      // A quoted field: runs to the quote not followed by another; "" inside stands for one quote.
      let end = i + 1;
      let value = '';
      for (;;) {
        const quote = text.indexOf('"', end);
        if (quote < 0) {
          value += text.slice(end);
          end = n;
          break;
        }
        value += text.slice(end, quote);
        if (text[quote + 1] === '"') {
          value += '"';
          end = quote + 2;
        } else {
          end = quote + 1;
          break;
        }
      }
      field = value;
      i = end;
      // Anything between the closing quote and the next separator is kept, as lenient readers do.
      const stop = nextSeparator(text, i);
      field += text.slice(i, stop);
      i = stop;
    } else {
      const stop = nextSeparator(text, i);
      field = text.slice(i, stop);
      i = stop;
    }
    record.push(field);
    if (i >= n) {
      if (record.length > 1 || record[0] !== '') records.push(record);
      break;
    }
    if (text[i] === ',') {
      i++;
      continue;
    }
    // A line end (CRLF or LF or CR) closes the record.
    i += text[i] === '\r' && text[i + 1] === '\n' ? 2 : 1;
    records.push(record);
    record = [];
    if (i >= n) break;
  }
  return records;
}

/** Index of the next comma or line break at or after `from` (or the text's length). */
function nextSeparator(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 44 || c === 10 || c === 13) return i;
  }
  return text.length;
}
