// Warnings (stderr, exit 0): scheduled things a run never reaches, and a trend that started on fewer seed accounts than it asked for.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readCsv, removeTempFolders, runCliInProcess, tempFolder } from './cli-process.ts';

afterAll(removeTempFolders);

/** Runs the CLI in this process and keeps what it prints. */
const cli = runCliInProcess;

const folder = tempFolder();

function file(name: string, content: unknown): string {
  const path = join(folder, name);
  writeFileSync(path, JSON.stringify(content));
  return path;
}

const world = { version: 1, seed: 'warn', ticks: 12, world: { agents: 300 } };

describe('a world run', () => {
  it('warns of a launch and an event at or after its end, and runs anyway', async () => {
    const path = file('late.json', {
      ...world,
      trends: [
        { name: 'Soon', kind: 'meme', startTick: 11 },
        { name: 'Never', kind: 'meme', startTick: 12 },
      ],
      events: [{ type: 'ban', tick: 40, platform: 'Loop' }],
    });
    const out = join(folder, 'late');
    const result = await cli(['run', path, '--out', out]);
    expect(result.code).toBe(0);
    expect(result.stderr.trimEnd().split('\n')).toEqual([
      `${path}: warning: trends[1].startTick: 12 is at or after the run's end (ticks = 12, the last hour simulated is 11), so the trend is never launched`,
      `${path}: warning: events[0].tick: 40 is at or after the run's end (ticks = 12, the last hour simulated is 11), so the ban event never happens`,
    ]);
    // As warned: the trend launched in the last hour has its seed among the adopters; the other has none.
    const trends = readCsv(join(out, 'adoptions.csv')).rows.map((row) => row[2]);
    expect(trends).toContain('Soon');
    expect(trends).not.toContain('Never');
  });

  it('warns once per trend when fewer agents could start it than the seeds it asked for', async () => {
    // 200 campaign accounts on short video in Korea among fans of one fandom, in a world of 600: far fewer exist.
    const trend = { name: 'Push', kind: 'dance-challenge', origin: 'campaign', seeds: 200 };
    const path = file('few.json', {
      ...world,
      runs: 2,
      world: { agents: 600 },
      trends: [{ ...trend, region: 'Korea', fandom: 'Orbit', platform: 'short-video' }],
    });
    const out = join(folder, 'few');
    const result = await cli(['run', path, '--out', out]);
    expect(result.code).toBe(0);
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    const match =
      /^.*few\.json: warning: trends\[0\]\.seeds: 200 seed account\(s\) asked for, but run 0 found only (\d+) agent\(s\) that could start "Push"/.exec(
        lines[0]!,
      );
    expect(match, lines[0]).not.toBeNull();
    // adoptions.csv agrees: the seeds of run 0 are its adopters without a parent.
    const seeds = readCsv(join(out, 'adoptions.csv')).rows.filter((row) => row[0] === '0' && row[5] === '-1');
    expect(seeds.length).toBe(Number(match![1]));
    expect(seeds.length).toBeLessThan(200);
    expect(JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')).status).toBe('complete');
  });
});

describe('a world sweep', () => {
  it('warns once of an event no grid point reaches, naming the first point and how many others', async () => {
    const path = file('late-sweep.json', {
      version: 1,
      base: { ...world, ticks: 6, events: [{ type: 'ban', tick: 8, platform: 'Loop' }] },
      vary: { 'world.layerOverlap': [0.1, 0.5, 0.9] },
    });
    const result = await cli(['sweep', path, '--out', join(folder, 'late-sweep'), '--workers', '1']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr.trimEnd().split('\n')).toEqual([
      `${path}: warning: grid point 0 (world.layerOverlap=0.1) and 2 other grid point(s): events[0].tick: 8 is at or after the run's end (ticks = 6, the last hour simulated is 5), so the ban event never happens`,
    ]);
  });
});
