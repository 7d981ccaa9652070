// Which run each recent world was (preset, resolved scenario, seed, trends), and what the current run is compared with: the previous run for the charts, the previous settings for the replicates. Reads the client and the store; draws nothing.
import type * as z from 'zod';
import type { ReadyMessage, ScenarioJson, SummaryMessage } from '../../sim/protocol.ts';
import type { EngineClient } from '../engine/client.ts';
import type { AppStore } from '../state/store.ts';
import type { PreviousRun } from './charts.ts';
import { comparable, type RunIdentity, scenarioChanges } from './compare.ts';
import { resolveScenario } from './param-records.ts';
import type { PreviousSettings } from './replicates.ts';

export interface RunHistory {
  /** Records the world just built, as the store describes it (call on every `ready`). */
  recordReady(ready: ReadyMessage): void;
  /** Keeps a run's trend list current: a trend launched during the run is not in its first message. */
  recordSummary(message: SummaryMessage): void;
  /** The previous run of the same story with its rows, for the charts' dashed curves; null when there is none. */
  previousRun(): PreviousRun | null;
  /** The previous run's settings, when comparable and not only another seed (the Replicates panel's comparison). */
  previousSettings(): PreviousSettings | null;
}

type Run = RunIdentity & { trendNames: readonly string[]; trendColors: readonly string[] };

export function createRunHistory(client: EngineClient, store: AppStore, schema: z.ZodType): RunHistory {
  const runs = new Map<number, Run>();
  /** scenarioChanges walks two whole resolved scenarios: once per pair of worlds, not on every summary. */
  let changesFor = { key: '', all: [] as string[], settings: [] as string[] };

  /** The previous and current runs when they tell the same story, with what changed between them. */
  const pair = () => {
    const previous = client.previousRun();
    const current = client.world();
    if (!previous || !current) return null;
    const before = runs.get(previous.world.generation);
    const now = runs.get(current.generation);
    if (!before || !now || !comparable(before, now)) return null;
    const key = `${previous.world.generation}:${current.generation}`;
    if (changesFor.key !== key)
      changesFor = {
        key,
        all: scenarioChanges(before, now),
        settings: scenarioChanges({ ...before, seed: now.seed }, now),
      };
    return { previous, before, changes: changesFor };
  };

  return {
    recordReady(ready) {
      // The bridge has already put this world's seed in the store; the scenario and preset were set before it was asked for.
      // Defaults filled in, so a change from an unset value reads "collaborative → random", not "— → random".
      const { presetId, scenario, seed } = store.getState();
      const resolved = resolveScenario(schema, scenario) as ScenarioJson | null;
      runs.set(ready.generation, {
        presetId,
        scenario: resolved ?? scenario,
        seed,
        trendNames: ready.trendNames,
        trendColors: ready.trendColors,
      });
      const kept = new Set([ready.generation, client.previousRun()?.world.generation]);
      for (const generation of runs.keys()) if (!kept.has(generation)) runs.delete(generation);
    },
    recordSummary(message) {
      const run = runs.get(message.generation);
      if (run && run.trendNames.length !== message.summary.trends.length)
        runs.set(message.generation, {
          ...run,
          trendNames: message.summary.trends.map((t) => t.name),
          trendColors: message.summary.trends.map((t) => t.color),
        });
    },
    previousRun() {
      const found = pair();
      if (!found || found.previous.rows.length < 2) return null;
      return {
        rows: found.previous.rows,
        trendNames: found.before.trendNames,
        trendColors: found.before.trendColors,
        agentCount: found.previous.world.agentCount,
        changes: found.changes.all,
      };
    },
    previousSettings() {
      const found = pair();
      if (!found?.before.scenario || found.changes.settings.length === 0) return null;
      return { scenario: found.before.scenario, changes: found.changes.settings };
    },
  };
}
