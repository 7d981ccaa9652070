// The versioned messages between the browser app and the engine worker (commands in, frames and summaries out). Types and pure guards only: no DOM, timers or engine logic.
import type { AdoptionEdges, AgentInspection, WorldSummary } from './model/api.ts';

/** Bumped whenever a message changes shape; both sides refuse messages of another version. */
export const PROTOCOL_VERSION = 1 as const;

/** A world scenario as JSON (validated by the engine factory with the one schema; opaque to the protocol). */
export type ScenarioJson = Readonly<Record<string, unknown>>;

/** An axis-aligned rectangle in layout coordinates (the renderer's viewport), for tie windows. */
export interface LayoutRect {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

/**
 * Commands the app sends to the worker. `init` builds a world (and, with `advanceTo`, steps it to that tick
 * before replying: how a share link reopens a run); `reset` rebuilds it with the same seed and scenario;
 * `newSeed` rebuilds it with the given seed; `setParams` merges `patch` (JSON merge patch) into the scenario
 * and rebuilds (the WorldEngine contract has no live parameter changes). `step` advances `count` ticks now.
 */
export type Command =
  | {
      readonly v: 1;
      readonly type: 'init';
      readonly scenario: ScenarioJson;
      readonly seed: string;
      readonly advanceTo?: number;
    }
  | { readonly v: 1; readonly type: 'play' }
  | { readonly v: 1; readonly type: 'pause' }
  | { readonly v: 1; readonly type: 'step'; readonly count: number }
  | { readonly v: 1; readonly type: 'setSpeed'; readonly ticksPerSecond: number }
  | { readonly v: 1; readonly type: 'reset' }
  | { readonly v: 1; readonly type: 'newSeed'; readonly seed: string }
  | { readonly v: 1; readonly type: 'setParams'; readonly patch: ScenarioJson }
  | {
      readonly v: 1;
      readonly type: 'launchTrend';
      readonly agent: number;
      readonly kind: string;
      readonly platform: number;
    }
  | { readonly v: 1; readonly type: 'inspect'; readonly agent: number }
  | {
      readonly v: 1;
      readonly type: 'requestTies';
      /** A platform index, or 'all' for every layer. */
      readonly platform: number | 'all';
      /** At most this many ties come back (a deterministic, evenly spread sample). */
      readonly sample: number;
      /** Only ties with both ends inside this rectangle, when given. */
      readonly viewport?: LayoutRect;
    }
  | { readonly v: 1; readonly type: 'event'; readonly event: ScenarioJson }
  /** Every adoption so far as a cascade-tree edge (the cascade export): answered by an `adoptions` message. */
  | { readonly v: 1; readonly type: 'requestAdoptions' }
  /**
   * Shows the canvas as it stood after `tick` ticks (0 … ticks simulated; the timeline's replay), or the live state for
   * null. An earlier tick pauses play; the world itself does not change. Answered by a frame with `fullTrail`.
   */
  | { readonly v: 1; readonly type: 'showTick'; readonly tick: number | null };

/** How many ticks a cascade line stays on the canvas (the renderer's trail; a replay frame carries this many ticks of them). */
export const TRAIL_TICKS = 48;

/** Commands without the version field, as the client API takes them. */
export type CommandBody = Command extends infer C ? (C extends { v: 1 } ? Omit<C, 'v'> : never) : never;

/**
 * Sent once per built world (init, reset, newSeed, setParams): the static per-agent data the renderer needs.
 * Arrays have length `agentCount`, agent i at index i; `x`, `y` are layout coordinates (sim/graph/layout.ts).
 */
export interface ReadyMessage {
  readonly v: 1;
  readonly type: 'ready';
  /** Increases with every built world, so late frames of an old world can be dropped. */
  readonly generation: number;
  readonly seed: string;
  readonly agentCount: number;
  readonly x: Float32Array;
  readonly y: Float32Array;
  /** Layout geometry for labels (see sim/graph/layout.ts `Layout`): world size, node spacing, region boxes, clusters. */
  readonly layout: {
    readonly width: number;
    readonly height: number;
    readonly nodeSpacing: number;
    /** Stride 4 per region index: x0, y0, x1, y1. */
    readonly regionBoxes: Float32Array;
    /** Stride 4 per (region × (fandomCount + 1) + fandom): centre x, centre y, radius, agent count. */
    readonly clusters: Float32Array;
  };
  readonly region: Uint8Array;
  readonly fandom: Uint8Array;
  readonly tier: Uint8Array;
  /** Platform membership bitmask at build time (bit p = member of platform p). */
  readonly platforms: Uint8Array;
  readonly regionNames: readonly string[];
  readonly fandomNames: readonly string[];
  readonly platformNames: readonly string[];
  readonly trendNames: readonly string[];
  readonly trendColors: readonly string[];
  /** Estimated bytes the world takes (what the size check compared with the budget). */
  readonly estimatedBytes: number;
}

/**
 * The dynamic state after `tick` ticks; every array is a fresh copy, transferred (latest wins).
 * `lastAdopted[i]` = trend index + 1 agent i adopted last (0 = none); `online[i]` = 1 while online (all 0 in a replay
 * frame: who was online is not kept). Transmission arrays are parallel, length `transmissionCount`: the adoptions since
 * the previous frame, each with the tick of the frame that first showed it (`transmissionTick`); with `fullTrail`, the
 * adoptions of the last TRAIL_TICKS ticks up to `tick` instead, which replace the lines drawn so far (a replay frame,
 * or the first live frame after one). `tick` is below the engine's own while the timeline replays an earlier hour.
 */
export interface FrameMessage {
  readonly v: 1;
  readonly type: 'frame';
  readonly generation: number;
  readonly tick: number;
  readonly lastAdopted: Uint8Array;
  readonly online: Uint8Array;
  readonly transmissionCount: number;
  readonly fullTrail: boolean;
  readonly transmissionTick: Int32Array;
  readonly parent: Int32Array;
  readonly child: Uint32Array;
  readonly trend: Uint8Array;
  readonly platform: Uint8Array;
}

/** Where a feed took a post from, in the order of every per-source array (SeriesRow.viewsBySource, the CSVs). */
export const VIEW_SOURCES = ['follow', 'recommended', 'trending'] as const;

/** One recorded tick of the time series (what CSV export and charts read). Arrays are indexed by trend / platform. */
export interface SeriesRow {
  readonly tick: number;
  readonly day: number;
  readonly hourUtc: number;
  readonly online: number;
  readonly adopters: readonly number[];
  readonly members: readonly number[];
  /** Per platform, the hour's views by feed source, in VIEW_SOURCES order (PlatformSummary.viewsBySource). */
  readonly viewsBySource: readonly (readonly number[])[];
  readonly exposureDiversity: number;
  readonly crossCultureShare: number;
  readonly homogenization: number;
  readonly creatorReachGini: number;
}

/** The latest summary (throttled to a few per second while playing) and every series row recorded since the last one. */
export interface SummaryMessage {
  readonly v: 1;
  readonly type: 'summary';
  readonly generation: number;
  readonly summary: WorldSummary;
  readonly rows: readonly SeriesRow[];
}

/** Whether the engine is playing, at which speed and tick: sent whenever one of them changes by command. */
export interface StatusMessage {
  readonly v: 1;
  readonly type: 'status';
  readonly generation: number;
  readonly playing: boolean;
  readonly ticksPerSecond: number;
  readonly tick: number;
  /** The engine's digest of its whole dynamic state (WorldEngine.stateHash): equal in Node for the same seed and parameters. */
  readonly stateHash: string;
}

export interface InspectionMessage {
  readonly v: 1;
  readonly type: 'inspection';
  readonly generation: number;
  readonly inspection: AgentInspection;
}

/** Every adoption up to `tick` as cascade-tree edges (columns transferred; trend names as of that tick). */
export interface AdoptionsMessage {
  readonly v: 1;
  readonly type: 'adoptions';
  readonly generation: number;
  readonly tick: number;
  readonly edges: AdoptionEdges;
}

/** Sampled ties as parallel arrays (agent indices), and the platform each came from. */
export interface TiesMessage {
  readonly v: 1;
  readonly type: 'ties';
  readonly generation: number;
  readonly request: number | 'all';
  readonly sources: Uint32Array;
  readonly targets: Uint32Array;
  readonly platform: Uint8Array;
  /** Ties the layer(s) hold in total (before sampling). */
  readonly totalTies: number;
}

/**
 * A trend launched by hand (`launchTrend`), as the scenario event that launches it again when the run is rebuilt:
 * `{ type: "launch", tick, agent, kind, platform }`, `tick` being the hour it was launched before. The app adds it to
 * its scenario, so share links, exports and a reset run it too.
 */
export interface LaunchedMessage {
  readonly v: 1;
  readonly type: 'launched';
  readonly generation: number;
  readonly event: ScenarioJson;
}

/**
 * A world is being built (init, reset, newSeed, setParams): sent when the build starts and then as it gets on, at most
 * about a hundred times per build. The worker cannot read commands until the build ends; the app cancels a build by
 * restarting the worker. `stage`: the part being built ("population", "Loop follows", "layout", …); `fraction`: 0…1
 * of the build done, by estimated work.
 */
export interface BuildingMessage {
  readonly v: 1;
  readonly type: 'building';
  readonly stage: string;
  readonly fraction: number;
}

/**
 * Something went wrong. `kind`: 'input' = a bad scenario or command (the world is unchanged), 'too-big' = refused
 * before building, with `estimatedBytes` and `budgetBytes`; 'crash' = the engine threw (restart to continue).
 */
export interface ErrorMessage {
  readonly v: 1;
  readonly type: 'error';
  readonly kind: 'input' | 'too-big' | 'crash';
  readonly message: string;
  readonly stack?: string;
  readonly estimatedBytes?: number;
  readonly budgetBytes?: number;
}

export type WorkerMessage =
  | BuildingMessage
  | ReadyMessage
  | FrameMessage
  | SummaryMessage
  | StatusMessage
  | InspectionMessage
  | AdoptionsMessage
  | TiesMessage
  | LaunchedMessage
  | ErrorMessage;

/** For the `never` check at the end of every switch over messages. */
export function unreachable(value: never): never {
  throw new Error(`unexpected message ${JSON.stringify(value)}`);
}

/** True for an object carrying this protocol's version and a string type (the only check done on the wire). */
export function isCurrentVersion(data: unknown): data is { v: 1; type: string } {
  return (
    typeof data === 'object' &&
    data !== null &&
    (data as { v?: unknown }).v === PROTOCOL_VERSION &&
    typeof (data as { type?: unknown }).type === 'string'
  );
}

/**
 * The replicates worker (a second worker beside the engine's, so the live run goes on): `runReplicates` runs the
 * scenario `runs` times for `ticks` ticks, as `npm run sim -- run <file> --runs <runs>` does (run r seeded
 * runSeed(seed, r)), and answers with progress, one `replicate` per finished run, then `replicatesDone`; or an
 * `error` ('input' naming the field, 'too-big' with the estimate, 'crash'). Cancelling is terminating the worker.
 */
export interface ReplicatesCommand {
  readonly v: 1;
  readonly type: 'runReplicates';
  readonly scenario: ScenarioJson;
  readonly seed: string;
  readonly runs: number;
  readonly ticks: number;
}

/** Run `run` (0-based) has stepped `tick` of its ticks (sent once per simulated day and at the end). */
export interface ReplicateProgressMessage {
  readonly v: 1;
  readonly type: 'replicateProgress';
  readonly run: number;
  readonly tick: number;
}

/** One finished run: adopters of each trend after every tick (`adopters[trend][tick]`, tick 0 = before the first). */
export interface ReplicateMessage {
  readonly v: 1;
  readonly type: 'replicate';
  readonly run: number;
  readonly seed: string;
  readonly agentCount: number;
  readonly trendNames: readonly string[];
  readonly trendColors: readonly string[];
  readonly adopters: readonly (readonly number[])[];
}

export interface ReplicatesDoneMessage {
  readonly v: 1;
  readonly type: 'replicatesDone';
  readonly runs: number;
}

export type ReplicatesMessage =
  | ReplicateProgressMessage
  | ReplicateMessage
  | ReplicatesDoneMessage
  | ErrorMessage;
