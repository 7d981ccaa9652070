// `sim run` stopped by SIGINT or SIGTERM: it stops within moments, keeps the rows of every finished run and only those, marks summary.json interrupted and exits 130/143.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURES, finished, readCsv, removeTempFolders, startCli, tempFolder } from './cli-process.ts';

afterAll(removeTempFolders);

/** Starts `run` on `scenario`, waits until `ready` says enough is on disk (or 40 s), sends `signal`; times the stop. */
async function interrupt(scenario: unknown, signal: 'SIGINT' | 'SIGTERM', ready: (out: string) => boolean) {
  const folder = tempFolder();
  const path = join(folder, 'long.json');
  writeFileSync(path, JSON.stringify(scenario));
  const out = join(folder, 'out');
  const child = startCli(['run', path, '--out', out]);
  const done = finished(child);
  for (let waited = 0; waited < 400 && !ready(out); waited++)
    await new Promise((wake) => setTimeout(wake, 100));
  const sent = performance.now();
  child.kill(signal);
  const result = await done;
  return { result, out, stopSeconds: (performance.now() - sent) / 1000 };
}

const lineCount = (path: string) =>
  existsSync(path) ? readFileSync(path, 'utf8').split('\n').length - 2 : 0;

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
});
