// The world measures a sweep row carries after the common columns: the filter-bubble measures, then per trend and per platform the final counts. Read-only over the engine's state.
import { BUBBLE_MEASURE_COLUMNS, bubbleMeasures, uniqueSlugs } from '../../metrics/world-series.ts';
import type { SimContext } from '../../model/context.ts';
import { countMembers } from '../../model/membership.ts';
import type { WorldScenario } from '../../params/world.ts';
import { plannedTrendNames } from './run-world.ts';

/** Per trend, in the base scenario's trend order (campaign trends after the listed ones). */
const TREND_MEASURES = ['adopters', 'exposed', 'reshares', 'cross_platform_hops'] as const;

/**
 * Column names of the world measures, named after the base scenario's trends and platforms (a sweep varies values,
 * never how many trends or platforms there are, so every job fills the same columns).
 */
export function worldSweepColumns(base: WorldScenario): string[] {
  const trends = uniqueSlugs(plannedTrendNames(base));
  const platforms = uniqueSlugs(base.world.platforms.map((p) => p.name));
  return [
    ...BUBBLE_MEASURE_COLUMNS,
    ...trends.flatMap((t) => TREND_MEASURES.map((m) => `${t}_${m}`)),
    ...platforms.map((p) => `${p}_members`),
  ];
}

/** The values of worldSweepColumns for the run in `ctx`, in the same order. */
export function worldSweepValues(ctx: SimContext): number[] {
  const values = bubbleMeasures(ctx);
  for (const ts of ctx.state.trends) values.push(ts.adopters, ts.exposed, ts.reshares, ts.crossPlatformHops);
  values.push(...countMembers(ctx));
  return values;
}
