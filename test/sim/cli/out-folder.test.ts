// The --out folder: a refused input leaves it exactly as it was (or never creates it), a run replaces the previous run's files, and a bad --out is named as a flag error before any work.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  FIXTURES,
  finished,
  removeTempFolders,
  runCliInProcess,
  startCli,
  tempFolder,
} from './cli-process.ts';

afterAll(removeTempFolders);

/** Runs the CLI in this process and keeps what it prints. */
const cli = runCliInProcess;

const folder = tempFolder();

function file(name: string, content: unknown): string {
  const path = join(folder, name);
  writeFileSync(path, JSON.stringify(content, null, 2));
  return path;
}

/** Every file of a folder with its text, to compare a folder before and after. */
function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(readdirSync(dir).map((name) => [name, readFileSync(join(dir, name), 'utf8')]));
}

const world = {
  version: 1,
  seed: 'out-folder',
  ticks: 6,
  world: { agents: 300 },
  trends: [{ name: 'Step', kind: 'dance-challenge', fandom: 'Orbit', startTick: 1 }],
};
const badRegion = { ...world, trends: [{ ...world.trends[0], region: 'Atlantis' }] };
const classic = JSON.parse(readFileSync(join(FIXTURES, 'ic-er.json'), 'utf8'));

describe('a world scenario with a name its world lacks', () => {
  it('is refused by run without touching the earlier run in --out', async () => {
    const out = join(folder, 'world-run');
    expect((await cli(['run', file('good.json', world), '--out', out])).code).toBe(0);
    const before = snapshot(out);
    const result = await cli(['run', file('bad-region.json', badRegion), '--out', out]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /^.*bad-region\.json: trends\[0\]\.region: must be one of "Korea", .*\(got "Atlantis"\)\n$/,
    );
    expect(result.stdout).toBe(''); // not even a progress line
    expect(snapshot(out)).toEqual(before);
  });

  it('is refused by world and by every sweep grid point before anything is created', async () => {
    const out = join(folder, 'never-made');
    const exported = await cli(['world', file('bad-region-world.json', badRegion), '--out', out]);
    expect(exported.code).toBe(2);
    expect(exported.stderr).toMatch(/trends\[0\]\.region: must be one of/);
    const sweep = file('bad-region-sweep.json', {
      version: 1,
      base: world,
      vary: { 'world.layerOverlap': [0.1, 0.8], 'trends.0.region': ['Korea', 'Atlantis'] },
    });
    const swept = await cli(['sweep', sweep, '--out', out, '--workers', '1']);
    expect(swept.code).toBe(2);
    expect(swept.stderr).toMatch(
      /grid point 1 \(world\.layerOverlap=0\.1, trends\.0\.region="Atlantis"\) and 1 other grid point\(s\): trends\[0\]\.region: must be one of/,
    );
    expect(existsSync(out)).toBe(false);
  });
});

describe('a classic scenario whose graph cannot be built', () => {
  it('is refused without touching the earlier run in --out, from the spec alone', async () => {
    const out = join(folder, 'classic-run');
    expect((await cli(['run', join(FIXTURES, 'ic-er.json'), '--out', out])).code).toBe(0);
    const before = snapshot(out);
    const dense = file('dense.json', {
      ...classic,
      graph: { type: 'erdos-renyi', nodes: 100, meanDegree: 500 },
    });
    const result = await cli(['run', dense, '--out', out]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /dense\.json: graph\.meanDegree: must be at most graph\.nodes − 1 = 99 \(got 500\)\n$/,
    );
    expect(snapshot(out)).toEqual(before);
  });

  it('is refused when only reading its edge list can tell, before --out is created', async () => {
    writeFileSync(join(folder, 'bad.edges'), '0 1\nfoo bar\n');
    const broken = file('broken-list.json', { ...classic, graph: { type: 'edge-list', path: 'bad.edges' } });
    const out = join(folder, 'edge-list-out', 'deeper');
    const result = await cli(['run', broken, '--out', out]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/graph\.path: bad\.edges line 2/);
    expect(existsSync(join(folder, 'edge-list-out'))).toBe(false);
  });

  it('is refused at its grid point before any sweep job runs', async () => {
    const sweep = file('ba-sweep.json', {
      version: 1,
      base: { ...classic, graph: { type: 'barabasi-albert', nodes: 5, edgesPerNode: 2 } },
      vary: { 'graph.edgesPerNode': [2, 10] },
    });
    const out = join(folder, 'ba-sweep-out');
    const result = await cli(['sweep', sweep, '--out', out, '--workers', '1']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /grid point 1 \(graph\.edgesPerNode=10\): graph\.edgesPerNode: must be less than graph\.nodes = 5 \(got 10\)/,
    );
    expect(existsSync(out)).toBe(false);
  });
});

describe('a run into a folder that holds another run', () => {
  it('replaces it: a classic run after a world run leaves no world files, and back', async () => {
    const out = join(folder, 'shared');
    expect((await cli(['run', file('world.json', world), '--out', out])).code).toBe(0);
    expect(readdirSync(out).sort()).toEqual([
      'adoptions.csv',
      'bubble.csv',
      'cascades.csv',
      'platforms.csv',
      'series.csv',
      'summary.json',
    ]);
    writeFileSync(join(out, 'notes.txt'), 'mine');
    expect((await cli(['run', join(FIXTURES, 'memes.json'), '--out', out])).code).toBe(0);
    expect(readdirSync(out).sort()).toEqual([
      'cascades.csv',
      'items.csv',
      'notes.txt',
      'runs.csv',
      'series.csv',
      'summary.json',
    ]);
    expect((await cli(['run', join(FIXTURES, 'ic-er.json'), '--out', out])).code).toBe(0);
    expect(readdirSync(out)).not.toContain('items.csv');
    expect(JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'))).toMatchObject({
      status: 'complete',
      runsCompleted: 3,
    });
  });
});

describe('a bad --out', () => {
  it('that is a file is named as a flag error, before a world run prints any progress', async () => {
    const path = join(folder, 'a-file');
    writeFileSync(path, 'x');
    for (const scenario of [file('w.json', world), join(FIXTURES, 'ic-er.json')]) {
      const result = await cli(['run', scenario, '--out', path]);
      expect(result.code).toBe(2);
      expect(result.stderr).toBe(`command line: --out: "${path}" is a file, not a folder\n`);
      expect(result.stdout).toBe('');
    }
    const below = await cli(['world', file('w2.json', world), '--out', join(path, 'sub')]);
    expect(below.stderr).toBe(
      `command line: --out: cannot create folder "${join(path, 'sub')}" ("${path}" is a file, not a folder)\n`,
    );
  });

  it.skipIf(!existsSync('/proc/self'))(
    'that cannot be created fails at once with the system’s reason',
    async () => {
      // mkdirSync(…, { recursive: true }) spins forever on this path; a child process keeps a hang out of the test runner.
      const child = startCli(['run', join(FIXTURES, 'ic-er.json'), '--out', '/proc/nope/results']);
      const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      const result = await finished(child);
      clearTimeout(timer);
      expect(result.code).toBe(2);
      expect(result.stderr).toBe('command line: --out: cannot create folder "/proc/nope/results" (ENOENT)\n');
    },
  );

  it('is made one level at a time when several levels are missing', async () => {
    const out = join(folder, 'a', 'b', 'c');
    expect((await cli(['run', join(FIXTURES, 'ic-er.json'), '--out', out])).code).toBe(0);
    expect(existsSync(join(out, 'runs.csv'))).toBe(true);
    mkdirSync(join(folder, 'exists'));
    expect((await cli(['run', join(FIXTURES, 'ic-er.json'), '--out', join(folder, 'exists')])).code).toBe(0);
  });
});
