// Composition root of the browser app: creates the store, the engine worker and client, the bridge, the preset loader and the UI, and wires them. No logic of its own.
import { parseOrThrow } from '../sim/params/errors.ts';
import { worldScenarioSchema } from '../sim/params/world.ts';
import { connectBridge } from './engine/bridge.ts';
import { createEngineClient } from './engine/client.ts';
import { createReplicatesRunner } from './engine/replicates-client.ts';
import { createExporter } from './export/download.ts';
import { payloadFromHash } from './share/codec.ts';
import { shareRun, shareUrl } from './share/link.ts';
import { createPresetLoader } from './state/preset-loader.ts';
import { createAppStore } from './state/store.ts';
import { readUrlOptions, scenarioAdjuster, withoutAgentsOption } from './state/url-options.ts';
import { mountApp } from './ui/app.ts';
import './styles.css';

const root = document.getElementById('app');
if (!root) throw new Error('index.html must contain <div id="app">');

const options = readUrlOptions(new URLSearchParams(window.location.search));
const store = createAppStore();
const client = createEngineClient(
  () => new Worker(new URL('./worker/entry.ts', import.meta.url), { type: 'module', name: 'hallyu-engine' }),
);
connectBridge(store, client);
const replicates = createReplicatesRunner(
  () =>
    new Worker(new URL('./worker/replicates-entry.ts', import.meta.url), {
      type: 'module',
      name: 'hallyu-replicates',
    }),
);

/** Scenario files sit next to index.html, so the site works from any folder. */
const scenariosUrl = new URL('./scenarios/', document.baseURI);
let adjustScenario = scenarioAdjuster(options);
const presets = createPresetLoader(store, {
  fetchJson: async (file) => {
    const response = await fetch(new URL(file, scenariosUrl));
    if (!response.ok) throw new Error(`${file}: HTTP ${response.status}`);
    return response.json();
  },
  validate: (scenario, source) => {
    parseOrThrow(worldScenarioSchema, scenario, source);
  },
  adjust: (scenario) => adjustScenario(scenario),
});
// A cancelled first build runs at the default size; a `?agents=` size must not come back with the next preset or a reload.
store.subscribe((state, previous) => {
  if (!state.firstBuildCancelled || previous.firstBuildCancelled || options.agents === null) return;
  adjustScenario = scenarioAdjuster({ agents: null });
  history.replaceState(history.state, '', withoutAgentsOption(window.location.href));
});

const app = mountApp(root, {
  store,
  client,
  openPreset: (id) => presets.openPreset(id),
  // The embedded view (?embed=1) opens no files and runs no replicates: it has no panels to show them.
  ...(options.embed
    ? { embed: { runLink: () => shareUrl(store, presets.shareable) } }
    : { openFile: (file: File) => void presets.openFile(file), replicates }),
  paramSchema: worldScenarioSchema,
  actions: {
    share: () => shareRun(store, presets.shareable),
    exportCsv: () => exporter.csv(),
    exportJson: () => exporter.json(),
    exportPng: () => void exporter.png(),
    exportCascades: () =>
      void exporter.cascades().then((downloaded) => {
        // The answer would have described the world before a rebuild or crash: say so instead of doing nothing.
        if (!downloaded)
          store
            .getState()
            .setNotice('No cascades were exported: the world changed first. Try again once it is ready.');
      }),
    openHelp: () => store.getState().setHelpOpen(true),
  },
});
const exporter = createExporter(store, client, () => app.capture());
if (options.notice) store.getState().setNotice(options.notice);
// Scripts and styles can tell a built world from one being built, and whether the engine confirmed play or pause.
store.subscribe((state) => {
  if (root.dataset.phase !== state.phase) root.dataset.phase = state.phase;
});
client.onStatus((status) => {
  root.dataset.engine = status.playing ? 'playing' : 'paused';
  root.dataset.stateHash = status.stateHash;
});

window.addEventListener('hashchange', () => {
  const payload = payloadFromHash(window.location.hash);
  if (payload !== null) void presets.openShare(payload);
});
void presets.start(payloadFromHash(window.location.hash));
