// Scheduled events (DESIGN §2.6) and trend launches by origin: algorithm change, ban/outage, campaign, idol live, creator leaving, activity change. Writes state and population.platforms.
import type { EventSpec } from '../params/events.ts';
import type { TrendKind } from '../params/trends.ts';
import { adopt } from './adoption.ts';
import { aleaNext } from './classic/fast-alea.ts';
import type { SimContext } from './context.ts';
import { createTrendState } from './state.ts';
import {
  KIND_PALETTE_SHIFT,
  type ResolvedTrend,
  resolveFandom,
  resolvePlatform,
  resolveRegion,
  resolveTrend,
  TREND_KIND_DEFAULTS,
} from './trends.ts';

/** Something to do at a tick: `order` keeps same-tick actions in the order they were scheduled. */
export interface TimelineEntry {
  readonly tick: number;
  readonly order: number;
  readonly run: (ctx: SimContext) => void;
}

/** A timeline kept sorted by (tick, order). */
export class Timeline {
  private readonly entries: TimelineEntry[] = [];
  private order = 0;

  add(tick: number, run: (ctx: SimContext) => void): void {
    const entry = { tick, order: this.order++, run };
    let i = this.entries.length;
    while (i > 0 && this.entries[i - 1]!.tick > tick) i--;
    this.entries.splice(i, 0, entry);
  }

  /** Runs and removes every entry due at or before `tick`. */
  runDue(ctx: SimContext, tick: number): void {
    while (this.entries.length > 0 && this.entries[0]!.tick <= tick) this.entries.shift()!.run(ctx);
  }

  get pending(): number {
    return this.entries.length;
  }
}

/** Total followers of `agent` over all platforms, or on one platform. */
function followersOf(ctx: SimContext, agent: number, platform: number): number {
  const P = ctx.dim.P;
  if (platform >= 0) return ctx.world.followerCounts[agent * P + platform]!;
  let total = 0;
  for (let p = 0; p < P; p++) total += ctx.world.followerCounts[agent * P + p]!;
  return total;
}

/**
 * The `n` most followed members of `platform` (−1 = over all platforms) passing the region/fandom filters (−1/0 = any),
 * most followed first; ties broken by id so the choice is deterministic.
 */
export function topAccounts(
  ctx: SimContext,
  platform: number,
  n: number,
  region: number,
  fandom: number,
): number[] {
  const pop = ctx.world.population;
  const bit = platform >= 0 ? 1 << platform : 0xff;
  const pool: number[] = [];
  for (let a = 0; a < ctx.dim.count; a++) {
    if ((pop.platforms[a]! & bit) === 0) continue;
    if (region >= 0 && pop.region[a] !== region) continue;
    if (fandom > 0 && pop.fandom[a] !== fandom) continue;
    pool.push(a);
  }
  const followers = new Map(pool.map((a) => [a, followersOf(ctx, a, platform)]));
  pool.sort((x, y) => followers.get(y)! - followers.get(x)! || x - y);
  return pool.slice(0, n);
}

/** Seed accounts for a trend by its origin (idol / campaign / brand / user), on its platform. */
export function seedAccounts(ctx: SimContext, trend: ResolvedTrend): number[] {
  const pop = ctx.world.population;
  if (trend.origin === 'user') {
    const bit = 1 << trend.platform;
    const picks: number[] = [];
    for (let attempt = 0; attempt < 100_000 && picks.length < trend.seeds; attempt++) {
      const a = Math.floor(aleaNext(ctx.state.rng) * ctx.dim.count);
      if ((pop.platforms[a]! & bit) === 0 || pop.tier[a]! < 3) continue;
      if (trend.region >= 0 && pop.region[a] !== trend.region) continue;
      if (trend.fandom > 0 && pop.fandom[a] !== trend.fandom) continue;
      if (!picks.includes(a)) picks.push(a);
    }
    return picks;
  }
  // idol: the most followed account of its fandom (or region); campaign/brand: the top accounts (influencers).
  return topAccounts(ctx, trend.platform, trend.seeds, trend.region, trend.fandom);
}

/** Adds a resolved trend to the state (not yet seeded); returns its index. */
export function addTrend(ctx: SimContext, trend: ResolvedTrend): number {
  ctx.state.trends.push(createTrendState(ctx.world, trend));
  return ctx.state.trends.length - 1;
}

/** Seeds trend `t` now: its seed accounts adopt it with no parent and post it on the trend's platform. */
export function launchTrend(ctx: SimContext, t: number, seeds?: readonly number[]): void {
  const ts = ctx.state.trends[t]!;
  ts.launched = true;
  const accounts = seeds ?? seedAccounts(ctx, ts.trend);
  const first = accounts[0];
  if (ts.trend.region < 0 && first !== undefined) {
    // No origin region given: the trend speaks the language of the region its first seed lives in.
    const region = ctx.world.regions[ctx.world.population.region[first]!];
    if (region) ts.trend.languageMask = 1 << region.mainLanguage;
  }
  for (const agent of accounts) {
    // A seed not on the platform (hand-launched) joins it: the launch is an explicit act.
    (ctx.world.population.platforms as Uint8Array)[agent]! |= 1 << ts.trend.platform;
    adopt(ctx, agent, t, ts.trend.platform, -1);
  }
}

function markOnline(ctx: SimContext, agent: number, on: boolean): void {
  const slots = ctx.state.forcedOnline;
  if (on) {
    const free = slots.indexOf(-1);
    if (free >= 0) slots[free] = agent;
  } else {
    const at = slots.indexOf(agent);
    if (at >= 0) slots[at] = -1;
  }
}

/**
 * Applies `event` now and schedules its end on `timeline` when it has one. Names (platform, region, fandom) are resolved
 * here; `path` names the event in error messages (e.g. "events[2]").
 */
export function applyEvent(ctx: SimContext, event: EventSpec, timeline: Timeline, path: string): void {
  const { state, world } = ctx;
  switch (event.type) {
    case 'algorithm-change': {
      const algorithm = state.algorithms[resolvePlatform(world, event.platform, `${path}.platform`)]!;
      if (event.personalization !== undefined) algorithm.personalization = event.personalization;
      if (event.exploration !== undefined) algorithm.exploration = event.exploration;
      if (event.popularityWeight !== undefined) algorithm.popularityWeight = event.popularityWeight;
      if (event.reachCap !== undefined) algorithm.reachCap = event.reachCap;
      return;
    }
    case 'ban':
    case 'outage': {
      const p = resolvePlatform(world, event.platform, `${path}.platform`);
      state.available[p] = 0;
      state.unavailableSince[p] = state.tick;
      const end = event.until ?? (event.type === 'outage' ? state.tick + 6 : undefined);
      if (end !== undefined) {
        timeline.add(end, () => {
          state.available[p] = 1;
          state.unavailableSince[p] = -1;
        });
      }
      return;
    }
    case 'campaign': {
      const spec = {
        ...event.trend,
        startTick: state.tick,
        origin: event.trend.origin ?? 'campaign',
        seeds: event.trend.seeds ?? event.influencers,
      };
      const t = addTrend(ctx, resolveTrend(world, spec, state.trends.length, `${path}.trend`));
      launchTrend(ctx, t);
      return;
    }
    case 'idol-live': {
      const fandom = resolveFandom(world, event.fandom, `${path}.fandom`);
      const idol = topAccounts(ctx, -1, 1, -1, fandom)[0];
      if (idol === undefined) return;
      state.authorBoost[idol] = event.boost;
      state.fandomActivity[fandom]! *= event.fanBoost;
      markOnline(ctx, idol, true);
      timeline.add(event.until ?? state.tick + 2, () => {
        state.authorBoost[idol] = 1;
        state.fandomActivity[fandom]! /= event.fanBoost;
        markOnline(ctx, idol, false);
      });
      return;
    }
    case 'creator-leaves': {
      const p =
        event.platform === undefined ? -1 : resolvePlatform(world, event.platform, `${path}.platform`);
      const agent = event.agent ?? topAccounts(ctx, p, event.rank, -1, 0)[event.rank - 1];
      if (agent === undefined || agent >= ctx.dim.count) return;
      const platforms = world.population.platforms as Uint8Array;
      platforms[agent] = p >= 0 ? platforms[agent]! & ~(1 << p) : 0;
      state.membershipVersion++;
      return;
    }
    case 'activity-change': {
      const region = event.region === undefined ? -1 : resolveRegion(world, event.region, `${path}.region`);
      const m = event.multiplier;
      const scale = (factor: number) => {
        if (region >= 0) state.regionActivity[region]! *= factor;
        else ctx.knobs.activityMultiplier *= factor;
      };
      scale(m);
      if (event.until !== undefined && m > 0) timeline.add(event.until, () => scale(1 / m));
      return;
    }
    case 'launch':
      launchByHand(
        ctx,
        event.agent,
        event.kind,
        resolvePlatform(world, event.platform, `${path}.platform`),
        event.name,
      );
      return;
    default: {
      const never: never = event;
      throw new Error(`unknown event ${JSON.stringify(never)}`);
    }
  }
}

/** The first colour of the trend palette not in `used` (the palette cycles once all are taken). */
function unusedColour(used: readonly string[]): string {
  const taken = new Set(used.map((c) => c.toLowerCase()));
  return (
    KIND_PALETTE_SHIFT.find((c) => !taken.has(c)) ??
    KIND_PALETTE_SHIFT[used.length % KIND_PALETTE_SHIFT.length]!
  );
}

/**
 * A trend of `kind` launched now by `agent` alone, as an ordinary user of its region, on `platform`; returns its index.
 * Named `name`, else "<kind label> <n>" (the n-th trend of that kind). The inspector's "Launch a trend here" and the
 * scenario's `launch` events, which replay it, both come here.
 */
export function launchByHand(
  ctx: SimContext,
  agent: number,
  kind: TrendKind,
  platform: number,
  name?: string,
): number {
  const { state, world } = ctx;
  const trends = state.trends;
  const sameKind = trends.filter((t) => t.trend.kind === kind).length;
  // "Meme 2" for the second meme, or the next number no trend is called (names tell trends apart in every output).
  const taken = new Set(trends.map((t) => t.trend.name.toLowerCase()));
  let n = sameKind + 1;
  while (taken.has(`${TREND_KIND_DEFAULTS[kind].label} ${n}`.toLowerCase())) n++;
  const spec = {
    name: name ?? `${TREND_KIND_DEFAULTS[kind].label} ${n}`,
    kind,
    platform,
    origin: 'user' as const,
    startTick: state.tick,
    region: world.population.region[agent]!,
    // A second trend of a kind would share the kind's colour: it takes a palette colour no trend has yet.
    ...(sameKind > 0 ? { color: unusedColour(trends.map((t) => t.trend.color)) } : {}),
  };
  const t = addTrend(ctx, resolveTrend(world, spec, trends.length, 'launchTrend'));
  launchTrend(ctx, t, [agent]);
  return t;
}
