// Column names and per-tick rows of the social world's CSV time series (series, platforms, bubble). Pure: reads the engine state, no I/O.
import type { SimContext } from '../model/context.ts';
import { SOURCE_NAMES } from '../model/context.ts';
import { countMembers } from '../model/membership.ts';
import {
  creatorReachGini,
  crossCultureShare,
  exposureDiversity,
  homogenization,
  reproductionNumber,
} from './world-measures.ts';
import { metcalfeValue, viewsBySourceOf } from './world-summary.ts';

/**
 * A column-safe slug: lowercase letters of any script, digits and underscores. Latin letters lose their accents
 * ("Café" → "cafe"); other scripts keep their letters and signs ("달고나 커피" → "달고나_커피", not an anonymous "x").
 */
export function slug(name: string): string {
  const s = name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/([a-z])\p{M}+/gu, '$1')
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, '_')
    .replace(/^_+|_+$/g, '')
    .normalize('NFC');
  return s === '' ? 'x' : s;
}

/** Slugs made unique by suffixing _2, _3, … to repeats. */
export function uniqueSlugs(names: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return names.map((name) => {
    const base = slug(name);
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base}_${n}`;
  });
}

/** Everything that names columns: trend names (fixed before the run), platform, region and fandom names. */
export interface SeriesLayout {
  readonly trends: readonly string[];
  readonly platforms: readonly string[];
  readonly regions: readonly string[];
  /** Fandom 0 (none) first, then the fandoms. */
  readonly fandoms: readonly string[];
}

export function seriesLayout(ctx: SimContext, trendNames: readonly string[]): SeriesLayout {
  const w = ctx.world;
  return {
    trends: uniqueSlugs(trendNames),
    platforms: uniqueSlugs(w.platforms.map((p) => p.name)),
    regions: uniqueSlugs(w.regions.map((r) => r.name)),
    fandoms: uniqueSlugs(['no_fandom', ...w.fandoms.map((f) => f.name)]),
  };
}

/**
 * series.csv columns after `run, seed, tick, day, hour_utc, online`: per trend `T_adopters, T_exposed, T_reshares,
 * T_views, T_rt, T_attention_share, T_cross_platform_hops`, then `T_adopters_<platform>…`, `T_adopters_<region>…`,
 * `T_adopters_<fandom>…`, `T_reshares_<platform>…`, `T_reshares_<region>…`, `T_reshares_<fandom>…`.
 */
export function seriesColumns(layout: SeriesLayout): string[] {
  const columns = ['run', 'seed', 'tick', 'day', 'hour_utc', 'online'];
  for (const t of layout.trends) {
    columns.push(
      `${t}_adopters`,
      `${t}_exposed`,
      `${t}_reshares`,
      `${t}_views`,
      `${t}_rt`,
      `${t}_attention_share`,
      `${t}_cross_platform_hops`,
    );
    for (const group of [layout.platforms, layout.regions, layout.fandoms])
      for (const g of group) columns.push(`${t}_adopters_${g}`);
    for (const group of [layout.platforms, layout.regions, layout.fandoms])
      for (const g of group) columns.push(`${t}_reshares_${g}`);
  }
  return columns;
}

/** The series row after the tick just simulated (`ctx.state.tick` ticks done); trends not yet created give empty cells. */
export function seriesRow(ctx: SimContext, layout: SeriesLayout, run: number, seed: string): unknown[] {
  const { state } = ctx;
  const last = Math.max(0, state.tick - 1);
  const row: unknown[] = [run, seed, state.tick, Math.floor(last / 24), last % 24, state.onlineCount];
  const perTrend = 7 + 2 * (layout.platforms.length + layout.regions.length + layout.fandoms.length);
  for (let t = 0; t < layout.trends.length; t++) {
    const ts = state.trends[t];
    if (!ts) {
      for (let i = 0; i < perTrend; i++) row.push('');
      continue;
    }
    row.push(
      ts.adopters,
      ts.exposed,
      ts.reshares,
      ts.views,
      reproductionNumber(ts, state.tick),
      state.viewsThisTick > 0 ? ts.viewsThisTick / state.viewsThisTick : 0,
      ts.crossPlatformHops,
    );
    for (const counts of [
      ts.adoptersByPlatform,
      ts.adoptersByRegion,
      ts.adoptersByFandom,
      ts.resharesByPlatform,
      ts.resharesByRegion,
      ts.resharesByFandom,
    ]) {
      for (let i = 0; i < counts.length; i++) row.push(counts[i]!);
    }
  }
  return row;
}

/**
 * platforms.csv columns: `run, seed, tick`, then per platform `P_members, P_value, P_available` and the hour's views
 * there, all and by where the feed took them from: `P_views, P_views_follow, P_views_recommended, P_views_trending`.
 */
export function platformColumns(layout: SeriesLayout): string[] {
  const columns = ['run', 'seed', 'tick'];
  for (const p of layout.platforms)
    columns.push(
      `${p}_members`,
      `${p}_value`,
      `${p}_available`,
      `${p}_views`,
      ...SOURCE_NAMES.map((source) => `${p}_views_${source}`),
    );
  return columns;
}

export function platformRow(ctx: SimContext, run: number, seed: string): unknown[] {
  const members = countMembers(ctx);
  const row: unknown[] = [run, seed, ctx.state.tick];
  for (let p = 0; p < ctx.dim.P; p++) {
    const views = viewsBySourceOf(ctx, p);
    row.push(
      members[p]!,
      metcalfeValue(members[p]!, ctx.dim.count),
      ctx.state.available[p]!,
      views.reduce((sum, n) => sum + n, 0),
      ...views,
    );
  }
  return row;
}

/** The filter-bubble measures, in bubble.csv's order after `run, seed, tick` (sweeps report them too). */
export const BUBBLE_MEASURE_COLUMNS = [
  'topic_entropy_bits',
  'region_entropy_bits',
  'cross_culture_share',
  'homogenization',
  'creator_reach_gini',
] as const;

export const BUBBLE_COLUMNS = ['run', 'seed', 'tick', ...BUBBLE_MEASURE_COLUMNS] as const;

/** The filter-bubble measures now, in BUBBLE_MEASURE_COLUMNS order (homogenization and Gini are O(samples²) and O(n log n)). */
export function bubbleMeasures(ctx: SimContext): number[] {
  const diversity = exposureDiversity(ctx);
  return [
    diversity.topics,
    diversity.regions,
    crossCultureShare(ctx),
    homogenization(ctx),
    creatorReachGini(ctx),
  ];
}

/** bubble.csv row: the filter-bubble measures now (not every tick: see bubbleMeasures). */
export function bubbleRow(ctx: SimContext, run: number, seed: string): unknown[] {
  return [run, seed, ctx.state.tick, ...bubbleMeasures(ctx)];
}
