// Tests the preset loader: the default preset opens first, share links and opened files reopen preset + changes + seed + tick, bad input leaves a message and the run.
import { describe, expect, it } from 'vitest';
import { mergePatch } from '../../../sim/host/merge-patch.ts';
import { InputError } from '../../../sim/params/errors.ts';
import type { Command, ScenarioJson } from '../../../sim/protocol.ts';
import { seriesCsv } from '../../../src/export/csv.ts';
import { encodeShare } from '../../../src/share/codec.ts';
import { createPresetLoader, parsePresetIndex } from '../../../src/state/preset-loader.ts';
import { createAppStore } from '../../../src/state/store.ts';
import { seriesRow } from '../ui/series-row.ts';

const files: Record<string, unknown> = {
  'index.json': [
    { id: 'dance', title: 'Dance challenge', description: 'An idol starts a dance.' },
    { id: 'meme', title: 'Meme', description: 'A cheap joke.' },
  ],
  'dance.json': { world: { name: 'dance' }, agents: 1000, appeal: 0.5, seed: 'file-seed' },
  'meme.json': { world: { name: 'meme' }, agents: 2000, appeal: 0.9 },
};

/** A tiny validator standing in for the world schema: agents 100..10,000, appeal 0..1. */
function validate(input: unknown, source: string) {
  const s = input as { agents: number; appeal: number };
  const lines: string[] = [];
  if (!(Number.isInteger(s.agents) && s.agents >= 100 && s.agents <= 10_000))
    lines.push(`agents: must be an integer from 100 to 10,000 (got ${s.agents})`);
  if (!(s.appeal >= 0 && s.appeal <= 1)) lines.push(`appeal: must be a number from 0 to 1 (got ${s.appeal})`);
  if (lines.length > 0) throw new InputError(source, lines);
}

async function setup(share: string | null, adjust?: (scenario: ScenarioJson) => ScenarioJson) {
  const store = createAppStore('first-seed');
  const loader = createPresetLoader(store, {
    fetchJson: async (file) => {
      if (!(file in files)) throw new Error(`404 ${file}`);
      return structuredClone(files[file]);
    },
    validate,
    ...(adjust ? { adjust } : {}),
  });
  await loader.start(share);
  const init = store
    .getState()
    .outbox.filter((c): c is Extract<Command, { type: 'init' }> & { v: 1 } => c.type === 'init')
    .at(-1);
  return { store, loader, init };
}

describe('preset loader', () => {
  it('reads the gallery and opens the first preset with the seed written in it', async () => {
    const { store, init } = await setup(null);
    expect(store.getState().presets.map((p) => p.title)).toEqual(['Dance challenge', 'Meme']);
    expect(store.getState().presetId).toBe('dance');
    expect(init).toMatchObject({ scenario: { agents: 1000, appeal: 0.5 }, seed: 'file-seed' });
  });

  it('keeps the current seed when the user picks another preset', async () => {
    const { store, loader } = await setup(null);
    store.getState().setSeed('mine');
    await loader.openPreset('meme');
    expect(store.getState()).toMatchObject({ presetId: 'meme', seed: 'mine', scenario: { agents: 2000 } });
  });

  it('reopens a share link with the same preset, changed parameters, seed and tick', async () => {
    const { store, init } = await setup(
      encodeShare({ presetId: 'meme', patch: { appeal: 0.25 }, seed: 'shared', tick: 48 }),
    );
    expect(store.getState()).toMatchObject({
      presetId: 'meme',
      seed: 'shared',
      scenario: { agents: 2000, appeal: 0.25 },
      notice: null,
    });
    expect(init).toMatchObject({ scenario: { agents: 2000, appeal: 0.25 }, seed: 'shared', advanceTo: 48 });
  });

  it('reopens a link made under a page override (?agents=) with the agent count the run had, whatever the override', async () => {
    // The page's override sets 300 agents on every preset it loads.
    const override = (scenario: ScenarioJson) => ({ ...scenario, agents: 300 });
    const made = await setup(null, override);
    expect(made.init).toMatchObject({ scenario: { agents: 300 } });
    // The user then moved the agent count (as the panel does) and shared.
    made.store.getState().loadScenario('dance', { ...made.store.getState().scenario!, agents: 1854 });
    const changed = made.loader.shareable()!;
    // Reopened on a page with the same override, the run has 1,854 agents, not 300.
    const link = encodeShare({ ...changed, seed: 's', tick: 5 });
    expect((await setup(link, override)).init).toMatchObject({ scenario: { agents: 1854 }, seed: 's' });
    // A run back at the preset's own count (1,000) under the override reopens at 1,000 too.
    made.store.getState().loadScenario('dance', { ...made.store.getState().scenario!, agents: 1000 });
    const own = encodeShare({ ...made.loader.shareable()!, seed: 's', tick: 5 });
    expect((await setup(own, override)).init).toMatchObject({ scenario: { agents: 1000 } });
  });

  it('round-trips the parameters the user changed through a link', async () => {
    const first = await setup(null);
    first.store.getState().setParams({ appeal: 0.75 });
    const patch = first.loader.shareable()?.patch;
    expect(first.loader.shareable()).toEqual({ presetId: 'dance', patch: { appeal: 0.75 } });
    const second = await setup(
      encodeShare({ presetId: 'dance', patch: patch!, seed: first.store.getState().seed, tick: 0 }),
    );
    expect(second.store.getState().scenario).toEqual(first.store.getState().scenario);
  });

  it('opens the default preset and names the bad field when a link holds an out-of-range parameter', async () => {
    const { store } = await setup(
      encodeShare({ presetId: 'meme', patch: { appeal: 3 }, seed: 'x', tick: 0 }),
    );
    expect(store.getState().presetId).toBe('dance');
    expect(store.getState().notice).toContain('appeal: must be a number from 0 to 1 (got 3)');
  });

  it('opens the default preset with a message for a garbled link or an unknown preset', async () => {
    const garbled = await setup('garbled!!');
    expect(garbled.store.getState().presetId).toBe('dance');
    expect(garbled.store.getState().notice).toMatch(/could not be opened/);
    const unknown = await setup(encodeShare({ presetId: 'nope', patch: {}, seed: 'x', tick: 0 }));
    expect(unknown.store.getState().notice).toContain('preset: must be one of "dance", "meme" (got "nope")');
  });

  describe('opening a file', () => {
    const custom = { world: { name: 'mine' }, agents: 1500, appeal: 0.25 };
    const file = (name: string, text: string, size = text.length) => ({ name, size, text: async () => text });
    const initsOf = (store: ReturnType<typeof createAppStore>) =>
      store.getState().outbox.filter((c) => c.type === 'init');

    it('runs a scenario file with the seed written in it, as a custom scenario', async () => {
      const { store, loader } = await setup(null);
      const text = JSON.stringify({ ...custom, seed: 'file-7' });
      expect(await loader.openFile(file('mine.json', text))).toBe(true);
      expect(store.getState()).toMatchObject({ presetId: null, seed: 'file-7', scenario: { agents: 1500 } });
      expect(store.getState().notice).toBe('Opened mine.json (scenario file).');
    });

    it('marks the preset whose own file was opened', async () => {
      const { store, loader } = await setup(null);
      await loader.openPreset('meme');
      await loader.openFile(file('dance.json', JSON.stringify(files['dance.json'])));
      expect(store.getState()).toMatchObject({ presetId: 'dance', seed: 'file-seed' });
      await loader.openFile(
        file('edited.json', JSON.stringify({ ...(files['dance.json'] as object), appeal: 0.6 })),
      );
      expect(store.getState().presetId).toBeNull();
    });

    it('reopens a CSV export at its preset, seed and last tick', async () => {
      const { store, loader } = await setup(null);
      const rows = [0, 1, 2].map((tick) => seriesRow(tick));
      const csv = seriesCsv(rows, {
        seed: 'run, "one"',
        presetId: 'meme',
        scenario: custom,
        trendNames: [],
        platformNames: [],
      });
      expect(await loader.openFile(file('run.csv', csv))).toBe(true);
      expect(store.getState()).toMatchObject({ presetId: 'meme', seed: 'run, "one"', scenario: custom });
      expect(initsOf(store).at(-1)).toMatchObject({ advanceTo: 2, seed: 'run, "one"' });
      expect(store.getState().notice).toBe('Opened run.csv (CSV export, stepped to tick 2).');
    });

    it('changes nothing and names the field and its range when the scenario is out of range', async () => {
      const { store, loader } = await setup(null);
      const before = store.getState();
      const inits = initsOf(store).length;
      expect(await loader.openFile(file('big.json', JSON.stringify({ ...custom, agents: 0 })))).toBe(false);
      expect(store.getState()).toMatchObject({
        presetId: before.presetId,
        seed: before.seed,
        scenario: before.scenario,
      });
      expect(initsOf(store)).toHaveLength(inits);
      expect(store.getState().notice).toBe(
        'big.json could not be opened; the current run is unchanged. agents: must be an integer from 100 to 10,000 (got 0)',
      );
    });

    it('refuses a file over the size limit without reading it', async () => {
      const { store, loader } = await setup(null);
      const huge = {
        name: 'huge.csv',
        size: 64 * 1024 * 1024,
        text: () => Promise.reject(new Error('read')),
      };
      expect(await loader.openFile(huge)).toBe(false);
      expect(store.getState().notice).toBe(
        'huge.csv could not be opened; the current run is unchanged. file size: must be at most 32 MB (got 64.0 MB)',
      );
    });

    it('shares a custom scenario as its difference from a loaded preset', async () => {
      const { store, loader } = await setup(null);
      await loader.openFile(file('mine.json', JSON.stringify(custom)));
      const shared = loader.shareable()!;
      expect(shared.presetId).toBe('dance');
      expect(mergePatch(files['dance.json'] as ScenarioJson, shared.patch)).toEqual(
        store.getState().scenario,
      );
    });
  });

  it('accepts an index as a list or as { presets }, and skips entries without an id', () => {
    expect(
      parsePresetIndex({
        presets: [
          { id: 'a', summary: 'S' },
          { title: 'no id' },
          'b',
          { file: 'c-1.json', title: 'C' },
          { id: 'Bad Id' },
        ],
      }),
    ).toEqual([
      { id: 'a', title: 'a', description: 'S', file: 'a.json' },
      { id: 'b', title: 'b', description: '', file: 'b.json' },
      { id: 'c-1', title: 'C', description: '', file: 'c-1.json' },
    ]);
    expect(() => parsePresetIndex(42)).toThrow(InputError);
  });
});
