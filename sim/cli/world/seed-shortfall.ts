// Trends of a finished world run that started on fewer seed accounts than the scenario asked for (too few agents fit their platform, region, fandom and origin), as warning lines naming the field. Read-only over the engine's state.
import type { SimContext } from '../../model/context.ts';
import type { PlannedTrend } from '../../model/scenario-check.ts';

/**
 * One line per launched trend of `ctx` whose seeds (its adopters without a parent) number fewer than it asked for,
 * skipping the trends in `alreadyWarned` (and adding the ones it reports), so a many-run batch warns once per trend.
 * `planned` is plannedTrends(scenario): trend t of the run is planned[t].
 */
export function seedShortfallWarnings(
  ctx: SimContext,
  planned: readonly PlannedTrend[],
  run: number,
  alreadyWarned: Set<number>,
): string[] {
  const lines: string[] = [];
  ctx.state.trends.forEach((ts, t) => {
    const plan = planned[t];
    if (!ts.launched || plan === undefined || alreadyWarned.has(t)) return;
    const seeds = ts.treeSize.size; // one entry per seed: its cascade tree's size
    const asked = ts.trend.seeds;
    if (seeds >= asked) return;
    alreadyWarned.add(t);
    const which = plan.seeds === undefined ? ` (the ${ts.trend.kind} default)` : '';
    lines.push(
      `${plan.seedsPath}: ${asked.toLocaleString('en-US')} seed account(s) asked for${which}, but run ${run} found only ${seeds.toLocaleString('en-US')} agent(s) that could start "${ts.trend.name}" (members of its platform, in its region and fandom if it names them); it started with those`,
    );
  });
  return lines;
}
