// Trend kinds with their defaults, and resolution of a trend spec against a world (names → indices). Pure: no RNG, no state.
import { InputError } from '../params/errors.ts';
import type { TrendKind, TrendOrigin, TrendSpec } from '../params/trends.ts';
import type { World } from './world.ts';

/** Kind defaults (DESIGN §2.3). `participation`/`reshare` are the per-engaged-view chances of making one's own version / resharing. */
export interface TrendKindDefaults {
  readonly label: string;
  readonly topics: Readonly<Record<string, number>>;
  readonly appeal: number;
  readonly languageDependence: number;
  readonly effort: number;
  readonly noveltyHalfLife: number;
  readonly participation: number;
  readonly reshare: number;
  readonly origin: TrendOrigin;
  readonly seeds: number;
  /** Platform kind it starts on by default. */
  readonly platformKind: string;
  readonly color: string;
}

export const TREND_KIND_DEFAULTS: Readonly<Record<TrendKind, TrendKindDefaults>> = {
  // Complex contagion: performing a dance takes practice, so it needs several friends doing it first.
  'dance-challenge': {
    label: 'Dance challenge',
    topics: { dance: 0.6, 'k-pop': 0.4 },
    appeal: 0.7,
    languageDependence: 0.05,
    effort: 0.85,
    noveltyHalfLife: 24 * 6,
    participation: 0.06,
    reshare: 0.03,
    origin: 'idol',
    seeds: 1,
    platformKind: 'short-video',
    color: '#ff4f9a',
  },
  // Simple contagion: one exposure is enough, text-heavy so it needs the language; remixing is cheap participation.
  meme: {
    label: 'Meme',
    topics: { comedy: 0.8, gaming: 0.2 },
    appeal: 0.6,
    languageDependence: 0.7,
    effort: 0.1,
    noveltyHalfLife: 36,
    participation: 0.03,
    reshare: 0.1,
    origin: 'user',
    seeds: 1,
    platformKind: 'microblog',
    color: '#ffb000',
  },
  // Dalgona-style: born on short video, made and photographed at home, so it crosses to the photo platform.
  recipe: {
    label: 'Recipe',
    topics: { food: 1 },
    appeal: 0.6,
    languageDependence: 0.15,
    effort: 0.5,
    noveltyHalfLife: 24 * 5,
    participation: 0.05,
    reshare: 0.04,
    origin: 'user',
    seeds: 1,
    platformKind: 'short-video',
    color: '#c8793b',
  },
  'beauty-routine': {
    label: 'Beauty routine',
    topics: { beauty: 0.8, fashion: 0.2 },
    appeal: 0.55,
    languageDependence: 0.3,
    effort: 0.4,
    noveltyHalfLife: 24 * 4,
    participation: 0.04,
    reshare: 0.03,
    origin: 'user',
    seeds: 1,
    platformKind: 'photo',
    color: '#b36bff',
  },
  // Brand-seeded: a sponsored lens that is one tap to try.
  'ar-filter': {
    label: 'AR-filter campaign',
    topics: { beauty: 0.4, comedy: 0.3, fashion: 0.3 },
    appeal: 0.55,
    languageDependence: 0,
    effort: 0.15,
    noveltyHalfLife: 72,
    participation: 0.06,
    reshare: 0.03,
    origin: 'brand',
    seeds: 20,
    platformKind: 'short-video',
    color: '#22c3e6',
  },
  song: {
    label: 'Song',
    topics: { 'k-pop': 0.7, dance: 0.3 },
    appeal: 0.55,
    languageDependence: 0.3,
    effort: 0.05,
    noveltyHalfLife: 24 * 10,
    participation: 0.05,
    reshare: 0.05,
    origin: 'idol',
    seeds: 1,
    platformKind: 'video',
    color: '#4cd964',
  },
};

/** A trend as the dynamics read it: every default filled in and every name resolved to an index. */
export interface ResolvedTrend {
  readonly id: number;
  readonly name: string;
  readonly kind: TrendKind;
  /** Topic weights, length K, summing to 1; `topicCdf` the running sums (to draw a post's topic). */
  readonly topicWeights: Float32Array;
  readonly topicCdf: Float32Array;
  readonly appeal: number;
  readonly languageDependence: number;
  readonly effort: number;
  readonly noveltyHalfLife: number;
  readonly participation: number;
  readonly reshare: number;
  readonly origin: TrendOrigin;
  readonly seeds: number;
  readonly platform: number;
  /** Origin region index, −1 = anywhere. */
  readonly region: number;
  /** Origin fandom 1..F, 0 = none given. */
  readonly fandom: number;
  readonly startTick: number;
  readonly color: string;
  /** Bit of the trend's language in `Population.languages`: the origin region's main language (with no region given, set at launch from the first seed's region). */
  languageMask: number;
}

const KIND_PALETTE_SHIFT = [
  '#ff4f9a',
  '#ffb000',
  '#22c3e6',
  '#4cd964',
  '#b36bff',
  '#c8793b',
  '#ff6b3d',
  '#3d8bff',
] as const;

function findByName(names: readonly string[], ref: string | number, path: string, what: string): number {
  if (typeof ref === 'number') {
    if (ref < names.length) return ref;
    throw new InputError('scenario', [
      `${path}: must be a ${what} index from 0 to ${names.length - 1} (got ${ref})`,
    ]);
  }
  const lower = ref.toLowerCase();
  const index = names.findIndex((n) => n.toLowerCase() === lower);
  if (index >= 0) return index;
  throw new InputError('scenario', [
    `${path}: must be one of ${names.map((n) => JSON.stringify(n)).join(', ')} (got ${JSON.stringify(ref)})`,
  ]);
}

/** Index of a platform named by name, kind or index; throws an InputError naming `path` otherwise. */
export function resolvePlatform(world: World, ref: string | number, path: string): number {
  if (typeof ref === 'string') {
    const lower = ref.toLowerCase();
    const byName = world.platforms.findIndex((p) => p.name.toLowerCase() === lower);
    if (byName >= 0) return byName;
    const byKind = world.platforms.findIndex((p) => p.kind.toLowerCase() === lower);
    if (byKind >= 0) return byKind;
  }
  return findByName(
    world.platforms.map((p) => p.name),
    ref,
    path,
    'platform',
  );
}

export function resolveRegion(world: World, ref: string | number, path: string): number {
  return findByName(
    world.regions.map((r) => r.name),
    ref,
    path,
    'region',
  );
}

/** Fandom 1..F from a name or a 1-based index (0 is "none", not a fandom one can name). */
export function resolveFandom(world: World, ref: string | number, path: string): number {
  if (typeof ref === 'number') {
    if (ref >= 1 && ref <= world.fandoms.length) return ref;
    throw new InputError('scenario', [
      `${path}: must be a fandom number from 1 to ${world.fandoms.length} (got ${ref})`,
    ]);
  }
  return (
    findByName(
      world.fandoms.map((f) => f.name),
      ref,
      path,
      'fandom',
    ) + 1
  );
}

/** Fills defaults of the trend's kind and resolves its names against `world`; `path` names the spec in error messages. */
export function resolveTrend(world: World, spec: TrendSpec, id: number, path: string): ResolvedTrend {
  const defaults = TREND_KIND_DEFAULTS[spec.kind];
  const K = world.topics.length;
  const topicWeights = new Float32Array(K);
  const topics = spec.topics ?? defaults.topics;
  const lowerTopics = world.topics.map((t) => t.toLowerCase());
  let total = 0;
  for (const [name, weight] of Object.entries(topics)) {
    const k = lowerTopics.indexOf(name.toLowerCase());
    if (k < 0) {
      if (spec.topics)
        throw new InputError('scenario', [
          `${path}.topics.${name}: must be one of the world's topics ${world.topics.map((t) => JSON.stringify(t)).join(', ')}`,
        ]);
      continue; // a default topic this world lacks: drop it
    }
    topicWeights[k]! += weight;
    total += weight;
  }
  if (total <= 0) {
    if (spec.topics)
      throw new InputError('scenario', [`${path}.topics: must give at least one topic a weight above 0`]);
    topicWeights.fill(1 / K);
  } else for (let k = 0; k < K; k++) topicWeights[k]! /= total;
  const topicCdf = new Float32Array(K);
  let running = 0;
  for (let k = 0; k < K; k++) topicCdf[k] = running += topicWeights[k]!;
  topicCdf[K - 1] = 1;

  let platform = -1;
  if (spec.platform !== undefined) platform = resolvePlatform(world, spec.platform, `${path}.platform`);
  else {
    platform = world.platforms.findIndex((p) => p.kind === defaults.platformKind);
    if (platform < 0) platform = 0;
  }
  const region = spec.region === undefined ? -1 : resolveRegion(world, spec.region, `${path}.region`);
  const fandom = spec.fandom === undefined ? 0 : resolveFandom(world, spec.fandom, `${path}.fandom`);
  const languageRegion = region >= 0 ? region : 0;
  const languageMask = 1 << (world.regions[languageRegion]?.mainLanguage ?? 0);
  const color = spec.color ?? (id < 6 ? defaults.color : KIND_PALETTE_SHIFT[id % KIND_PALETTE_SHIFT.length]!);
  return {
    id,
    name: spec.name,
    kind: spec.kind,
    topicWeights,
    topicCdf,
    appeal: spec.appeal ?? defaults.appeal,
    languageDependence: spec.languageDependence ?? defaults.languageDependence,
    effort: spec.effort ?? defaults.effort,
    noveltyHalfLife: spec.noveltyHalfLife ?? defaults.noveltyHalfLife,
    participation: defaults.participation,
    reshare: defaults.reshare,
    origin: spec.origin ?? defaults.origin,
    seeds: spec.seeds ?? defaults.seeds,
    platform,
    region,
    fandom,
    startTick: spec.startTick,
    color,
    languageMask,
  };
}

/** Draws a post topic from a trend's topic distribution with a uniform `u` in [0, 1). */
export function drawTopic(cdf: Float32Array, u: number): number {
  const last = cdf.length - 1;
  for (let k = 0; k < last; k++) if (u < cdf[k]!) return k;
  return last;
}
