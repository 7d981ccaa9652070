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

function runInto(seed: string) {
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
  const summaries = runWorldScenario(scenario, seed, out, { runs: 2 });
  const read = (name: string) => readFileSync(join(out, name), 'utf8');
  return { summaries, read };
}

describe('runWorldScenario', () => {
  it('writes series, cascades, platforms, bubble and summary files with the promised columns', () => {
    const { summaries, read } = runInto('cli-a');
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
    expect(read('platforms.csv').split('\n')[0]).toContain('loop_members,loop_value,loop_available');
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

  it('writes byte-identical CSV files for the same seed', () => {
    const a = runInto('cli-same');
    const b = runInto('cli-same');
    for (const name of ['series.csv', 'cascades.csv', 'platforms.csv', 'bubble.csv'])
      expect(b.read(name)).toBe(a.read(name));
  });
});
