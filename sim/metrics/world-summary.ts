// Builds the JSON-able WorldSummary (sim/model/api.ts) from the dynamic state: per-trend and global figures. Read-only over the state.
import type { CascadeSummary, PlatformSummary, TrendSummary, WorldSummary } from '../model/api.ts';
import type { SimContext } from '../model/context.ts';
import { countMembers } from '../model/membership.ts';
import type { TrendState } from '../model/state.ts';
import { cascadeTrees } from './cascade.ts';
import {
  creatorReachGini,
  crossCultureShare,
  exposureDiversity,
  homogenization,
  reproductionNumber,
} from './world-measures.ts';

/** The largest cascade tree of a trend (null before any adoption). O(agents). */
export function largestCascade(ts: TrendState): CascadeSummary | null {
  if (ts.adopters === 0) return null;
  let best: CascadeSummary | null = null;
  for (const tree of cascadeTrees(ts.parent, ts.adoptTick)) if (!best || tree.size > best.size) best = tree;
  return best;
}

/** Metcalfe value members² scaled by the agent count (so it reads in agents: equal to N when everyone is on). */
export function metcalfeValue(members: number, agents: number): number {
  return agents > 0 ? (members * members) / agents : 0;
}

export function trendSummary(ctx: SimContext, t: number, totalViews: number): TrendSummary {
  const ts = ctx.state.trends[t]!;
  const tr = ts.trend;
  return {
    id: t,
    name: tr.name,
    kind: tr.kind,
    color: tr.color,
    adopters: ts.adopters,
    exposed: ts.exposed,
    reshares: ts.reshares,
    adoptersByPlatform: Array.from(ts.adoptersByPlatform),
    adoptersByRegion: Array.from(ts.adoptersByRegion),
    onsetTickByRegion: Array.from(ts.onsetTick),
    rt: reproductionNumber(ts, ctx.state.tick),
    attentionShare: totalViews > 0 ? ts.viewsThisTick / totalViews : 0,
    largestCascade: largestCascade(ts),
  };
}

export function buildSummary(ctx: SimContext): WorldSummary {
  const { state, world } = ctx;
  const lastTick = Math.max(0, state.tick - 1);
  const members = countMembers(ctx);
  const platforms: PlatformSummary[] = world.platforms.map((record, p) => ({
    id: p,
    name: record.name,
    members: members[p]!,
    value: metcalfeValue(members[p]!, ctx.dim.count),
    available: state.available[p] === 1,
  }));
  const diversity = exposureDiversity(ctx);
  return {
    tick: state.tick,
    day: Math.floor(lastTick / 24),
    hourUtc: lastTick % 24,
    onlineCount: state.onlineCount,
    trends: state.trends.map((_, t) => trendSummary(ctx, t, state.viewsThisTick)),
    platforms,
    exposureDiversity: diversity.topics,
    crossCultureShare: crossCultureShare(ctx),
    homogenization: homogenization(ctx),
    creatorReachGini: creatorReachGini(ctx),
  };
}
