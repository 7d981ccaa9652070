// Builds the static world (population, platform layers, tiers) from validated parameters, after checking it fits in memory. No dynamics.
import { DEFAULT_GRAPH_BUDGET_BYTES, formatBytes } from '../graph/memory.ts';
import { InputError } from '../params/errors.ts';
import type { WorldParams } from '../params/world.ts';
import { type BuildProgress, progressSpan } from './build-progress.ts';
import { drawPopulation, normalised } from './population.ts';
import { buildSocialGraph } from './social-graph.ts';
import { assignTiers, totalFollowers } from './tiers.ts';
import type { PlatformRecord, World } from './world.ts';

/** Memory a world may take unless the host says otherwise (the graph budget: 16 GiB on Node). */
export const DEFAULT_WORLD_BUDGET_BYTES = DEFAULT_GRAPH_BUDGET_BYTES;

/**
 * Builds the world for `seed` (DESIGN §2.1–§2.2): population from the `world:*` streams, layers from the
 * `graph:*` streams, then tiers from follower counts. Refuses, before allocating anything, a world whose
 * estimate exceeds `budgetBytes` (InputError naming `world.agents`). Region shares come out normalised.
 * `onProgress` hears of each stage (BUILD_SHARES: the population, then the graph layer by layer, then tiers).
 */
export function buildWorld(
  params: WorldParams,
  seed: string,
  budgetBytes: number = DEFAULT_WORLD_BUDGET_BYTES,
  onProgress?: BuildProgress,
): World {
  assertWorldFits(params, budgetBytes);
  onProgress?.('population', 0);
  const population = drawPopulation(params, seed);
  const graphEnd = BUILD_SHARES.population + BUILD_SHARES.graph;
  const graph = buildSocialGraph(
    population,
    params,
    seed,
    progressSpan(onProgress, BUILD_SHARES.population, graphEnd),
  );
  onProgress?.('tiers', graphEnd);
  assignTiers(population.tier, totalFollowers(graph.followerCounts, params.platforms), params.tiers);
  onProgress?.('tiers', 1);
  const shares = normalised(params.regions.map((r) => r.populationShare));
  return {
    seed,
    regions: params.regions.map((r, i) => ({ ...r, populationShare: shares[i]! })),
    languages: [...params.languages],
    fandoms: params.fandoms,
    topics: [...params.topics],
    platforms: params.platforms,
    population,
    layers: graph.layers,
    followerCounts: graph.followerCounts,
  };
}

/** Shares of buildWorld's time, measured at 1M agents with the default platforms (population 1 s, layers 14 s, tiers well under 1 s). */
const BUILD_SHARES = { population: 0.07, graph: 0.9 } as const;

/** Expected members of a platform: agents × Σ_r share_r × membership_r. */
function expectedMembers(params: WorldParams, platform: PlatformRecord): number {
  const shares = normalised(params.regions.map((r) => r.populationShare));
  let fraction = 0;
  for (let r = 0; r < shares.length; r++) fraction += shares[r]! * (platform.membershipByRegion[r] ?? 0);
  return params.agents * fraction;
}

/** Final and peak-transient bytes of one layer (see follow-layer.ts and group-layer.ts for the arrays). */
function layerBytes(params: WorldParams, platform: PlatformRecord): { final: number; transient: number } {
  const N = params.agents;
  const members = expectedMembers(params, platform);
  if (platform.edgeModel === 'follow') {
    const ties = members * platform.meanTies;
    const poolEntries = members * params.attractiveness + ties;
    // plan, copies, markers, transpose cursor (16N); pools sized 1.2× and doubled at worst (6 bytes/entry on average); the trimmed copy (4E).
    return { final: 8 * (N + 1) + 8 * ties, transient: 16 * N + 6 * poolEntries + 4 * ties };
  }
  const m = platform.meanTies;
  const slots = members * platform.groupsPerMember;
  const sizeVariance = ((2 * m - 3) ** 2 - 1) / 12;
  const ties = (slots * (m + sizeVariance / m - 1)) / 2;
  // groupsOf, slot keys and slots, the tie buffers (grown by doubling), the CSR builder's two passes and cursors.
  return { final: 4 * (N + 1) + 8 * ties, transient: 9 * N + 6 * slots + 16 * ties + 8 * ties };
}

/** Estimated peak bytes of buildWorld: population, follower counts, popularity, every final layer and the largest build transient. */
export function estimateWorldBytes(params: WorldParams): number {
  const N = params.agents;
  const K = params.topics.length;
  const P = params.platforms.length;
  const population = N * (13 + 4 * K);
  let finals = 0;
  let transient = 0;
  for (const platform of params.platforms) {
    const cost = layerBytes(params, platform);
    finals += cost.final;
    transient = Math.max(transient, cost.transient);
  }
  return population + 4 * N * P + 4 * N + finals + transient;
}

/** Throws an InputError naming `world.agents`, the estimate and the largest size that fits, when the world would not fit in `budgetBytes`. */
export function assertWorldFits(params: WorldParams, budgetBytes: number): void {
  const bytes = estimateWorldBytes(params);
  if (bytes <= budgetBytes) return;
  const perAgent = bytes / params.agents;
  const fits = Math.max(0, Math.floor(budgetBytes / perAgent / 1000) * 1000);
  const agents = params.agents.toLocaleString('en-US');
  throw new InputError('scenario', [
    `world.agents: ${agents} agents need about ${formatBytes(bytes)} to build, more than the ${formatBytes(budgetBytes)} allowed; ` +
      `must be at most ${fits.toLocaleString('en-US')} agents with these platforms (or lower the platforms' meanTies)`,
  ]);
}
