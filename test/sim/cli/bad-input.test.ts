// Tests that every kind of bad input gives exit code 2 and one line per problem naming the field or flag, no stack.
import { mkdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURES, removeTempFolders, runCliInProcess, runCliProcess, tempFolder } from './cli-process.ts';

afterAll(removeTempFolders);

/** Runs the CLI in this process and keeps what it prints. */
const cli = runCliInProcess;

const folder = tempFolder();
const out = join(folder, 'out');
const valid = {
  version: 1,
  graph: { type: 'erdos-renyi', nodes: 100, meanDegree: 3 },
  model: { type: 'independent-cascade', p: 0.2 },
  seeding: { type: 'random', count: 1 },
};

function file(name: string, content: unknown): string {
  const path = join(folder, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return path;
}

/** Expects exit code 2 and stderr lines, each matching one pattern, in order; never a stack frame. */
async function expectBadInput(args: string[], patterns: RegExp[]): Promise<void> {
  const result = await cli(args);
  expect(result.code, result.stderr).toBe(2);
  const lines = result.stderr.trimEnd().split('\n');
  expect(lines, result.stderr).toHaveLength(patterns.length);
  for (const [i, pattern] of patterns.entries()) expect(lines[i]).toMatch(pattern);
  expect(result.stderr).not.toMatch(/^\s+at /m);
}

describe('bad scenario files', () => {
  it('names the line and column of a JSON syntax error', async () => {
    await expectBadInput(
      ['run', file('syntax.json', '{\n  "version": 1,\n}\n'), '--out', out],
      [/syntax\.json: line 3, column 1: invalid JSON/],
    );
  });

  it('names an unknown field and an out-of-range value with their ranges', async () => {
    const path = file('fields.json', {
      ...valid,
      colour: 1,
      graph: { type: 'erdos-renyi', nodes: 0, meanDegree: 3 },
    });
    await expectBadInput(
      ['run', path, '--out', out],
      [/graph\.nodes: must be an integer from 1 to 100,000,000 nodes \(got 0\)/, /colour: unknown field/],
    );
  });

  it('names a missing scenario file', async () => {
    await expectBadInput(
      ['run', join(folder, 'nowhere.json'), '--out', out],
      [/scenario file ".*nowhere\.json": cannot read \(no such file\)/],
    );
  });

  it('names the field of a missing edge-list file', async () => {
    const path = file('missing-edges.json', { ...valid, graph: { type: 'edge-list', path: 'absent.edges' } });
    await expectBadInput(
      ['run', path, '--out', out],
      [/graph\.path: edge-list file "absent\.edges" not found/],
    );
  });

  it('refuses an edge-list file too large to read, naming its size and the limit', async () => {
    const big = join(folder, 'big.edges');
    writeFileSync(big, '');
    truncateSync(big, 513 * 2 ** 20); // sparse: no disk space is used
    const path = file('big-edges.json', { ...valid, graph: { type: 'edge-list', path: 'big.edges' } });
    await expectBadInput(
      ['run', path, '--out', out],
      [/graph\.path: edge-list file "big\.edges" is 513\.0 MiB; at most 512\.0 MiB/],
    );
  });

  it('refuses a malformed edge-list file', async () => {
    file('broken.edges', '0 1\n1 two\n');
    const path = file('broken-edges.json', { ...valid, graph: { type: 'edge-list', path: 'broken.edges' } });
    const result = await cli(['run', path, '--out', out]);
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).toMatch(/line 2/);
  });

  it('refuses a graph that will not fit in memory, with the estimate, before building it', async () => {
    const path = file('huge.json', {
      ...valid,
      graph: { type: 'erdos-renyi', nodes: 100_000_000, meanDegree: 40 },
    });
    const result = await cli(['run', path, '--out', out]);
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).toMatch(/graph/);
    expect(result.stderr).toMatch(/\d+(\.\d+)? ?(GiB|TiB|GB|TB)/);
  });
});

describe('bad sweep files', () => {
  it('names the vary path and the range of an out-of-range grid value, before running anything', async () => {
    const path = file('sweep-range.json', {
      version: 1,
      base: valid,
      vary: { 'model.p': [0.1, 2] },
      replicates: 2,
    });
    await expectBadInput(
      ['sweep', path, '--out', out],
      [/vary\["model\.p"\]\[1\]: model\.p: must be a number from 0 to 1 \(got 2\)/],
    );
  });

  it('names the grid point whose graph would not fit in memory, before running anything', async () => {
    const base = { ...valid, graph: { type: 'erdos-renyi', nodes: 1000, meanDegree: 40 } };
    const path = file('sweep-memory.json', {
      version: 1,
      base,
      vary: { 'graph.nodes': [1000, 100_000_000] },
    });
    await expectBadInput(
      ['sweep', path, '--out', out],
      [/grid point 1 \(graph\.nodes=100000000\): graph: .* need about [\d.,]+ GB/],
    );
  });

  it('names an unknown vary path', async () => {
    const path = file('sweep-path.json', { version: 1, base: valid, vary: { 'graph.degree': [2] } });
    await expectBadInput(['sweep', path, '--out', out], [/vary\["graph\.degree"\]: unknown path/]);
  });
});

describe('a file given to the wrong command', () => {
  it('says a sweep file given to run or world is a sweep, and a scenario given to sweep is a scenario', async () => {
    const sweep = join(FIXTURES, 'sweep-small.json');
    await expectBadInput(
      ['run', sweep, '--out', out],
      [
        /sweep-small\.json: \(root\): this is a sweep file \(it has "base" and "vary"\), not a scenario; run it with `sim sweep`$/,
      ],
    );
    await expectBadInput(
      ['world', join(FIXTURES, 'world-sweep.json'), '--out', out],
      [/this is a sweep file/],
    );
    await expectBadInput(
      ['sweep', join(FIXTURES, 'ic-er.json'), '--out', out],
      [/ic-er\.json: \(root\): this is a scenario file, not a sweep file; run it with `sim run`/],
    );
  });
});

describe('bad flags', () => {
  const scenario = join(FIXTURES, 'ic-er.json');
  const sweep = join(FIXTURES, 'sweep-small.json');
  const cases: [string, string[], RegExp][] = [
    [
      'an unknown flag',
      ['run', scenario, '--out', out, '--bogus', '1'],
      /^command line: --bogus: unknown flag/,
    ],
    [
      '--runs 0',
      ['run', scenario, '--out', out, '--runs', '0'],
      /^command line: --runs: must be an integer from 1 to 1,000,000 runs \(got "0"\)/,
    ],
    [
      '--runs 2.5',
      ['run', scenario, '--out', out, '--runs', '2.5'],
      /^command line: --runs: must be an integer/,
    ],
    [
      '--shard 3/2',
      ['sweep', sweep, '--out', out, '--shard', '3/2'],
      /^command line: --shard: must be k\/n with integers 1 ≤ k ≤ n/,
    ],
    ['--shard 0/2', ['sweep', sweep, '--out', out, '--shard', '0/2'], /^command line: --shard: must be k\/n/],
    [
      '--workers abc',
      ['sweep', sweep, '--out', out, '--workers', 'abc'],
      /^command line: --workers: must be an integer from 1 to 1024 workers \(got "abc"\)/,
    ],
    [
      '--runs -3',
      ['run', scenario, '--out', out, '--runs', '-3'],
      /^command line: --runs: must be an integer from 1 to 1,000,000 runs \(got "-3"\)$/,
    ],
    [
      '--shard -1/4',
      ['sweep', sweep, '--out', out, '--shard', '-1/4'],
      /^command line: --shard: must be k\/n with integers 1 ≤ k ≤ n ≤ 1,000,000, e\.g\. 2\/8 \(got "-1\/4"\)$/,
    ],
    [
      'a seed with a space at its end',
      ['run', scenario, '--out', out, '--seed', '42 '],
      /^command line: --seed: must be a text seed, 1 to 200 characters, with no space, tab or line break at either end \(got "42 "\)$/,
    ],
    [
      'a flag given twice',
      ['run', scenario, '--out', out, '--seed', '1', '--seed=2'],
      /^command line: --seed: given 2 times; give it once$/,
    ],
    ['a missing --out', ['run', scenario], /^command line: --out: is required/],
    ['an unknown command', ['jump', scenario], /^command line: jump: unknown command/],
  ];
  for (const [name, args, pattern] of cases) {
    it(`refuses ${name} with a line naming the flag`, async () => {
      const result = await cli(args);
      expect(result.code, result.stderr).toBe(2);
      expect(result.stderr.trimEnd().split('\n')).toEqual([expect.stringMatching(pattern)]);
    });
  }

  it('refuses --resume into a folder that holds another sweep', async () => {
    const other = join(folder, 'other-sweep');
    mkdirSync(other, { recursive: true });
    writeFileSync(join(other, 'sweep.csv'), 'job\n');
    writeFileSync(
      join(other, 'sweep.json'),
      JSON.stringify({ base: {}, vary: [], replicates: 1, shard: null }),
    );
    const result = await cli(['sweep', sweep, '--out', other, '--resume']);
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).toMatch(
      /^command line: --resume: .* holds another sweep \(its base, vary, replicates differ\)/,
    );
    // The same sweep, but the folder holds shard 1/2 of it.
    const file = JSON.parse(readFileSync(sweep, 'utf8'));
    const vary = Object.entries(file.vary).map(([path, values]) => ({ path, values }));
    const manifest = { base: file.base, vary, replicates: file.replicates, shard: { index: 1, count: 2 } };
    writeFileSync(join(other, 'sweep.json'), JSON.stringify(manifest));
    const shard = await cli(['sweep', sweep, '--out', other, '--resume']);
    expect(shard.stderr).toMatch(/holds another sweep \(its shard differs\); use a new --out folder/);
  });

  it('reports every bad flag at once', async () => {
    const result = await cli(['sweep', sweep, '--out', out, '--workers', '0', '--shard', '5/4']);
    expect(result.code).toBe(2);
    expect(result.stderr.trimEnd().split('\n')).toEqual([
      expect.stringMatching(/--workers:/),
      expect.stringMatching(/--shard:/),
    ]);
  });
});

describe('the CLI process', () => {
  it('exits with code 2 and a clean message on bad input', async () => {
    const result = await runCliProcess([
      'run',
      file('process.json', '{"version": 1,'),
      '--out',
      out,
      '--runs',
      '0',
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr.trimEnd().split('\n')).toEqual([
      expect.stringMatching(/--runs: must be an integer from 1/),
    ]);
  });

  it('lists the commands and flags with --help', async () => {
    const top = await runCliProcess(['--help']);
    expect(top.code).toBe(0);
    expect(top.stdout).toMatch(/run <scenario>/);
    expect(top.stdout).toMatch(/sweep <sweep>/);
    // A world run writes no runs.csv: the help says which files each kind writes.
    expect(top.stdout).toMatch(
      /world: series\.csv, cascades\.csv, adoptions\.csv, platforms\.csv, bubble\.csv, summary\.json/,
    );
    const sweepHelp = await runCliProcess(['sweep', '--help']);
    for (const flag of ['--out', '--workers', '--shard']) expect(sweepHelp.stdout).toContain(flag);
  });
});
