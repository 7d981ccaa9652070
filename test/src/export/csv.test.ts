// Tests the export text builders: one CSV row per recorded tick with the seed in each, the scenario recoverable from the CSV, proper quoting, safe file names.
import { describe, expect, it } from 'vitest';
import { forEachAdoptionRow } from '../../../sim/cli/world/adoption-rows.ts';
import { mergePatch } from '../../../sim/host/merge-patch.ts';
import { createWorldEngine } from '../../../sim/model/engine.ts';
import { worldScenarioSchema } from '../../../sim/params/world.ts';
import type { ScenarioJson, SeriesRow } from '../../../sim/protocol.ts';
import { adoptionsCsv, csvField, exportFileName, seriesCsv, summaryJson } from '../../../src/export/csv.ts';
import { csvRecords } from '../../../src/state/scenario-file.ts';
import { collectFields, getPath } from '../../../src/ui/param-fields.ts';
import { editRecord, resolveScenario, shownRecords } from '../../../src/ui/param-records.ts';
import { seriesRow } from '../ui/series-row.ts';

const row = (tick: number, adopters: number[]): SeriesRow =>
  seriesRow(tick, {
    online: 10 + tick,
    adopters,
    members: [100, 50],
    viewsBySource: [
      [40, 30, 5],
      [9, 0, 1],
    ],
    exposureDiversity: 1.5,
    crossCultureShare: 0.25,
    homogenization: 0.1,
    creatorReachGini: 0.9,
  });

describe('series CSV', () => {
  it('writes a header and one row per recorded tick, each carrying the seed', () => {
    const text = seriesCsv([row(0, [0]), row(1, [3]), row(25, [7, 2])], {
      seed: 'seed 7',
      trendNames: ['dance', 'meme, remix'],
      platformNames: ['short-video', 'photo'],
    });
    const lines = text.trimEnd().split('\n');
    expect(lines[0]).toBe(
      'seed,tick,day,hour_utc,online,adopters:dance,"adopters:meme, remix",members:short-video,members:photo,exposure_diversity,cross_culture_share,homogenization,creator_reach_gini,' +
        'views_follow:short-video,views_recommended:short-video,views_trending:short-video,views_follow:photo,views_recommended:photo,views_trending:photo,preset,scenario',
    );
    expect(lines).toHaveLength(4);
    // A trend launched later reads 0 before it existed; without a preset or scenario their cells are empty.
    expect(lines[1]).toBe('seed 7,0,0,0,10,0,0,100,50,1.5,0.25,0.1,0.9,40,30,5,9,0,1,,');
    expect(lines[3]).toBe('seed 7,25,1,1,35,7,2,100,50,1.5,0.25,0.1,0.9,40,30,5,9,0,1,,');
    for (const line of lines.slice(1)) expect(line.startsWith('seed 7,')).toBe(true);
  });

  it('carries the exact scenario, an edited record included, in the first row, readable by any CSV parser', () => {
    // A preset with a trend whose name needs quoting, and a line separator that some line splitters break at.
    const preset: ScenarioJson = {
      version: 1,
      world: { agents: 2000 },
      trends: [
        { name: 'Step, "the" dance\u2028two', kind: 'dance-challenge', region: 'Korea', color: '#ff4f9a' },
      ],
    };
    // Edit Korea's main language the way the panel does (a record edit patches the whole regions list).
    const fields = collectFields(worldScenarioSchema);
    const regions = fields.find((f) => f.path.join('.') === 'world.regions')!;
    const resolved = resolveScenario(worldScenarioSchema, preset);
    const edit = editRecord(
      preset,
      regions,
      getPath(resolved, ['world', 'regions']) as unknown[],
      shownRecords(regions, resolved)[0],
      0,
      ['mainLanguage'],
      1,
    );
    const scenario = mergePatch(preset, edit.patch);
    const text = seriesCsv([row(0, [0]), row(1, [2]), row(2, [5])], {
      seed: 'run#2',
      trendNames: ['Step, "the" dance\u2028two'],
      platformNames: ['short-video', 'photo'],
      presetId: 'dance-challenge',
      scenario,
    });

    const [header, ...records] = csvRecords(text);
    expect(records).toHaveLength(3);
    for (const record of records) expect(record).toHaveLength(header!.length);
    const column = (name: string) => records.map((record) => record[header!.indexOf(name)]);
    expect(header!.slice(-2)).toEqual(['preset', 'scenario']);
    expect(column('seed')).toEqual(['run#2', 'run#2', 'run#2']);
    expect(column('preset')).toEqual(['dance-challenge', 'dance-challenge', 'dance-challenge']);
    const [first, ...rest] = column('scenario');
    expect(rest).toEqual(['', '']);
    const recovered = JSON.parse(first!) as ScenarioJson;
    expect(recovered).toEqual(scenario);
    expect((getPath(recovered, ['world', 'regions']) as unknown[])[0]).toMatchObject({
      name: 'Korea',
      mainLanguage: 1,
    });
    expect(worldScenarioSchema.safeParse(recovered).success).toBe(true);
    expect(resolveScenario(worldScenarioSchema, recovered)).toEqual(
      resolveScenario(worldScenarioSchema, scenario),
    );
    // One physical line per record (line-based tools and the app's own e2e check split on line breaks), and the
    // data rows hold no raw U+2028 even though the scenario does (only the header names the trend verbatim).
    const lines = text.trimEnd().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines.slice(1).some((line) => line.includes('\u2028'))).toBe(false);
  });

  it('quotes fields with commas, quotes or line breaks and leaves NaN cells empty', () => {
    expect(csvField('a"b')).toBe('"a""b"');
    expect(csvField('line\nbreak')).toBe('"line\nbreak"');
    expect(csvField(Number.NaN)).toBe('');
    expect(csvField('plain')).toBe('plain');
  });
});

describe('cascade CSV', () => {
  it("writes the command line's adoptions.csv for the same run, row for row, names with commas and quotes quoted", () => {
    const engine = createWorldEngine(
      worldScenarioSchema.parse({
        version: 1,
        seed: 'cascade-export',
        world: { agents: 1500 },
        trends: [{ name: 'Step "one", two', kind: 'dance-challenge', origin: 'idol', fandom: 'Orbit' }],
      }),
    );
    for (let t = 0; t < 40; t++) engine.step();
    const text = adoptionsCsv(engine.adoptionEdges(), {
      seed: 'cascade-export',
      platformNames: engine.platformNames,
      regionNames: engine.regionNames,
      fandomNames: engine.fandomNames,
    });
    const records = csvRecords(text);
    expect(records[0]).toEqual([
      'run',
      'seed',
      'trend',
      'agent',
      'tick',
      'parent',
      'platform',
      'region',
      'fandom',
      'root',
      'generation',
    ]);
    const cliRows: string[][] = [];
    forEachAdoptionRow(engine.ctx, 0, 'cascade-export', (row) => cliRows.push(row.map(String)));
    expect(records.slice(1)).toEqual(cliRows);
    expect(cliRows.length).toBe(engine.summary().trends[0]!.adopters);
    expect(cliRows.length).toBeGreaterThan(20); // the trend spread: not an empty comparison
    expect(records[1]![2]).toBe('Step "one", two');
    expect(text.split('\n')[1]).toContain('"Step ""one"", two"');
  });
});

describe('summary JSON and file names', () => {
  it('puts the seed, preset and scenario in the summary', () => {
    const parsed = JSON.parse(
      summaryJson({ presetId: 'dance', scenario: { agents: 10 }, seed: 'abc', summary: null }),
    );
    expect(parsed).toMatchObject({ seed: 'abc', presetId: 'dance', scenario: { agents: 10 }, tick: 0 });
  });

  it('names files after the preset, seed and tick, with unsafe characters replaced', () => {
    expect(exportFileName('dance-challenge', 'a/b c', 42, 'series', 'csv')).toBe(
      'hallyu-lab_dance-challenge_seed-a-b-c_tick-42_series.csv',
    );
    expect(exportFileName(null, 'x', 0, 'canvas', 'png')).toBe('hallyu-lab_custom_seed-x_tick-0_canvas.png');
  });
});
