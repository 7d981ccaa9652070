// Every adoption of a world run as a cascade-tree edge, in columns (typed arrays): what adoptions.csv and the app's cascade export list. Read-only over the engine's state.
import type { AdoptionEdges } from '../model/api.ts';
import type { SimContext } from '../model/context.ts';

/**
 * One entry per adoption of every trend: trends in order, adopters in adoption order (a parent always comes before
 * its children). `tick` is the 0-based hour the agent adopted in; `parent` −1 for a seed; `root` the seed at the top
 * of its tree (−1 if the chain reaches none, which a correct run never makes); `generation` its distance from that
 * seed (−1 with no root). Platform, region and fandom are indices (fandom 0 = none, as in the population).
 * Fresh arrays, so a host may transfer them.
 */
export function adoptionEdges(ctx: SimContext): AdoptionEdges {
  const { state, world } = ctx;
  const pop = world.population;
  let count = 0;
  for (const ts of state.trends) count += ts.adopters;
  const edges: AdoptionEdges = {
    count,
    trendNames: state.trends.map((ts) => ts.trend.name),
    trend: new Uint16Array(count),
    agent: new Int32Array(count),
    tick: new Int32Array(count),
    parent: new Int32Array(count),
    platform: new Uint8Array(count),
    region: new Uint8Array(count),
    fandom: new Uint8Array(count),
    root: new Int32Array(count),
    generation: new Int32Array(count),
  };
  const generationOf = new Int32Array(pop.count);
  let row = 0;
  for (let t = 0; t < state.trends.length; t++) {
    const ts = state.trends[t]!;
    for (let i = 0; i < ts.adopters; i++, row++) {
      const agent = ts.order[i]!;
      const parent = ts.parent[agent]!;
      const root = ts.orderRoot[i]!;
      // Parents come first, so theirs is already set; a chain without a seed gets −1 all the way down.
      const generation = parent < 0 ? 0 : root < 0 ? -1 : generationOf[parent]! + 1;
      generationOf[agent] = generation;
      edges.trend[row] = t;
      edges.agent[row] = agent;
      edges.tick[row] = ts.adoptTick[agent]!;
      edges.parent[row] = parent;
      edges.platform[row] = ts.platform[agent]!;
      edges.region[row] = pop.region[agent]!;
      edges.fandom[row] = pop.fandom[agent]!;
      edges.root[row] = root;
      edges.generation[row] = generation;
    }
  }
  return edges;
}

/** The columns of adoptions.csv (CLI) and of the app's cascade export, in order. */
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
 * The world's names the rows show in place of indices (fandom index f ≥ 1 is `fandomNames[f − 1]`; 0 = no fandom,
 * empty); trend names come with the edges.
 */
export interface EdgeNames {
  readonly platformNames: readonly string[];
  readonly regionNames: readonly string[];
  readonly fandomNames: readonly string[];
}

/** Row `i` of `edges` as the cells of ADOPTION_COLUMNS, for replicate `run` seeded `seed`. */
export function adoptionRow(
  edges: AdoptionEdges,
  i: number,
  names: EdgeNames,
  run: number,
  seed: string,
): (string | number)[] {
  const fandom = edges.fandom[i]!;
  return [
    run,
    seed,
    edges.trendNames[edges.trend[i]!] ?? '',
    edges.agent[i]!,
    edges.tick[i]!,
    edges.parent[i]!,
    names.platformNames[edges.platform[i]!] ?? '',
    names.regionNames[edges.region[i]!] ?? '',
    fandom > 0 ? (names.fandomNames[fandom - 1] ?? '') : '',
    edges.root[i]!,
    edges.generation[i]!,
  ];
}
