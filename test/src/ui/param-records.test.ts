// Tests for editing world-list records from the panel: fields found in the real schema, patches that survive the schema, share links and reset, feed-mix rebalancing and refused cross-field edits.
import { describe, expect, it } from 'vitest';
import { diffPatch, mergePatch } from '../../../sim/host/merge-patch.ts';
import { TREND_KINDS } from '../../../sim/params/trends.ts';
import { worldScenarioSchema } from '../../../sim/params/world.ts';
import type { ScenarioJson } from '../../../sim/protocol.ts';
import { decodeShare, encodeShare } from '../../../src/share/codec.ts';
import { createAppStore } from '../../../src/state/store.ts';
import { getPath, type ParamField, panelFields, patchFor } from '../../../src/ui/param-fields.ts';
import {
  checkPatch,
  expandItems,
  getIn,
  rebalance,
  resolveScenario,
  setIn,
  shownRecords,
  worldChoices,
  worldNames,
} from '../../../src/ui/param-records.ts';
import { editLikePanel } from './panel-edit.ts';

const fields = panelFields(worldScenarioSchema);
const list = (path: string): ParamField => {
  const found = fields.find((f) => f.kind === 'list' && f.path.join('.') === path);
  if (!found) throw new Error(`no list field ${path}`);
  return found;
};

/** The dance-challenge preset's shape: platforms left to the defaults, one trend naming its platform by kind. */
const preset: ScenarioJson = {
  version: 1,
  world: { agents: 2000 },
  trends: [
    {
      name: 'Step',
      kind: 'dance-challenge',
      origin: 'idol',
      region: 'Korea',
      platform: 'short-video',
      startTick: 3,
    },
  ],
};

/** One edit of the record list at `path`, as the panel's commit makes it. */
function edit(
  scenario: ScenarioJson,
  path: string,
  index: number,
  leaf: readonly (string | number)[],
  value: unknown,
) {
  return editLikePanel(scenario, list(path), index, leaf, value);
}

describe('the panel fields of the world scenario schema', () => {
  it('finds the four record lists and the events with a group each', () => {
    expect(fields.filter((f) => f.kind === 'list').map((f) => [f.path.join('.'), f.group])).toEqual([
      ['world.regions', 'Regions'],
      ['world.fandoms', 'Fandoms'],
      ['world.platforms', 'Platforms'],
      ['trends', 'Trends'],
      ['events', 'Events'],
    ]);
  });

  it('reads platform fields with their metadata, vectors by region and format fit per trend kind', () => {
    const items = list('world.platforms').items ?? [];
    const byPath = new Map(items.map((f) => [f.path.join('.'), f]));
    expect(byPath.get('attention')).toMatchObject({
      kind: 'number',
      label: 'Attention',
      unit: 'posts',
      min: 1,
      max: 128,
    });
    expect(byPath.get('feedMix.follows')).toMatchObject({ label: 'Feed from follows', min: 0, max: 1 });
    expect(byPath.get('algorithm.personalization')).toMatchObject({ label: 'Personalization' });
    expect(byPath.get('networkEffect')).toMatchObject({ min: 0, max: 20 });
    expect(byPath.get('membershipByRegion.*')?.each).toEqual({ over: 'regions', by: 'index' });
    expect(byPath.get('edgeModel')?.options).toEqual(['follow', 'groups']);
    for (const kind of TREND_KINDS)
      expect(byPath.get(`formatFit.${kind}`)).toMatchObject({ min: 0, max: 10 });
  });

  it('reads trend fields, topic weights by topic name and references to world lists as selects', () => {
    const byPath = new Map((list('trends').items ?? []).map((f) => [f.path.join('.'), f]));
    expect(byPath.get('effort')).toMatchObject({ kind: 'number', min: 0, max: 1, label: 'Effort' });
    expect(byPath.get('startTick')).toMatchObject({ integer: true, unit: 'ticks' });
    expect(byPath.get('kind')?.options).toEqual([...TREND_KINDS]);
    expect(byPath.get('topics.*')?.each).toEqual({ over: 'topics', by: 'name' });
    expect(byPath.get('platform')).toMatchObject({ kind: 'enum', optionsFrom: 'platforms' });
    expect(byPath.get('fandom')).toMatchObject({ kind: 'enum', optionsFrom: 'fandoms' });
  });

  it('marks every per-region and per-topic vector of the records with indexedBy, and the main language with indexOf', () => {
    const items = (path: string) => new Map((list(path).items ?? []).map((f) => [f.path.join('.'), f]));
    const regions = items('world.regions');
    const fandoms = items('world.fandoms');
    expect(regions.get('topicWeights.*')?.each).toEqual({ over: 'topics', by: 'index' });
    expect(fandoms.get('regionAffinity.*')?.each).toEqual({ over: 'regions', by: 'index' });
    expect(fandoms.get('topicWeights.*')?.each).toEqual({ over: 'topics', by: 'index' });
    expect(items('world.platforms').get('membershipByRegion.*')?.each).toEqual({
      over: 'regions',
      by: 'index',
    });
    expect(regions.get('mainLanguage')).toMatchObject({ kind: 'enum', indexOf: 'languages' });
    // The help text stays for people.
    expect(fandoms.get('regionAffinity.*')?.description).toMatch(/one region/);
  });

  it('labels each vector entry with the name of the list entry its metadata points to', () => {
    const names = worldNames(resolveScenario(worldScenarioSchema, preset));
    const leaves = expandItems(list('world.fandoms').items ?? [], names);
    const labels = (section: string) => leaves.filter((l) => l.section === section).map((l) => l.label);
    expect(labels('Region affinity')).toEqual(names.regions);
    expect(labels('Topic weights')).toEqual(names.topics);
    expect(names.regions[0]).toBe('Korea');
    expect(names.topics.length).toBe(8);
  });

  it('offers the language names for the main language, picked by position, and world names for trend refs', () => {
    const names = worldNames(resolveScenario(worldScenarioSchema, preset));
    const field = (path: string, key: string) =>
      (list(path).items ?? []).find((f) => f.path.join('.') === key)!;
    expect(names.languages).toEqual([
      'Korean',
      'English',
      'Japanese',
      'Indonesian',
      'Hindi',
      'Spanish',
      'European',
      'Arabic',
    ]);
    expect(worldChoices(field('world.regions', 'mainLanguage'), names)).toEqual({
      options: names.languages,
      byIndex: true,
    });
    expect(worldChoices(field('trends', 'platform'), names)).toEqual({
      options: names.platforms,
      byIndex: false,
    });
    expect(worldChoices(field('world.regions', 'utcOffset'), names)).toBeNull();
    // Picking "English" for Korea writes its index, which the schema accepts and the resolved world reads back.
    const english = names.languages.indexOf('English');
    const { patch, scenario } = edit(preset, 'world.regions', 0, ['mainLanguage'], english);
    expect(checkPatch(worldScenarioSchema, preset, patch)).toEqual([]);
    const korea = getPath(resolveScenario(worldScenarioSchema, scenario), ['world', 'regions']) as {
      name: string;
      mainLanguage: number;
    }[];
    expect(korea[0]).toMatchObject({ name: 'Korea', mainLanguage: 1 });
  });

  it('expands vectors over the world: one membership leaf per region, labelled by its name', () => {
    const names = worldNames(resolveScenario(worldScenarioSchema, preset));
    const leaves = expandItems(list('world.platforms').items ?? [], names).filter(
      (l) => l.section === 'Membership by region',
    );
    expect(leaves.map((l) => l.label)).toEqual(names.regions);
    expect(leaves[2]!.path).toEqual(['membershipByRegion', 2]);
    expect(names.regions.length).toBe(8);
  });
});

describe('record edits', () => {
  it('turn every leaf of every list into a patch the schema accepts and that sets exactly that value', () => {
    // Mid-range values: inside every range, and 0.5 keeps the feed mix rebalance exact to check.
    const resolved = resolveScenario(worldScenarioSchema, preset);
    const names = worldNames(resolved);
    let checked = 0;
    for (const path of ['world.regions', 'world.fandoms', 'world.platforms', 'trends']) {
      for (const leaf of expandItems(list(path).items ?? [], names)) {
        const { field } = leaf;
        const value =
          field.kind === 'number'
            ? field.integer
              ? Math.round(((field.min ?? 0) + (field.max ?? 0)) / 2)
              : ((field.min ?? 0) + (field.max ?? 0)) / 2
            : field.indexOf
              ? names[field.indexOf].length - 1
              : field.kind === 'enum'
                ? (field.options ?? names[field.optionsFrom!]).at(-1)
                : field.kind === 'color'
                  ? '#123abc'
                  : field.kind === 'text'
                    ? 'Renamed in the panel'
                    : true;
        const result = edit(preset, path, 0, leaf.path, value);
        expect(
          checkPatch(worldScenarioSchema, preset, result.patch),
          `${path}.${leaf.path.join('.')}`,
        ).toEqual([]);
        const after = shownRecords(list(path), resolveScenario(worldScenarioSchema, result.scenario));
        expect(getIn(after[0], leaf.path), `${path}.${leaf.path.join('.')}`).toEqual(value);
        checked++;
      }
    }
    // Regions 6 + 8 topics, fandoms 1 + 8 regions + 8 topics, platforms 13 + 8 regions + 6 kinds, trends name + 12 + 8 topics.
    expect(checked).toBe(14 + 17 + 27 + 21);
  });

  it('writes the whole list (merge patches replace arrays) and changes only the edited record', () => {
    const { patch } = edit(preset, 'world.platforms', 0, ['attention'], 40);
    const platforms = getPath(patch, ['world', 'platforms']) as Record<string, unknown>[];
    const defaults = getPath(resolveScenario(worldScenarioSchema, preset), [
      'world',
      'platforms',
    ]) as unknown[];
    expect(platforms).toHaveLength(defaults.length);
    expect(platforms[0]!.attention).toBe(40);
    expect(platforms.slice(1)).toEqual(defaults.slice(1));
  });

  it('keeps a record in its own short form, filling in only the container it edits', () => {
    const shown = {
      name: 'Nova',
      kind: 'short-video',
      feedMix: { follows: 0.3, recommended: 0.6, trending: 0.1 },
    };
    const record = { name: 'Nova', kind: 'short-video', networkEffect: 3 };
    expect(setIn(record, shown, ['feedMix', 'trending'], 0.2)).toEqual({
      name: 'Nova',
      kind: 'short-video',
      networkEffect: 3,
      feedMix: { follows: 0.3, recommended: 0.6, trending: 0.2 },
    });
    expect(setIn({ name: 'x', platform: 'Loop' }, {}, ['platform'], undefined)).toEqual({ name: 'x' });
    expect(setIn({ v: [1, 2, 3] }, {}, ['v', 1], 9)).toEqual({ v: [1, 9, 3] });
  });

  it('rebalances the feed mix so it sums to 1 and says so', () => {
    const result = edit(preset, 'world.platforms', 0, ['feedMix', 'follows'], 0.5);
    const mix = getPath(result.scenario, ['world', 'platforms'])! as { feedMix: Record<string, number> }[];
    const { follows, recommended, trending } = mix[0]!.feedMix;
    // Loop's default mix is 0.3/0.6/0.1: the other two keep their 6:1 ratio in the remaining 0.5.
    expect(follows).toBe(0.5);
    expect(recommended).toBeCloseTo((0.6 * 0.5) / 0.7, 6);
    expect(follows! + recommended! + trending!).toBeCloseTo(1, 9);
    expect(result.note).toMatch(/Feed mix must sum to 1/);
    expect(checkPatch(worldScenarioSchema, preset, result.patch)).toEqual([]);
  });

  it('splits the rest evenly when the other shares were all 0, and rounds to 6 digits without breaking the sum', () => {
    expect(rebalance({ a: 1, b: 0, c: 0 }, 'a', 0.4)).toEqual({ a: 0.4, b: 0.3, c: 0.3 });
    const odd = rebalance({ a: 0.1, b: 0.2, c: 0.7 }, 'a', 1 / 3);
    expect(Math.abs(odd.a! + odd.b! + odd.c! - 1)).toBeLessThan(1e-6);
    expect(String(odd.b).length).toBeLessThanOrEqual(8);
  });

  it('shows a trend with its kind defaults and keeps them when one topic weight is edited', () => {
    const shown = shownRecords(list('trends'), resolveScenario(worldScenarioSchema, preset));
    expect(shown[0]).toMatchObject({ appeal: 0.7, effort: 0.85, topics: { dance: 0.6, 'k-pop': 0.4 } });
    const { scenario } = edit(preset, 'trends', 0, ['topics', 'food'], 0.25);
    expect(getPath(scenario, ['trends'])).toMatchObject([
      { topics: { dance: 0.6, 'k-pop': 0.4, food: 0.25 } },
    ]);
  });

  it("moves an event's end along with its tick, keeping its length, and says so; an event without an end just moves", () => {
    const withEvents = {
      ...preset,
      events: [
        { type: 'idol-live', tick: 35, until: 38, fandom: 'Orbit' },
        { type: 'ban', tick: 48, platform: 'Loop' },
      ],
    };
    const moved = edit(withEvents, 'events', 0, ['tick'], 100);
    expect(getPath(moved.scenario, ['events'])).toMatchObject([{ tick: 100, until: 103 }, { tick: 48 }]);
    expect(moved.note).toBe('The event keeps its length of 3 hours, so its until tick became 103.');
    expect(checkPatch(worldScenarioSchema, withEvents, moved.patch)).toEqual([]);
    const ban = edit(withEvents, 'events', 1, ['tick'], 10);
    expect((ban.scenario.events as unknown[])[1]).toEqual({ type: 'ban', tick: 10, platform: 'Loop' });
    expect(ban.note).toBeNull();
  });

  it('shows a trend platform given by its kind as the platform of that kind, by name, as the select lists them', () => {
    const byKind = {
      ...preset,
      trends: [{ name: 'Dance', kind: 'dance-challenge', platform: 'short-video' }],
    };
    const platforms = getPath(resolveScenario(worldScenarioSchema, byKind), ['world', 'platforms']) as {
      name: string;
      kind: string;
    }[];
    const shortVideo = platforms.find((p) => p.kind === 'short-video')!.name;
    expect(shownRecords(list('trends'), resolveScenario(worldScenarioSchema, byKind))[0]).toMatchObject({
      platform: shortVideo,
    });
    const byName = {
      ...preset,
      trends: [{ name: 'Dance', kind: 'dance-challenge', platform: platforms[1]!.name }],
    };
    expect(shownRecords(list('trends'), resolveScenario(worldScenarioSchema, byName))[0]).toMatchObject({
      platform: platforms[1]!.name,
    });
  });

  it('leaves out the schema messages of edits that keep the scenario valid, and names the rule an edit breaks', () => {
    // Talk (messenger) is a groups platform: fewer than 2 "ties" (mean group size) breaks a cross-field rule.
    const talk = (
      getPath(resolveScenario(worldScenarioSchema, preset), ['world', 'platforms']) as { kind: string }[]
    ).findIndex((p) => p.kind === 'messenger');
    const groups = edit(preset, 'world.platforms', talk, ['meanTies'], 1.5);
    expect(checkPatch(worldScenarioSchema, preset, groups.patch)).toEqual([
      `world.platforms[${talk}].meanTies: must be a number from 2 to 1000 (mean group size) on a groups platform (got 1.5)`,
    ]);
    const tiers = checkPatch(worldScenarioSchema, preset, patchFor(['world', 'tiers', 'mega'], 0.5));
    expect(tiers.join()).toMatch(/mega ≤ macro ≤ micro ≤ nano/);
    const language = edit(preset, 'world.regions', 0, ['mainLanguage'], 7);
    expect(checkPatch(worldScenarioSchema, preset, language.patch)).toEqual([]);
  });
});

describe('edited records after a share link and a reset', () => {
  it('come back unchanged from a share link (diff against the preset, encode, decode, merge)', () => {
    const first = edit(preset, 'world.platforms', 0, ['algorithm', 'personalization'], 0.2).scenario;
    const edited = edit(first, 'trends', 0, ['effort'], 0.1).scenario;
    const payload = encodeShare({
      presetId: 'dance-challenge',
      patch: diffPatch(preset, edited),
      seed: 's',
      tick: 0,
    });
    const reopened = mergePatch(preset, decodeShare(payload).patch);
    expect(reopened).toEqual(edited);
    expect(worldScenarioSchema.safeParse(reopened).success).toBe(true);
  });

  it('stay in the store through reset, which asks the worker to rebuild the same scenario', () => {
    const store = createAppStore('seed');
    store.getState().loadScenario('dance-challenge', preset);
    const { patch, scenario } = edit(preset, 'world.platforms', 0, ['attention'], 64);
    store.getState().setParams(patch);
    store.getState().reset();
    expect(store.getState().scenario).toEqual(scenario);
    expect(store.getState().outbox.map((i) => i.type)).toEqual(['init', 'setParams', 'reset']);
  });
});
