// Picking up an interrupted sweep (--resume): the jobs sweep.csv already holds, its other lines dropped; and keeping them when --resume is forgotten. Node-only.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../params/errors.ts';
import { FLAGS_SOURCE } from './flags.ts';

/** What an earlier, interrupted run of the same sweep left in `--out`. */
export interface ResumeState {
  /** Jobs whose rows are complete in sweep.csv. */
  readonly doneJobs: ReadonlySet<number>;
  /** Bytes of sweep.csv to keep: the header and the rows of `doneJobs` (the file is rewritten without other lines). */
  readonly keepBytes: number;
  /** Complete lines dropped: malformed, not a job of this sweep and shard, or a repeat of a job already kept. */
  readonly droppedLines: number;
}

/** `out/sweep.json` as an object, or undefined when it is missing or not JSON. */
function readManifest(out: string): Record<string, unknown> | undefined {
  try {
    return JSON.parse(readFileSync(join(out, 'sweep.json'), 'utf8')) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

/**
 * Refuses to start a sweep afresh (no --resume) over the rows of an unfinished one: a sweep.csv with rows whose
 * sweep.json does not say "complete" (interrupted, failed, still running or killed, or unreadable). Starting afresh
 * would truncate them, and forgetting --resume after a Ctrl-C would lose every finished job. A complete sweep is
 * replaced, as a run replaces the previous run.
 */
export function checkNoUnfinishedSweep(out: string): void {
  const csvPath = join(out, 'sweep.csv');
  if (!existsSync(csvPath)) return;
  const rows = readFileSync(csvPath, 'utf8').split('\n').length - 2;
  if (rows < 1) return;
  // A missing or broken manifest cannot vouch for the rows either: they are kept all the same.
  const manifest = readManifest(out);
  const status =
    manifest === undefined ? 'unreadable' : typeof manifest.status === 'string' ? manifest.status : 'unknown';
  if (status === 'complete') return;
  throw new InputError(FLAGS_SOURCE, [
    `--out: ${out} holds the ${rows} row(s) of an unfinished sweep (sweep.json status: ${status}); add --resume to carry on with it, or give another --out folder (or delete this one) to start again`,
  ]);
}

/** Splits one CSV line into cells, honouring double-quoted cells with commas and doubled quotes. */
export function splitCsvLine(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      cells.push(cell);
      cell = '';
    } else cell += c;
  }
  cells.push(cell);
  return cells;
}

/**
 * Reads `out/sweep.csv` and `out/sweep.json` of an earlier run. Returns undefined when there is no
 * sweep.csv yet (a fresh start). Refuses, naming --resume, a folder holding another sweep: its
 * manifest must describe the same `identity` (base, vary, replicates, shard) and its header `columns`.
 * Keeps only well-formed rows: as many cells as columns, a `job` for which `seedOfJob` gives the row's `seed`
 * (a job of this sweep and shard), and the first row of each job. If any other line (or a torn last line) is
 * found, sweep.csv is rewritten without it, so the file holds exactly the rows that count as done.
 */
export function readResumeState(
  out: string,
  columns: readonly string[],
  identity: Record<string, unknown>,
  seedOfJob: (job: number) => string | undefined,
): ResumeState | undefined {
  const csvPath = join(out, 'sweep.csv');
  if (!existsSync(csvPath)) return undefined;
  const manifestPath = join(out, 'sweep.json');
  const manifest = readManifest(out);
  if (manifest === undefined) {
    throw new InputError(FLAGS_SOURCE, [
      `--resume: ${manifestPath} is missing or unreadable, so the rows in ${csvPath} cannot be matched to this sweep`,
    ]);
  }
  const differs = Object.keys(identity).filter(
    (key) => JSON.stringify(manifest[key] ?? null) !== JSON.stringify(identity[key] ?? null),
  );
  if (differs.length > 0) {
    const verb = differs.length === 1 ? 'differs' : 'differ';
    throw new InputError(FLAGS_SOURCE, [
      `--resume: ${out} holds another sweep (its ${differs.join(', ')} ${verb}); use a new --out folder`,
    ]);
  }
  const text = readFileSync(csvPath, 'utf8');
  const complete = text.slice(0, text.lastIndexOf('\n') + 1);
  const [header, ...rows] = complete.split('\n').slice(0, -1);
  if (header !== columns.join(',')) {
    throw new InputError(FLAGS_SOURCE, [
      `--resume: ${csvPath} has other columns than this sweep; use a new --out folder`,
    ]);
  }
  const jobColumn = columns.indexOf('job');
  const seedColumn = columns.indexOf('seed');
  const doneJobs = new Set<number>();
  const kept: string[] = [];
  for (const row of rows) {
    const cells = splitCsvLine(row);
    if (cells.length !== columns.length) continue;
    const jobText = cells[jobColumn] ?? '';
    const job = Number(jobText);
    if (!/^\d+$/.test(jobText) || !Number.isSafeInteger(job) || doneJobs.has(job)) continue;
    if (seedOfJob(job) !== cells[seedColumn]) continue;
    doneJobs.add(job);
    kept.push(row);
  }
  const keptText = `${[header, ...kept].join('\n')}\n`;
  if (keptText !== text) {
    // Through a temporary file and a rename: a kill meanwhile leaves the old file or the new one, never half.
    const temporary = `${csvPath}.tmp`;
    writeFileSync(temporary, keptText);
    renameSync(temporary, csvPath);
  }
  return {
    doneJobs,
    keepBytes: Buffer.byteLength(keptText, 'utf8'),
    droppedLines: rows.length - kept.length,
  };
}
