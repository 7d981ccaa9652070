// Who is online this tick: a diurnal curve by local hour, per region, times each agent's activity. Reads world + state; writes only `online`/`onlineList`.
import * as fastaleaModule from './classic/fast-alea.ts';
import type { DynamicState } from './state.ts';
import type { World } from './world.ts';

// Imported values copied into module constants once: under tsx (CommonJS interop) every use of an imported binding
// in the hot loops would be a getter call on the module object.
const { aleaNext } = fastaleaModule;

/**
 * Relative chance of being online at each local hour 0..23, mean exactly 1 (so `activity` stays sessions per day):
 * a trough at 3–6 h, a lunch bump, an evening peak at 20–22 h — the shape of published hourly social-media traffic.
 */
export const DIURNAL: Float64Array = (() => {
  const raw = [
    0.55, 0.35, 0.22, 0.15, 0.12, 0.15, 0.3, 0.6, 0.85, 0.9, 0.95, 1.05, 1.2, 1.1, 1.0, 1.0, 1.05, 1.15, 1.35,
    1.6, 1.85, 1.95, 1.7, 1.1,
  ];
  const mean = raw.reduce((s, v) => s + v, 0) / raw.length;
  return Float64Array.from(raw, (v) => v / mean);
})();

/** Local hour 0..23 of a region at UTC tick `tick` (one tick = one hour, tick 0 = 00:00 UTC). */
export function localHour(tick: number, utcOffset: number): number {
  return (((tick + Math.round(utcOffset)) % 24) + 24) % 24;
}

/** The chance that an agent of `activity` sessions per day is online in an hour of diurnal weight `weight`. */
export function onlineChance(activity: number, weight: number, multiplier: number): number {
  const p = (activity * weight * multiplier) / 24;
  return p < 1 ? p : 1;
}

/**
 * Sets `state.online` for every agent and fills `state.onlineList[0..onlineCount)` with the online agents in a
 * random order (so no agent id is favoured by the order sessions run in). O(count).
 */
export function updateOnline(world: World, state: DynamicState, globalMultiplier: number): void {
  const pop = world.population;
  const n = pop.count;
  const regionWeight = new Float64Array(world.regions.length);
  for (let r = 0; r < world.regions.length; r++) {
    regionWeight[r] =
      (DIURNAL[localHour(state.tick, world.regions[r]!.utcOffset)]! *
        state.regionActivity[r]! *
        globalMultiplier) /
      24;
  }
  const { online, onlineList, fandomActivity, rng } = state;
  const region = pop.region;
  const fandom = pop.fandom;
  const activity = pop.activity;
  const platforms = pop.platforms;
  let onlineCount = 0;
  for (let a = 0; a < n; a++) {
    const p = activity[a]! * regionWeight[region[a]!]! * fandomActivity[fandom[a]!]!;
    if (platforms[a] !== 0 && aleaNext(rng) < p) {
      online[a] = 1;
      onlineList[onlineCount++] = a;
    } else online[a] = 0;
  }
  for (const a of state.forcedOnline) {
    if (a >= 0 && online[a] === 0 && platforms[a] !== 0) {
      online[a] = 1;
      onlineList[onlineCount++] = a;
    }
  }
  // Fisher–Yates over the online agents only.
  for (let i = onlineCount - 1; i > 0; i--) {
    const j = Math.floor(aleaNext(rng) * (i + 1));
    const t = onlineList[i]!;
    onlineList[i] = onlineList[j]!;
    onlineList[j] = t;
  }
  state.onlineCount = onlineCount;
}
