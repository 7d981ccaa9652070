// Editing one field of one record of a scenario list (platforms, regions, fandoms, trends) as a JSON merge patch, keeping cross-field rules valid. Pure: no DOM, no store.

import type * as z from 'zod';
import { mergePatch } from '../../sim/host/merge-patch.ts';
import { TREND_KIND_DEFAULTS } from '../../sim/model/trends.ts';
import { describeIssues } from '../../sim/params/errors.ts';
import type { ScenarioJson } from '../../sim/protocol.ts';
import {
  EACH,
  getPath,
  humanize,
  type ParamField,
  patchFor,
  WORLD_LISTS,
  type WorldList,
} from './param-fields.ts';

/** A path into a record: keys of objects and positions in arrays. */
export type RecordPath = readonly (string | number)[];

/** The names of the world's lists (regions, topics, …), which label vector entries and ref options. */
export type WorldNames = Readonly<Record<WorldList, readonly string[]>>;

/** Names of each world list in a resolved scenario (`world.regions[].name`, `world.topics[]`, …); empty when absent. */
export function worldNames(resolved: unknown): WorldNames {
  const world = getPath(resolved, ['world']);
  const names = (list: WorldList): string[] => {
    const value = getPath(world, [list]);
    if (!Array.isArray(value)) return [];
    return value.map((entry: unknown) =>
      typeof entry === 'string' ? entry : String(getPath(entry, ['name']) ?? ''),
    );
  };
  return Object.fromEntries(WORLD_LISTS.map((list) => [list, names(list)])) as unknown as WorldNames;
}

/**
 * The options of a leaf picked from a world list: the list's names, `byIndex` when the value is the chosen name's
 * position (an `indexOf` integer such as a region's main language) rather than the name itself (a trend's platform,
 * which may also be left unset). Null for other fields.
 */
export function worldChoices(
  field: ParamField,
  names: WorldNames,
): { readonly options: readonly string[]; readonly byIndex: boolean } | null {
  if (field.indexOf) return { options: names[field.indexOf], byIndex: true };
  if (field.optionsFrom) return { options: names[field.optionsFrom], byIndex: false };
  return null;
}

/** One concrete leaf of a record: an item field with EACH replaced by a position or a name. */
export interface RecordLeaf {
  readonly field: ParamField;
  readonly path: RecordPath;
  readonly label: string;
  /** Sub-folder of the record it sits in ("Feed mix", "Membership by region"), null for the record's own fields. */
  readonly section: string | null;
}

/** Expands a list's item fields over the world's names: membershipByRegion.* → one leaf per region, labelled by it. */
export function expandItems(items: readonly ParamField[], names: WorldNames): RecordLeaf[] {
  return items.flatMap((field): RecordLeaf[] => {
    const section = field.path.length > 1 ? humanize(field.path[0]!) : null;
    const each = field.each;
    if (!each) return [{ field, path: field.path, label: field.label, section }];
    return names[each.over].map((name, index) => ({
      field,
      path: field.path.map((key) => (key === EACH ? (each.by === 'index' ? index : name) : key)),
      label: name,
      section,
    }));
  });
}

/** Value at a record path (objects by key, arrays by position), or undefined. */
export function getIn(value: unknown, path: RecordPath): unknown {
  let node: unknown = value;
  for (const key of path) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string | number, unknown>)[key];
  }
  return node;
}

function clone<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

/**
 * A copy of `record` (input form) with `path` set to `value` (deleted when undefined). A container on the way that
 * the record leaves out is first copied from `shown` (the record with its defaults filled in), so setting
 * `feedMix.follows` on a platform that relied on its kind's feed mix writes the whole, valid feed mix.
 */
export function setIn(record: unknown, shown: unknown, path: RecordPath, value: unknown): unknown {
  const [head, ...rest] = path;
  if (head === undefined) return value;
  const base: unknown = (typeof record === 'object' && record !== null ? record : clone(shown)) ?? {};
  const isArray = Array.isArray(base);
  const out = (isArray ? [...base] : { ...(base as object) }) as Record<string | number, unknown>;
  if (rest.length === 0) {
    if (value === undefined && !isArray) delete out[head];
    else out[head] = value;
  } else out[head] = setIn(out[head], getIn(shown, [head]), rest, value);
  return out;
}

/** Objects inside list records whose number fields must sum to 1 (mirrors the superRefine of sim/params/world.ts). */
export const SUM_TO_ONE: readonly { readonly list: string; readonly object: string }[] = [
  { list: 'world.platforms', object: 'feedMix' },
];

/** Keeps 6 significant digits (short share links) without drifting a sum by more than the schema's 1e-6. */
function tidy(value: number): number {
  return Number(value.toPrecision(6));
}

/**
 * Sets `key` of a sum-to-1 object to `value` (clamped to [0, 1]) and rescales the other keys in proportion so the
 * sum stays 1 (split evenly when they were all 0); the last other key takes the rounding remainder.
 */
export function rebalance(
  shares: Readonly<Record<string, number>>,
  key: string,
  value: number,
): Record<string, number> {
  const fixed = Math.min(1, Math.max(0, value));
  const others = Object.keys(shares).filter((k) => k !== key);
  const before = others.reduce((sum, k) => sum + (shares[k] ?? 0), 0);
  const out: Record<string, number> = { ...shares, [key]: fixed };
  let left = 1 - fixed;
  others.forEach((k, i) => {
    const share =
      i === others.length - 1
        ? left
        : tidy(before > 0 ? ((shares[k] ?? 0) * (1 - fixed)) / before : (1 - fixed) / others.length);
    out[k] = Math.max(0, tidy(share));
    left -= out[k];
  });
  return out;
}

/** What an edit of a record field turns into: the list patch, and a note when other fields were changed to keep a rule. */
export interface RecordEdit {
  readonly patch: ScenarioJson;
  readonly note: string | null;
}

/**
 * The merge patch that sets field `path` of record `index` of list `list` to `value`. Merge patches replace arrays
 * whole, so the patch holds the whole list: the scenario's own records (input form, as written) with the one edit,
 * or the resolved list when the scenario leaves the list out (the schema's defaults). Fields of a SUM_TO_ONE object
 * are rebalanced, an event's `until` follows its `tick`, and the note says how.
 */
export function editRecord(
  scenario: unknown,
  list: ParamField,
  resolvedList: readonly unknown[],
  shown: unknown,
  index: number,
  path: RecordPath,
  value: unknown,
): RecordEdit {
  const own = getPath(scenario, list.path);
  const records = Array.isArray(own) ? own : clone(resolvedList as unknown[]);
  let next = setIn(records[index], shown, path, value);
  let note: string | null = null;
  const rule = SUM_TO_ONE.find(
    (r) => r.list === list.path.join('.') && path.length === 2 && path[0] === r.object,
  );
  if (rule && typeof value === 'number') {
    const key = String(path[1]);
    const shares = getIn(next, [rule.object]) as Record<string, number>;
    const balanced = rebalance(shares, key, value);
    next = setIn(next, shown, [rule.object], balanced);
    const others = Object.keys(balanced).filter((k) => k !== key);
    note = `${humanize(rule.object)} must sum to 1, so ${others
      .map((k) => `${humanize(k).toLowerCase()} became ${balanced[k]}`)
      .join(' and ')}.`;
  }
  // An event moved to another tick keeps its length: its end (`until`, which must come after `tick`) moves along.
  const oldTick = getIn(records[index], ['tick']);
  const until = getIn(records[index], ['until']);
  if (
    list.path.join('.') === 'events' &&
    path.length === 1 &&
    path[0] === 'tick' &&
    typeof value === 'number' &&
    typeof oldTick === 'number' &&
    typeof until === 'number'
  ) {
    const moved = until + (value - oldTick);
    next = setIn(next, shown, ['until'], moved);
    note = `The event keeps its length of ${until - oldTick} hours, so its until tick became ${moved}.`;
  }
  const updated = records.map((record, i) => (i === index ? next : record));
  return { patch: patchFor(list.path, updated), note };
}

/**
 * The trend fields a kind fills in when a trend leaves them out (sim/model/trends.ts), for showing them. Default
 * topics the world lacks are left out, as the engine drops them (a trend that names them itself is refused). The
 * colour is the kind's for the first six trends (`index` < 6); later ones get a shifted palette not shown here.
 */
function trendShown(
  trend: unknown,
  worldTopics: readonly string[],
  index: number,
  platformByKind: ReadonlyMap<string, string>,
): unknown {
  const kind = getPath(trend, ['kind']);
  const defaults =
    typeof kind === 'string' ? TREND_KIND_DEFAULTS[kind as keyof typeof TREND_KIND_DEFAULTS] : undefined;
  if (!defaults || typeof trend !== 'object' || trend === null) return trend;
  const { appeal, languageDependence, effort, noveltyHalfLife, origin, seeds } = defaults;
  const known = new Set(worldTopics.map((t) => t.toLowerCase()));
  const topics = Object.fromEntries(
    Object.entries(defaults.topics).filter(([t]) => known.has(t.toLowerCase())),
  );
  const color = index < 6 ? { color: defaults.color } : {};
  const shown = {
    topics,
    appeal,
    languageDependence,
    effort,
    noveltyHalfLife,
    origin,
    seeds,
    ...color,
    ...trend,
  };
  // A platform named by its kind ("short-video", as presets may) shows as the platform the engine picks: its name.
  const platform = getPath(trend, ['platform']);
  const named = typeof platform === 'string' ? platformByKind.get(platform.toLowerCase()) : undefined;
  return named ? { ...shown, platform: named } : shown;
}

/**
 * Platform names by lower-case kind, for kinds no platform has as its name (what resolvePlatform in
 * sim/model/trends.ts resolves after the names: the first platform of that kind).
 */
function platformsByKind(resolved: unknown): Map<string, string> {
  const platforms = getPath(resolved, ['world', 'platforms']);
  const byKind = new Map<string, string>();
  if (!Array.isArray(platforms)) return byKind;
  const names = new Set(platforms.map((p) => String(getPath(p, ['name']) ?? '').toLowerCase()));
  for (const p of platforms) {
    const kind = String(getPath(p, ['kind']) ?? '').toLowerCase();
    const name = getPath(p, ['name']);
    if (kind !== '' && typeof name === 'string' && !names.has(kind) && !byKind.has(kind))
      byKind.set(kind, name);
  }
  return byKind;
}

/**
 * Records of list `list` as the panel shows them: resolved by the schema, plus the per-kind defaults the engine
 * applies to trends (and to a campaign event's trend, which is added after the scenario's trends).
 */
export function shownRecords(list: ParamField, resolved: unknown): unknown[] {
  const records = getPath(resolved, list.path);
  if (!Array.isArray(records)) return [];
  const key = list.path.join('.');
  if (key !== 'trends' && key !== 'events') return records;
  const topics = worldNames(resolved).topics;
  const byKind = platformsByKind(resolved);
  if (key === 'trends') return records.map((trend, index) => trendShown(trend, topics, index, byKind));
  const trendCount = (getPath(resolved, ['trends']) as unknown[] | undefined)?.length ?? 0;
  const tickOf = (event: unknown) => Number(getPath(event, ['tick']) ?? 0);
  return records.map((event, index) => {
    const trend = getPath(event, ['trend']);
    if (typeof trend !== 'object' || trend === null) return event;
    // Campaigns fire in tick order (the list order among equal ticks); each adds the next trend.
    const before = records.filter(
      (e, i) =>
        getPath(e, ['trend']) !== undefined &&
        (tickOf(e) < tickOf(event) || (tickOf(e) === tickOf(event) && i < index)),
    ).length;
    // A campaign's trend is posted by its influencers unless it says otherwise (sim/model/events.ts).
    const paid = { origin: 'campaign', seeds: getPath(event, ['influencers']), ...trend };
    return { ...(event as object), trend: trendShown(paid, topics, trendCount + before, byKind) };
  });
}

/** `scenario` parsed by `root` (every default filled in), or null when it is not valid. */
export function resolveScenario(root: z.ZodType | undefined, scenario: unknown): unknown {
  if (!root) return scenario;
  const result = root.safeParse(scenario);
  return result.success ? result.data : null;
}

/**
 * What the schema says is wrong with `scenario` after `patch`: one line per problem with its JSON path and the
 * allowed values (describeIssues), or an empty list when the patched scenario is valid.
 */
export function checkPatch(
  root: z.ZodType | undefined,
  scenario: ScenarioJson,
  patch: ScenarioJson,
): string[] {
  if (!root) return [];
  const candidate = mergePatch(scenario, patch);
  const result = root.safeParse(candidate);
  return result.success ? [] : describeIssues(result.error.issues, candidate);
}
