// The previous run in the charts: columns merged on one day axis, the changes listed for a class, and which runs compare.
import { describe, expect, it } from 'vitest';
import type { SeriesRow } from '../../../sim/protocol.ts';
import { comparable, mergeColumns, sameTickFigures, scenarioChanges } from '../../../src/ui/compare.ts';
import { seriesRow } from './series-row.ts';

function row(tick: number, adopters: number[], exposureDiversity = 0, homogenization = 0): SeriesRow {
  return seriesRow(tick, { adopters, exposureDiversity, homogenization });
}

const run = (
  seed: string,
  recommender: Record<string, unknown>,
  presetId: string | null = 'filter-bubble',
) => ({
  presetId,
  seed,
  scenario: { version: 1, seed: 'bubble', world: { agents: 4000 }, recommender },
});

describe('mergeColumns', () => {
  it('puts both runs on the union of their days, current series first, null where a run has no point', () => {
    const current: [number[], ...number[][]] = [
      [0, 1, 2],
      [10, 11, 12],
    ];
    const previous: [number[], ...number[][]] = [
      [0, 0.5, 1, 1.5, 2, 2.5],
      [1, 2, 3, 4, 5, 6],
    ];
    expect(mergeColumns(current, previous)).toEqual([
      [0, 0.5, 1, 1.5, 2, 2.5],
      [10, null, 11, null, 12, null],
      [1, 2, 3, 4, 5, 6],
    ]);
  });

  it('keeps every series of each run, aligned, when the current run is the longer one', () => {
    const merged = mergeColumns(
      [
        [0, 1, 2, 3],
        [1, 2, 3, 4],
        [5, 6, 7, 8],
      ],
      [
        [0, 1],
        [9, 9],
        [8, 8],
      ],
    );
    expect(merged).toEqual([
      [0, 1, 2, 3],
      [1, 2, 3, 4],
      [5, 6, 7, 8],
      [9, 9, null, null],
      [8, 8, null, null],
    ]);
  });
});

describe('scenarioChanges', () => {
  it('names the changed setting with its old and new value, as a JSON path', () => {
    expect(
      scenarioChanges(run('s', { strategy: 'collaborative' }), run('s', { strategy: 'chronological' })),
    ).toEqual(['recommender.strategy: "collaborative" → "chronological"']);
  });

  it('lists a new seed first, an unset value as —, and counts what it does not list', () => {
    const before = run('a', { strategy: 'collaborative' });
    const after = run('b', { strategy: 'random', personalization: 0.5, exploration: 0.1, candidates: 4 });
    expect(scenarioChanges(before, after)).toEqual([
      'seed: a → b',
      'recommender.candidates: — → 4',
      'recommender.exploration: — → 0.1',
      'recommender.personalization: — → 0.5',
      'and 1 more change',
    ]);
  });

  it('says a removed or added list entry in one line, by its type and tick, not field by field', () => {
    const ban = { type: 'ban', tick: 48, platform: 'Loop' };
    const live = { type: 'idol-live', tick: 35, fandom: 'Orbit', boost: 4 };
    const withEvents = (events: unknown[]) => ({ presetId: 'p', scenario: { events }, seed: 's' });
    expect(scenarioChanges(withEvents([live, ban]), withEvents([live]))).toEqual([
      'events.1: removed ban at tick 48',
    ]);
    expect(scenarioChanges(withEvents([live]), withEvents([]))).toEqual([
      'events.0: removed idol-live at tick 35',
    ]);
    expect(scenarioChanges(withEvents([]), withEvents([{ ...live, boost: 8 }, ban]))).toEqual([
      'events.0: added idol-live at tick 35',
      'events.1: added ban at tick 48',
    ]);
    expect(scenarioChanges(withEvents([live]), withEvents([{ ...live, boost: 8 }]))).toEqual([
      'events.0.boost: 4 → 8',
    ]);
  });

  it('takes a missing list or object for an empty one', () => {
    const noEvents = { presetId: 'p', scenario: { title: 't' }, seed: 's' };
    const emptyEvents = { presetId: 'p', scenario: { title: 't', events: [], recommender: {} }, seed: 's' };
    expect(scenarioChanges(noEvents, emptyEvents)).toEqual([]);
  });

  it('finds nothing between a run and its reset', () => {
    expect(scenarioChanges(run('s', { strategy: 'random' }), run('s', { strategy: 'random' }))).toEqual([]);
  });
});

describe('comparable', () => {
  it('compares runs of one preset, not runs of two different stories', () => {
    expect(comparable(run('a', {}), run('b', { strategy: 'random' }))).toBe(true);
    expect(comparable(run('a', {}, 'dance-challenge'), run('a', {}, 'platform-ban'))).toBe(false);
  });
});

describe('sameTickFigures', () => {
  it('sets the latest row against the previous run at the same tick', () => {
    const current = [row(0, [1, 0]), row(1, [2, 1], 1.5, 0.01)];
    const previous = [row(0, [1, 0]), row(1, [5, 3], 2.5, 0.02), row(2, [9, 4], 2.6, 0.03)];
    expect(sameTickFigures(current, previous, ['Dance', 'Meme'])).toEqual({
      tick: 1,
      previousTick: 1,
      figures: [
        { label: 'Dance', current: 2, previous: 5, digits: null },
        { label: 'Meme', current: 1, previous: 3, digits: null },
        { label: 'topic entropy (bits)', current: 1.5, previous: 2.5, digits: 2 },
        { label: 'homogenization', current: 0.01, previous: 0.02, digits: 3 },
      ],
    });
  });

  it('uses the last row of a previous run that stopped earlier, and says which tick that was', () => {
    const figures = sameTickFigures([row(10, [7])], [row(0, [1]), row(4, [3])], ['Dance']);
    expect(figures?.tick).toBe(10);
    expect(figures?.previousTick).toBe(4);
    expect(figures?.figures[0]).toEqual({ label: 'Dance', current: 7, previous: 3, digits: null });
  });

  it('gives nothing without rows, and 0 for a trend the previous run did not have', () => {
    expect(sameTickFigures([], [row(0, [1])], ['Dance'])).toBeNull();
    expect(sameTickFigures([row(0, [1])], [], ['Dance'])).toBeNull();
    expect(sameTickFigures([row(3, [1, 4])], [row(3, [2])], ['A', 'B'])?.figures[1]).toEqual({
      label: 'B',
      current: 4,
      previous: 0,
      digits: null,
    });
  });
});
