// The one bridge between the store and the engine: store intent → commands; worker replies → small store summaries. No DOM, no rendering.
import type { AppError, AppState, AppStore, Intent } from '../state/store.ts';
import type { EngineClient } from './client.ts';

/** The commands that make the worker build a world. */
const REBUILDS: ReadonlySet<Intent['type']> = new Set(['init', 'reset', 'newSeed', 'setParams']);

/**
 * Connects `store` to `client` and returns the disconnect function. Continuous intent (playing, speed) is
 * diffed; one-shot intents are drained from `outbox` in order. Summaries update the store at the worker's
 * pace (a few per second); frames never touch the store (the renderer reads the client's mailbox).
 */
export function connectBridge(store: AppStore, client: EngineClient): () => void {
  /**
   * Whether the worker is building a world (a rebuild command sent, no `ready` or error yet). It reads no command
   * until the build ends, so another rebuild asked meanwhile (Reset, a new seed, a preset, a parameter) would wait
   * for a world nobody wants and then build a second one unseen: instead a new worker starts on the latest request.
   */
  let workerBuilding = false;

  /** A new worker, set to the store's speed, building the store's scenario and seed (stepped to `advanceTo`). */
  const startWorker = (options: { advanceTo?: number; rebuildsShownRun?: boolean }) => {
    client.restart({ rebuildsShownRun: options.rebuildsShownRun === true });
    const { scenario, seed, speed } = store.getState();
    client.send({ type: 'setSpeed', ticksPerSecond: speed });
    const advanceTo = options.advanceTo ?? 0;
    workerBuilding = scenario !== null;
    if (scenario)
      client.send(
        advanceTo > 0 ? { type: 'init', scenario, seed, advanceTo } : { type: 'init', scenario, seed },
      );
  };

  const send = (intent: Intent) => {
    if (intent.type === 'restart') {
      startWorker(intent);
      return;
    }
    if (REBUILDS.has(intent.type)) {
      // The store already holds what this rebuild asks for (a reset's, a new seed's, merged parameters).
      if (workerBuilding) {
        startWorker(intent.type === 'init' && intent.advanceTo ? { advanceTo: intent.advanceTo } : {});
        return;
      }
      workerBuilding = true;
    }
    client.send(intent);
  };

  const drain = () => {
    const { outbox } = store.getState();
    if (outbox.length === 0) return;
    store.setState({ outbox: [] });
    for (const intent of outbox) send(intent);
  };

  /** The engine runs only while the user plays the live run: a replay is played by the timeline, tick by tick. */
  const enginePlays = (state: AppState) => state.playing && state.replayTick === null;
  const unsubscribeStore = store.subscribe((state, previous) => {
    // Order matters. The shown tick goes first: leaving a replay redraws the live canvas before play resumes. A step or
    // reset intent comes with playing = false, and the pause must go before it.
    if (state.replayTick !== previous.replayTick) client.send({ type: 'showTick', tick: state.replayTick });
    if (enginePlays(state) !== enginePlays(previous))
      client.send({ type: enginePlays(state) ? 'play' : 'pause' });
    if (state.speed !== previous.speed) client.send({ type: 'setSpeed', ticksPerSecond: state.speed });
    if (state.outbox.length > 0) drain();
  });

  /**
   * The inspector follows the run: each summary (a tick, a step, a launched trend) asks for the selected agent's
   * inspection again, once the one shown has arrived, so a slow worker is never asked twice at once.
   */
  let inspectionAsked = false;
  /** The store's replayOnLoad, taken over when its world is ready (a summary of the world before cannot apply it). */
  let replayAfterReady: AppState['replayOnLoad'] = null;
  const refreshInspection = () => {
    const { selectedAgent, inspection } = store.getState();
    if (selectedAgent === null || inspection?.id !== selectedAgent || inspectionAsked) return;
    inspectionAsked = true;
    client.send({ type: 'inspect', agent: selectedAgent });
  };

  const unsubscribers = [
    unsubscribeStore,
    client.onBuilding(({ stage, fraction }) => {
      if (store.getState().phase === 'loading') store.setState({ building: { stage, fraction } });
    }),
    client.onReady((ready) => {
      workerBuilding = false;
      inspectionAsked = false; // an answer for the old world never comes
      replayAfterReady = store.getState().replayOnLoad;
      store.setState({
        // A new world is shown live (the host starts every world so): no replay of the one before carries over.
        replayTick: null,
        replayOnLoad: null,
        beforeRebuild: null,
        phase: 'ready',
        building: null,
        error: null,
        seed: ready.seed,
        world: {
          agentCount: ready.agentCount,
          regionNames: ready.regionNames,
          fandomNames: ready.fandomNames,
          platformNames: ready.platformNames,
          trendNames: ready.trendNames,
          trendColors: ready.trendColors,
          estimatedBytes: ready.estimatedBytes,
        },
      });
      const { layer, requestTies, selectedAgent } = store.getState();
      if (layer !== 'none') requestTies();
      if (selectedAgent !== null && selectedAgent < ready.agentCount)
        client.send({ type: 'inspect', agent: selectedAgent });
      else if (selectedAgent !== null) store.setState({ selectedAgent: null, inspection: null });
    }),
    client.onSummary(({ summary }) => {
      const known = store.getState().world;
      const trendNames = summary.trends.map((t) => t.name);
      const world =
        known && trendNames.length !== known.trendNames.length
          ? { ...known, trendNames, trendColors: summary.trends.map((t) => t.color) }
          : known;
      store.setState({ summary, tick: summary.tick, day: summary.day, hourUtc: summary.hourUtc, world });
      // A share link made during a replay: its world's first summary is at the link's tick; now show the hour it showed.
      const replay = replayAfterReady;
      replayAfterReady = null;
      if (replay && summary.tick === replay.tick) store.getState().showTick(replay.replayTick);
      refreshInspection();
    }),
    client.onStatus((status) => {
      if (status.tick !== store.getState().tick) store.setState({ tick: status.tick });
    }),
    client.onInspection(({ inspection }) => {
      inspectionAsked = false;
      if (store.getState().selectedAgent === inspection.id) store.setState({ inspection });
    }),
    client.onLaunched(({ event }) => {
      // The run now holds the launch: the scenario says so (no rebuild: the worker already ran it), so share links,
      // exports and the events panel carry it, and a rebuild launches it again at its hour.
      const { scenario } = store.getState();
      if (!scenario) return;
      const events = Array.isArray(scenario.events) ? scenario.events : [];
      store.setState({ scenario: { ...scenario, events: [...events, event] } });
    }),
    client.onError((message) => {
      const error: AppError = {
        kind: message.kind,
        message: message.message,
        ...(message.stack ? { detail: message.stack } : {}),
      };
      const refusedBuild = workerBuilding && message.kind !== 'crash';
      workerBuilding = false;
      if (message.kind === 'crash') store.setState({ error, phase: 'error', playing: false, building: null });
      else if (refusedBuild || message.kind === 'too-big') {
        // The world asked for was refused (too big, or a scenario the engine rejects) and the worker runs the world it
        // had: the store shows that run again. A worker started afresh for the request has none: it rebuilds that run
        // in a new worker (the restart intent).
        store.getState().rebuildRefused(error, client.world() !== null);
      } else store.setState({ error });
    }),
  ];

  client.send({ type: 'setSpeed', ticksPerSecond: store.getState().speed });
  drain();
  return () => {
    for (const unsubscribe of unsubscribers) unsubscribe();
  };
}
