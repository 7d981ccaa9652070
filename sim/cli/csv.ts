// CSV cells and append-only CSV files written line-complete with synchronous writes. Node-only (node:fs).
import { closeSync, fsyncSync, ftruncateSync, openSync, renameSync, truncateSync, writeSync } from 'node:fs';

/** One CSV cell: numbers in JavaScript's shortest round-trip form, text quoted only when it must be. */
export function csvCell(value: unknown): string {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value === null || value === undefined) return '';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One CSV line, newline included. */
export function csvLine(values: readonly unknown[]): string {
  return `${values.map(csvCell).join(',')}\n`;
}

/**
 * A CSV file opened for appending. Each `append` is one `write(2)` of whole lines, so a process
 * killed between two appends leaves only complete rows on disk (no buffered data is ever lost).
 */
export class CsvFile {
  private fd: number | undefined;
  private pending = '';
  /** Bytes in the file: every write goes at this offset, so a cut-back file is written on from its new end. */
  private written = 0;

  /**
   * Creates (or truncates) `path` and writes the header line; with `resumeAt`, keeps the file's first
   * `resumeAt` bytes instead (header and complete rows of an earlier run) and appends after them.
   */
  constructor(
    public path: string,
    header: readonly string[],
    options: { resumeAt?: number } = {},
  ) {
    if (options.resumeAt !== undefined) {
      truncateSync(path, options.resumeAt);
      this.fd = openSync(path, 'r+');
      this.written = options.resumeAt;
    } else {
      this.fd = openSync(path, 'w');
      this.append(csvLine(header));
    }
  }

  /** Bytes on disk so far (header and written rows, not the pending batch): a mark for `cutBackTo`. */
  get bytes(): number {
    return this.written;
  }

  /** Drops the pending batch and cuts the file back to `bytes` (a mark taken earlier), e.g. the rows of a run cut short. */
  cutBackTo(bytes: number): void {
    if (this.fd === undefined) throw new Error(`${this.path} is already closed`);
    this.pending = '';
    ftruncateSync(this.fd, bytes);
    this.written = bytes;
  }

  /** Renames the file to `path` (open or closed: later writes follow it), replacing a file there. */
  moveTo(path: string): void {
    renameSync(this.path, path);
    this.path = path;
  }

  /** Appends complete lines (each ending in a newline) in one write. */
  append(lines: string): void {
    if (this.fd === undefined) throw new Error(`${this.path} is already closed`);
    const bytes = Buffer.from(lines, 'utf8');
    let done = 0;
    while (done < bytes.length)
      done += writeSync(this.fd, bytes, done, bytes.length - done, this.written + done);
    this.written += bytes.length;
  }

  /**
   * Adds one row to a pending batch, written (whole lines only) once it reaches about 1 MiB or on
   * `commit()`, so a run of ten million ticks never builds one giant string.
   */
  row(values: readonly unknown[]): void {
    this.pending += csvLine(values);
    if (this.pending.length >= 1 << 20) this.commit();
  }

  /** Writes the pending batch. */
  commit(): void {
    const lines = this.pending;
    this.pending = '';
    this.append(lines);
  }

  /** Pushes the written rows to the disk itself (survives a power cut, not only a kill). */
  flush(): void {
    if (this.fd !== undefined) fsyncSync(this.fd);
  }

  close(): void {
    if (this.fd === undefined) return;
    this.commit();
    fsyncSync(this.fd);
    closeSync(this.fd);
    this.fd = undefined;
  }
}
