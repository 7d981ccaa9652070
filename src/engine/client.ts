// The typed client of the engine worker: sends commands, keeps a latest-frame mailbox, fans out other messages. No store, no DOM beyond the worker handle.
import type {
  AdoptionsMessage,
  BuildingMessage,
  CommandBody,
  ErrorMessage,
  FrameMessage,
  InspectionMessage,
  LaunchedMessage,
  ReadyMessage,
  SeriesRow,
  StatusMessage,
  SummaryMessage,
  TiesMessage,
  WorkerMessage,
} from '../../sim/protocol.ts';
import { isCurrentVersion, PROTOCOL_VERSION, unreachable } from '../../sim/protocol.ts';

/** The part of a Worker the client uses (a fake in tests). */
export interface WorkerLike {
  postMessage(message: unknown): void;
  terminate(): void;
  onmessage: ((event: MessageEvent) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  onmessageerror: ((event: MessageEvent) => void) | null;
}

type Listener<T> = (message: T) => void;

/**
 * What the UI, renderer and bridge use. Frames never go through listeners: the renderer reads the mailbox
 * once per animation frame (`takeFrame()`), so a slow renderer skips frames instead of queueing them.
 */
export interface EngineClient {
  send(command: CommandBody): void;
  /** The newest frame of the current world, or null before the first (does not consume it). */
  latestFrame(): FrameMessage | null;
  /** The newest frame not yet taken, or null if none arrived since the previous call. */
  takeFrame(): FrameMessage | null;
  /** Static per-agent data of the current world (layout, region, fandom, tier), or null while building. */
  world(): ReadyMessage | null;
  /** Every series row of the current world so far, one per recorded tick (charts and CSV export). */
  series(): readonly SeriesRow[];
  /** The world shown before the current one and its series rows (the charts' reference run), or null. */
  previousRun(): { readonly world: ReadyMessage; readonly rows: readonly SeriesRow[] } | null;
  /** How far the world being built has got (before its `ready`). */
  onBuilding(listener: Listener<BuildingMessage>): () => void;
  onReady(listener: Listener<ReadyMessage>): () => void;
  onSummary(listener: Listener<SummaryMessage>): () => void;
  onStatus(listener: Listener<StatusMessage>): () => void;
  onInspection(listener: Listener<InspectionMessage>): () => void;
  /** Answers to `requestAdoptions` for the current world. */
  onAdoptions(listener: Listener<AdoptionsMessage>): () => void;
  onTies(listener: Listener<TiesMessage>): () => void;
  /** A trend launched by hand in the current world, as its scenario event. */
  onLaunched(listener: Listener<LaunchedMessage>): () => void;
  onError(listener: Listener<ErrorMessage>): () => void;
  /**
   * Terminates the worker and starts a fresh one (the caller sends `init` again). After a crash the run that was
   * shown becomes the charts' reference run (`previousRun`); with `rebuildsShownRun` (a cancelled build: the new
   * worker rebuilds the run that was shown) the reference stays the one before it.
   */
  restart(options?: { readonly rebuildsShownRun?: boolean }): void;
  dispose(): void;
}

/** Creates the client around `spawn()`, called once now and again on every restart. */
export function createEngineClient(spawn: () => WorkerLike): EngineClient {
  const listeners = {
    building: new Set<Listener<BuildingMessage>>(),
    ready: new Set<Listener<ReadyMessage>>(),
    summary: new Set<Listener<SummaryMessage>>(),
    status: new Set<Listener<StatusMessage>>(),
    inspection: new Set<Listener<InspectionMessage>>(),
    adoptions: new Set<Listener<AdoptionsMessage>>(),
    ties: new Set<Listener<TiesMessage>>(),
    launched: new Set<Listener<LaunchedMessage>>(),
    error: new Set<Listener<ErrorMessage>>(),
  };
  let worker: WorkerLike | null = null;
  let current: ReadyMessage | null = null;
  let latest: FrameMessage | null = null;
  let untaken = false;
  let rows: SeriesRow[] = [];
  let previous: { world: ReadyMessage; rows: SeriesRow[] } | null = null;
  /**
   * The world shown when the worker was restarted, kept until the new worker's first world arrives: that world's
   * previous run, as a rebuild's ready would have made it. Restarts in a row (a request during a build, then Cancel)
   * keep the first one's.
   */
  let shownAtRestart: { world: ReadyMessage; rows: SeriesRow[] } | null = null;
  /** The new worker rebuilds the run shown at the restart (Cancel): the previous run stays the one before that. */
  let keepPrevious = false;

  const emit = <T>(set: Set<Listener<T>>, message: T) => {
    for (const listener of [...set]) listener(message);
  };
  const subscribe = <T>(set: Set<Listener<T>>, listener: Listener<T>) => {
    set.add(listener);
    return () => {
      set.delete(listener);
    };
  };
  /**
   * Every worker numbers its worlds from 1. After a restart the client adds the highest generation seen before, so a
   * world of the new worker never shares a number with one of the old (the run history keys runs by generation).
   */
  let generationOffset = 0;
  let highestGeneration = 0;
  const renumbered = (message: WorkerMessage): WorkerMessage => {
    if (generationOffset === 0 || !('generation' in message)) return message;
    return { ...message, generation: message.generation + generationOffset } as WorkerMessage;
  };
  const isStale = (generation: number) => current === null || generation !== current.generation;

  const receive = (data: unknown) => {
    if (!isCurrentVersion(data)) {
      emit(listeners.error, {
        v: PROTOCOL_VERSION,
        type: 'error',
        kind: 'crash',
        message: `The engine sent a message this app cannot read: ${JSON.stringify(data).slice(0, 120)}`,
      });
      return;
    }
    const message = renumbered(data as WorkerMessage);
    switch (message.type) {
      case 'building':
        emit(listeners.building, message);
        break;
      case 'ready': {
        const shownBefore = current ? { world: current, rows } : shownAtRestart;
        if (shownBefore && !keepPrevious) previous = shownBefore;
        shownAtRestart = null;
        keepPrevious = false;
        current = message;
        highestGeneration = Math.max(highestGeneration, message.generation);
        latest = null;
        untaken = false;
        rows = [];
        emit(listeners.ready, message);
        break;
      }
      case 'frame':
        if (isStale(message.generation)) return;
        latest = message;
        untaken = true;
        break;
      case 'summary':
        if (isStale(message.generation)) return;
        for (const row of message.rows) rows.push(row);
        emit(listeners.summary, message);
        break;
      case 'status':
        if (isStale(message.generation)) return;
        emit(listeners.status, message);
        break;
      case 'inspection':
        if (isStale(message.generation)) return;
        emit(listeners.inspection, message);
        break;
      case 'adoptions':
        if (isStale(message.generation)) return;
        emit(listeners.adoptions, message);
        break;
      case 'ties':
        if (isStale(message.generation)) return;
        emit(listeners.ties, message);
        break;
      case 'launched':
        if (isStale(message.generation)) return;
        emit(listeners.launched, message);
        break;
      case 'error':
        emit(listeners.error, message);
        break;
      default:
        unreachable(message);
    }
  };

  const start = () => {
    const spawned = spawn();
    spawned.onmessage = (event) => receive(event.data);
    spawned.onerror = (event) => {
      // Handled here: the UI shows it with a restart button, so the browser need not log it as uncaught.
      event.preventDefault?.();
      const error = event.error instanceof Error ? event.error : null;
      emit(listeners.error, {
        v: PROTOCOL_VERSION,
        type: 'error',
        kind: 'crash',
        message: error?.message || event.message || 'The engine worker failed to start or crashed.',
        ...(error?.stack ? { stack: error.stack } : {}),
      });
    };
    spawned.onmessageerror = () =>
      emit(listeners.error, {
        v: PROTOCOL_VERSION,
        type: 'error',
        kind: 'crash',
        message: 'A message from the engine could not be decoded.',
      });
    worker = spawned;
  };

  start();
  return {
    send: (command) => worker?.postMessage({ ...command, v: PROTOCOL_VERSION }),
    latestFrame: () => latest,
    takeFrame: () => {
      if (!untaken) return null;
      untaken = false;
      return latest;
    },
    world: () => current,
    series: () => rows,
    previousRun: () => previous,
    onBuilding: (listener) => subscribe(listeners.building, listener),
    onReady: (listener) => subscribe(listeners.ready, listener),
    onSummary: (listener) => subscribe(listeners.summary, listener),
    onStatus: (listener) => subscribe(listeners.status, listener),
    onInspection: (listener) => subscribe(listeners.inspection, listener),
    onAdoptions: (listener) => subscribe(listeners.adoptions, listener),
    onTies: (listener) => subscribe(listeners.ties, listener),
    onLaunched: (listener) => subscribe(listeners.launched, listener),
    onError: (listener) => subscribe(listeners.error, listener),
    restart: (options) => {
      worker?.terminate();
      if (current) shownAtRestart = { world: current, rows };
      if (options?.rebuildsShownRun) keepPrevious = true;
      generationOffset = highestGeneration;
      current = null;
      latest = null;
      untaken = false;
      rows = [];
      start();
    },
    dispose: () => {
      worker?.terminate();
      worker = null;
      for (const set of Object.values(listeners)) set.clear();
    },
  };
}
