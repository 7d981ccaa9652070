// Draws the population (struct of typed arrays) from the world parameters and the seed's world streams. No graph, no dynamics.
import type { WorldParams } from '../params/world.ts';
import { createRng, STREAM } from '../rng.ts';
import { type Population, TIER } from './world.ts';
import { drawFromCdf, normalFrom, uniformFrom, unitLognormal } from './world-random.ts';

/** Most sessions per day an agent may have (the lognormal tail is cut here: 4 an hour). */
export const MAX_SESSIONS_PER_DAY = 96;

/** Each attribute has its own stream, so changing e.g. the interest spread never reshuffles regions or memberships. */
function attributeStream(seed: string, attribute: string) {
  return uniformFrom(createRng(seed, `${STREAM.world}:${attribute}`));
}

/** Cumulative sums of `weights` into `into[from …]`; all-zero weights count as equal weights. */
function fillCdf(into: Float64Array, from: number, weights: readonly number[]): void {
  const total = weights.reduce((s, w) => s + w, 0);
  let running = 0;
  for (let i = 0; i < weights.length; i++) {
    running += total > 0 ? weights[i]! : 1;
    into[from + i] = running;
  }
}

/** `weights` scaled to sum 1 (equal weights when they sum to 0). */
export function normalised(weights: readonly number[]): number[] {
  const total = weights.reduce((s, w) => s + w, 0);
  return weights.map((w) => (total > 0 ? w / total : 1 / weights.length));
}

/** Index of a language by name (case-insensitive), or −1. */
function languageIndex(languages: readonly string[], name: string): number {
  return languages.findIndex((l) => l.toLowerCase() === name.toLowerCase());
}

/**
 * Draws `params.agents` agents (DESIGN §2.1), each attribute from its own stream of `seed`. Agent ids are ordered by
 * (region, fandom): agents 0 … n₀ − 1 live in region 0, non-fans first, then fandom 1, … (ids carry no other meaning).
 * - region: by normalised `populationShare` (independent draws, so counts are multinomial);
 * - languages: the region's main language, plus English and Korean (when listed) with the region's shares;
 * - fandom: with the region's `fanShare` a fan, of fandom f ∝ weight_f × regionAffinity_f[region]; else 0;
 * - interests: logistic-normal around a prior — region topic weights, mixed with the fandom's (weight
 *   `interests.fandomPull`) for fans; each topic weight × exp(σz − σ²/2), then the row is normalised to sum 1;
 * - activity: lognormal with mean `activity.meanSessionsPerDay` (cut at MAX_SESSIONS_PER_DAY);
 * - creatorPropensity: lognormal with mean `creators.meanPropensity`, cut at 1;
 * - threshold: normal(mean, sd) clipped below at 1 distinct source;
 * - platforms: bit p set with the platform's membership share of the agent's region;
 * - tier: TIER.regular until tiers.ts assigns tiers from follower counts.
 */
export function drawPopulation(params: WorldParams, seed: string): Population {
  const count = params.agents;
  const R = params.regions.length;
  const F = params.fandoms.length;
  const P = params.platforms.length;

  // Regions and fandoms are drawn independently per agent, then agents are numbered in (region, fandom) order:
  // the counts keep their multinomial law, and agents likely to be tied sit close in memory (the graph builders'
  // hot loops then stay in cache). Every later attribute is drawn per agent in id order.
  const regionCdf = new Float64Array(R);
  fillCdf(
    regionCdf,
    0,
    params.regions.map((r) => r.populationShare),
  );
  const uRegion = attributeStream(seed, 'region');
  const regionCounts = new Uint32Array(R);
  for (let a = 0; a < count; a++) regionCounts[drawFromCdf(regionCdf, 0, R, uRegion())]!++;
  const region = new Uint8Array(count);
  for (let r = 0, a = 0; r < R; r++) {
    region.fill(r, a, a + regionCounts[r]!);
    a += regionCounts[r]!;
  }

  const languages = new Uint8Array(count);
  const english = languageIndex(params.languages, 'English');
  const korean = languageIndex(params.languages, 'Korean');
  const uLanguage = attributeStream(seed, 'languages');
  for (let a = 0; a < count; a++) {
    const home = params.regions[region[a]!]!;
    let mask = 1 << home.mainLanguage;
    if (english >= 0 && uLanguage() < home.englishShare) mask |= 1 << english;
    if (korean >= 0 && uLanguage() < home.koreanShare) mask |= 1 << korean;
    languages[a] = mask;
  }

  const fandom = new Uint8Array(count);
  if (F > 0) {
    const fandomCdf = new Float64Array(R * F);
    for (let r = 0; r < R; r++)
      fillCdf(
        fandomCdf,
        r * F,
        params.fandoms.map((f) => f.weight * (f.regionAffinity[r] ?? 1)),
      );
    const uFandom = attributeStream(seed, 'fandom');
    const fandomCounts = new Uint32Array(F + 1);
    for (let r = 0, start = 0; r < R; r++) {
      const size = regionCounts[r]!;
      fandomCounts.fill(0);
      for (let i = 0; i < size; i++)
        fandomCounts[
          uFandom() < params.regions[r]!.fanShare ? 1 + drawFromCdf(fandomCdf, r * F, F, uFandom()) : 0
        ]!++;
      for (let f = 0, a = start; f <= F; f++) {
        fandom.fill(f, a, a + fandomCounts[f]!);
        a += fandomCounts[f]!;
      }
      start += size;
    }
  }

  const interests = drawInterests(params, seed, region, fandom);

  const activity = new Float32Array(count);
  const creatorPropensity = new Float32Array(count);
  const threshold = new Float32Array(count);
  const zActivity = normalFrom(attributeStream(seed, 'activity'));
  const zCreator = normalFrom(attributeStream(seed, 'creators'));
  const zThreshold = normalFrom(attributeStream(seed, 'threshold'));
  const { meanSessionsPerDay, spread: activitySpread } = params.activity;
  const { meanPropensity, spread: creatorSpread } = params.creators;
  for (let a = 0; a < count; a++) {
    activity[a] = Math.min(
      MAX_SESSIONS_PER_DAY,
      meanSessionsPerDay * unitLognormal(zActivity(), activitySpread),
    );
    creatorPropensity[a] = Math.min(1, meanPropensity * unitLognormal(zCreator(), creatorSpread));
    threshold[a] = Math.max(1, params.threshold.mean + params.threshold.sd * zThreshold());
  }

  const platforms = new Uint8Array(count);
  const uPlatform = attributeStream(seed, 'platforms');
  for (let a = 0; a < count; a++) {
    const r = region[a]!;
    let mask = 0;
    for (let p = 0; p < P; p++) if (uPlatform() < params.platforms[p]!.membershipByRegion[r]!) mask |= 1 << p;
    platforms[a] = mask;
  }

  const tier = new Uint8Array(count).fill(TIER.regular);
  return {
    count,
    region,
    languages,
    fandom,
    interests,
    activity,
    creatorPropensity,
    threshold,
    tier,
    platforms,
  };
}

/** count × K interest rows (see drawPopulation); priors are precomputed per (region, fandom) pair. */
function drawInterests(
  params: WorldParams,
  seed: string,
  region: Uint8Array,
  fandom: Uint8Array,
): Float32Array {
  const count = region.length;
  const K = params.topics.length;
  const F1 = params.fandoms.length + 1;
  const pull = params.interests.fandomPull;
  const prior = new Float64Array(params.regions.length * F1 * K);
  params.regions.forEach((r, ri) => {
    const regionPrior = normalised(r.topicWeights);
    for (let f = 0; f < F1; f++) {
      const fandomPrior = f === 0 ? regionPrior : normalised(params.fandoms[f - 1]!.topicWeights);
      const w = f === 0 ? 0 : pull;
      for (let k = 0; k < K; k++)
        prior[(ri * F1 + f) * K + k] = (1 - w) * regionPrior[k]! + w * fandomPrior[k]!;
    }
  });
  const interests = new Float32Array(count * K);
  const z = normalFrom(attributeStream(seed, 'interests'));
  const sigma = params.interests.spread;
  const row = new Float64Array(K);
  for (let a = 0; a < count; a++) {
    const base = (region[a]! * F1 + fandom[a]!) * K;
    let total = 0;
    for (let k = 0; k < K; k++) {
      const w = prior[base + k]! * unitLognormal(z(), sigma);
      row[k] = w;
      total += w;
    }
    const scale = total > 0 ? 1 / total : 0;
    for (let k = 0; k < K; k++) interests[a * K + k] = total > 0 ? row[k]! * scale : 1 / K;
  }
  return interests;
}
