// The scenario's events in the parameter panel: folder titles, the leaves of each event type, new events with defaults that fit the world, and the whole-list patches that add, edit or remove one. Pure: no DOM, no store.
import type { EVENT_TYPES } from '../../sim/params/events.ts';
import type { ScenarioJson } from '../../sim/protocol.ts';
import { getPath, humanize, type ParamField, patchFor } from './param-fields.ts';
import { getIn, type WorldNames, worldNames } from './param-records.ts';

export type EventType = (typeof EVENT_TYPES)[number];

/** The item fields of one record of `list`: its variant's when the list is a union (events), else the list's own. */
export function recordItems(list: ParamField, record: unknown): readonly ParamField[] {
  if (!list.variants) return list.items ?? [];
  const tag = String(getPath(record, [list.discriminator ?? 'type']) ?? '');
  return list.variants.find((v) => v.type === tag)?.items ?? [];
}

/**
 * The name a world reference (`platform: "short-video"`, `fandom: 0`) stands for in `resolved`: the record of that
 * name, else (platforms) the first of that kind, else by position (0-based; fandoms 1-based as the engine reads them);
 * the reference itself when none matches.
 */
export function refName(resolved: unknown, list: 'platforms' | 'regions' | 'fandoms', ref: unknown): string {
  const names = worldNames(resolved)[list];
  // Fandoms are numbered from 1 in scenarios (0 is "no fandom", sim/model/trends.ts resolveFandom).
  if (typeof ref === 'number') return names[list === 'fandoms' ? ref - 1 : ref] ?? `#${ref}`;
  if (typeof ref !== 'string') return '';
  const lower = ref.toLowerCase();
  const byName = names.find((n) => n.toLowerCase() === lower);
  if (byName !== undefined) return byName;
  const records = getPath(resolved, ['world', list]);
  const byKind = Array.isArray(records)
    ? records.find((r) => String(getPath(r, ['kind']) ?? '').toLowerCase() === lower)
    : undefined;
  return byKind ? String(getPath(byKind, ['name'])) : ref;
}

/** An event folder's title: type, tick and what it acts on ("Ban · tick 48 · Loop", "Campaign · tick 33 · Bloom fan chant"). */
export function eventTitle(event: unknown, resolved: unknown): string {
  const type = humanize(String(getPath(event, ['type']) ?? 'event'));
  const tick = getPath(event, ['tick']);
  const parts = [type, `tick ${typeof tick === 'number' ? tick : '?'}`];
  const launchName = getPath(event, ['name']);
  if (typeof launchName === 'string') parts.push(launchName); // a launch: its trend's name
  const trendName = getIn(event, ['trend', 'name']);
  if (typeof trendName === 'string') {
    // A campaign: its trend's name and the platform it is posted on.
    parts.push(trendName);
    const platform = getIn(event, ['trend', 'platform']);
    if (platform !== undefined) parts.push(refName(resolved, 'platforms', platform));
  }
  for (const list of ['platforms', 'fandoms', 'regions'] as const) {
    const ref = getPath(event, [list.slice(0, -1)]);
    if (ref !== undefined) parts.push(refName(resolved, list, ref));
  }
  return parts.join(' · ');
}

/** Why an event of `type` cannot be added to this world (it needs a list the world leaves empty), or null. */
export function cannotAdd(type: EventType, names: WorldNames): string | null {
  if (type === 'idol-live' && names.fandoms.length === 0)
    return 'this world has no fandoms for an idol to go live in';
  const needsPlatform = type !== 'idol-live' && type !== 'activity-change' && type !== 'creator-leaves';
  if (needsPlatform && names.platforms.length === 0) return 'this world has no platforms';
  return null;
}

/**
 * A new event of `type` at `tick` that the schema and the engine accept for world `resolved`: its first platform
 * (or fandom), a day-long effect where the type has an end, and for an algorithm change the platform's current
 * settings (so it changes nothing until edited). Throws when `cannotAdd` says the world lacks what it needs.
 */
export function defaultEvent(type: EventType, resolved: unknown, tick: number): ScenarioJson {
  const names = worldNames(resolved);
  const reason = cannotAdd(type, names);
  if (reason) throw new Error(reason);
  const platform = names.platforms[0] ?? '';
  switch (type) {
    case 'algorithm-change': {
      const algorithm = getIn(resolved, ['world', 'platforms', 0, 'algorithm']);
      return { type, tick, platform, ...(typeof algorithm === 'object' ? algorithm : {}) };
    }
    case 'ban':
      return { type, tick, platform };
    case 'outage':
      return { type, tick, until: tick + 6, platform };
    case 'campaign':
      return {
        type,
        tick,
        influencers: 10,
        trend: { name: 'New campaign', kind: 'meme', platform },
      };
    case 'idol-live':
      return { type, tick, until: tick + 3, fandom: names.fandoms[0] ?? '', boost: 5, fanBoost: 2 };
    case 'creator-leaves':
      return { type, tick, platform, rank: 1 };
    case 'activity-change':
      return { type, tick, until: tick + 24, multiplier: 1.5 };
    case 'launch':
      return { type, tick, agent: 0, kind: 'meme', platform, name: 'Launched meme' };
    default: {
      const never: never = type;
      throw new Error(`unknown event type ${String(never)}`);
    }
  }
}

/**
 * The merge patch that replaces list `list` with `change` applied to it: to the scenario's own records (as written)
 * or, when the scenario leaves the list out, to the resolved list. Merge patches replace arrays whole.
 */
export function listPatch(
  scenario: unknown,
  list: ParamField,
  resolvedList: readonly unknown[],
  change: (records: readonly unknown[]) => unknown[],
): ScenarioJson {
  const own = getPath(scenario, list.path);
  return patchFor(list.path, change(Array.isArray(own) ? own : resolvedList));
}

/** Appends `event` to the scenario's events. */
export function addEventPatch(
  scenario: unknown,
  list: ParamField,
  resolvedList: readonly unknown[],
  event: unknown,
): ScenarioJson {
  return listPatch(scenario, list, resolvedList, (events) => [...events, event]);
}

/** Removes event `index` from the scenario's events. */
export function removeEventPatch(
  scenario: unknown,
  list: ParamField,
  resolvedList: readonly unknown[],
  index: number,
): ScenarioJson {
  return listPatch(scenario, list, resolvedList, (events) => events.filter((_, i) => i !== index));
}
