// Tests of `sim run` as a child process: output files, their invariants, and seed reproducibility.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../sim/cli/app.ts';
import {
  captureStream,
  FIXTURES,
  readCsv,
  removeTempFolders,
  runCliProcess,
  tempFolder,
} from './cli-process.ts';

afterAll(removeTempFolders);

function column(csv: { header: string[]; rows: string[][] }, name: string): string[] {
  const index = csv.header.indexOf(name);
  if (index < 0) throw new Error(`no column ${name}`);
  return csv.rows.map((row) => row[index]!);
}

describe('sim run on an independent cascade', () => {
  const first = tempFolder();
  const again = tempFolder();
  const other = tempFolder();
  beforeAll(async () => {
    const scenario = join(FIXTURES, 'ic-er.json');
    const results = await Promise.all([
      runCliProcess(['run', scenario, '--out', first]),
      runCliProcess(['run', scenario, '--out', again]),
      runCliProcess(['run', scenario, '--out', other, '--seed', 'another', '--runs', '2']),
    ]);
    for (const result of results) expect(result.code, result.stderr).toBe(0);
  });

  it('writes runs.csv with one row per run, each with its seed', () => {
    const runs = readCsv(join(first, 'runs.csv'));
    expect(runs.header).toEqual(['run', 'seed', 'final_size', 'final_fraction', 'ticks']);
    expect(column(runs, 'run')).toEqual(['0', '1', '2']);
    expect(column(runs, 'seed')).toEqual(['fixture', 'fixture-1', 'fixture-2']);
    for (const row of runs.rows) expect(Number(row[3])).toBeCloseTo(Number(row[2]) / 2000, 12);
  });

  it('writes one series row per tick 0..ticks whose last adopted count is the final size', () => {
    const runs = readCsv(join(first, 'runs.csv'));
    const series = readCsv(join(first, 'series.csv'));
    expect(series.header).toEqual(['run', 'tick', 'time', 'adopted', 'active', 'adopted_fraction', 'seed']);
    for (const [run, seed, finalSize, , ticks] of runs.rows) {
      const rows = series.rows.filter((row) => row[0] === run);
      expect(rows).toHaveLength(Number(ticks) + 1);
      expect(rows.map((row) => row[1])).toEqual(rows.map((_, tick) => String(tick)));
      expect(rows.every((row) => row[6] === seed && row[2] === row[1])).toBe(true);
      expect(rows.at(-1)![3]).toBe(finalSize);
      expect(rows[0]![3]).toBe('5'); // five random seeds adopt at tick 0
    }
  });

  it('writes cascade trees whose sizes add up to the final size (every adopter descends from a seed)', () => {
    const runs = readCsv(join(first, 'runs.csv'));
    const cascades = readCsv(join(first, 'cascades.csv'));
    expect(cascades.header).toEqual([
      'run',
      'root',
      'size',
      'depth',
      'max_breadth',
      'structural_virality',
      'seed',
    ]);
    for (const [run, , finalSize] of runs.rows) {
      const rows = cascades.rows.filter((row) => row[0] === run);
      expect(rows).toHaveLength(5);
      expect(rows.reduce((sum, row) => sum + Number(row[2]), 0)).toBe(Number(finalSize));
    }
    expect(existsSync(join(first, 'items.csv'))).toBe(false);
  });

  it('writes a summary with the scenario as run, the version, the seeds, aggregates and graph figures', () => {
    const summary = JSON.parse(readFileSync(join(first, 'summary.json'), 'utf8'));
    const version = JSON.parse(readFileSync(join(FIXTURES, '../../package.json'), 'utf8')).version;
    expect(summary.engine.version).toBe(version);
    expect(summary.scenario).toMatchObject({ seed: 'fixture', runs: 3, ticks: 200, regenerateGraph: true });
    expect(summary.seeds.map((s: { seed: string }) => s.seed)).toEqual(['fixture', 'fixture-1', 'fixture-2']);
    const sizes = column(readCsv(join(first, 'runs.csv')), 'final_size').map(Number);
    const mean = sizes.reduce((a, b) => a + b, 0) / sizes.length;
    expect(summary.aggregates.finalSize.mean).toBeCloseTo(mean, 9);
    expect(summary.aggregates.finalSize.min).toBe(Math.min(...sizes));
    expect(summary.aggregates.finalSize.max).toBe(Math.max(...sizes));
    expect(summary.graph.nodes).toBe(2000);
    // ER with z = 3 on 2000 nodes: E ≈ 3000 ties, sd √3000 ≈ 55 per graph; 6 sd is a loose bound.
    expect(Math.abs(summary.graph.edges.mean - 3000)).toBeLessThan(330);
    expect(summary.graph.meanDegree.mean).toBeCloseTo((2 * summary.graph.edges.mean) / 2000, 9);
  });

  it('gives byte-identical runs.csv and series.csv for the same seed', () => {
    for (const file of ['runs.csv', 'series.csv', 'cascades.csv']) {
      expect(readFileSync(join(again, file), 'utf8')).toBe(readFileSync(join(first, file), 'utf8'));
    }
  });

  it('gives other results for another --seed, and --runs overrides the scenario', () => {
    const runs = readCsv(join(other, 'runs.csv'));
    expect(column(runs, 'seed')).toEqual(['another', 'another-1']);
    expect(readFileSync(join(other, 'series.csv'), 'utf8')).not.toBe(
      readFileSync(join(first, 'series.csv'), 'utf8'),
    );
  });
});

describe('sim run on other models and graphs', () => {
  it('reports Bass time as tick × dt', async () => {
    const out = tempFolder();
    const result = await runCliProcess(['run', join(FIXTURES, 'bass-complete.json'), '--out', out]);
    expect(result.code, result.stderr).toBe(0);
    const series = readCsv(join(out, 'series.csv'));
    for (const row of series.rows) expect(Number(row[2])).toBeCloseTo(Number(row[1]) * 0.25, 12);
  });

  it('writes items.csv for limited-attention memes', async () => {
    const out = tempFolder();
    const result = await runCliProcess(['run', join(FIXTURES, 'memes.json'), '--out', out]);
    expect(result.code, result.stderr).toBe(0);
    const items = readCsv(join(out, 'items.csv'));
    expect(items.header).toEqual(['run', 'item', 'popularity', 'seed']);
    expect(items.rows.length).toBeGreaterThan(0);
    expect(new Set(items.rows.map((row) => row[3]))).toEqual(new Set(['memes', 'memes-1']));
  });

  it('reads an edge list relative to the scenario file', async () => {
    const out = tempFolder();
    const result = await runCliProcess(['run', join(FIXTURES, 'edge-list.json'), '--out', out]);
    expect(result.code, result.stderr).toBe(0);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    expect(summary.graph.nodes).toBe(12);
    expect(summary.graph.edges.mean).toBe(14);
  });
});

describe('sim run with regenerateGraph false', () => {
  it('builds one graph from the scenario seed and reuses it for every run', async () => {
    const folder = tempFolder();
    const scenario = JSON.parse(readFileSync(join(FIXTURES, 'ic-er.json'), 'utf8'));
    const path = join(folder, 'reuse.json');
    writeFileSync(
      path,
      JSON.stringify({ ...scenario, regenerateGraph: false, graph: { ...scenario.graph, nodes: 300 } }),
    );
    const out = join(folder, 'out');
    const stdout = captureStream();
    const stderr = captureStream();
    // In-process: `run` uses no worker threads, so this is as faithful as a child process and faster.
    expect(await runCli(['run', path, '--out', out], { stdout: stdout.stream, stderr: stderr.stream })).toBe(
      0,
    );
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    expect(summary.seeds.map((s: { graphSeed: string }) => s.graphSeed)).toEqual([
      'fixture',
      'fixture',
      'fixture',
    ]);
    expect(summary.graph).toMatchObject({ regenerated: false, edges: { count: 1, sd: 0 } });
  });
});
