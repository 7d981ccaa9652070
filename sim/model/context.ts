// The runtime bundle the tick modules share: world, dynamic state, resolved knobs, scratch buffers and this tick's transmissions. No dynamics here.
import type { RecommenderSpec, RecommenderStrategy } from '../params/recommender.ts';
import { VIEW_SOURCES } from '../protocol.ts';
import { type CandidateTable, createCandidateTable, VECTOR_WIDTH } from './candidate-table.ts';
import { type Dimensions, type DynamicState, dimensions } from './state.ts';
import type { World } from './world.ts';

/** Views remembered per agent for the inspector (post id, platform and source of the last few). */
export const SEEN_MEMORY = 4;
/** Followees scanned per session at most (a window starting at a random followee). */
export const FOLLOW_SCAN = 16;
/** Largest feed (posts viewed in one session) the scratch buffers hold. */
export const MAX_FEED = 128;
/** A trend has reached a region (its onset) once this share of the region has adopted it (at least 3 agents). */
export const ONSET_SHARE = 0.01;

export const SOURCE = { follow: 0, recommended: 1, trending: 2 } as const;
/** The sources' names by SOURCE index: the protocol's list, so the app and the CSVs name them the same. */
export const SOURCE_NAMES = VIEW_SOURCES;

/** The dynamics knobs after defaults: `personalization`/`exploration` are −1 when each platform keeps its own. */
export interface DynamicsKnobs {
  strategy: RecommenderStrategy;
  personalization: number;
  exploration: number;
  candidates: number;
  attentionScale: number;
  postLifetime: number;
  trendingRefresh: number;
  interestDrift: number;
  postRate: number;
  belowThreshold: number;
  reshareRate: number;
  adoptionRate: number;
  membershipChanges: boolean;
  joinRate: number;
  leaveAfterDays: number;
  /** Factor on everyone's online chance (activity-change events without a region). */
  activityMultiplier: number;
}

export function knobsFrom(spec: RecommenderSpec): DynamicsKnobs {
  return {
    strategy: spec.strategy,
    personalization: spec.personalization ?? -1,
    exploration: spec.exploration ?? -1,
    candidates: spec.candidates,
    attentionScale: spec.attentionScale,
    postLifetime: spec.postLifetime,
    trendingRefresh: spec.trendingRefresh,
    interestDrift: spec.interestDrift,
    postRate: spec.postRate,
    belowThreshold: spec.belowThreshold,
    reshareRate: spec.reshareRate,
    adoptionRate: spec.adoptionRate,
    membershipChanges: spec.membershipChanges,
    joinRate: spec.joinRate,
    leaveAfterDays: spec.leaveAfterDays,
    activityMultiplier: 1,
  };
}

/** Adoptions of the current tick, in growable parallel arrays (`count` valid entries). */
export interface TransmissionBuffer {
  count: number;
  parent: Int32Array;
  child: Uint32Array;
  trend: Uint8Array;
  platform: Uint8Array;
}

export interface SimContext {
  readonly world: World;
  readonly state: DynamicState;
  readonly dim: Dimensions;
  readonly knobs: DynamicsKnobs;
  readonly tx: TransmissionBuffer;
  /** count × SEEN_MEMORY last viewed post ids; `seenMeta` = platform × 4 + source; `seenCursor` next slot. */
  readonly seenPost: Int32Array;
  readonly seenMeta: Uint8Array;
  readonly seenCursor: Uint8Array;
  /** Scratch for one session: candidate post ids and scores, the chosen feed (ids, sources), topic histogram. */
  readonly candidateIds: Int32Array;
  readonly candidateScores: Float64Array;
  readonly feedIds: Int32Array;
  readonly feedSources: Uint8Array;
  readonly sessionTopics: Float64Array;
  /** Scratch for one session: views per author region (R). */
  readonly sessionRegions: Int32Array;
  /** Per platform, the collaborative and oracle recommenders' model of the current hour (candidate-table.ts). */
  readonly candidateTables: readonly CandidateTable[];
  /** Scratch for the collaborative recommender: the viewer's profile as a unit vector times the personalization (D, zeros up to VECTOR_WIDTH). */
  readonly userUnit: Float64Array;
  /** Written by runSessions' read-ahead of the next agents' rows, never read (a load whose value is unused is dropped). */
  readonly prefetchSink: Float64Array;
  /** Scratch: cumulative weights (length max(K, P)). */
  readonly cdf: Float64Array;
  /** Per region: agents needed for a trend's onset there (ONSET_SHARE of the region, at least 3). */
  readonly onsetCount: Int32Array;
  /** Agents per region (fixed). */
  readonly regionSize: Int32Array;
  /** 1 / mean creator propensity (participation chances scale with the agent's propensity relative to the mean). */
  readonly invMeanCreator: number;
}

export function createContext(world: World, state: DynamicState, knobs: DynamicsKnobs): SimContext {
  const dim = dimensions(world);
  const regionSize = new Int32Array(dim.R);
  for (let a = 0; a < dim.count; a++) regionSize[world.population.region[a]!]!++;
  const onsetCount = Int32Array.from(regionSize, (size) => Math.max(3, Math.ceil(size * ONSET_SHARE)));
  let creatorTotal = 0;
  for (let a = 0; a < dim.count; a++) creatorTotal += world.population.creatorPropensity[a]!;
  return {
    world,
    state,
    dim,
    knobs,
    tx: {
      count: 0,
      parent: new Int32Array(256),
      child: new Uint32Array(256),
      trend: new Uint8Array(256),
      platform: new Uint8Array(256),
    },
    seenPost: new Int32Array(dim.count * SEEN_MEMORY).fill(-1),
    seenMeta: new Uint8Array(dim.count * SEEN_MEMORY),
    seenCursor: new Uint8Array(dim.count),
    candidateIds: new Int32Array(FOLLOW_SCAN + MAX_FEED * 8),
    candidateScores: new Float64Array(FOLLOW_SCAN + MAX_FEED * 8),
    feedIds: new Int32Array(MAX_FEED),
    feedSources: new Uint8Array(MAX_FEED),
    sessionTopics: new Float64Array(dim.K),
    sessionRegions: new Int32Array(dim.R),
    candidateTables: Array.from({ length: dim.P }, () => createCandidateTable(dim)),
    userUnit: new Float64Array(Math.max(dim.D, VECTOR_WIDTH)),
    prefetchSink: new Float64Array(1),
    cdf: new Float64Array(Math.max(dim.K, dim.P, 1)),
    onsetCount,
    regionSize,
    invMeanCreator: creatorTotal > 0 ? dim.count / creatorTotal : 1,
  };
}

/** Appends one adoption to this tick's transmissions, growing the buffers by doubling. */
export function pushTransmission(
  tx: TransmissionBuffer,
  parent: number,
  child: number,
  trend: number,
  platform: number,
): void {
  if (tx.count === tx.parent.length) {
    const size = tx.parent.length * 2;
    const grow = <T extends Int32Array | Uint32Array | Uint8Array>(old: T, make: (n: number) => T): T => {
      const next = make(size);
      next.set(old);
      return next;
    };
    tx.parent = grow(tx.parent, (n) => new Int32Array(n));
    tx.child = grow(tx.child, (n) => new Uint32Array(n));
    tx.trend = grow(tx.trend, (n) => new Uint8Array(n));
    tx.platform = grow(tx.platform, (n) => new Uint8Array(n));
  }
  tx.parent[tx.count] = parent;
  tx.child[tx.count] = child;
  tx.trend[tx.count] = trend;
  tx.platform[tx.count] = platform;
  tx.count++;
}

/** The platform's personalization and exploration after any world-wide override. */
export function personalizationOf(ctx: SimContext, platform: number): number {
  return ctx.knobs.personalization >= 0
    ? ctx.knobs.personalization
    : ctx.state.algorithms[platform]!.personalization;
}
export function explorationOf(ctx: SimContext, platform: number): number {
  return ctx.knobs.exploration >= 0 ? ctx.knobs.exploration : ctx.state.algorithms[platform]!.exploration;
}
