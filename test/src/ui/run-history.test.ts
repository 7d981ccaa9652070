// Tests the run history: the previous run and the previous settings are offered only for the same preset, settings differ only when more than the seed changed, and trends launched mid-run are kept.
import { describe, expect, it } from 'vitest';
import { worldScenarioSchema } from '../../../sim/params/world.ts';
import type { ReadyMessage, SeriesRow, SummaryMessage } from '../../../sim/protocol.ts';
import type { EngineClient } from '../../../src/engine/client.ts';
import { createAppStore } from '../../../src/state/store.ts';
import { createRunHistory } from '../../../src/ui/run-history.ts';
import { seriesRow } from './series-row.ts';

/** A client whose current and previous worlds the test sets (only what the history reads). */
function fakeClient() {
  const state = {
    current: null as ReadyMessage | null,
    previous: null as { world: ReadyMessage; rows: SeriesRow[] } | null,
  };
  const client = { world: () => state.current, previousRun: () => state.previous } as unknown as EngineClient;
  return { client, state };
}

const ready = (generation: number) =>
  ({
    generation,
    trendNames: ['Dance'],
    trendColors: ['#ff0000'],
    agentCount: 100,
  }) as unknown as ReadyMessage;

/** Loads `scenario` (preset `presetId`, `seed`) into the store and records its world as the client's current one. */
function build(
  setup: ReturnType<typeof fakeClient> & { store: ReturnType<typeof createAppStore> },
  history: ReturnType<typeof createRunHistory>,
  generation: number,
  presetId: string,
  scenario: Record<string, unknown>,
  seed: string,
) {
  if (setup.state.current)
    setup.state.previous = { world: setup.state.current, rows: [seriesRow(0), seriesRow(1)] };
  setup.store.getState().loadScenario(presetId, scenario, seed);
  setup.state.current = ready(generation);
  history.recordReady(setup.state.current);
}

function setupHistory() {
  const fake = fakeClient();
  const store = createAppStore('s');
  const setup = { ...fake, store };
  return { setup, history: createRunHistory(fake.client, store, worldScenarioSchema) };
}

const base = { version: 1, world: { agents: 100 } };

describe('the run history', () => {
  it('offers nothing before a second world', () => {
    const { setup, history } = setupHistory();
    build(setup, history, 1, 'dance', base, 'a');
    expect(history.previousRun()).toBeNull();
    expect(history.previousSettings()).toBeNull();
  });

  it('compares a new seed in the charts, but offers no other settings to replicate', () => {
    const { setup, history } = setupHistory();
    build(setup, history, 1, 'dance', base, 'a');
    build(setup, history, 2, 'dance', base, 'b');
    expect(history.previousRun()?.changes).toEqual(['seed: a → b']);
    expect(history.previousSettings()).toBeNull();
  });

  it('offers the previous settings, resolved, when a parameter changed', () => {
    const { setup, history } = setupHistory();
    build(setup, history, 1, 'dance', base, 'a');
    build(setup, history, 2, 'dance', { ...base, recommender: { strategy: 'random' } }, 'a');
    const settings = history.previousSettings();
    expect(settings?.changes).toEqual(['recommender.strategy: "collaborative" → "random"']);
    // Defaults filled in: the schema accepts it as it stands, and it runs the old strategy.
    expect(worldScenarioSchema.parse(settings?.scenario).recommender.strategy).toBe('collaborative');
  });

  it('offers nothing across presets, and keeps a trend launched during the previous run', () => {
    const { setup, history } = setupHistory();
    build(setup, history, 1, 'dance', base, 'a');
    history.recordSummary({
      generation: 1,
      summary: {
        trends: [
          { name: 'Dance', color: '#ff0000' },
          { name: 'Launched', color: '#00ff00' },
        ],
      },
    } as unknown as SummaryMessage);
    build(setup, history, 2, 'dance', { ...base, world: { agents: 200 } }, 'a');
    expect(history.previousRun()?.trendNames).toEqual(['Dance', 'Launched']);
    build(setup, history, 3, 'meme', base, 'a');
    expect(history.previousRun()).toBeNull();
    expect(history.previousSettings()).toBeNull();
  });
});
