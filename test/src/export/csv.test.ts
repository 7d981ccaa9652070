// Tests the export text builders: one CSV row per recorded tick with the seed in each, proper quoting, safe file names.
import { describe, expect, it } from 'vitest';
import type { SeriesRow } from '../../../sim/protocol.ts';
import { csvField, exportFileName, seriesCsv, summaryJson } from '../../../src/export/csv.ts';

const row = (tick: number, adopters: number[]): SeriesRow => ({
  tick,
  day: Math.floor(tick / 24),
  hourUtc: tick % 24,
  online: 10 + tick,
  adopters,
  members: [100, 50],
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
      'seed,tick,day,hour_utc,online,adopters:dance,"adopters:meme, remix",members:short-video,members:photo,exposure_diversity,cross_culture_share,homogenization,creator_reach_gini',
    );
    expect(lines).toHaveLength(4);
    // A trend launched later reads 0 before it existed.
    expect(lines[1]).toBe('seed 7,0,0,0,10,0,0,100,50,1.5,0.25,0.1,0.9');
    expect(lines[3]).toBe('seed 7,25,1,1,35,7,2,100,50,1.5,0.25,0.1,0.9');
    for (const line of lines.slice(1)) expect(line.startsWith('seed 7,')).toBe(true);
  });

  it('quotes fields with commas, quotes or line breaks and leaves NaN cells empty', () => {
    expect(csvField('a"b')).toBe('"a""b"');
    expect(csvField('line\nbreak')).toBe('"line\nbreak"');
    expect(csvField(Number.NaN)).toBe('');
    expect(csvField('plain')).toBe('plain');
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
