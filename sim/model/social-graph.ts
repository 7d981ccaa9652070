// The multiplex social graph: latent popularity, then every platform layer (groups first, then follows) and follower counts. No dynamics.
import type { CsrGraph } from '../graph/csr.ts';
import type { WorldParams } from '../params/world.ts';
import { createRng, STREAM } from '../rng.ts';
import { type BuildProgress, progressSpan } from './build-progress.ts';
import { buildFollowLayer } from './follow-layer.ts';
import { buildGroupLayer } from './group-layer.ts';
import type { PlatformLayer, Population } from './world.ts';
import { type Uniform, uniformFrom } from './world-random.ts';

/** Highest latent popularity an agent may draw (cuts the Pareto tail so one agent cannot take every follow). */
export const MAX_POPULARITY = 10_000;

export interface SocialGraph {
  /** One layer per platform, in platform order. */
  readonly layers: PlatformLayer[];
  /** count × platformCount followers (follow layers) or contacts (groups layers), row-major. */
  readonly followerCounts: Uint32Array;
  /** Latent popularity per agent (mean 1 before the cut), shared by every layer. */
  readonly popularity: Float32Array;
}

function stream(seed: string, name: string): Uniform {
  return uniformFrom(createRng(seed, `${STREAM.graph}:${name}`));
}

/**
 * Latent popularity: Pareto with exponent α = `popularityExponent` and mean 1 (scale (α − 1)/α), i.e.
 * x = scale · U^(−1/α), cut at MAX_POPULARITY. One value per agent for all layers, so hubs coincide across platforms.
 */
export function drawPopularity(count: number, exponent: number, uniform: Uniform): Float32Array {
  const scale = (exponent - 1) / exponent;
  const popularity = new Float32Array(count);
  for (let a = 0; a < count; a++)
    popularity[a] = Math.min(MAX_POPULARITY, scale * (1 - uniform()) ** (-1 / exponent));
  return popularity;
}

/**
 * Builds every layer. 'groups' layers come first (in platform order), then 'follow' layers (in platform order),
 * each follow layer mirroring ties of all layers built before it (`layerOverlap`): so messenger friends tend to
 * follow each other, and follows spread from earlier platforms to later ones. Each layer draws from its own
 * stream `graph:platform<p>`, popularity from `graph:popularity`. `onProgress` hears of each layer (an equal share of
 * the build each; a follow layer also reports within itself).
 */
export function buildSocialGraph(
  population: Population,
  params: WorldParams,
  seed: string,
  onProgress?: BuildProgress,
): SocialGraph {
  const P = params.platforms.length;
  const N = population.count;
  const popularity = drawPopularity(N, params.popularityExponent, stream(seed, 'popularity'));
  const built: (CsrGraph | undefined)[] = new Array(P).fill(undefined);
  const earlier: CsrGraph[] = [];
  const order = [...params.platforms.keys()].sort((a, b) => rank(params, a) - rank(params, b) || a - b);
  for (const [done, p] of order.entries()) {
    const uniform = stream(seed, `platform${p}`);
    const record = params.platforms[p]!;
    const layerProgress = progressSpan(onProgress, done / P, (done + 1) / P);
    const stage = `${record.name} ${record.edgeModel === 'groups' ? 'groups' : 'follows'}`;
    layerProgress?.(stage, 0);
    const graph =
      record.edgeModel === 'groups'
        ? buildGroupLayer(population, params, p, uniform)
        : buildFollowLayer({
            population,
            params,
            platform: p,
            popularity,
            earlier,
            uniform,
            ...(layerProgress ? { onProgress: (fraction: number) => layerProgress(stage, fraction) } : {}),
          });
    built[p] = graph;
    earlier.push(graph);
  }
  const layers = built.map((ties, platform) => ({ platform, ties: ties! }));
  const followerCounts = new Uint32Array(N * P);
  for (let p = 0; p < P; p++) {
    const offsets = layers[p]!.ties.offsets;
    for (let a = 0; a < N; a++) followerCounts[a * P + p] = offsets[a + 1]! - offsets[a]!;
  }
  return { layers, followerCounts, popularity };
}

function rank(params: WorldParams, p: number): number {
  return params.platforms[p]!.edgeModel === 'groups' ? 0 : 1;
}
