// Who is online this tick: a diurnal curve by local hour, per region, times each agent's activity. Reads world + state; writes only `online`/`onlineList`.
import type { AleaState } from './classic/fast-alea.ts';
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
 * Online agents run their sessions in a random order of blocks of this many id-adjacent online agents, ascending
 * within a block. Across regions and fandoms (agent ids are grouped by region, then fandom) the order is as random as
 * a full shuffle, and every agent is equally likely to come early; but a block's reads of the per-agent arrays
 * (profile, interests, ties, trend state, …) fall in a few neighbouring cache lines the processor fetches ahead,
 * where a full shuffle makes each of them a memory miss. Within a tick the order matters only through what earlier
 * sessions change for later ones (engagement counts, item profiles, reach caps): posts are seen from the next hour.
 */
export const SESSION_BLOCK = 64;

/**
 * Sets `state.online` for every agent and fills `state.onlineList[0..onlineCount)` with the online agents in
 * session order (see SESSION_BLOCK). O(count).
 */
export function updateOnline(world: World, state: DynamicState, globalMultiplier: number): void {
  const pop = world.population;
  const regionWeight = new Float64Array(world.regions.length);
  for (let r = 0; r < world.regions.length; r++) {
    regionWeight[r] =
      (DIURNAL[localHour(state.tick, world.regions[r]!.utcOffset)]! *
        state.regionActivity[r]! *
        globalMultiplier) /
      24;
  }
  let onlineCount = drawOnline(pop, state, regionWeight);
  const { online, onlineList, rng } = state;
  for (const a of state.forcedOnline) {
    if (a >= 0 && online[a] === 0 && pop.platforms[a] !== 0) {
      online[a] = 1;
      onlineList[onlineCount++] = a;
    }
  }
  state.onlineCount = onlineCount;
  shuffleBlocks(onlineList, state.onlineScratch, onlineCount, SESSION_BLOCK, rng);
}

/**
 * The scan over all agents, a function of its own: V8 compiles a long loop on stack replacement together with the
 * code after it, and that code (forced-online agents, block shuffle) then deoptimized it every tick.
 */
function drawOnline(pop: World['population'], state: DynamicState, regionWeight: Float64Array): number {
  const { online, onlineList, fandomActivity, rng } = state;
  const region = pop.region;
  const fandom = pop.fandom;
  const activity = pop.activity;
  const platforms = pop.platforms;
  const n = pop.count;
  let onlineCount = 0;
  for (let a = 0; a < n; a++) {
    const p = activity[a]! * regionWeight[region[a]!]! * fandomActivity[fandom[a]!]!;
    if (platforms[a] !== 0 && aleaNext(rng) < p) {
      online[a] = 1;
      onlineList[onlineCount++] = a;
    } else online[a] = 0;
  }
  return onlineCount;
}

/**
 * Puts the blocks `list[b·size .. (b+1)·size)` of `list[0..count)` in a uniformly random order (Fisher–Yates over
 * block indices; the last block may be short), keeping the order inside each block. Uses `scratch` (same length).
 */
export function shuffleBlocks(
  list: Int32Array,
  scratch: Int32Array,
  count: number,
  size: number,
  rng: AleaState,
): void {
  const blocks = Math.ceil(count / size);
  if (blocks < 2) return;
  const order = new Int32Array(blocks);
  for (let b = 0; b < blocks; b++) order[b] = b;
  for (let i = blocks - 1; i > 0; i--) {
    const j = Math.floor(aleaNext(rng) * (i + 1));
    const t = order[i]!;
    order[i] = order[j]!;
    order[j] = t;
  }
  let write = 0;
  for (let i = 0; i < blocks; i++) {
    const start = order[i]! * size;
    const end = Math.min(start + size, count);
    for (let k = start; k < end; k++) scratch[write++] = list[k]!;
  }
  list.set(scratch.subarray(0, count));
}
