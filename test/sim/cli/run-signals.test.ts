// `sim run` stopped by SIGINT or SIGTERM: it stops within moments, keeps the rows of every finished run and only those, marks summary.json interrupted and exits 130/143.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  FIXTURES,
  finished,
  readCsv,
  removeTempFolders,
  runCliProcess,
  startCli,
  tempFolder,
} from './cli-process.ts';

afterAll(removeTempFolders);

/** Starts `run` on `scenario`, waits until `ready` says enough is on disk (or 40 s), sends `signal`; times the stop. */
async function interrupt(
  scenario: unknown,
  signal: 'SIGINT' | 'SIGTERM',
  ready: (out: string, stdout: string) => boolean,
  out = join(tempFolder(), 'out'),
) {
  const path = join(tempFolder(), 'long.json');
  writeFileSync(path, JSON.stringify(scenario));
  const child = startCli(['run', path, '--out', out]);
  const done = finished(child);
  let stdout = '';
  child.stdout?.on('data', (chunk) => (stdout += String(chunk)));
  for (let waited = 0; waited < 400 && !ready(out, stdout); waited++)
    await new Promise((wake) => setTimeout(wake, 100));
  const sent = performance.now();
  child.kill(signal);
  const result = await done;
  return { result, out, stopSeconds: (performance.now() - sent) / 1000 };
}

const lineCount = (path: string) =>
  existsSync(path) ? readFileSync(path, 'utf8').split('\n').length - 2 : 0;

/** Every file of `folder` with its text. */
const contents = (folder: string) =>
  Object.fromEntries(readdirSync(folder).map((name) => [name, readFileSync(join(folder, name), 'utf8')]));

const worldSmall = () => JSON.parse(readFileSync(join(FIXTURES, 'world-small.json'), 'utf8'));

describe('an interrupted run', () => {
  it.concurrent('of a world scenario stops after the current tick and keeps only its finished runs (SIGINT)', async () => {
    const base = JSON.parse(readFileSync(join(FIXTURES, 'world-small.json'), 'utf8'));
    // 1,000 runs of 48 hours: far longer than the test waits; runs finish every few hundred milliseconds.
    const scenario = { ...base, runs: 1000, ticks: 48, world: { agents: 500 } };
    // Rows reach the disk when a run ends: wait for three finished runs.
    const { result, out, stopSeconds } = await interrupt(
      scenario,
      'SIGINT',
      (dir) => lineCount(join(dir, 'series.csv')) >= 3 * 48,
    );
    expect(result.code, result.stderr).toBe(130);
    expect(stopSeconds).toBeLessThan(10);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    const finishedRuns = summary.runsCompleted as number;
    expect(summary).toMatchObject({ status: 'interrupted', runs: 1000 });
    expect(finishedRuns).toBeGreaterThanOrEqual(3);
    expect(finishedRuns).toBeLessThan(1000);
    expect(summary.results).toHaveLength(finishedRuns);
    expect(result.stderr).toContain(
      `run: stopped by SIGINT; the ${finishedRuns} finished world run(s) of 1000 are kept`,
    );
    // Every row belongs to a finished run, and every finished run has all its rows: 48 per run in series.csv.
    const series = readCsv(join(out, 'series.csv'));
    expect(series.rows).toHaveLength(finishedRuns * 48);
    for (const name of ['series.csv', 'platforms.csv', 'bubble.csv', 'adoptions.csv']) {
      const runs = new Set(readCsv(join(out, name)).rows.map((row) => Number(row[0])));
      expect(Math.max(...runs), name).toBe(finishedRuns - 1);
    }
  });

  it.concurrent('of a classic scenario stops after the current run and keeps the finished ones (SIGTERM)', async () => {
    const base = JSON.parse(readFileSync(join(FIXTURES, 'ic-er.json'), 'utf8'));
    const scenario = { ...base, runs: 1_000_000, graph: { ...base.graph, nodes: 300 } };
    const { result, out, stopSeconds } = await interrupt(
      scenario,
      'SIGTERM',
      (dir) => lineCount(join(dir, 'runs.csv')) >= 20,
    );
    expect(result.code, result.stderr).toBe(143);
    expect(stopSeconds).toBeLessThan(10);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    const runs = readCsv(join(out, 'runs.csv')).rows;
    expect(summary).toMatchObject({ status: 'interrupted', runsCompleted: runs.length });
    expect(summary.seeds).toHaveLength(runs.length);
    expect(runs.map((row) => Number(row[0]))).toEqual(runs.map((_, i) => i));
    // series.csv has ticks + 1 rows for each run in runs.csv, and nothing of a later run.
    const series = readCsv(join(out, 'series.csv')).rows;
    const expectedSeries = runs.reduce((sum, row) => sum + Number(row[4]) + 1, 0);
    expect(series).toHaveLength(expectedSeries);
    expect(result.stderr).toContain(
      `run: stopped by SIGTERM; the ${runs.length} finished run(s) of 1000000 are kept`,
    );
  });

  it.concurrent('of a world scenario stopped before its first run finished leaves the earlier results untouched', async () => {
    const out = join(tempFolder(), 'out');
    const earlier = await runCliProcess(['run', join(FIXTURES, 'world-small.json'), '--out', out]);
    expect(earlier.code, earlier.stderr).toBe(0);
    const before = contents(out);
    // One run of 100,000 hours: the signal comes while its rows are still staged.
    const scenario = { ...worldSmall(), seed: 'another', runs: 1, ticks: 100_000, world: { agents: 500 } };
    const { result } = await interrupt(
      scenario,
      'SIGINT',
      (dir) => lineCount(join(dir, 'series.csv.partial')) >= 48,
      out,
    );
    expect(result.code, result.stderr).toBe(130);
    expect(result.stderr).toContain(
      'run: stopped by SIGINT before the first world run finished; nothing was written',
    );
    expect(contents(out)).toEqual(before);
  });

  it.concurrent("of a world scenario is stopped by a signal that arrives while run 0's world is being built", async () => {
    // A world that takes seconds to build and one hour to run: without the stop the run would finish with exit 0.
    const scenario = { ...worldSmall(), runs: 1, ticks: 1, world: { agents: 250_000 } };
    const { result, out } = await interrupt(scenario, 'SIGTERM', (_dir, stdout) =>
      stdout.includes('0/1 ticks'),
    );
    expect(result.code, result.stderr).toBe(143);
    expect(result.stderr).toContain('run: stopped by SIGTERM before the first world run finished');
    expect(readdirSync(out)).toEqual([]);
  });
});
