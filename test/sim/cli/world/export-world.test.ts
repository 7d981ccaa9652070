// Tests `sim world`: every agent and tie of the world a seed builds, followers that agree with the ties, ties only between members, homophily figures, determinism, and bad input named.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildWorld } from '../../../../sim/model/build-world.ts';
import { worldScenarioSchema } from '../../../../sim/params/world.ts';
import { FIXTURES, readCsv, removeTempFolders, runCliInProcess, tempFolder } from '../cli-process.ts';

afterAll(removeTempFolders);

const SCENARIO = join(FIXTURES, 'world-small.json');

/** Runs the CLI in this process and keeps what it prints. */
const cli = runCliInProcess;

describe('sim world', () => {
  it('writes every agent and tie of the seed’s world; followers agree with the ties, and ties join members only', async () => {
    const out = tempFolder();
    const result = await cli(['world', SCENARIO, '--out', out]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^world: 2,000 agents and [\d,]+ ties \(seed cli-world\) written to /);

    const scenario = worldScenarioSchema.parse(JSON.parse(readFileSync(SCENARIO, 'utf8')));
    const world = buildWorld(scenario.world, 'cli-world');
    const agents = readCsv(join(out, 'agents.csv'));
    const ties = readCsv(join(out, 'ties.csv'));
    const summary = JSON.parse(readFileSync(join(out, 'world.json'), 'utf8'));
    expect(agents.rows).toHaveLength(2000);
    expect(ties.header).toEqual(['source', 'target', 'platform', 'kind']);

    const column = (name: string) => agents.header.indexOf(name);
    const membersOf = (agent: number) => agents.rows[agent]![column('platforms')]!.split('|');
    const followers = new Map<string, number>();
    const rowsPerPlatform = new Map<string, number>();
    // Rows that break a rule are collected, then compared with none (one expect instead of one per tie).
    const broken: string[][] = [];
    for (const row of ties.rows) {
      const [source, target, platform, kind] = row as [string, string, string, string];
      rowsPerPlatform.set(platform, (rowsPerPlatform.get(platform) ?? 0) + 1);
      const members =
        membersOf(Number(source)).includes(platform) && membersOf(Number(target)).includes(platform);
      if (!members || (kind === 'group' && Number(source) >= Number(target))) broken.push(row);
      if (kind === 'follow')
        followers.set(`${target}:${platform}`, (followers.get(`${target}:${platform}`) ?? 0) + 1);
    }
    expect(broken).toEqual([]);
    world.platforms.forEach((platform, p) => {
      // ties.csv holds each layer's ties once, as the builder counted them.
      expect(rowsPerPlatform.get(platform.name) ?? 0).toBe(world.layers[p]!.ties.edgeCount);
      expect(summary.layers[p].ties).toBe(world.layers[p]!.ties.edgeCount);
      if (platform.edgeModel !== 'follow') return;
      const written = agents.rows.map((row) => Number(row[column(`followers:${platform.name}`)]));
      const counted = agents.rows.map((_, agent) => followers.get(`${agent}:${platform.name}`) ?? 0);
      expect(written).toEqual(counted);
      expect(Math.max(...counted)).toBeGreaterThan(0);
    });
    // Homophily by fandom and region (DESIGN §2.2): ties stay within a fandom and a region far more than random mixing would.
    for (const layer of summary.layers.filter((l: { edgeModel: string }) => l.edgeModel === 'follow')) {
      expect(layer.sameFandomShare).toBeGreaterThan(3 * layer.sameFandomShareIfRandom);
      expect(layer.sameRegionShare).toBeGreaterThan(2 * layer.sameRegionShareIfRandom);
    }
  });

  it('writes the same files for the same seed, and another world for --seed', async () => {
    const [a, b, c] = [tempFolder(), tempFolder(), tempFolder()];
    expect((await cli(['world', SCENARIO, '--out', a])).code).toBe(0);
    expect((await cli(['world', SCENARIO, '--out', b])).code).toBe(0);
    expect((await cli(['world', SCENARIO, '--out', c, '--seed', 'other'])).code).toBe(0);
    for (const file of ['agents.csv', 'ties.csv', 'world.json'])
      expect(readFileSync(join(b, file), 'utf8')).toBe(readFileSync(join(a, file), 'utf8'));
    expect(readFileSync(join(c, 'ties.csv'), 'utf8')).not.toBe(readFileSync(join(a, 'ties.csv'), 'utf8'));
    expect(JSON.parse(readFileSync(join(c, 'world.json'), 'utf8')).seed).toBe('other');
  });

  it('names the problem for a classic scenario, a missing --out and a world too big for memory', async () => {
    const folder = tempFolder();
    const classic = await cli(['world', join(FIXTURES, 'ic-er.json'), '--out', join(folder, 'x')]);
    expect(classic.code).toBe(2);
    expect(classic.stderr).toContain('ic-er.json: (root): must be a world scenario (with a "world" field)');
    const noOut = await cli(['world', SCENARIO]);
    expect(noOut.code).toBe(2);
    expect(noOut.stderr).toContain('--out: is required');
    const big = join(folder, 'big.json');
    const doc = JSON.parse(readFileSync(SCENARIO, 'utf8'));
    doc.world.agents = 100_000_000;
    writeFileSync(big, JSON.stringify(doc));
    const tooBig = await cli(['world', big, '--out', join(folder, 'y')]);
    expect(tooBig.code).toBe(2);
    expect(tooBig.stderr).toMatch(/big\.json: world\.agents: 100,000,000 agents need about [\d.]+ GB/);
  });
});
