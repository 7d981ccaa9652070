// Tests of `sim sweep` as a child process: rows independent of workers and shards, and rows kept when killed.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

const SWEEP = join(FIXTURES, 'sweep-small.json');
const COLUMNS = [
  'model.p',
  'graph.meanDegree',
  'job',
  'point',
  'replicate',
  'seed',
  'final_size',
  'final_fraction',
  'ticks',
];

function sortedRows(text: string): string[] {
  return text
    .split('\n')
    .slice(1)
    .filter((line) => line !== '')
    .sort();
}

describe('sim sweep', () => {
  const one = tempFolder();
  const two = tempFolder();
  const shards = [tempFolder(), tempFolder(), tempFolder()];
  beforeAll(async () => {
    const results = await Promise.all([
      runCliProcess(['sweep', SWEEP, '--out', one, '--workers', '1']),
      runCliProcess(['sweep', SWEEP, '--out', two, '--workers', '2']),
      ...shards.map((out, k) =>
        runCliProcess(['sweep', SWEEP, '--out', out, '--workers', '1', '--shard', `${k + 1}/3`]),
      ),
    ]);
    for (const result of results) expect(result.code, result.stderr).toBe(0);
  });

  it('writes one row per job with the varied values, job, point, replicate and seed', () => {
    const csv = readCsv(join(one, 'sweep.csv'));
    expect(csv.header).toEqual(COLUMNS);
    expect(csv.rows).toHaveLength(12);
    const byJob = [...csv.rows].sort((a, b) => Number(a[2]) - Number(b[2]));
    // Grid order: model.p outer, graph.meanDegree inner; 3 replicates per point.
    expect(byJob.map((row) => `${row[0]}/${row[1]}/${row[3]}/${row[4]}`)).toEqual(
      [0, 1, 2, 3].flatMap((point) =>
        [0, 1, 2].map((r) => `${[0.2, 0.2, 0.45, 0.45][point]}/${[2, 4, 2, 4][point]}/${point}/${r}`),
      ),
    );
    expect(new Set(csv.rows.map((row) => row[5])).size).toBe(12);
    for (const row of csv.rows) expect(Number(row[7])).toBeCloseTo(Number(row[6]) / 500, 12);
  });

  it('writes the same rows with 2 workers as with 1', () => {
    expect(sortedRows(readFileSync(join(two, 'sweep.csv'), 'utf8'))).toEqual(
      sortedRows(readFileSync(join(one, 'sweep.csv'), 'utf8')),
    );
  });

  it('splits into shards whose concatenated tables equal the unsharded one', () => {
    const texts = shards.map((out) => readFileSync(join(out, 'sweep.csv'), 'utf8'));
    for (const text of texts) expect(text.split('\n')[0]).toBe(COLUMNS.join(','));
    const concatenated = [
      texts[0]!.split('\n')[0],
      ...texts.flatMap((text) => text.split('\n').slice(1)),
    ].join('\n');
    expect(sortedRows(concatenated)).toEqual(sortedRows(readFileSync(join(one, 'sweep.csv'), 'utf8')));
    expect(texts.map((text) => sortedRows(text).length)).toEqual([4, 4, 4]);
  });

  it('resumes with --resume: keeps the complete rows, drops a torn last line, runs only the missing jobs', async () => {
    const full = one;
    const fullText = readFileSync(join(full, 'sweep.csv'), 'utf8');
    const out = tempFolder();
    const lines = fullText.split('\n');
    // Header, four complete rows and half of the fifth: what a kill during a write could leave at worst.
    writeFileSync(join(out, 'sweep.csv'), `${lines.slice(0, 5).join('\n')}\n${lines[5]!.slice(0, 9)}`);
    writeFileSync(join(out, 'sweep.json'), readFileSync(join(full, 'sweep.json')));
    const result = await runCliProcess(['sweep', SWEEP, '--out', out, '--workers', '2', '--resume']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('resuming with 4 of 12');
    expect(sortedRows(readFileSync(join(out, 'sweep.csv'), 'utf8'))).toEqual(sortedRows(fullText));
  });

  it('resumes keeping only the rows of this sweep: no repeat, no malformed line, no job of another sweep', async () => {
    const full = one;
    const fullText = readFileSync(join(full, 'sweep.csv'), 'utf8');
    const [header, ...rows] = fullText.trimEnd().split('\n');
    const byJob = [...rows].sort((a, b) => Number(a.split(',')[2]) - Number(b.split(',')[2]));
    const out = tempFolder();
    const foreign = byJob[1]!.replace(/,sweep-p0-1,/, ',other-seed,'); // job 1's cells with another seed
    const lines = [
      header,
      ...byJob.slice(0, 4),
      byJob[0], // a repeat of job 0
      'garbage,line,here',
      foreign,
      byJob[5]!.replace(/^([^,]*,[^,]*,)5,/, '$1999,'), // job 999: not in a 12-job sweep
      byJob[4]!.split(',').slice(0, -1).join(','), // one cell short
    ];
    expect(foreign).not.toBe(byJob[1]);
    writeFileSync(join(out, 'sweep.csv'), `${lines.join('\n')}\n`);
    writeFileSync(join(out, 'sweep.json'), readFileSync(join(full, 'sweep.json')));
    const result = await runCliProcess(['sweep', SWEEP, '--out', out, '--workers', '1', '--resume']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(
      /^sweep: --resume dropped 5 line\(s\) of .*sweep\.csv that are not rows of this sweep/,
    );
    expect(result.stdout).toContain('resuming with 4 of 12');
    const resumed = readFileSync(join(out, 'sweep.csv'), 'utf8');
    expect(sortedRows(resumed)).toEqual(sortedRows(fullText));
    const manifest = JSON.parse(readFileSync(join(out, 'sweep.json'), 'utf8'));
    expect(manifest).toMatchObject({ status: 'complete', rowsWritten: 12 });
  });

  it('writes a sweep.json manifest describing the grid, seeds and shard', () => {
    const manifest = JSON.parse(readFileSync(join(shards[1]!, 'sweep.json'), 'utf8'));
    expect(manifest).toMatchObject({
      status: 'complete',
      rowsWritten: 4,
      points: 4,
      jobs: 12,
      replicates: 3,
      shard: { index: 2, count: 3 },
    });
    expect(manifest.columns).toEqual(COLUMNS);
  });
});

describe('an interrupted sweep', () => {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it.concurrent(`keeps every complete row written before ${signal}`, async () => {
      const folder = tempFolder();
      const sweep = join(folder, 'long.json');
      const base = JSON.parse(readFileSync(SWEEP, 'utf8')).base;
      // 10,000 jobs of a 5,000-node cascade: far longer than the test waits, so the kill lands midway.
      base.graph = { type: 'erdos-renyi', nodes: 5_000, meanDegree: 4 };
      writeFileSync(
        sweep,
        JSON.stringify({ version: 1, base, vary: { 'model.p': [0.3, 0.4] }, replicates: 5_000 }),
      );
      const out = join(folder, 'out');
      const child = startCli(['sweep', sweep, '--out', out, '--workers', '1']);
      const done = finished(child);
      const csv = join(out, 'sweep.csv');
      for (let waited = 0; waited < 400; waited++) {
        if (existsSync(csv) && readFileSync(csv, 'utf8').split('\n').length > 6) break;
        await new Promise((wake) => setTimeout(wake, 100));
      }
      child.kill(signal);
      const result = await done;
      expect(result.code).toBe(signal === 'SIGTERM' ? 143 : 130);
      const text = readFileSync(csv, 'utf8');
      expect(text.endsWith('\n')).toBe(true);
      const { header, rows } = readCsv(csv);
      expect(rows.length).toBeGreaterThanOrEqual(5);
      expect(rows.length).toBeLessThan(10_000);
      const seed = header.indexOf('seed');
      for (const row of rows) {
        expect(row).toHaveLength(header.length);
        expect(row[seed]).toMatch(/^sweep-p[01](-\d+)?$/);
      }
      const manifest = JSON.parse(readFileSync(join(out, 'sweep.json'), 'utf8'));
      expect(manifest).toMatchObject({ status: 'interrupted', rowsWritten: rows.length });
      // Started again without --resume, it refuses rather than truncate the rows kept.
      const again = await runCliProcess(['sweep', sweep, '--out', out, '--workers', '1']);
      expect(again.code).toBe(2);
      expect(again.stderr).toContain(
        `command line: --out: ${out} holds the ${rows.length} row(s) of an unfinished sweep (sweep.json status: interrupted); add --resume`,
      );
      expect(readFileSync(csv, 'utf8')).toBe(text);
    });
  }
});
