// Fetches the preset gallery and presets, opens share links, and puts the result in the store. I/O through an injected fetch; never touches the engine or the DOM.
import { diffPatch, isPlainObject, mergePatch } from '../../sim/host/merge-patch.ts';
import { InputError } from '../../sim/params/errors.ts';
import type { ScenarioJson } from '../../sim/protocol.ts';
import { decodeShare, type SharedRun } from '../share/codec.ts';
import { checkFileSize, readRunFile } from './scenario-file.ts';
import type { AppStore, PresetInfo } from './store.ts';

export interface PresetLoaderDeps {
  /** GETs a JSON file relative to the scenarios folder (e.g. 'index.json'), rejecting on HTTP errors. */
  fetchJson(file: string): Promise<unknown>;
  /**
   * Validates a scenario with the one schema, throwing InputError naming bad fields. The scenario is kept as
   * given (the schema's input form, which the worker parses again); only its validity is checked here.
   */
  validate(scenario: unknown, source: string): void;
  /**
   * Applied to every preset before it is loaded (e.g. the `?agents=` override for small devices and tests); not to a
   * share link, which reopens its run exactly, nor to an opened file, which runs as written.
   */
  adjust?(scenario: ScenarioJson): ScenarioJson;
}

/**
 * Reads index.json: an array of entries or `{ presets | scenarios: [...] }`. Entries need an `id` of lowercase letters,
 * digits and dashes (or a `file` to take it from); titles default to the id; the file to `<id>.json`.
 */
export function parsePresetIndex(json: unknown): PresetInfo[] {
  const list = Array.isArray(json)
    ? json
    : isPlainObject(json) && Array.isArray(json.presets ?? json.scenarios)
      ? ((json.presets ?? json.scenarios) as unknown[])
      : null;
  if (!list) throw new InputError('scenarios/index.json', ['(root): must be a list of presets']);
  return list.flatMap((entry: unknown): PresetInfo[] => {
    const record: Record<string, unknown> =
      typeof entry === 'string' ? { id: entry } : isPlainObject(entry) ? entry : {};
    const text = (key: string) => (typeof record[key] === 'string' ? (record[key] as string).trim() : '');
    const file = /^[a-z0-9][a-z0-9-]*\.json$/.test(text('file')) ? text('file') : '';
    const id = text('id') || file.replace(/\.json$/, '');
    if (!/^[a-z0-9][a-z0-9-]{0,63}$/.test(id)) return [];
    const description = text('explanation') || text('description') || text('summary') || text('short');
    return [{ id, title: text('title') || text('name') || id, description, file: file || `${id}.json` }];
  });
}

function message(error: unknown): string {
  if (error instanceof InputError) return `${error.source}: ${error.lines.join('; ')}`;
  return error instanceof Error ? error.message : String(error);
}

/** What openFile reads: a browser File, or anything shaped like one (tests). */
export interface OpenableFile {
  readonly name: string;
  /** Bytes, checked before the text is read. */
  readonly size: number;
  text(): Promise<string>;
}

export interface PresetLoader {
  /** Loads the gallery, then opens `sharePayload` if given (falling back to the default preset with a notice). */
  start(sharePayload: string | null): Promise<void>;
  /** Fetches, validates and loads preset `id` (errors go to the store). */
  openPreset(id: string): Promise<void>;
  /** Opens a share link now (e.g. on hashchange). */
  openShare(payload: string): Promise<void>;
  /**
   * Opens a file's text (a world scenario, or this app's CSV or JSON export; scenario-file.ts) and says so in a
   * notice. A file that cannot be run changes nothing: the notice names the field and its allowed range. Resolves
   * whether the run was loaded.
   */
  openFile(file: OpenableFile): Promise<boolean>;
  /**
   * What a share link carries: a preset and the parameters that differ from it. A scenario opened from a file that
   * names no known preset is carried as its difference from a preset the gallery has loaded; null when none has.
   */
  shareable(): { presetId: string; patch: ScenarioJson } | null;
}

/** Creates the loader over `store` and `deps` (call `start` once). */
export function createPresetLoader(store: AppStore, deps: PresetLoaderDeps): PresetLoader {
  const cache = new Map<string, ScenarioJson>();
  const adjust = deps.adjust ?? ((s: ScenarioJson) => s);

  /** A preset exactly as published (validated, before `adjust`), so share links diff against the file. */
  const preset = async (id: string): Promise<ScenarioJson> => {
    const known = cache.get(id);
    if (known) return known;
    const entry = store.getState().presets.find((p) => p.id === id);
    if (!entry) {
      const ids = store
        .getState()
        .presets.map((p) => JSON.stringify(p.id))
        .join(', ');
      throw new InputError('share link', [`preset: must be one of ${ids} (got ${JSON.stringify(id)})`]);
    }
    const scenario = await deps.fetchJson(entry.file);
    deps.validate(scenario, `scenarios/${entry.file}`);
    if (!isPlainObject(scenario))
      throw new InputError(`scenarios/${entry.file}`, ['(root): must be an object']);
    cache.set(id, scenario);
    return scenario;
  };

  /** Loads preset `id`; with `ownSeed`, the run uses the seed written in the preset file (the first screen). */
  const loadPreset = async (id: string, ownSeed = false) => {
    try {
      const scenario = await preset(id);
      const seed = ownSeed && typeof scenario.seed === 'string' ? scenario.seed : undefined;
      store.getState().loadScenario(id, adjust(scenario), seed);
    } catch (error) {
      store.setState({ error: { kind: 'input', message: message(error) } });
    }
  };

  /**
   * A link reopens exactly its run: the preset as published plus the link's patch, without `adjust`. The patch holds
   * every parameter that differed from the published preset, the agent count a `?agents=` page ran included; that
   * option (still in the link's query) would otherwise replace the count the run had.
   */
  const openRun = async (run: SharedRun) => {
    const base = await preset(run.presetId);
    const scenario = mergePatch(base, run.patch);
    deps.validate(scenario, 'share link');
    store.getState().loadScenario(run.presetId, scenario, run.seed, run.tick, run.replayTick);
  };

  const openDefault = async () => {
    const first = store.getState().presets[0];
    if (first) await loadPreset(first.id, true);
  };

  const openShare = async (payload: string) => {
    try {
      await openRun(decodeShare(payload));
    } catch (error) {
      store
        .getState()
        .setNotice(
          `This share link could not be opened, so the default preset is shown instead. ${message(error)}`,
        );
      await openDefault();
    }
  };

  /**
   * The gallery preset whose file holds exactly `scenario` (someone opened a preset's own file), or null. Presets that
   * cannot be fetched are skipped: this only chooses which card to mark.
   */
  const presetEqualTo = async (scenario: ScenarioJson): Promise<string | null> => {
    for (const entry of store.getState().presets) {
      const published = await preset(entry.id).catch(() => null);
      const same =
        published &&
        Object.keys(diffPatch(published, scenario)).length === 0 &&
        Object.keys(diffPatch(scenario, published)).length === 0;
      if (same) return entry.id;
    }
    return null;
  };

  const openFile = async (file: OpenableFile): Promise<boolean> => {
    const fileName = file.name;
    try {
      checkFileSize(fileName, file.size);
      const run = readRunFile(fileName, await file.text());
      deps.validate(run.scenario, fileName);
      const known = run.presetId !== null && store.getState().presets.some((p) => p.id === run.presetId);
      // The share link diffs against the preset file, so the preset is fetched (and cached) before the run starts.
      if (known) await preset(run.presetId!);
      const presetId = known ? run.presetId : await presetEqualTo(run.scenario);
      store.getState().loadScenario(presetId, run.scenario, run.seed ?? undefined, run.tick);
      const at = run.tick > 0 ? `, stepped to tick ${run.tick.toLocaleString('en-US')}` : '';
      store.getState().setNotice(`Opened ${fileName} (${run.kind}${at}).`);
      return true;
    } catch (error) {
      const reason =
        error instanceof InputError && error.source === fileName ? error.lines.join('; ') : message(error);
      store.getState().setNotice(`${fileName} could not be opened; the current run is unchanged. ${reason}`);
      return false;
    }
  };

  return {
    start: async (sharePayload) => {
      try {
        store.setState({ presets: parsePresetIndex(await deps.fetchJson('index.json')) });
      } catch (error) {
        store.setState({
          phase: 'error',
          error: { kind: 'input', message: `The preset gallery could not be loaded: ${message(error)}` },
        });
        return;
      }
      if (sharePayload !== null) await openShare(sharePayload);
      else await openDefault();
    },
    openPreset: (id) => loadPreset(id),
    openShare,
    openFile,
    shareable: () => {
      const { presetId, scenario, presets } = store.getState();
      if (!scenario) return null;
      // Any preset works as the base of a custom scenario (the patch turns it into the scenario); the gallery's
      // order makes the choice stable.
      const baseId = presetId ?? presets.find((p) => cache.has(p.id))?.id;
      const base = baseId ? cache.get(baseId) : undefined;
      if (!baseId || !base) return null;
      return { presetId: baseId, patch: diffPatch(base, scenario) };
    },
  };
}
