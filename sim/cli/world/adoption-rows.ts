// The rows of adoptions.csv: every adoption of a world run as a cascade-tree edge (who, when, from whom, where), in adoption order. Read-only over the engine's state.
import { adoptionEdges, adoptionRow } from '../../metrics/adoption-edges.ts';
import type { SimContext } from '../../model/context.ts';

export { ADOPTION_COLUMNS } from '../../metrics/adoption-edges.ts';

/**
 * Calls `emit` with one row per adoption of every trend (sim/metrics/adoption-edges.ts: trends in order, adopters in
 * adoption order, a parent always before its children). `tick` is the 0-based hour the agent adopted in (series.csv's
 * row `tick + 1` counts it). Region, fandom and platform are names (no fandom: empty).
 */
export function forEachAdoptionRow(
  ctx: SimContext,
  run: number,
  seed: string,
  emit: (row: readonly (string | number)[]) => void,
): void {
  const { world } = ctx;
  const edges = adoptionEdges(ctx);
  const names = {
    platformNames: world.platforms.map((p) => p.name),
    regionNames: world.regions.map((r) => r.name),
    fandomNames: world.fandoms.map((f) => f.name),
  };
  for (let i = 0; i < edges.count; i++) emit(adoptionRow(edges, i, names, run, seed));
}
