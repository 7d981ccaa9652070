// Trend kinds with their defaults, and resolution of a trend spec against a world (names → indices). Pure: no RNG, no state.
import { InputError } from '../params/errors.ts';
import type { TrendKind, TrendOrigin, TrendSpec } from '../params/trends.ts';

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

/** Colours for trends past the first six, and for a second trend of a kind (launched by hand). */
export const KIND_PALETTE_SHIFT = [
  '#ff4f9a',
  '#ffb000',
  '#22c3e6',
  '#4cd964',
  '#b36bff',
  '#c8793b',
  '#ff6b3d',
  '#3d8bff',
] as const;

/**
 * The parts of a world that trend and event names are resolved against: its records, not its agents. A scenario's
 * `world` parameters have them too, so a scenario's names can be checked before its world is built.
 */
export interface WorldNames {
  readonly regions: readonly { readonly name: string; readonly mainLanguage: number }[];
  readonly fandoms: readonly { readonly name: string }[];
  readonly platforms: readonly { readonly name: string; readonly kind: string }[];
  readonly topics: readonly string[];
}

function quoted(names: readonly string[]): string {
  return names.map((n) => JSON.stringify(n)).join(', ');
}

function refused(path: string, allowed: string, ref: string | number): InputError {
  return new InputError('scenario', [`${path}: must be ${allowed} (got ${JSON.stringify(ref)})`]);
}

/** Index of the first of `names` equal to `ref` ignoring case, or −1. */
function indexOfName(names: readonly string[], ref: string): number {
  const lower = ref.toLowerCase();
  return names.findIndex((name) => name.toLowerCase() === lower);
}

/** Index of a platform named by name, kind or 0-based index; throws an InputError naming `path` otherwise. */
export function resolvePlatform(world: WorldNames, ref: string | number, path: string): number {
  const count = world.platforms.length;
  if (typeof ref === 'number') {
    if (ref < count) return ref;
  } else {
    const byName = indexOfName(
      world.platforms.map((p) => p.name),
      ref,
    );
    if (byName >= 0) return byName;
    const byKind = indexOfName(
      world.platforms.map((p) => p.kind),
      ref,
    );
    if (byKind >= 0) return byKind;
  }
  const kinds = [...new Set(world.platforms.map((p) => p.kind))];
  throw refused(
    path,
    `one of ${quoted(world.platforms.map((p) => p.name))}, a platform kind (${quoted(kinds)}) or an index from 0 to ${count - 1}`,
    ref,
  );
}

/** Index of a region named by name or 0-based index; throws an InputError naming `path` otherwise. */
export function resolveRegion(world: WorldNames, ref: string | number, path: string): number {
  const count = world.regions.length;
  if (typeof ref === 'number' && ref < count) return ref;
  if (typeof ref === 'string') {
    const index = indexOfName(
      world.regions.map((r) => r.name),
      ref,
    );
    if (index >= 0) return index;
  }
  throw refused(
    path,
    `one of ${quoted(world.regions.map((r) => r.name))} or an index from 0 to ${count - 1}`,
    ref,
  );
}

/** Fandom 1..F from a name or a 1-based number (0 is "none", not a fandom one can name). */
export function resolveFandom(world: WorldNames, ref: string | number, path: string): number {
  const count = world.fandoms.length;
  if (count === 0)
    throw new InputError('scenario', [
      `${path}: this world has no fandoms (world.fandoms is empty), so leave it out (got ${JSON.stringify(ref)})`,
    ]);
  if (typeof ref === 'number' && ref >= 1 && ref <= count) return ref;
  if (typeof ref === 'string') {
    const index = indexOfName(
      world.fandoms.map((f) => f.name),
      ref,
    );
    if (index >= 0) return index + 1;
  }
  throw refused(
    path,
    `one of ${quoted(world.fandoms.map((f) => f.name))} or a number from 1 to ${count}`,
    ref,
  );
}

/** Topic weights (length K, summing to 1) of a trend: its own `topics`, or its kind's with the topics this world lacks dropped. */
function topicWeightsOf(world: WorldNames, spec: TrendSpec, path: string): Float32Array {
  const K = world.topics.length;
  const topicWeights = new Float32Array(K);
  const topics = spec.topics ?? TREND_KIND_DEFAULTS[spec.kind].topics;
  const lowerTopics = world.topics.map((t) => t.toLowerCase());
  const problems: string[] = [];
  let total = 0;
  for (const [name, weight] of Object.entries(topics)) {
    const k = lowerTopics.indexOf(name.toLowerCase());
    if (k < 0) {
      if (spec.topics)
        problems.push(`${path}.topics.${name}: must be one of the world's topics ${quoted(world.topics)}`);
      continue; // a default topic this world lacks: drop it
    }
    topicWeights[k]! += weight;
    total += weight;
  }
  if (problems.length > 0) throw new InputError('scenario', problems);
  if (total <= 0) {
    if (spec.topics)
      throw new InputError('scenario', [`${path}.topics: must give at least one topic a weight above 0`]);
    topicWeights.fill(1 / K);
  } else for (let k = 0; k < K; k++) topicWeights[k]! /= total;
  return topicWeights;
}

/** Runs `resolve`; on an InputError adds its lines to `problems` and returns `fallback`, so every bad field is reported. */
function orProblem<T>(problems: string[], resolve: () => T, fallback: T): T {
  try {
    return resolve();
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    problems.push(...error.lines);
    return fallback;
  }
}

/**
 * Fills defaults of the trend's kind and resolves its names against `world`; `path` names the spec in error messages.
 * Throws one InputError listing every bad name (topics, platform, region, fandom).
 */
export function resolveTrend(world: WorldNames, spec: TrendSpec, id: number, path: string): ResolvedTrend {
  const defaults = TREND_KIND_DEFAULTS[spec.kind];
  const K = world.topics.length;
  const problems: string[] = [];
  const topicWeights = orProblem(problems, () => topicWeightsOf(world, spec, path), new Float32Array(K));
  let platform = -1;
  if (spec.platform !== undefined) {
    const ref = spec.platform;
    platform = orProblem(problems, () => resolvePlatform(world, ref, `${path}.platform`), 0);
  } else {
    platform = world.platforms.findIndex((p) => p.kind === defaults.platformKind);
    if (platform < 0) platform = 0;
  }
  const { region: regionRef, fandom: fandomRef } = spec;
  const region =
    regionRef === undefined
      ? -1
      : orProblem(problems, () => resolveRegion(world, regionRef, `${path}.region`), -1);
  const fandom =
    fandomRef === undefined
      ? 0
      : orProblem(problems, () => resolveFandom(world, fandomRef, `${path}.fandom`), 0);
  if (problems.length > 0) throw new InputError('scenario', problems);

  const topicCdf = new Float32Array(K);
  let running = 0;
  for (let k = 0; k < K; k++) topicCdf[k] = running += topicWeights[k]!;
  topicCdf[K - 1] = 1;
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
