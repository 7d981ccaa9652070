// Test helper: small hand-made social worlds (World objects) with controlled ties, for the dynamics tests. Not a test file itself.
import { csrFromEdges } from '../../../sim/graph/csr.ts';
import { SocialWorldEngine } from '../../../sim/model/engine.ts';
import type {
  FandomRecord,
  PlatformLayer,
  PlatformRecord,
  RegionRecord,
  World,
} from '../../../sim/model/world.ts';
import type { EventsSpec } from '../../../sim/params/events.ts';
import { type RecommenderSpecInput, recommenderSchema } from '../../../sim/params/recommender.ts';
import { type TrendSpecInput, trendSchema } from '../../../sim/params/trends.ts';
import { createRng } from '../../../sim/rng.ts';

export const TOPICS = ['k-pop', 'dance', 'beauty', 'food', 'drama', 'gaming', 'comedy', 'fashion'] as const;

/**
 * The stages buildWorld reports for the default platforms, in order: groups layers first, then follow layers, each in
 * platform order (social-graph.ts), between the population and the tiers.
 */
export const DEFAULT_WORLD_BUILD_STAGES = [
  'population',
  'Talk groups',
  'Loop follows',
  'Frame follows',
  'Vista follows',
  'Chirp follows',
  'tiers',
] as const;

export function platformRecord(
  overrides: Partial<PlatformRecord> & { name: string },
  regions: number,
): PlatformRecord {
  return {
    kind: 'short-video',
    membershipByRegion: Array.from({ length: regions }, () => 1),
    edgeModel: 'follow',
    meanTies: 10,
    groupsPerMember: 0,
    feedMix: { follows: 0.5, recommended: 0.4, trending: 0.1 },
    attention: 10,
    formatFit: { 'dance-challenge': 1, meme: 1, recipe: 1, 'beauty-routine': 1, 'ar-filter': 1, song: 1 },
    crossPostProbability: 0,
    algorithm: { personalization: 0.7, exploration: 0.05, popularityWeight: 1, reachCap: 0 },
    networkEffect: 0,
    ...overrides,
  };
}

/** A region record with flat topic weights. */
export function region(name: string, utcOffset: number, mainLanguage = 0): RegionRecord {
  return {
    name,
    populationShare: 1,
    utcOffset,
    mainLanguage,
    englishShare: 1,
    koreanShare: 0,
    fanShare: 0.3,
    topicWeights: TOPICS.map(() => 1),
  };
}

export interface FixtureOptions {
  count: number;
  seed?: string;
  /** The world's topics (default TOPICS, eight). */
  topics?: readonly string[];
  regions?: RegionRecord[];
  fandoms?: FandomRecord[];
  platforms?: PlatformRecord[];
  /** Ties per platform as [from, to] arrays; follow platforms: `from` follows... no: an entry (u, v) means v follows u (u's posts reach v). */
  ties: (platform: number) => { from: number[]; to: number[] };
  region?: (agent: number) => number;
  fandom?: (agent: number) => number;
  /** Interests row for an agent (K weights, normalised here); default flat plus noise. */
  interests?: (agent: number, uniform: () => number) => number[];
  member?: (agent: number, platform: number) => boolean;
  activity?: number;
  creatorPropensity?: number;
  threshold?: number;
  languages?: (agent: number) => number;
}

/** A World with `count` agents, the given ties and flat defaults elsewhere. Deterministic in `seed`. */
export function fixtureWorld(options: FixtureOptions): World {
  const n = options.count;
  const rng = createRng(options.seed ?? 'fixture', 'graph');
  const uniform = () => rng.next();
  const regions = options.regions ?? [region('Only', 0)];
  const platforms = options.platforms ?? [platformRecord({ name: 'Loop' }, regions.length)];
  const topics = options.topics ?? TOPICS;
  const fandoms = options.fandoms ?? [
    { name: 'Orbit', weight: 1, regionAffinity: regions.map(() => 1), topicWeights: topics.map(() => 1) },
  ];
  const K = topics.length;
  const P = platforms.length;
  const interests = new Float32Array(n * K);
  for (let a = 0; a < n; a++) {
    const row = options.interests
      ? options.interests(a, uniform)
      : Array.from({ length: K }, () => 0.5 + uniform());
    const total = row.reduce((s, v) => s + v, 0);
    for (let k = 0; k < K; k++) interests[a * K + k] = row[k]! / total;
  }
  const platformMask = new Uint8Array(n);
  for (let a = 0; a < n; a++)
    for (let p = 0; p < P; p++) if (options.member ? options.member(a, p) : true) platformMask[a]! |= 1 << p;
  const layers: PlatformLayer[] = [];
  const followerCounts = new Uint32Array(n * P);
  for (let p = 0; p < P; p++) {
    const { from, to } = options.ties(p);
    const directed = platforms[p]!.edgeModel === 'follow';
    const ties = csrFromEdges(n, Uint32Array.from(from), Uint32Array.from(to), from.length, { directed });
    layers.push({ platform: p, ties });
    for (let a = 0; a < n; a++) followerCounts[a * P + p] = ties.offsets[a + 1]! - ties.offsets[a]!;
  }
  const tier = new Uint8Array(n).fill(4);
  return {
    seed: options.seed ?? 'fixture',
    regions,
    languages: ['Main', 'English'],
    fandoms,
    topics: [...topics],
    platforms,
    population: {
      count: n,
      region: Uint8Array.from({ length: n }, (_, a) => options.region?.(a) ?? 0),
      languages: Uint8Array.from({ length: n }, (_, a) => options.languages?.(a) ?? 1),
      fandom: Uint8Array.from({ length: n }, (_, a) => options.fandom?.(a) ?? 0),
      interests,
      activity: new Float32Array(n).fill(options.activity ?? 6),
      creatorPropensity: new Float32Array(n).fill(options.creatorPropensity ?? 0.2),
      threshold: new Float32Array(n).fill(options.threshold ?? 1),
      tier,
      platforms: platformMask,
    },
    layers,
    followerCounts,
  };
}

/** Random directed follows: each agent follows `k` distinct others uniformly (edges followee → follower). */
export function randomFollows(n: number, k: number, uniform: () => number): { from: number[]; to: number[] } {
  const from: number[] = [];
  const to: number[] = [];
  for (let a = 0; a < n; a++) {
    const chosen = new Set<number>();
    while (chosen.size < k) {
      const b = Math.floor(uniform() * n);
      if (b !== a) chosen.add(b);
    }
    for (const b of chosen) {
      from.push(b);
      to.push(a);
    }
  }
  return { from, to };
}

/** An engine over a fixture world with the given trends, events and recommender settings (parsed by the schemas). */
/**
 * A one-region world on one platform named Feed (feed mix and attention as given) where each of `count` agents follows
 * 10 random accounts; `fandoms` equal fandoms (agent a in fandom a mod (fandoms + 1)) over `topics`; agent a favours
 * topic a mod K `favourite` times over each other topic. The recommender tests' world, with topics and dimensions to vary.
 */
export function feedWorld(options: {
  count: number;
  seed: string;
  topics?: readonly string[];
  fandoms?: number;
  feedMix: PlatformRecord['feedMix'];
  attention: number;
  favourite: number;
  creatorPropensity: number;
}): World {
  const { count, seed, feedMix, attention, favourite, creatorPropensity } = options;
  const topics = options.topics ?? TOPICS;
  const fandoms = options.fandoms ?? 1;
  const rng = createRng(seed, 'graph');
  return fixtureWorld({
    count,
    seed,
    topics,
    fandoms: Array.from({ length: fandoms }, (_, f) => ({
      name: `Fandom ${f + 1}`,
      weight: 1,
      regionAffinity: [1],
      topicWeights: topics.map(() => 1),
    })),
    fandom: (a) => a % (fandoms + 1),
    platforms: [platformRecord({ name: 'Feed', feedMix, attention }, 1)],
    ties: () => randomFollows(count, 10, () => rng.next()),
    interests: (a) => topics.map((_, k) => (k === a % topics.length ? favourite : 1)),
    creatorPropensity,
  });
}

export function fixtureEngine(
  world: World,
  trends: TrendSpecInput[],
  recommender: RecommenderSpecInput = {},
  events: EventsSpec = [],
  seed = 's1',
): SocialWorldEngine {
  return new SocialWorldEngine(world, {
    seed,
    trends: trends.map((t) => trendSchema.parse(t)),
    events,
    recommender: recommenderSchema.parse(recommender),
  });
}
