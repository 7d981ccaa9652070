// The CLI runs social-world scenarios (files with a top-level "world" key): run, sweep, and every shipped preset parses.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseScenarioText } from '../../../sim/params/load.ts';
import { FIXTURES, ROOT, readCsv, removeTempFolders, runCliProcess, tempFolder } from './cli-process.ts';

afterAll(removeTempFolders);

describe('sim run with a world scenario', () => {
  it('writes series, cascades, platforms and bubble files whose rows carry the seed, the same for the same seed', async () => {
    const first = tempFolder();
    const second = tempFolder();
    const a = await runCliProcess(['run', join(FIXTURES, 'world-small.json'), '--out', first]);
    expect(a.stderr).toBe('');
    expect(a.code).toBe(0);
    const series = readCsv(join(first, 'series.csv'));
    // One row per tick (24 ticks, one run), with per-platform, per-region and per-fandom adopter columns.
    expect(series.rows).toHaveLength(24);
    expect(series.header).toContain('seed');
    // Default platforms are named Loop (short video), Frame, Vista, Chirp and Talk (messenger).
    for (const column of [
      'test_step_adopters_loop',
      'test_step_adopters_talk',
      'test_step_adopters_korea',
      'test_step_adopters_orbit',
    ])
      expect(series.header).toContain(column);
    const seedColumn = series.header.indexOf('seed');
    expect(new Set(series.rows.map((r) => r[seedColumn]))).toEqual(new Set(['cli-world']));
    for (const file of ['cascades.csv', 'platforms.csv', 'bubble.csv']) {
      const csv = readCsv(join(first, file));
      expect(csv.rows.length).toBeGreaterThan(0);
      expect(csv.header).toContain('seed');
    }
    const summary = JSON.parse(readFileSync(join(first, 'summary.json'), 'utf8'));
    expect(summary.kind).toBe('world');
    expect(summary.seed).toBe('cli-world');

    const b = await runCliProcess(['run', join(FIXTURES, 'world-small.json'), '--out', second]);
    expect(b.code).toBe(0);
    expect(readFileSync(join(second, 'series.csv'), 'utf8')).toBe(series.text);
  });

  it('refuses a world too big for memory before building it, naming world.agents', async () => {
    const out = tempFolder();
    const big = join(out, 'big.json');
    const doc = JSON.parse(readFileSync(join(FIXTURES, 'world-small.json'), 'utf8'));
    doc.world.agents = 100_000_000;
    const { writeFileSync } = await import('node:fs');
    writeFileSync(big, JSON.stringify(doc));
    const result = await runCliProcess(['run', big, '--out', join(out, 'o')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/world\.agents: 100,000,000 agents need about [\d.]+ GB/);
  });
});

describe('sim sweep with a world scenario', () => {
  it('runs every grid point of a world parameter with its replicates, one row each with its seed', async () => {
    const out = tempFolder();
    const result = await runCliProcess([
      'sweep',
      join(FIXTURES, 'world-sweep.json'),
      '--out',
      out,
      '--workers',
      '2',
    ]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const table = readCsv(join(out, 'sweep.csv'));
    expect(table.rows).toHaveLength(4);
    const overlap = table.header.indexOf('world.layerOverlap');
    const seed = table.header.indexOf('seed');
    const finalSize = table.header.indexOf('final_size');
    expect(table.rows.map((r) => r[overlap]).sort()).toEqual(['0.1', '0.1', '0.8', '0.8']);
    expect(new Set(table.rows.map((r) => r[seed])).size).toBe(4);
    // A meme seeded at tick 0 reaches at least its seed: final_size counts every agent that adopted.
    for (const row of table.rows) expect(Number(row[finalSize])).toBeGreaterThanOrEqual(1);

    // The world's measures follow: filter-bubble figures, per-trend counts and per-platform members.
    const column = (name: string) => {
      const index = table.header.indexOf(name);
      expect(index, name).toBeGreaterThanOrEqual(0);
      return (row: string[]) => Number(row[index]);
    };
    const adopters = column('test_meme_adopters');
    const exposed = column('test_meme_exposed');
    const topicEntropy = column('topic_entropy_bits');
    const shares = ['cross_culture_share', 'homogenization', 'creator_reach_gini'].map(column);
    const members = ['loop_members', 'frame_members', 'vista_members', 'chirp_members', 'talk_members'].map(
      column,
    );
    for (const row of table.rows) {
      // One trend: the agents that adopted any trend are exactly its adopters, and each was exposed or a seed.
      expect(adopters(row)).toBe(Number(row[finalSize]));
      expect(exposed(row) + 1).toBeGreaterThanOrEqual(adopters(row));
      expect(topicEntropy(row)).toBeGreaterThan(0);
      expect(topicEntropy(row)).toBeLessThanOrEqual(3); // log2 of the 8 default topics
      for (const share of shares) expect(share(row)).toBeGreaterThanOrEqual(0);
      for (const share of shares) expect(share(row)).toBeLessThanOrEqual(1);
      for (const count of members) expect(count(row)).toBeGreaterThan(0);
      for (const count of members) expect(count(row)).toBeLessThanOrEqual(1500);
    }
  });

  it('names the vary path and range when a world value is out of range', async () => {
    const out = tempFolder();
    const doc = JSON.parse(readFileSync(join(FIXTURES, 'world-sweep.json'), 'utf8'));
    doc.vary = { 'world.layerOverlap': [0.5, 1.5] };
    const { writeFileSync } = await import('node:fs');
    const file = join(out, 'bad-sweep.json');
    writeFileSync(file, JSON.stringify(doc));
    const result = await runCliProcess(['sweep', file, '--out', join(out, 'o')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/vary\["world\.layerOverlap"\]\[1\]: .*must be a number from 0 to 1/);
  });
});

describe('the shipped presets', () => {
  const folder = join(ROOT, 'public/scenarios');
  const files = readdirSync(folder).filter((f) => f.endsWith('.json') && f !== 'index.json');

  it('are all listed in the gallery index and all validate as world scenarios', () => {
    const index = JSON.parse(readFileSync(join(folder, 'index.json'), 'utf8')) as { file: string }[];
    expect(index.map((entry) => entry.file).sort()).toEqual([...files].sort());
    expect(files.length).toBeGreaterThanOrEqual(8);
    for (const file of files) {
      const loaded = parseScenarioText(readFileSync(join(folder, file), 'utf8'), file);
      expect(loaded.kind, file).toBe('world');
    }
  });
});
