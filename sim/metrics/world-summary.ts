// Builds the JSON-able WorldSummary (sim/model/api.ts) from the dynamic state: per-trend and global figures. Read-only over the state.
import type { CascadeSummary, PlatformSummary, TrendSummary, WorldSummary } from '../model/api.ts';
import type { SimContext } from '../model/context.ts';
import { SOURCE } from '../model/context.ts';
import { countMembers } from '../model/membership.ts';
import type { TrendState } from '../model/state.ts';
import type { CascadeStats } from './cascade.ts';
import {
  creatorReachGini,
  crossCultureShare,
  exposureDiversity,
  homogenization,
  reproductionNumber,
} from './world-measures.ts';

/**
 * The largest cascade tree of a trend (null before any adoption; ties go to the smallest root id, as over
 * cascadeTrees). Reads the bookkeeping adopt() keeps (TrendState.order, treeSize), so it costs O(size of that tree)
 * — not O(agents) — and is cached until that tree grows or another overtakes it.
 */
export function largestCascade(ts: TrendState): CascadeSummary | null {
  if (ts.adopters === 0) return null;
  let root = -1;
  let size = 0;
  for (const [r, s] of ts.treeSize) if (s > size || (s === size && r < root)) [root, size] = [r, s];
  if (root < 0) return null;
  if (ts.largest && ts.largestRoot === root && ts.largestSize === size) return ts.largest;
  ts.largest = treeStats(ts, root, size);
  ts.largestRoot = root;
  ts.largestSize = size;
  return ts.largest;
}

/**
 * Size, depth, max breadth and structural virality (Goel et al. 2016, as cascade.ts: 2W / (n(n − 1)), W = Σ over
 * edges of s(n − s)) of the tree under `root` (`size` nodes), from its nodes in adoption order (parents before children).
 */
export function treeStats(ts: TrendState, root: number, size: number): CascadeStats {
  // Each agent's position in this tree's list, + 1 (0 = not in it): a typed array, not a Map, since the inspector asks
  // for trees of tens of thousands of adopters several times a second while a run plays.
  const positionPlusOne = new Int32Array(ts.adoptTick.length);
  const parentAt = new Int32Array(size);
  const depthAt = new Int32Array(size);
  let n = 0;
  let depth = 0;
  for (let i = 0; i < ts.adopters && n < size; i++) {
    if (ts.orderRoot[i] !== root) continue;
    const agent = ts.order[i]!;
    const parent = ts.parent[agent]!;
    // The root is a seed (parent −1); every other member's parent is listed before it.
    const up = parent < 0 ? -1 : positionPlusOne[parent]! - 1;
    parentAt[n] = up;
    depthAt[n] = up < 0 ? 0 : depthAt[up]! + 1;
    if (depthAt[n]! > depth) depth = depthAt[n]!;
    positionPlusOne[agent] = ++n;
  }
  const levels = new Uint32Array(depth + 1);
  for (let i = 0; i < n; i++) levels[depthAt[i]!]!++;
  let maxBreadth = 0;
  for (let d = 0; d <= depth; d++) if (levels[d]! > maxBreadth) maxBreadth = levels[d]!;
  // Children come after parents: a reverse pass accumulates subtree sizes and W (Neumaier-compensated, as cascade.ts).
  const subtree = new Float64Array(n).fill(1);
  let wiener = 0;
  let compensation = 0;
  for (let i = n - 1; i > 0; i--) {
    const below = subtree[i]!;
    const term = below * (n - below);
    const sum = wiener + term;
    compensation += Math.abs(wiener) >= term ? wiener - sum + term : term - sum + wiener;
    wiener = sum;
    if (parentAt[i]! >= 0) subtree[parentAt[i]!]! += below;
  }
  wiener += compensation;
  return { root, size: n, depth, maxBreadth, structuralVirality: n > 1 ? (2 * wiener) / (n * (n - 1)) : 0 };
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

/** Platform `p`'s views of the tick just simulated by feed source: [follow, recommended, trending] (VIEW_SOURCES order). */
export function viewsBySourceOf(ctx: SimContext, p: number): [number, number, number] {
  const bySource = ctx.state.viewsBySourceThisTick;
  return [
    bySource[p * 3 + SOURCE.follow]!,
    bySource[p * 3 + SOURCE.recommended]!,
    bySource[p * 3 + SOURCE.trending]!,
  ];
}

/** Member counts per context, cached until `state.membershipVersion` changes (they change at most once a day). */
const memberCache = new WeakMap<SimContext, { version: number; members: Int32Array }>();

function cachedMembers(ctx: SimContext): Int32Array {
  const cached = memberCache.get(ctx);
  if (cached && cached.version === ctx.state.membershipVersion) return cached.members;
  const members = countMembers(ctx);
  memberCache.set(ctx, { version: ctx.state.membershipVersion, members });
  return members;
}

export function buildSummary(ctx: SimContext): WorldSummary {
  const { state, world } = ctx;
  const lastTick = Math.max(0, state.tick - 1);
  const members = cachedMembers(ctx);
  const platforms: PlatformSummary[] = world.platforms.map((record, p) => ({
    id: p,
    name: record.name,
    members: members[p]!,
    value: metcalfeValue(members[p]!, ctx.dim.count),
    available: state.available[p] === 1,
    viewsBySource: viewsBySourceOf(ctx, p),
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
