// The app's zustand (vanilla) store: user intent and small summaries only. Never per-agent arrays, never the worker or the DOM.
import { createStore, type StoreApi } from 'zustand/vanilla';
import { mergePatch } from '../../sim/host/merge-patch.ts';
import type { AgentInspection, WorldSummary } from '../../sim/model/api.ts';
import { DEFAULT_AGENTS } from '../../sim/params/world-records.ts';
import type { CommandBody, LayoutRect, ScenarioJson } from '../../sim/protocol.ts';

export const COLOUR_BY = ['fandom', 'region', 'platform'] as const;
export type ColourBy = (typeof COLOUR_BY)[number];

export const THEMES = ['dark', 'light', 'projector'] as const;
export type Theme = (typeof THEMES)[number];

/** Which ties are drawn: every layer, one platform index, or none. */
export type LayerShown = 'all' | 'none' | number;

/** Ticks per second the speed control offers (1 tick = 1 simulated hour). */
export const SPEED_RANGE = { min: 1, max: 240, initial: 24 } as const;

/** How many ties the bridge asks for when the layer changes (drawing more is too slow in software WebGL). */
export const TIE_SAMPLE = 20_000;

/**
 * An error the UI shows. 'crash': the worker died or threw (offer restart; the parameters are kept);
 * 'too-big': the world was refused before building; 'input': a bad preset, parameter or share link.
 */
export interface AppError {
  readonly kind: 'crash' | 'too-big' | 'input';
  readonly message: string;
  readonly detail?: string;
}

/**
 * A one-shot request the bridge turns into a worker command and removes from the outbox. `restart` starts a new
 * worker with the store's scenario and seed: after a crash, or to leave a build (`advanceTo`: the tick of the run
 * rebuilt, which the charts do not take for a new run).
 */
export type Intent =
  | CommandBody
  | { readonly type: 'restart'; readonly advanceTo?: number; readonly rebuildsShownRun?: boolean };

/** How far the world being built has got (the worker's `building` messages): the part being built and the share done. */
export interface BuildStatus {
  readonly stage: string;
  readonly fraction: number;
}

/** The static description of the world being shown (names only, no per-agent data). */
export interface WorldInfo {
  readonly agentCount: number;
  readonly regionNames: readonly string[];
  readonly fandomNames: readonly string[];
  readonly platformNames: readonly string[];
  readonly trendNames: readonly string[];
  readonly trendColors: readonly string[];
  readonly estimatedBytes: number;
}

/** One entry of the preset gallery (public/scenarios/index.json). Text is shown as text, never as HTML. */
export interface PresetInfo {
  readonly id: string;
  readonly title: string;
  /** A short explanation for a class. */
  readonly description: string;
  /** File name under scenarios/ (default `<id>.json`). */
  readonly file: string;
}

export interface AppState {
  /** The preset gallery; empty until public/scenarios/index.json has loaded. */
  readonly presets: readonly PresetInfo[];
  /** Preset the parameters started from (public/scenarios/<id>.json); null before the gallery has loaded. */
  readonly presetId: string | null;
  /** The world scenario being run (JSON, valid against worldScenarioSchema). */
  readonly scenario: ScenarioJson | null;
  readonly seed: string;
  /** Intent: the user wants the engine running. The worker confirms through status messages. */
  readonly playing: boolean;
  /** Ticks per second while playing. */
  readonly speed: number;
  /** From the latest summary or status: ticks done, simulated day (0-based) and UTC hour. */
  readonly tick: number;
  /**
   * Intent: the earlier tick the canvas shows (the timeline's replay, 0 … tick − 1), or null for the live run. While it
   * is set the engine stands still; `playing` then plays the replay forward, and at the live tick the run goes on.
   */
  readonly replayTick: number | null;
  /**
   * Intent of a share link made during a replay: once the world being built reaches `tick`, show `replayTick`
   * (the bridge applies it when that summary arrives). Null otherwise; any rebuild clears it.
   */
  readonly replayOnLoad: { readonly tick: number; readonly replayTick: number } | null;
  readonly day: number;
  readonly hourUtc: number;
  /** 'loading' while a world is being built; 'ready' once its first data arrived; 'error' after a crash. */
  readonly phase: 'loading' | 'ready' | 'error';
  /** While loading: how far the build has got, once the worker has said; null otherwise. */
  readonly building: BuildStatus | null;
  readonly world: WorldInfo | null;
  /** Latest summary from the worker (a few per second at most). */
  readonly summary: WorldSummary | null;
  readonly selectedAgent: number | null;
  readonly inspection: AgentInspection | null;
  readonly colourBy: ColourBy;
  readonly layer: LayerShown;
  readonly theme: Theme;
  readonly helpOpen: boolean;
  readonly error: AppError | null;
  /** A non-fatal message (e.g. why a share link could not be opened); the UI shows it until dismissed. */
  readonly notice: string | null;
  /** One-shot requests waiting for the bridge. */
  readonly outbox: readonly Intent[];
  /**
   * The run shown when the pending rebuild was asked for (until its world is ready): the worker keeps running that
   * run when it refuses a world as too big, so the store goes back to it (rebuildRefused). Null when none is pending.
   */
  readonly beforeRebuild: RunShown | null;
  /**
   * True once the user stopped the build of the page's first world, which then runs at DEFAULT_AGENTS: a size the page
   * was opened with (`?agents=`) is then dropped, or the next preset would ask for the same world again.
   */
  readonly firstBuildCancelled: boolean;
}

/** The fields that say what a live run is, restored as a whole when a rebuild is refused. */
const RUN_SHOWN = [
  'presetId',
  'scenario',
  'seed',
  'tick',
  'day',
  'hourUtc',
  'summary',
  'selectedAgent',
  'inspection',
  'replayTick',
] as const;
export type RunShown = Pick<AppState, (typeof RUN_SHOWN)[number]>;

function runShown(state: AppState): RunShown {
  return Object.fromEntries(RUN_SHOWN.map((key) => [key, state[key]])) as unknown as RunShown;
}

export interface AppActions {
  play(): void;
  pause(): void;
  togglePlay(): void;
  /** Steps the run `count` ticks; during a replay, moves the replay one tick forward instead (live at the end). */
  step(count?: number): void;
  /** Shows the canvas after `tick` ticks (clamped to 0 … tick; the live tick or null means live). Keeps `playing`. */
  showTick(tick: number | null): void;
  /** Pauses and shows the tick before the one shown (a replay; nothing before tick 0). */
  stepBack(): void;
  setSpeed(ticksPerSecond: number): void;
  /** Rebuilds the world with the same seed and parameters. */
  reset(): void;
  /** Picks a fresh random seed and rebuilds. */
  newSeed(): void;
  /** Sets the seed (from the editable field) and rebuilds. */
  setSeed(seed: string): void;
  /**
   * Replaces the scenario (a preset or a share link) and rebuilds, stepping to `advanceTo` ticks when given, and then
   * showing the earlier hour `replayTick` (a link made during a replay) when given.
   */
  loadScenario(
    presetId: string | null,
    scenario: ScenarioJson,
    seed?: string,
    advanceTo?: number,
    replayTick?: number,
  ): void;
  /** Changes parameters (a JSON merge patch of the scenario) and rebuilds. */
  setParams(patch: ScenarioJson): void;
  selectAgent(agent: number | null): void;
  launchTrend(agent: number, kind: string, platform: number): void;
  applyEvent(event: ScenarioJson): void;
  /** Asks for a fresh sample of ties for the current layer (optionally inside the visible rectangle). */
  requestTies(viewport?: LayoutRect): void;
  setColourBy(colourBy: ColourBy): void;
  setLayer(layer: LayerShown): void;
  setTheme(theme: Theme): void;
  setHelpOpen(open: boolean): void;
  setNotice(notice: string | null): void;
  dismissError(): void;
  /** After a crash: starts a new worker with the kept scenario and seed. */
  restart(): void;
  /**
   * Leaves the world being built (a worker cannot stop a build, so a new worker starts): back to the run shown before,
   * rebuilt to its tick; on the first world, the same scenario with DEFAULT_AGENTS agents instead. Nothing while not
   * loading.
   */
  cancelBuild(): void;
  /**
   * The worker refused the world asked for (too big, or a scenario the engine rejects: `error`) and runs the one
   * before: show that run again, as it was, paused, with the error. A worker started afresh for the request
   * (`workerHasWorld` false) has no world: a new one rebuilds that run to its tick, the refusal kept as a notice.
   */
  rebuildRefused(error: AppError, workerHasWorld?: boolean): void;
}

export type AppStore = StoreApi<AppState & AppActions>;

/** A short random seed for "new seed" (the app may use Math.random; the engine never does). */
export function randomSeed(): string {
  return Math.floor(Math.random() * 0x7fffffff)
    .toString(36)
    .padStart(6, '0');
}

export const initialState: Omit<AppState, 'seed'> = {
  presets: [],
  presetId: null,
  scenario: null,
  playing: false,
  speed: SPEED_RANGE.initial,
  tick: 0,
  replayTick: null,
  replayOnLoad: null,
  day: 0,
  hourUtc: 0,
  phase: 'loading',
  building: null,
  world: null,
  summary: null,
  selectedAgent: null,
  inspection: null,
  colourBy: 'fandom',
  layer: 'none',
  theme: 'dark',
  helpOpen: false,
  error: null,
  notice: null,
  outbox: [],
  beforeRebuild: null,
  firstBuildCancelled: false,
};

/** Creates the store; `seed` is the first run's seed (tests pass a fixed one). */
export function createAppStore(seed: string = randomSeed()): AppStore {
  return createStore<AppState & AppActions>()((set, get) => {
    const send = (intent: Intent) => set((s) => ({ outbox: [...s.outbox, intent] }));
    /**
     * Everything shown about the previous world becomes stale when the world is rebuilt, and so do input errors.
     * A crash stays shown (phase 'error') until the user restarts: a dead worker builds nothing.
     */
    const rebuilding = () => {
      const state = get();
      const { error } = state;
      const crashed = error?.kind === 'crash';
      return {
        // The first of several rebuilds asked for in a row keeps the run the worker was showing.
        beforeRebuild:
          state.beforeRebuild ?? (state.world && state.phase === 'ready' ? runShown(state) : null),
        tick: 0,
        replayTick: null,
        replayOnLoad: null,
        day: 0,
        hourUtc: 0,
        summary: null,
        inspection: null,
        phase: crashed ? ('error' as const) : ('loading' as const),
        building: null,
        error: crashed ? error : null,
      };
    };
    /**
     * Shows `run` again (the run shown before a rebuild) while a new worker rebuilds it to its tick, then the hour it
     * replayed, if any (replayOnLoad); `message` says why (the error or notice).
     */
    const bringBackShownRun = (run: RunShown, message: Pick<AppState, 'error'> & Partial<AppState>) => {
      set({
        ...run,
        ...message,
        beforeRebuild: null,
        building: null,
        phase: 'loading',
        playing: false,
        replayTick: null,
        replayOnLoad: run.replayTick === null ? null : { tick: run.tick, replayTick: run.replayTick },
      });
      send({ type: 'restart', advanceTo: run.tick, rebuildsShownRun: true });
    };
    return {
      ...initialState,
      seed,
      play: () => set({ playing: true }),
      pause: () => set({ playing: false }),
      togglePlay: () => set((s) => ({ playing: !s.playing })),
      step: (count = 1) => {
        const { replayTick } = get();
        set({ playing: false });
        if (replayTick !== null) get().showTick(replayTick + 1);
        else send({ type: 'step', count: Math.max(1, Math.floor(count)) });
      },
      showTick: (tick) => {
        const live = get().tick;
        const shown =
          tick === null || !Number.isFinite(tick) ? live : Math.max(0, Math.min(live, Math.floor(tick)));
        set({ replayTick: shown >= live ? null : shown });
      },
      stepBack: () => {
        const { replayTick, tick } = get();
        set({ playing: false });
        get().showTick((replayTick ?? tick) - 1);
      },
      setSpeed: (ticksPerSecond) => {
        const speed = Math.min(SPEED_RANGE.max, Math.max(SPEED_RANGE.min, Math.round(ticksPerSecond)));
        if (Number.isFinite(speed)) set({ speed });
      },
      reset: () => {
        set({ ...rebuilding(), playing: false });
        send({ type: 'reset' });
      },
      newSeed: () => get().setSeed(randomSeed()),
      setSeed: (next) => {
        const trimmed = next.trim();
        if (trimmed === '') return;
        set({ ...rebuilding(), seed: trimmed, playing: false });
        send({ type: 'newSeed', seed: trimmed });
      },
      loadScenario: (presetId, scenario, nextSeed, advanceTo, replayTick) => {
        const seedToUse = nextSeed ?? get().seed;
        const arrivesAt = advanceTo && advanceTo > 0 ? Math.floor(advanceTo) : 0;
        set({
          ...rebuilding(),
          presetId,
          scenario,
          seed: seedToUse,
          playing: false,
          selectedAgent: null,
          replayOnLoad:
            replayTick !== undefined && replayTick >= 0 && replayTick < arrivesAt
              ? { tick: arrivesAt, replayTick: Math.floor(replayTick) }
              : null,
        });
        send(
          advanceTo && advanceTo > 0
            ? { type: 'init', scenario, seed: seedToUse, advanceTo }
            : { type: 'init', scenario, seed: seedToUse },
        );
      },
      setParams: (patch) => {
        const scenario = get().scenario;
        if (!scenario) return;
        set({ ...rebuilding(), scenario: mergePatch(scenario, patch), playing: false });
        send({ type: 'setParams', patch });
      },
      selectAgent: (agent) => {
        set({ selectedAgent: agent, inspection: null });
        if (agent !== null) send({ type: 'inspect', agent });
      },
      // Both act on the live world: a replay shown then ends first, so the canvas shows what they did.
      launchTrend: (agent, kind, platform) => {
        set({ replayTick: null });
        send({ type: 'launchTrend', agent, kind, platform });
      },
      applyEvent: (event) => {
        set({ replayTick: null });
        send({ type: 'event', event });
      },
      requestTies: (viewport) => {
        const layer = get().layer;
        if (layer === 'none') return;
        send(
          viewport
            ? { type: 'requestTies', platform: layer, sample: TIE_SAMPLE, viewport }
            : { type: 'requestTies', platform: layer, sample: TIE_SAMPLE },
        );
      },
      setColourBy: (colourBy) => set({ colourBy }),
      setLayer: (layer) => {
        set({ layer });
        get().requestTies();
      },
      setTheme: (theme) => set({ theme }),
      setHelpOpen: (helpOpen) => set({ helpOpen }),
      setNotice: (notice) => set({ notice }),
      dismissError: () => set({ error: null }),
      rebuildRefused: (error, workerHasWorld = true) => {
        const { beforeRebuild, world } = get();
        if (!workerHasWorld && beforeRebuild) {
          // A notice, not an error: it must outlast the rebuild's `ready`, which clears errors of the world before.
          bringBackShownRun(beforeRebuild, { error: null, notice: error.message });
          return;
        }
        set({
          ...beforeRebuild,
          beforeRebuild: null,
          error,
          playing: false,
          phase: world ? 'ready' : 'error',
          building: null,
        });
      },
      restart: () => {
        set({ ...rebuilding(), phase: 'loading', error: null, playing: false });
        send({ type: 'restart' });
      },
      cancelBuild: () => {
        const { phase, beforeRebuild, scenario } = get();
        if (phase !== 'loading') return;
        if (beforeRebuild) {
          const { tick } = beforeRebuild;
          bringBackShownRun(beforeRebuild, {
            error: null,
            notice: `Building stopped. The run shown before comes back${tick > 0 ? `, replayed to tick ${tick}` : ''}.`,
          });
          return;
        }
        if (!scenario) return;
        const smaller = mergePatch(scenario, { world: { agents: DEFAULT_AGENTS } });
        set({
          ...rebuilding(),
          scenario: smaller,
          playing: false,
          firstBuildCancelled: true,
          notice: `Building stopped. This scenario now runs with ${DEFAULT_AGENTS.toLocaleString('en-US')} agents; set Agents in Parameters for another size.`,
        });
        send({ type: 'restart' });
      },
    };
  });
}
