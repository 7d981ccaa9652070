// The rows of adoptions.csv: every adoption of a world run as a cascade-tree edge (who, when, from whom, where), in adoption order. Read-only over the engine's state.
import type { SimContext } from '../../model/context.ts';

export const ADOPTION_COLUMNS = [
  'run',
  'seed',
  'trend',
  'agent',
  'tick',
  'parent',
  'platform',
  'region',
  'fandom',
  'root',
  'generation',
] as const;

/**
 * Calls `emit` with one row per adoption of every trend: trends in order, adopters in adoption order (a parent always
 * comes before its children). `tick` is the 0-based hour the agent adopted in (series.csv's row `tick + 1` counts it);
 * `parent` is −1 for a seed; `root` the seed at the top of its tree (−1 if the chain reaches none, which a correct run
 * never makes); `generation` its distance from that seed. Region, fandom and platform are names (no fandom: empty).
 */
export function forEachAdoptionRow(
  ctx: SimContext,
  run: number,
  seed: string,
  emit: (row: readonly (string | number)[]) => void,
): void {
  const { world } = ctx;
  const pop = world.population;
  const generation = new Int32Array(pop.count);
  for (const ts of ctx.state.trends) {
    for (let i = 0; i < ts.adopters; i++) {
      const agent = ts.order[i]!;
      const parent = ts.parent[agent]!;
      const root = ts.orderRoot[i]!;
      // Parents come first, so theirs is already set; a chain without a seed gets −1 all the way down.
      const gen = parent < 0 ? 0 : root < 0 ? -1 : generation[parent]! + 1;
      generation[agent] = gen;
      const fandom = pop.fandom[agent]!;
      emit([
        run,
        seed,
        ts.trend.name,
        agent,
        ts.adoptTick[agent]!,
        parent,
        world.platforms[ts.platform[agent]!]?.name ?? '',
        world.regions[pop.region[agent]!]?.name ?? '',
        fandom > 0 ? (world.fandoms[fandom - 1]?.name ?? '') : '',
        root,
        gen,
      ]);
    }
  }
}
