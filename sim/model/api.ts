// The contract between the social-world engine and whatever hosts it (worker, CLI, tests). Types only: no logic.
import type { CsrGraph } from '../graph/csr.ts';

/**
 * Per-agent arrays a renderer may read (never write). All have length `agentCount`.
 * Index spaces: regions 0..regionCount-1, fandoms 0 = none else 1..fandomCount,
 * platforms 0..platformCount-1 (bit p of `platforms` set = member of platform p),
 * trends 0..trendCount-1 (`lastAdopted` stores trend + 1, 0 = none).
 */
export interface AgentViews {
  readonly region: Uint8Array;
  readonly fandom: Uint8Array;
  readonly platforms: Uint8Array;
  /** Influencer tier 0 = mega, 1 = macro, 2 = micro, 3 = nano, 4 = regular. */
  readonly tier: Uint8Array;
  /** Trend index + 1 of the trend this agent most recently adopted (participated in); 0 = none. */
  readonly lastAdopted: Uint8Array;
  /** 1 while the agent is online this tick. */
  readonly online: Uint8Array;
}

/** Adoptions made during the latest tick: parallel arrays of length `count` (the cascade edges drawn live). */
export interface Transmissions {
  readonly count: number;
  /** Who the trend came from; -1 for a seed or a spontaneous adoption. */
  readonly parent: Int32Array;
  readonly child: Uint32Array;
  readonly trend: Uint8Array;
  readonly platform: Uint8Array;
}

/**
 * The canvas of an earlier tick (sim/metrics/replay.ts): `lastAdopted` as the live state held it after `tick` ticks,
 * and transmissions (oldest first) each tagged with the tick whose frame first showed it (`shownAt`).
 */
export interface ReplayView extends Transmissions {
  readonly tick: number;
  readonly lastAdopted: Uint8Array;
  readonly shownAt: Int32Array;
}

/** Small, JSON-able figures for charts and read-outs (a few kB at most; never per-agent arrays). */
export interface WorldSummary {
  readonly tick: number;
  /** Simulated day (0-based) and UTC hour of the latest tick. */
  readonly day: number;
  readonly hourUtc: number;
  readonly onlineCount: number;
  readonly trends: readonly TrendSummary[];
  readonly platforms: readonly PlatformSummary[];
  /** Mean per-agent entropy (bits) of topics viewed recently, and share of views from other regions. */
  readonly exposureDiversity: number;
  readonly crossCultureShare: number;
  /** Mean Jaccard similarity of consumed-item sets over sampled agent pairs. */
  readonly homogenization: number;
  readonly creatorReachGini: number;
}

export interface TrendSummary {
  readonly id: number;
  readonly name: string;
  readonly kind: string;
  /** CSS-style hex colour for this trend, e.g. '#ff4f9a'. */
  readonly color: string;
  readonly adopters: number;
  readonly exposed: number;
  readonly reshares: number;
  /** Adopters per platform index and per region index. */
  readonly adoptersByPlatform: readonly number[];
  readonly adoptersByRegion: readonly number[];
  /** Tick at which each region passed its onset criterion, or -1 if not yet. */
  readonly onsetTickByRegion: readonly number[];
  /** Effective reproduction number over the last day, NaN when undefined. */
  readonly rt: number;
  readonly attentionShare: number;
  readonly largestCascade: CascadeSummary | null;
}

export interface CascadeSummary {
  readonly root: number;
  readonly size: number;
  readonly depth: number;
  readonly maxBreadth: number;
  readonly structuralVirality: number;
}

export interface PlatformSummary {
  readonly id: number;
  readonly name: string;
  readonly members: number;
  /** Metcalfe value, members² (scaled as the implementation documents). */
  readonly value: number;
  /** false while banned or in an outage. */
  readonly available: boolean;
  /** The last hour's views on this platform by where the feed took the post from: [follow, recommended, trending]. */
  readonly viewsBySource: readonly [number, number, number];
}

/** What the inspector shows about one agent; JSON-able. */
export interface AgentInspection {
  readonly id: number;
  /** Ticks completed when it was taken (the inspector is refreshed as the run goes on). */
  readonly tick: number;
  readonly name: string;
  readonly region: string;
  readonly languages: readonly string[];
  readonly fandom: string | null;
  readonly tier: string;
  readonly followers: readonly number[]; // per platform
  readonly platforms: readonly string[];
  readonly interests: readonly { topic: string; weight: number }[];
  readonly activity: number;
  readonly threshold: number;
  /** Recent posts it viewed: trend, author, platform, source ('follow' | 'recommended' | 'trending'). */
  readonly recentlySeen: readonly {
    trend: string;
    author: number;
    platform: string;
    source: string;
    tick: number;
  }[];
  /** Per trend it adopted: when, on which platform, from whom, and the factors that made up the probability. */
  readonly adoptions: readonly {
    trend: string;
    tick: number;
    platform: string;
    parent: number;
    distinctExposures: number;
    probability: number;
    factors: Readonly<Record<string, number>>;
    cascade: AgentCascade;
  }[];
}

/**
 * Every adoption so far as a cascade-tree edge, in parallel columns of length `count` (sim/metrics/adoption-edges.ts):
 * trend index, adopter, 0-based adoption tick, parent (−1 for a seed), platform, region and fandom indices (fandom 0 =
 * none), the seed at the top of its tree (root) and the distance from it (generation).
 */
export interface AdoptionEdges {
  readonly count: number;
  /** Names of the trend indices as they are now (a trend launched during the run is listed too). */
  readonly trendNames: readonly string[];
  readonly trend: Uint16Array;
  readonly agent: Int32Array;
  readonly tick: Int32Array;
  readonly parent: Int32Array;
  readonly platform: Uint8Array;
  readonly region: Uint8Array;
  readonly fandom: Uint8Array;
  readonly root: Int32Array;
  readonly generation: Int32Array;
}

/** An adopter's place in its cascade tree (sim/metrics/agent-cascade.ts). */
export interface AgentCascade {
  /** The seed at the top of its tree (itself when it is a seed), −1 if its chain reaches no seed. */
  readonly root: number;
  /** Steps from the seed: 0 for a seed, 1 for who adopted from the seed, … (−1 with no root). */
  readonly generation: number;
  /** Parent, grandparent, … toward the seed, nearest first; at most CASCADE_LISTED (generation is the full length). */
  readonly ancestors: readonly number[];
  /** Agents that adopted from this one, in adoption order; at most CASCADE_LISTED (childCount is exact). */
  readonly children: readonly number[];
  readonly childCount: number;
  /** Adopters below it in the tree (its subtree without itself). */
  readonly descendants: number;
  /** The whole tree's size, depth, breadth and structural virality; null with no root. */
  readonly tree: CascadeSummary | null;
}

/** The world engine as hosts drive it: one tick at a time, no timers, all randomness from its seed. */
export interface WorldEngine {
  readonly agentCount: number;
  readonly regionNames: readonly string[];
  readonly fandomNames: readonly string[];
  readonly platformNames: readonly string[];
  readonly agents: AgentViews;
  /** Ticks completed so far (one tick = one simulated hour). */
  readonly tick: number;
  /** Advances one tick. */
  step(): void;
  transmissions(): Transmissions;
  summary(): WorldSummary;
  inspect(agent: number): AgentInspection;
  /** Every adoption so far as a cascade-tree edge (fresh arrays: a host may transfer them). */
  adoptionEdges(): AdoptionEdges;
  /**
   * What the canvas showed after `tick` ticks (an integer from 0 to `this.tick`; throws a RangeError otherwise), with
   * the adoptions of the `trailTicks` ticks up to it (at most `maxTransmissions`, the newest); fresh arrays.
   */
  replay(tick: number, trailTicks: number, maxTransmissions: number): ReplayView;
  /** Ties of one platform layer (directed follow graph or undirected messenger graph), for drawing. */
  layer(platform: number): CsrGraph;
  /** Starts a new trend of `kind` seeded at `agent` on `platform`; returns its trend index. */
  launchTrend(agent: number, kind: string, platform: number): number;
  /** A digest of the complete dynamic state, equal across hosts for the same seed and parameters. */
  stateHash(): string;
  /**
   * Applies a scenario event now (same JSON shape as an entry of a scenario's `events`, e.g.
   * `{ "type": "ban", "tick": 0, "platform": "Loop" }`); throws an InputError naming the bad field.
   */
  applyEvent?(event: unknown): void;
  /** Changes feed/recommender/dynamics knobs from now on (fields of a scenario's `recommender`); throws an InputError. */
  setParams?(patch: Readonly<Record<string, unknown>>): void;
}
