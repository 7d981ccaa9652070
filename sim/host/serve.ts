// serveEngine: one world engine behind a tiny message Port, paced by an injected Schedule. Host-agnostic: no DOM, timers, Date or Math.random.
import type { WorldEngine } from '../model/api.ts';
import { type BuildProgress, progressSpan } from '../model/build-progress.ts';
import { InputError } from '../params/errors.ts';
import type { Command, FrameMessage, ScenarioJson, SeriesRow, WorkerMessage } from '../protocol.ts';
import { isCurrentVersion, PROTOCOL_VERSION, TRAIL_TICKS, unreachable } from '../protocol.ts';
import { mergePatch } from './merge-patch.ts';
import { sampleTies } from './ties.ts';

/** Two-way message channel to the app (a worker's `self`, or a test double). */
export interface Port {
  /** Sends `message`, transferring ownership of the listed buffers. */
  post(message: WorkerMessage, transfer: ArrayBuffer[]): void;
  /** Registers the one handler for incoming (unvalidated) data. */
  listen(handler: (data: unknown) => void): void;
}

/**
 * How play is paced. `start(onTurn)` calls `onTurn(elapsedMs)` repeatedly (elapsed since the previous call)
 * until the returned stop function is called. The worker uses timers; tests call turns by hand.
 */
export interface Schedule {
  start(onTurn: (elapsedMs: number) => void): () => void;
  /**
   * A monotonic clock in ms, when the host has one: a turn then stops stepping once it has worked TURN_BUDGET_MS,
   * so commands (pause, step) are answered promptly even when ticks are slow. Without it, turns are bounded by tick count only.
   */
  now?(): number;
}

/** Layout positions plus the geometry labels need (sim/graph/layout.ts `Layout` satisfies it). */
export interface HostLayout {
  readonly x: Float32Array;
  readonly y: Float32Array;
  readonly width: number;
  readonly height: number;
  readonly nodeSpacing: number;
  readonly regionBoxes: Float32Array;
  readonly clusters: Float32Array;
}

/** What the host needs from the outside world: everything engine-specific is injected. */
export interface HostDeps {
  /**
   * Validates `scenario` (throwing InputError naming bad fields) and builds its world with `seed`, telling
   * `onProgress` how far it has got (stage name, fraction 0…1) when the engine can.
   */
  createEngine(scenario: ScenarioJson, seed: string, onProgress?: BuildProgress): WorldEngine;
  /** Positions for drawing, computed once per world. */
  layout(engine: WorldEngine, seed: string): HostLayout;
  /** Estimated bytes the world of `scenario` needs, checked against `budgetBytes` before building. */
  estimateBytes(scenario: ScenarioJson): number;
  budgetBytes: number;
  /** Applies a scenario event now; absent when the engine has no such entry point. */
  applyEvent?(engine: WorldEngine, event: ScenarioJson): void;
  /**
   * Runs the engine's per-tick code on a small throwaway world like `scenario`, so a JIT compiles it while the world
   * loads, not in the first second of play. Called once per host, after the first world's messages are posted; it
   * must not change any later world; its errors are ignored.
   */
  warmUp?(scenario: ScenarioJson, seed: string): void;
}

/** Share of a build's time spent building the engine; the layout takes the rest (0.6 s of 17 s at 1M agents). */
const ENGINE_SHARE = 0.96;
/** Least rise of the build fraction between two `building` messages of one stage. */
export const BUILDING_STEP = 0.01;

/** Summaries go out at most this often while playing (ms of schedule time), i.e. about 4 per second. */
export const SUMMARY_INTERVAL_MS = 250;
/** A frame carries at most this many transmissions (the rest of a very busy batch is not drawn). */
export const MAX_TRANSMISSIONS_PER_FRAME = 65_536;
/** Ticks per turn are capped at this fraction of a second's worth, so a slow engine slows down instead of piling up work. */
const MAX_TURN_SECONDS = 0.25;
/** Work per turn (ms) before the host yields to pending commands, when the schedule has a clock. At least one tick always runs. */
export const TURN_BUDGET_MS = 40;

function seriesRow(engine: WorldEngine): SeriesRow {
  const s = engine.summary();
  return {
    tick: s.tick,
    day: s.day,
    hourUtc: s.hourUtc,
    online: s.onlineCount,
    adopters: s.trends.map((t) => t.adopters),
    members: s.platforms.map((p) => p.members),
    viewsBySource: s.platforms.map((p) => p.viewsBySource),
    exposureDiversity: s.exposureDiversity,
    crossCultureShare: s.crossCultureShare,
    homogenization: s.homogenization,
    creatorReachGini: s.creatorReachGini,
  };
}

/** Serves one engine at a time on `port` until the port closes. Every command is handled in order. */
export function serveEngine(port: Port, schedule: Schedule, deps: HostDeps): void {
  let engine: WorldEngine | null = null;
  let positions: HostLayout | null = null;
  let scenario: ScenarioJson | null = null;
  let seed = '';
  let generation = 0;
  let playing = false;
  let speed = 24;
  let owedTicks = 0;
  let msSinceSummary = 0;
  let stopSchedule: (() => void) | null = null;
  let rows: SeriesRow[] = [];
  let warmed = false;
  /** The earlier tick the canvas shows (the timeline's replay), or null while it shows the live state. */
  let shownTick: number | null = null;
  const pending = {
    parent: [] as number[],
    child: [] as number[],
    trend: [] as number[],
    platform: [] as number[],
    tick: [] as number[],
  };

  const post = (message: WorkerMessage, transfer: ArrayBuffer[] = []) => port.post(message, transfer);

  /** Bad input leaves the world as it was; anything else is a crash: the world is dropped until the next init. */
  const fail = (error: unknown) => {
    if (error instanceof InputError) {
      post({ v: 1, type: 'error', kind: 'input', message: error.message });
      return;
    }
    halt();
    const err = error instanceof Error ? error : new Error(String(error));
    engine = null;
    post({
      v: 1,
      type: 'error',
      kind: 'crash',
      message: err.message,
      ...(err.stack ? { stack: err.stack } : {}),
    });
  };

  const halt = () => {
    playing = false;
    stopSchedule?.();
    stopSchedule = null;
  };

  const sendStatus = () =>
    post({
      v: 1,
      type: 'status',
      generation,
      playing,
      ticksPerSecond: speed,
      tick: engine?.tick ?? 0,
      stateHash: engine?.stateHash() ?? '',
    });

  const sendSummary = (world: WorldEngine) => {
    msSinceSummary = 0;
    const out = rows;
    rows = [];
    post({ v: 1, type: 'summary', generation, summary: world.summary(), rows: out });
  };

  /** Posts a frame of this world, handing over every array it carries (each is a fresh copy). */
  const postFrame = (frame: Omit<FrameMessage, 'v' | 'type' | 'generation'>) => {
    const arrays = [
      frame.lastAdopted,
      frame.online,
      frame.parent,
      frame.child,
      frame.trend,
      frame.platform,
      frame.transmissionTick,
    ];
    post(
      { v: 1, type: 'frame', generation, ...frame },
      arrays.map((a) => a.buffer as ArrayBuffer),
    );
  };

  /** The live state and the transmissions since the previous frame; the first frame after a replay redraws the trail. */
  const sendFrame = (world: WorldEngine) => {
    if (shownTick !== null) {
      shownTick = null;
      sendWholeFrame(world, world.tick);
      return;
    }
    const frame = {
      tick: world.tick,
      lastAdopted: world.agents.lastAdopted.slice(),
      online: world.agents.online.slice(),
      transmissionCount: pending.child.length,
      fullTrail: false,
      transmissionTick: Int32Array.from(pending.tick),
      parent: Int32Array.from(pending.parent),
      child: Uint32Array.from(pending.child),
      trend: Uint8Array.from(pending.trend),
      platform: Uint8Array.from(pending.platform),
    };
    for (const list of Object.values(pending)) list.length = 0;
    postFrame(frame);
  };

  /** The canvas after `tick` ticks with the whole trail of lines up to it (a replay, or live again after one). */
  const sendWholeFrame = (world: WorldEngine, tick: number) => {
    for (const list of Object.values(pending)) list.length = 0;
    const view = world.replay(tick, TRAIL_TICKS, MAX_TRANSMISSIONS_PER_FRAME);
    postFrame({
      tick,
      lastAdopted: view.lastAdopted,
      online: tick === world.tick ? world.agents.online.slice() : new Uint8Array(world.agentCount),
      transmissionCount: view.count,
      fullTrail: true,
      transmissionTick: view.shownAt,
      parent: view.parent,
      child: view.child,
      trend: view.trend,
      platform: view.platform,
    });
  };

  /** A BuildProgress that posts `building` messages: each new stage, and each rise of at least BUILDING_STEP. */
  const buildProgressPoster = (): BuildProgress => {
    let lastStage = '';
    let lastFraction = Number.NEGATIVE_INFINITY;
    return (stage, fraction) => {
      if (stage === lastStage && fraction - lastFraction < BUILDING_STEP) return;
      lastStage = stage;
      lastFraction = fraction;
      post({ v: PROTOCOL_VERSION, type: 'building', stage, fraction }, []);
    };
  };

  /** Advances `count` ticks, recording a series row and collecting the transmissions of each. */
  const advance = (world: WorldEngine, count: number) => {
    for (let i = 0; i < count; i++) {
      world.step();
      const t = world.transmissions();
      const room = Math.min(t.count, MAX_TRANSMISSIONS_PER_FRAME - pending.child.length);
      for (let k = 0; k < room; k++) {
        pending.parent.push(t.parent[k]!);
        pending.child.push(t.child[k]!);
        pending.trend.push(t.trend[k]!);
        pending.platform.push(t.platform[k]!);
        pending.tick.push(world.tick);
      }
      rows.push(seriesRow(world));
    }
  };

  const build = (nextScenario: ScenarioJson, nextSeed: string, advanceTo = 0) => {
    halt();
    const estimatedBytes = deps.estimateBytes(nextScenario);
    if (estimatedBytes > deps.budgetBytes) {
      const mb = (bytes: number) => `${Math.ceil(bytes / 1e6).toLocaleString('en-US')} MB`;
      post({
        v: 1,
        type: 'error',
        kind: 'too-big',
        message: `This world needs about ${mb(estimatedBytes)} of memory, more than the ${mb(deps.budgetBytes)} this device allows. Use fewer agents${engine ? '; the run shown goes on unchanged' : ''}.`,
        estimatedBytes,
        budgetBytes: deps.budgetBytes,
      });
      return;
    }
    const progress = buildProgressPoster();
    progress('starting', 0);
    const world = deps.createEngine(nextScenario, nextSeed, progressSpan(progress, 0, ENGINE_SHARE));
    progress('layout', ENGINE_SHARE);
    const layout = deps.layout(world, nextSeed);
    scenario = nextScenario;
    seed = nextSeed;
    engine = world;
    positions = layout;
    generation++;
    shownTick = null;
    rows = [seriesRow(world)];
    for (const list of Object.values(pending)) list.length = 0;
    const summary = world.summary();
    const copy = <T extends Uint8Array>(a: T) => a.slice();
    const ready = {
      v: PROTOCOL_VERSION,
      type: 'ready',
      generation,
      seed,
      agentCount: world.agentCount,
      x: layout.x.slice(),
      y: layout.y.slice(),
      layout: {
        width: layout.width,
        height: layout.height,
        nodeSpacing: layout.nodeSpacing,
        regionBoxes: layout.regionBoxes.slice(),
        clusters: layout.clusters.slice(),
      },
      region: copy(world.agents.region),
      fandom: copy(world.agents.fandom),
      tier: copy(world.agents.tier),
      platforms: copy(world.agents.platforms),
      regionNames: [...world.regionNames],
      fandomNames: [...world.fandomNames],
      platformNames: [...world.platformNames],
      trendNames: summary.trends.map((t) => t.name),
      trendColors: summary.trends.map((t) => t.color),
      estimatedBytes,
    } as const;
    post(ready, [
      ready.x.buffer,
      ready.y.buffer,
      ready.region.buffer,
      ready.fandom.buffer,
      ready.tier.buffer,
      ready.platforms.buffer,
    ]);
    if (advanceTo > 0) advance(world, Math.floor(advanceTo));
    sendFrame(world);
    sendSummary(world);
    sendStatus();
    if (!warmed && deps.warmUp) {
      warmed = true;
      try {
        deps.warmUp(nextScenario, nextSeed);
      } catch {
        // Only an optimisation: the world just built is unaffected, and play compiles the code as before.
      }
    }
  };

  const onTurn = (elapsedMs: number) => {
    const world = engine;
    if (!world || !playing) return;
    try {
      const maxTicks = Math.max(1, Math.ceil(speed * MAX_TURN_SECONDS));
      owedTicks = Math.min(owedTicks + (speed * Math.max(0, elapsedMs)) / 1000, maxTicks);
      const due = Math.floor(owedTicks);
      msSinceSummary += Math.max(0, elapsedMs);
      const clock = schedule.now;
      const started = clock ? clock() : 0;
      let done = 0;
      while (done < due) {
        advance(world, 1);
        done++;
        if (clock && clock() - started >= TURN_BUDGET_MS) break;
      }
      // Ticks left undone are dropped rather than owed: a slow engine runs slower instead of falling behind.
      owedTicks = done < due ? 0 : owedTicks - due;
      if (done > 0) sendFrame(world);
      if (msSinceSummary >= SUMMARY_INTERVAL_MS && rows.length > 0) sendSummary(world);
    } catch (error) {
      fail(error);
    }
  };

  const handle = (command: Command) => {
    switch (command.type) {
      case 'init':
        build(command.scenario, command.seed, command.advanceTo ?? 0);
        return;
      case 'reset':
        if (scenario) build(scenario, seed);
        return;
      case 'newSeed':
        if (scenario) build(scenario, command.seed);
        return;
      case 'setParams':
        if (scenario) build(mergePatch(scenario, command.patch), seed);
        return;
      case 'play':
        if (!engine || playing) return;
        playing = true;
        owedTicks = 0;
        msSinceSummary = 0;
        stopSchedule = schedule.start(onTurn);
        sendStatus();
        return;
      case 'pause':
        if (!playing) return;
        halt();
        if (engine) {
          sendFrame(engine);
          sendSummary(engine);
        }
        sendStatus();
        return;
      case 'setSpeed':
        if (!(command.ticksPerSecond > 0))
          throw new InputError('speed', [
            `ticksPerSecond: must be a positive number (got ${command.ticksPerSecond})`,
          ]);
        speed = command.ticksPerSecond;
        sendStatus();
        return;
      case 'step': {
        if (!engine) return;
        advance(engine, Math.max(1, Math.floor(command.count)));
        sendFrame(engine);
        sendSummary(engine);
        sendStatus();
        return;
      }
      case 'launchTrend': {
        if (!engine || !scenario) return;
        const tick = engine.tick;
        const t = engine.launchTrend(command.agent, command.kind, command.platform);
        // Part of the run from now on: a reset, new seed or parameter change launches it again at the same hour, and
        // the app records it for share links and exports (a scenario event replays it exactly: see the engine).
        const event = {
          type: 'launch',
          tick,
          agent: command.agent,
          kind: command.kind,
          platform: engine.platformNames[command.platform] ?? command.platform,
          name: engine.summary().trends[t]?.name ?? command.kind,
        };
        const events = Array.isArray(scenario.events) ? scenario.events : [];
        scenario = { ...scenario, events: [...events, event] };
        post({ v: 1, type: 'launched', generation, event });
        sendFrame(engine);
        sendSummary(engine);
        sendStatus(); // the state hash changed with the launch
        return;
      }
      case 'inspect':
        if (!engine) return;
        if (!(Number.isInteger(command.agent) && command.agent >= 0 && command.agent < engine.agentCount)) {
          throw new InputError('inspect', [
            `agent: must be an integer from 0 to ${engine.agentCount - 1} (got ${command.agent})`,
          ]);
        }
        post({ v: 1, type: 'inspection', generation, inspection: engine.inspect(command.agent) });
        return;
      case 'requestAdoptions': {
        if (!engine) return;
        const edges = engine.adoptionEdges();
        // Every column is a fresh typed array: all of them are handed over, none copied.
        const columns = Object.values(edges).filter((v): v is ArrayBufferView => ArrayBuffer.isView(v));
        post(
          { v: 1, type: 'adoptions', generation, tick: engine.tick, edges },
          columns.map((c) => c.buffer as ArrayBuffer),
        );
        return;
      }
      case 'requestTies': {
        const world = engine;
        if (!world || !positions) return;
        const platforms =
          command.platform === 'all'
            ? world.platformNames.map((_, p) => p)
            : [command.platform].filter((p) => p >= 0 && p < world.platformNames.length);
        const layers = platforms.map((p) => ({ platform: p, graph: world.layer(p) }));
        const ties = sampleTies(layers, command.sample, positions, command.viewport);
        post({ v: 1, type: 'ties', generation, request: command.platform, ...ties }, [
          ties.sources.buffer,
          ties.targets.buffer,
          ties.platform.buffer,
        ]);
        return;
      }
      case 'showTick': {
        const world = engine;
        if (!world) return;
        const { tick } = command;
        if (tick !== null && !(Number.isInteger(tick) && tick >= 0 && tick <= world.tick))
          throw new InputError('showTick', [
            `tick: must be null (live) or an integer from 0 to ${world.tick} (got ${String(tick)})`,
          ]);
        const target = tick === null || tick === world.tick ? null : tick;
        if (target === null && shownTick === null) return;
        if (target !== null && playing) {
          // The past cannot play on while the world moves: the app's timeline plays a replay itself, tick by tick.
          halt();
          sendStatus();
        }
        shownTick = target;
        sendWholeFrame(world, target ?? world.tick);
        return;
      }
      case 'event':
        if (!engine) return;
        if (!deps.applyEvent)
          throw new InputError('event', ['this engine cannot apply events while running']);
        deps.applyEvent(engine, command.event);
        sendFrame(engine);
        sendSummary(engine);
        return;
      default:
        unreachable(command);
    }
  };

  port.listen((data) => {
    if (!isCurrentVersion(data)) {
      post({
        v: 1,
        type: 'error',
        kind: 'input',
        message: `Ignored a message of another protocol version: ${JSON.stringify(data).slice(0, 120)}`,
      });
      return;
    }
    try {
      handle(data as Command);
    } catch (error) {
      fail(error);
    }
  });
}
