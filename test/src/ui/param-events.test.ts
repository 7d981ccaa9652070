// Tests for editing the scenario's events from the panel: fields per event type, titles, added events that fit the world, edits and removals the schema and engine accept, and trend colours; checked through the engine, a share link and a reset.
import { describe, expect, it } from 'vitest';
import { diffPatch, mergePatch } from '../../../sim/host/merge-patch.ts';
import { createWorldEngine } from '../../../sim/model/engine.ts';
import { EVENT_TYPES } from '../../../sim/params/events.ts';
import { worldScenarioSchema } from '../../../sim/params/world.ts';
import type { ScenarioJson } from '../../../sim/protocol.ts';
import { decodeShare, encodeShare } from '../../../src/share/codec.ts';
import { createAppStore } from '../../../src/state/store.ts';
import {
  addEventPatch,
  cannotAdd,
  defaultEvent,
  eventTitle,
  recordItems,
  refName,
  removeEventPatch,
} from '../../../src/ui/param-events.ts';
import { getPath, type ParamField, panelFields } from '../../../src/ui/param-fields.ts';
import {
  checkPatch,
  expandItems,
  getIn,
  resolveScenario,
  shownRecords,
  worldNames,
} from '../../../src/ui/param-records.ts';
import { editLikePanel } from './panel-edit.ts';

const fields = panelFields(worldScenarioSchema);
const listOf = (path: string): ParamField =>
  fields.find((f) => f.kind === 'list' && f.path.join('.') === path)!;
const events = listOf('events');

/** The platform-ban preset's shape (public/scenarios/platform-ban.json), small enough to run in a unit test. */
const banPreset: ScenarioJson = {
  version: 1,
  world: { agents: 500, layerOverlap: 0.3 },
  trends: [
    {
      name: 'Orbit Step Challenge',
      kind: 'dance-challenge',
      origin: 'idol',
      fandom: 'Orbit',
      region: 'Korea',
      platform: 'short-video',
      startTick: 11,
    },
  ],
  events: [{ type: 'ban', tick: 48, platform: 'short-video' }],
};

/** One event-field edit, as the panel's commit makes it. */
const edit = editLikePanel;

/** Availability of every platform after `ticks` steps of `scenario` with seed "s". */
function availableAfter(scenario: ScenarioJson, ticks: number): boolean[] {
  const engine = createWorldEngine(worldScenarioSchema.parse({ ...scenario, seed: 's' }));
  for (let i = 0; i < ticks; i++) engine.step();
  return engine.summary().platforms.map((p) => p.available);
}

describe('collectFields on the events', () => {
  it('makes the events a list with the fields of each event type, ban and outage sharing theirs', () => {
    expect(events).toMatchObject({ kind: 'list', group: 'Events', discriminator: 'type' });
    expect(events.variants?.map((v) => v.type)).toEqual([...EVENT_TYPES]);
    const paths = (type: string) => recordItems(events, { type }).map((f) => f.path.join('.'));
    expect(paths('ban')).toEqual(['type', 'tick', 'until', 'platform']);
    expect(paths('outage')).toEqual(paths('ban'));
    expect(paths('algorithm-change')).toEqual([
      'tick',
      'platform',
      'personalization',
      'exploration',
      'popularityWeight',
      'reachCap',
    ]);
    expect(paths('idol-live')).toEqual(['tick', 'until', 'fandom', 'boost', 'fanBoost']);
    expect(paths('creator-leaves')).toEqual(['tick', 'platform', 'rank', 'agent']);
    expect(paths('activity-change')).toEqual(['tick', 'until', 'region', 'multiplier']);
    // A campaign's trend is a nested object: its leaves (colour and topic weights too) sit under "trend".
    expect(paths('campaign')).toEqual(
      expect.arrayContaining([
        'tick',
        'influencers',
        'trend.kind',
        'trend.appeal',
        'trend.topics.*',
        'trend.color',
        'trend.platform',
      ]),
    );
    expect(paths('campaign')).not.toContain('trend.startTick');
    expect(recordItems(events, { type: 'nonsense' })).toEqual([]);
  });

  it('reads ranges, units and references from the event schema, required references without an unset choice', () => {
    const byPath = (type: string) => new Map(recordItems(events, { type }).map((f) => [f.path.join('.'), f]));
    const ban = byPath('ban');
    expect(ban.get('tick')).toMatchObject({
      kind: 'number',
      integer: true,
      min: 0,
      max: 10_000_000,
      unit: 'ticks',
    });
    expect(ban.get('until')).toMatchObject({ min: 1, optional: true });
    expect(ban.get('tick')?.optional).toBeUndefined();
    expect(ban.get('type')?.options).toEqual(['ban', 'outage']);
    expect(ban.get('platform')).toMatchObject({ kind: 'enum', optionsFrom: 'platforms' });
    expect(ban.get('platform')?.optional).toBeUndefined();
    expect(byPath('activity-change').get('region')).toMatchObject({ optionsFrom: 'regions', optional: true });
    expect(byPath('idol-live').get('fandom')).toMatchObject({ optionsFrom: 'fandoms' });
    expect(byPath('algorithm-change').get('popularityWeight')).toMatchObject({
      label: 'Virality weight',
      min: 0,
      max: 100,
    });
    expect(byPath('campaign').get('trend.color')).toMatchObject({ kind: 'color', optional: true });
    expect(listOf('trends').items?.find((f) => f.path.join('.') === 'color')).toMatchObject({
      kind: 'color',
    });
  });
});

describe('event titles and new events', () => {
  const resolved = resolveScenario(worldScenarioSchema, banPreset);
  const names = worldNames(resolved);

  it('titles a folder by type, tick and what it acts on, naming a platform given by its kind', () => {
    expect(names.platforms[0]).toBe('Loop');
    expect(refName(resolved, 'platforms', 'short-video')).toBe('Loop');
    expect(refName(resolved, 'platforms', 2)).toBe(names.platforms[2]);
    expect(refName(resolved, 'fandoms', 1)).toBe(names.fandoms[0]);
    expect(eventTitle({ type: 'ban', tick: 48, platform: 'short-video' }, resolved)).toBe(
      'Ban · tick 48 · Loop',
    );
    expect(eventTitle({ type: 'idol-live', tick: 35, fandom: 'Orbit' }, resolved)).toBe(
      'Idol live · tick 35 · Orbit',
    );
    expect(
      eventTitle({ type: 'campaign', tick: 3, trend: { name: 'Chant', platform: 'Chirp' } }, resolved),
    ).toBe('Campaign · tick 3 · Chant · Chirp');
    expect(eventTitle({ type: 'activity-change', tick: 0 }, resolved)).toBe('Activity change · tick 0');
    expect(
      eventTitle(
        { type: 'launch', tick: 12, agent: 4, kind: 'meme', platform: 'Chirp', name: 'Meme 2' },
        resolved,
      ),
    ).toBe('Launch · tick 12 · Meme 2 · Chirp');
  });

  it('adds every event type with defaults the schema and the engine accept, at the asked tick', () => {
    const added = EVENT_TYPES.map((type, i) => defaultEvent(type, resolved, 1 + i));
    let scenario = banPreset;
    for (const event of added) {
      const resolvedList = getPath(resolveScenario(worldScenarioSchema, scenario), ['events']) as unknown[];
      const patch = addEventPatch(scenario, events, resolvedList, event);
      expect(checkPatch(worldScenarioSchema, scenario, patch), JSON.stringify(event)).toEqual([]);
      scenario = mergePatch(scenario, patch);
    }
    expect((scenario.events as unknown[]).slice(1)).toEqual(added);
    expect(added.map((e) => e.tick)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    // The algorithm change starts from Loop's own settings, so it changes nothing until edited.
    expect(added[0]).toEqual({
      type: 'algorithm-change',
      tick: 1,
      platform: 'Loop',
      ...(getIn(resolved, ['world', 'platforms', 0, 'algorithm']) as object),
    });
    // The engine resolves every name and applies all eight (ban at 2 and outage at 3 on Loop, until 9; a launch at 8).
    expect(availableAfter(scenario, 8)[0]).toBe(false);
  });

  it('refuses an event the world has no list for, with the reason', () => {
    const none = { ...names, fandoms: [] };
    expect(cannotAdd('idol-live', none)).toMatch(/no fandoms/);
    expect(cannotAdd('ban', none)).toBeNull();
    expect(() => defaultEvent('idol-live', { world: { fandoms: [] } }, 0)).toThrow(/no fandoms/);
  });

  it('removes exactly the chosen event, and adds to the resolved list when the scenario leaves events out', () => {
    const two = mergePatch(banPreset, {
      events: [...(banPreset.events as unknown[]), { type: 'activity-change', tick: 3, multiplier: 2 }],
    });
    const list = getPath(resolveScenario(worldScenarioSchema, two), ['events']) as unknown[];
    expect(removeEventPatch(two, events, list, 0)).toEqual({
      events: [{ type: 'activity-change', tick: 3, multiplier: 2 }],
    });
    const { events: _dropped, ...bare } = banPreset;
    expect(addEventPatch(bare, events, [], { type: 'ban', tick: 1, platform: 'Loop' })).toEqual({
      events: [{ type: 'ban', tick: 1, platform: 'Loop' }],
    });
  });
});

describe('event edits', () => {
  it('turn every leaf of every event type into a patch the schema accepts and that sets exactly that value', () => {
    const resolved = resolveScenario(worldScenarioSchema, banPreset);
    const names = worldNames(resolved);
    const all = mergePatch(banPreset, {
      events: EVENT_TYPES.map((type) => defaultEvent(type, resolved, 30)),
    });
    let checked = 0;
    for (const [index, type] of EVENT_TYPES.entries()) {
      for (const leaf of expandItems(recordItems(events, { type }), names)) {
        const { field } = leaf;
        // Mid-range values are inside every range; the last option of an enum differs from most defaults.
        const midRange =
          field.kind === 'number'
            ? field.integer
              ? Math.round(((field.min ?? 0) + (field.max ?? 0)) / 2)
              : ((field.min ?? 0) + (field.max ?? 0)) / 2
            : field.kind === 'enum'
              ? (field.options ?? names[field.optionsFrom!]).at(-1)
              : field.kind === 'color'
                ? '#123abc'
                : field.kind === 'text'
                  ? 'Renamed in the panel'
                  : true;
        // A tick stays before the event's end (until: 33 or later), as the schema refuses an end before the start.
        const value = leaf.path.join('.') === 'tick' ? 20 : midRange;
        const where = `${type}.${leaf.path.join('.')}`;
        const result = edit(all, events, index, leaf.path, value);
        expect(checkPatch(worldScenarioSchema, all, result.patch), where).toEqual([]);
        const after = shownRecords(events, resolveScenario(worldScenarioSchema, result.scenario));
        expect(getIn(after[index], leaf.path), where).toEqual(value);
        expect(
          after.filter((_, i) => i !== index),
          where,
        ).toEqual(
          shownRecords(events, resolveScenario(worldScenarioSchema, all)).filter((_, i) => i !== index),
        );
        checked++;
      }
    }
    // algorithm 6, ban 4, campaign 2 + trend (name + 11 + 8 topics), idol 5, creator 4, activity 4, outage 4, launch 5.
    expect(checked).toBe(6 + 4 + 2 + 20 + 5 + 4 + 4 + 4 + 5);
  });

  it('shows a campaign’s trend as the engine runs it: posted by its influencers, with its kind’s defaults', () => {
    const resolved = resolveScenario(worldScenarioSchema, {
      ...banPreset,
      events: [{ type: 'campaign', tick: 3, influencers: 25, trend: { name: 'Chant', kind: 'meme' } }],
    });
    expect(shownRecords(events, resolved)[0]).toMatchObject({
      trend: { name: 'Chant', origin: 'campaign', seeds: 25, appeal: expect.any(Number) },
    });
  });

  it('refuse an end tick of 0 with the schema’s message naming the event', () => {
    const refused = edit(banPreset, events, 0, ['until'], 0);
    expect(checkPatch(worldScenarioSchema, banPreset, refused.patch)).toEqual([
      'events[0].until: must be an integer from 1 to 10,000,000 ticks (got 0)',
    ]);
    // Emptying an optional field's box unsets it: the ban then never ends.
    const outage = edit(banPreset, events, 0, ['until'], 60).scenario;
    expect(edit(outage, events, 0, ['until'], undefined).scenario).toEqual(banPreset);
  });

  it('move a ban to tick 5, which takes the platform down once tick 5 has run (not at 48 any more)', () => {
    const moved = edit(banPreset, events, 0, ['tick'], 5).scenario;
    expect(moved.events).toEqual([{ type: 'ban', tick: 5, platform: 'short-video' }]);
    // Loop (index 0) is the short-video platform; summary tick k = k ticks done, so tick 5 runs in the 6th step.
    expect(availableAfter(moved, 5)[0]).toBe(true);
    expect(availableAfter(moved, 6)).toEqual([false, true, true, true, true]);
    expect(availableAfter(banPreset, 6)[0]).toBe(true);
  });

  it('come back from a share link and stay through a reset', () => {
    const moved = edit(banPreset, events, 0, ['tick'], 5).scenario;
    const outage = edit(moved, events, 0, ['type'], 'outage').scenario;
    const payload = encodeShare({
      presetId: 'platform-ban',
      patch: diffPatch(banPreset, outage),
      seed: 's',
      tick: 0,
    });
    expect(mergePatch(banPreset, decodeShare(payload).patch)).toEqual(outage);
    const store = createAppStore('seed');
    store.getState().loadScenario('platform-ban', banPreset);
    store.getState().setParams(edit(banPreset, events, 0, ['tick'], 5).patch);
    store.getState().reset();
    expect(store.getState().scenario).toEqual(moved);
  });
});

describe('trend colours', () => {
  it('show the kind’s colour, and an edited colour is what the engine draws the trend in', () => {
    const trends = listOf('trends');
    const shown = shownRecords(trends, resolveScenario(worldScenarioSchema, banPreset));
    // The dance-challenge kind's colour (sim/model/trends.ts) for the first trend.
    expect(getIn(shown[0], ['color'])).toBe('#ff4f9a');
    const { patch, scenario } = edit(banPreset, trends, 0, ['color'], '#3d8bff');
    expect(checkPatch(worldScenarioSchema, banPreset, patch)).toEqual([]);
    const engine = createWorldEngine(worldScenarioSchema.parse({ ...scenario, seed: 's' }));
    expect(engine.summary().trends[0]?.color).toBe('#3d8bff');
    const store = createAppStore('seed');
    store.getState().loadScenario('platform-ban', banPreset);
    store.getState().setParams(patch);
    expect(getIn(store.getState().scenario, ['trends', 0, 'color'])).toBe('#3d8bff');
    expect(
      checkPatch(worldScenarioSchema, banPreset, edit(banPreset, trends, 0, ['color'], 'blue').patch),
    ).toEqual(['trends[0].color: must be a colour like "#ff4f9a" (got "blue")']);
  });
});
