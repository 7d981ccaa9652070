// Test helpers: run the CLI as a child process (node --import tsx) in temp folders, and read its CSV output.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runCli } from '../../../sim/cli/app.ts';

/** Repository root (the child runs there so `--import tsx` resolves). */
export const ROOT = resolve(import.meta.dirname, '../../..');
export const FIXTURES = join(ROOT, 'test/fixtures');

export interface CliResult {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Starts `sim <args>` without waiting (for the kill test). */
export function startCli(args: readonly string[]): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'sim/cli/main.ts', ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, FORCE_COLOR: '0' },
  });
}

/** Resolves once the child exits, with everything it printed. */
export function finished(child: ChildProcess): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk) => (stdout += String(chunk)));
  child.stderr?.on('data', (chunk) => (stderr += String(chunk)));
  return new Promise((done, fail) => {
    child.on('error', fail);
    child.on('close', (code, signal) => done({ code, signal, stdout, stderr }));
  });
}

/** Runs `sim <args>` to the end. */
export function runCliProcess(args: readonly string[]): Promise<CliResult> {
  return finished(startCli(args));
}

const created: string[] = [];

/** A fresh empty folder under the OS temp folder (removed by `removeTempFolders`). */
export function tempFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'hallyu-cli-'));
  created.push(folder);
  return folder;
}

/** Removes every folder `tempFolder` made in this test file (call it from `afterAll`). */
export function removeTempFolders(): void {
  for (const folder of created.splice(0)) rmSync(folder, { recursive: true, force: true });
}

/** A CSV file as its header and rows of cells (no quoted commas occur in these outputs). */
export function readCsv(path: string): { header: string[]; rows: string[][]; text: string } {
  const text = readFileSync(path, 'utf8');
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  const [head, ...rest] = lines;
  return { header: (head ?? '').split(','), rows: rest.map((line) => line.split(',')), text };
}

/** A stand-in for stdout/stderr that is not a TTY and keeps what is written to it. */
export function captureStream(): { stream: NodeJS.WriteStream; text: () => string } {
  const chunks: string[] = [];
  const stream = {
    isTTY: false,
    write(chunk: string) {
      chunks.push(String(chunk));
      return true;
    },
  } as unknown as NodeJS.WriteStream;
  return { stream, text: () => chunks.join('') };
}

/** Runs the CLI in this process (fast: no child, no tsx start-up) and keeps what it prints. */
export async function runCliInProcess(
  args: string[],
): Promise<{ code: number; stderr: string; stdout: string }> {
  const stdout = captureStream();
  const stderr = captureStream();
  const code = await runCli(args, { stdout: stdout.stream, stderr: stderr.stream });
  return { code, stderr: stderr.text(), stdout: stdout.text() };
}
