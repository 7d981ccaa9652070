// The static social world: population (struct of arrays) and platform layers. Types only — built by population.ts/social-graph.ts, read by the dynamics.
import type { CsrGraph } from '../graph/csr.ts';

/**
 * Agents as struct of arrays; every array has `count` entries (or `count × width` for matrices, row-major:
 * agent a's row starts at `a * width`). Index spaces: regions 0..R−1 (order of `World.regions`), languages are
 * bits of `languages` (bit i = `World.languages[i]`), fandom 0 = none else 1..F (`World.fandoms[f − 1]`),
 * topics 0..K−1 (`World.topics`), platforms 0..P−1 (bit p of `platforms` = member of `World.platforms[p]`).
 */
export interface Population {
  readonly count: number;
  readonly region: Uint8Array;
  readonly languages: Uint8Array;
  readonly fandom: Uint8Array;
  /** count × topicCount interest weights; each row sums to 1. Mutable: drifts toward what the agent consumes. */
  readonly interests: Float32Array;
  /** Sessions per day (heavy-tailed, mean about `params.meanSessionsPerDay`). */
  readonly activity: Float32Array;
  /** Chance that engaging with a trend leads this agent to make its own post rather than just view/like. */
  readonly creatorPropensity: Float32Array;
  /** Complex-contagion threshold: distinct exposures (sources) this agent needs before an effortful trend persuades it. */
  readonly threshold: Float32Array;
  /** Influencer tier from follower counts: 0 mega, 1 macro, 2 micro, 3 nano, 4 regular (TIER). */
  readonly tier: Uint8Array;
  /** Bitmask of platforms the agent is on. Mutable: network effects add and remove bits once a day. */
  readonly platforms: Uint8Array;
}

/** Influencer tiers, by total followers across follow platforms (thresholds are ranks relative to population size: see tiers.ts). */
export const TIER = { mega: 0, macro: 1, micro: 2, nano: 3, regular: 4 } as const;
export const TIER_NAMES = ['mega', 'macro', 'micro', 'nano', 'regular'] as const;

/** An agent's display name, the same in the inspector and the canvas's name card: "user_42", "mega_7". */
export function agentName(tier: number, agent: number): string {
  const name = TIER_NAMES[tier] ?? 'regular';
  return `${name === 'regular' ? 'user' : name}_${agent}`;
}

export interface RegionRecord {
  readonly name: string;
  /** Share of the world's population (all regions sum to 1). */
  readonly populationShare: number;
  /** Hours from UTC (local hour = (utcHour + utcOffset) mod 24). */
  readonly utcOffset: number;
  /** Index into World.languages of the main language. */
  readonly mainLanguage: number;
  /** Chance an agent here also speaks English, and Korean. */
  readonly englishShare: number;
  readonly koreanShare: number;
  /** Share of agents here who belong to some fandom (the rest have fandom 0). */
  readonly fanShare: number;
  /** Relative interest in each topic (index = topic), the prior of agents' interests here. */
  readonly topicWeights: readonly number[];
}

export interface FandomRecord {
  readonly name: string;
  /** Relative size (heavy-tailed across fandoms; one mega fandom). */
  readonly weight: number;
  /** Factor on this fandom's weight per region index (a fan in region r picks fandom f ∝ weight × regionAffinity[r]). */
  readonly regionAffinity: readonly number[];
  /** Relative interest of its fans in each topic (index = topic), mixed into the region prior. */
  readonly topicWeights: readonly number[];
}

/** One platform as data (DESIGN §2.2): the dynamics read these fields, never the platform's name. */
export interface PlatformRecord {
  readonly name: string;
  readonly kind: 'short-video' | 'photo' | 'video' | 'microblog' | 'messenger' | string;
  /** Membership share per region index (0..1). */
  readonly membershipByRegion: readonly number[];
  /** 'follow' = directed follows with preferential attachment + homophily; 'groups' = undirected small local groups. */
  readonly edgeModel: 'follow' | 'groups';
  /** Mean followees per member (follow) or mean group size (groups). */
  readonly meanTies: number;
  /** 'groups' platforms: mean number of groups each member is in (family, friends, fan chat…); ignored for 'follow'. */
  readonly groupsPerMember: number;
  /** Shares of the feed from follows, the recommender and trending (sum 1). */
  readonly feedMix: { readonly follows: number; readonly recommended: number; readonly trending: number };
  /** Posts viewed per session, at most (a feed with no recommender share ends when the follows' posts do). */
  readonly attention: number;
  /** Trend kinds whose posts this platform carries well: fit multiplier per kind (missing kind = 0.5). */
  readonly formatFit: Readonly<Record<string, number>>;
  /** Chance a post made here is cross-posted to another platform the author is on. */
  readonly crossPostProbability: number;
  readonly algorithm: {
    /** 0 = popularity only … 1 = similarity only. */
    readonly personalization: number;
    /** ε: share of recommended slots filled at random. */
    readonly exploration: number;
    /** Weight of engagement counts in ranking (virality boost). */
    readonly popularityWeight: number;
    /** Most viewers a single post may reach per tick through recommendation (reach cap), 0 = none. */
    readonly reachCap: number;
  };
  /** Strength of network effects: how strongly contacts on the platform pull an agent to join. */
  readonly networkEffect: number;
}

/** One platform's ties over all agents (non-members have no ties). */
export interface PlatformLayer {
  readonly platform: number;
  /**
   * 'follow' platforms: directed; `offsets/targets` of agent a = its FOLLOWERS (who a's posts are pushed to),
   * `inOffsets/inTargets` = whom a follows. 'groups' platforms: undirected, both the same.
   */
  readonly ties: CsrGraph;
}

/** The static world after construction; dynamics add their own state alongside (see the tick modules). */
export interface World {
  readonly seed: string;
  readonly regions: readonly RegionRecord[];
  readonly languages: readonly string[];
  readonly fandoms: readonly FandomRecord[];
  readonly topics: readonly string[];
  readonly platforms: readonly PlatformRecord[];
  readonly population: Population;
  readonly layers: readonly PlatformLayer[];
  /** Followers per agent per platform: count × platformCount, row-major. */
  readonly followerCounts: Uint32Array;
}
