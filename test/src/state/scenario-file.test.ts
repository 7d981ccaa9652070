// Tests reading an opened file: world scenarios, the app's own CSV and JSON exports (round trips through the real exporters), RFC 4180 records, and the messages for everything else.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ADOPTION_COLUMNS } from '../../../sim/metrics/adoption-edges.ts';
import type { WorldSummary } from '../../../sim/model/api.ts';
import { seriesCsv, summaryJson } from '../../../src/export/csv.ts';
import { checkFileSize, csvRecords, readRunFile } from '../../../src/state/scenario-file.ts';
import { inputErrorOf } from '../../sim/params/input-error.ts';
import { seriesRow } from '../ui/series-row.ts';

/** A scenario whose trend name needs every kind of CSV and JSON escaping. */
const scenario = {
  version: 1,
  seed: 'in-file',
  world: { agents: 2000 },
  trends: [{ name: 'Say "hi", all\nof you\u2028now', kind: 'meme' }],
};

const rows = [0, 1, 2, 47].map((tick) =>
  seriesRow(tick, { online: 10, adopters: [tick], members: [5], exposureDiversity: 1 }),
);

const csvExport = () =>
  seriesCsv(rows, {
    seed: 'exported',
    presetId: 'meme',
    scenario,
    trendNames: ['x'],
    platformNames: ['Loop'],
  });

const linesOf = (read: () => unknown) => inputErrorOf(read).lines;

describe('reading an opened file', () => {
  it('runs a world scenario file with the seed written in it, at tick 0, as no preset', () => {
    expect(readRunFile('mine.json', JSON.stringify(scenario, null, 2))).toEqual({
      scenario,
      seed: 'in-file',
      tick: 0,
      presetId: null,
      kind: 'scenario file',
    });
  });

  it('takes a scenario without a seed, and one saved with a byte-order mark', () => {
    const { seed: _seed, ...unseeded } = scenario;
    expect(readRunFile('a.json', `\ufeff${JSON.stringify(unseeded)}`)).toMatchObject({
      scenario: unseeded,
      seed: null,
    });
  });

  it('reopens the JSON export at its preset, seed and tick', () => {
    const text = summaryJson({
      presetId: 'meme',
      scenario,
      seed: 'exported',
      summary: { tick: 30 } as WorldSummary,
    });
    expect(readRunFile('run.json', text)).toEqual({
      scenario,
      seed: 'exported',
      tick: 30,
      presetId: 'meme',
      kind: 'JSON export',
    });
  });

  it('reopens the CSV export at its preset, seed and last row’s tick, the scenario unchanged by the escaping', () => {
    expect(readRunFile('run.csv', csvExport())).toEqual({
      scenario,
      seed: 'exported',
      tick: 47,
      presetId: 'meme',
      kind: 'CSV export',
    });
  });

  it('reads the CSV export after a spreadsheet re-saved it with CRLF line ends and every field quoted', () => {
    const resaved = csvRecords(csvExport())
      .map((record) => record.map((field) => `"${field.replace(/"/g, '""')}"`).join(','))
      .join('\r\n');
    expect(readRunFile('resaved.csv', resaved)).toMatchObject({ scenario, seed: 'exported', tick: 47 });
  });

  it('says a Cascades export has no scenario and which export to open instead', () => {
    const cascades = `${ADOPTION_COLUMNS.join(',')}\n0,s,meme,1,0,-1,Loop,Korea,Orbit,1,0\n`;
    expect(linesOf(() => readRunFile('c.csv', cascades))).toEqual([
      '(header): this is a Cascades export, which holds the adoptions but not the scenario: open the CSV or JSON export of the same run instead',
    ]);
    expect(linesOf(() => readRunFile('t.csv', 'a,b\n1,2\n'))[0]).toMatch(
      /^\(header\): this CSV has no "scenario" column/,
    );
  });

  it('says an empty file is empty, and a text that is neither JSON nor a table is neither', () => {
    for (const empty of ['', '  \n', '\ufeff'])
      expect(linesOf(() => readRunFile('e.json', empty))).toEqual([
        '(file): is empty: open a scenario JSON file, or a CSV or JSON export of this app',
      ]);
    expect(linesOf(() => readRunFile('notes.txt', 'Dear class,\nthe dance spreads.\n'))).toEqual([
      '(content): must be a scenario JSON file, or a CSV or JSON export of this app (this file is neither JSON nor a CSV table)',
    ]);
  });

  it('says a classic-model scenario runs on the command line', () => {
    const classic = readFileSync(new URL('../../fixtures/ic-er.json', import.meta.url), 'utf8');
    expect(linesOf(() => readRunFile('ic-er.json', classic))).toEqual([
      '(root): this is a classic-model scenario (graph and model), which only the command line runs: npm run sim -- run <file>',
    ]);
  });

  it('names the line and column of broken JSON, and the cell of a broken scenario in a CSV', () => {
    expect(linesOf(() => readRunFile('b.json', '{\n  "world": {,\n}'))[0]).toMatch(
      /^line 2, column 13: invalid JSON/,
    );
    const broken = 'seed,tick,scenario\ns,0,"{""world"":"\n';
    const error = inputErrorOf(() => readRunFile('b.csv', broken));
    expect(error.source).toBe('b.csv, scenario (row 2)');
    expect(error.lines[0]).toMatch(/^line 1, column 10: invalid JSON/);
  });

  it('refuses a tick outside what a run can be stepped to, naming the row and the range', () => {
    const far = csvExport().replace('\nexported,47,', '\nexported,100001,');
    expect(linesOf(() => readRunFile('far.csv', far))).toEqual([
      'tick (row 5): must be an integer from 0 to 100,000 (got 100001)',
    ]);
  });

  it('refuses a file over the size limit before reading it, naming the limit', () => {
    expect(() => checkFileSize('ok.csv', 32 * 1024 * 1024)).not.toThrow();
    expect(linesOf(() => checkFileSize('huge.csv', 40 * 1024 * 1024))).toEqual([
      'file size: must be at most 32 MB (got 40.0 MB)',
    ]);
  });
});

describe('CSV records (RFC 4180)', () => {
  it('splits on commas and line ends, keeping quoted commas, doubled quotes and line breaks', () => {
    expect(csvRecords('a,"b,c","say ""hi""","two\nlines"\r\n,x,\n')).toEqual([
      ['a', 'b,c', 'say "hi"', 'two\nlines'],
      ['', 'x', ''],
    ]);
  });

  it('keeps the last record without a final line end and skips nothing else', () => {
    expect(csvRecords('h\n1')).toEqual([['h'], ['1']]);
    expect(csvRecords('h\n\n1\n')).toEqual([['h'], [''], ['1']]);
    expect(csvRecords('')).toEqual([]);
  });
});
