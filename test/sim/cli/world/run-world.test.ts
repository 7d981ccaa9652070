// The headless world runner: the five output files with per-platform/region/fandom columns, and byte-identical CSVs for the same seed.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runWorldScenario } from '../../../../sim/cli/world/run-world.ts';
import { worldScenarioSchema } from '../../../../sim/params/world.ts';

const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

async function runInto(seed: string) {
  const out = mkdtempSync(join(tmpdir(), 'world-run-'));
  folders.push(out);
  const scenario = worldScenarioSchema.parse({
    version: 1,
    seed,
    ticks: 30,
    world: { agents: 800 },
    trends: [{ name: 'Step Up', kind: 'dance-challenge', origin: 'idol', fandom: 'Orbit', startTick: 1 }],
    events: [{ type: 'campaign', tick: 12, influencers: 5, trend: { name: 'Lens', kind: 'ar-filter' } }],
  });
  const { summaries } = await runWorldScenario(scenario, seed, out, { runs: 2 });
  const read = (name: string) => readFileSync(join(out, name), 'utf8');
  return { summaries, read };
}

describe('runWorldScenario', () => {
  it('writes series, cascades, platforms, bubble and summary files with the promised columns', async () => {
    const { summaries, read } = await runInto('cli-a');
    expect(summaries).toHaveLength(2);
    const series = read('series.csv').trim().split('\n');
    const header = series[0]!.split(',');
    expect(header.slice(0, 6)).toEqual(['run', 'seed', 'tick', 'day', 'hour_utc', 'online']);
    for (const column of [
      'step_up_adopters',
      'step_up_adopters_loop',
      'step_up_adopters_korea',
      'step_up_adopters_orbit',
      'step_up_adopters_no_fandom',
      'lens_reshares_talk',
    ]) {
      expect(header).toContain(column);
    }
    expect(series).toHaveLength(1 + 2 * 30); // a row per tick per run
    const platforms = read('platforms.csv').trim().split('\n');
    const platformHeader = platforms[0]!.split(',');
    expect(platforms[0]).toContain(
      'loop_members,loop_value,loop_available,loop_views,loop_views_follow,loop_views_recommended,loop_views_trending',
    );
    // Every hour, a platform's views are the sum of its views by source, and the messenger (no recommender share)
    // has none from the recommender or trending.
    const cell = (line: string, column: string) => Number(line.split(',')[platformHeader.indexOf(column)]);
    for (const line of platforms.slice(1)) {
      for (const p of ['loop', 'frame', 'vista', 'chirp', 'talk'])
        expect(cell(line, `${p}_views`)).toBe(
          cell(line, `${p}_views_follow`) +
            cell(line, `${p}_views_recommended`) +
            cell(line, `${p}_views_trending`),
        );
      expect(cell(line, 'talk_views_recommended') + cell(line, 'talk_views_trending')).toBe(0);
    }
    expect(
      platforms.slice(1).reduce((sum, line) => sum + cell(line, 'loop_views_recommended'), 0),
    ).toBeGreaterThan(0);
    expect(read('bubble.csv').split('\n')[0]).toBe(
      'run,seed,tick,topic_entropy_bits,region_entropy_bits,cross_culture_share,homogenization,creator_reach_gini',
    );
    const cascades = read('cascades.csv').trim().split('\n');
    const sizes = cascades
      .slice(1)
      .filter((line) => line.startsWith('0,'))
      .map((line) => Number(line.split(',')[4]));
    // Every adopter of run 0 is in exactly one tree: tree sizes add up to the adopters in summary.json.
    const adopters = summaries[0]!.trends.reduce((s, t) => s + t.adopters, 0);
    expect(sizes.reduce((s, v) => s + v, 0)).toBe(adopters);
    expect(JSON.parse(read('summary.json')).results[1].seed).toBe('cli-a-1');
  });

  it('keeps in summary.json the engine version, the scenario as run, and per trend its spread over the runs', async () => {
    const { summaries, read } = await runInto('cli-agg');
    const summary = JSON.parse(read('summary.json'));
    expect(summary.engine).toEqual({ name: 'hallyu-lab', version: expect.stringMatching(/^\d+\.\d+\.\d+/) });
    expect(summary.scenario).toMatchObject({ ticks: 30, world: { agents: 800 }, seed: 'cli-agg' });
    expect(worldScenarioSchema.parse(summary.scenario)).toEqual(summary.scenario); // defaults filled: it reruns as is
    const adopters = summaries.map((run) => run.trends.find((t) => t.name === 'Step Up')!.adopters);
    const mean = (adopters[0]! + adopters[1]!) / 2;
    expect(summary.aggregates['Step Up'].adopters).toMatchObject({
      count: 2,
      min: Math.min(...adopters),
      max: Math.max(...adopters),
    });
    expect(summary.aggregates['Step Up'].adopters.mean).toBeCloseTo(mean, 12);
    // Sample sd of two values: |a − b| / √2.
    expect(summary.aggregates['Step Up'].adopters.sd).toBeCloseTo(
      Math.abs(adopters[0]! - adopters[1]!) / Math.SQRT2,
      9,
    );
    expect(Object.keys(summary.aggregates)).toEqual(['Step Up', 'Lens']);
  });

  it('lists every adoption as a tree edge that agrees with cascades.csv and summary.json', async () => {
    const { summaries, read } = await runInto('cli-edges');
    const [header, ...lines] = read('adoptions.csv').trim().split('\n');
    expect(header).toBe('run,seed,trend,agent,tick,parent,platform,region,fandom,root,generation');
    const rows = lines
      .map((line) => line.split(','))
      .filter((cells) => cells[0] === '0')
      .map(([, , trend, agent, tick, parent, platform, region, , root, generation]) => ({
        trend: trend!,
        agent: Number(agent),
        tick: Number(tick),
        parent: Number(parent),
        platform: platform!,
        region: region!,
        root: Number(root),
        generation: Number(generation),
      }));
    const trends = summaries[0]!.trends;
    expect(rows.length).toBe(trends.reduce((s, t) => s + t.adopters, 0));
    expect(rows.length).toBeGreaterThan(20); // the run spread: not an empty check
    for (const trend of trends) {
      const own = rows.filter((r) => r.trend === trend.name);
      const byAgent = new Map(own.map((r) => [r.agent, r]));
      // Per platform and region, the rows add up to summary.json's counts.
      for (const [name, count] of Object.entries(trend.adoptersByPlatform))
        expect(own.filter((r) => r.platform === name).length).toBe(count);
      for (const [name, count] of Object.entries(trend.adoptersByRegion))
        expect(own.filter((r) => r.region === name).length).toBe(count);
      const seen = new Set<number>();
      const depthByRoot = new Map<number, number>();
      const sizeByRoot = new Map<number, number>();
      for (const r of own) {
        if (r.parent < 0) expect([r.root, r.generation]).toEqual([r.agent, 0]);
        else {
          // A parent is listed before its children, adopted in an earlier hour, and sits one generation up in the same tree.
          expect(seen.has(r.parent)).toBe(true);
          const parent = byAgent.get(r.parent)!;
          expect(parent.tick).toBeLessThan(r.tick);
          expect(r.generation).toBe(parent.generation + 1);
          expect(r.root).toBe(parent.root);
        }
        seen.add(r.agent);
        depthByRoot.set(r.root, Math.max(depthByRoot.get(r.root) ?? 0, r.generation));
        sizeByRoot.set(r.root, (sizeByRoot.get(r.root) ?? 0) + 1);
      }
      // cascades.csv, computed separately from the parent pointers, has the same trees: roots, sizes and depths.
      const trees = read('cascades.csv')
        .trim()
        .split('\n')
        .slice(1)
        .map((line) => line.split(','))
        .filter((cells) => cells[0] === '0' && cells[2] === trend.name)
        .map((cells) => [Number(cells[3]), Number(cells[4]), Number(cells[5])]);
      expect(trees.map(([root]) => root).sort((a, b) => a! - b!)).toEqual(
        [...sizeByRoot.keys()].sort((a, b) => a - b),
      );
      for (const [root, size, depth] of trees) {
        expect(sizeByRoot.get(root!)).toBe(size);
        expect(depthByRoot.get(root!)).toBe(depth);
      }
    }
  });

  it('writes byte-identical CSV files for the same seed', async () => {
    const a = await runInto('cli-same');
    const b = await runInto('cli-same');
    for (const name of ['series.csv', 'cascades.csv', 'adoptions.csv', 'platforms.csv', 'bubble.csv'])
      expect(b.read(name)).toBe(a.read(name));
  });

  it("reports each run's world build, stage by stage, before that run's ticks; with a shared world only run 0's", async () => {
    const heard = async (regenerateWorld: boolean) => {
      const out = mkdtempSync(join(tmpdir(), 'world-build-'));
      folders.push(out);
      const scenario = worldScenarioSchema.parse({
        version: 1,
        seed: 'build',
        ticks: 2,
        regenerateWorld,
        world: { agents: 300 },
        trends: [{ name: 'Meme', kind: 'meme' }],
      });
      const events: string[] = [];
      await runWorldScenario(scenario, 'build', out, {
        runs: 2,
        onBuildProgress: (run, stage, fraction) => {
          if (fraction === 0 || fraction === 1) events.push(`build ${run} ${stage} ${fraction}`);
        },
        onProgress: (run, tick) => events.push(`tick ${run}.${tick}`),
      });
      return events;
    };
    expect(await heard(true)).toEqual([
      'build 0 population 0',
      'build 0 tiers 1',
      'tick 0.1',
      'tick 0.2',
      'build 1 population 0',
      'build 1 tiers 1',
      'tick 1.1',
      'tick 1.2',
    ]);
    // Later runs copy run 0's world: nothing is built for them.
    expect(await heard(false)).toEqual([
      'build 0 population 0',
      'build 0 tiers 1',
      'tick 0.1',
      'tick 0.2',
      'tick 1.1',
      'tick 1.2',
    ]);
  });
});
