// The preset scenarios in public/scenarios: every file validates, the index lists them all, each suggests valid experiments, and each runs a day on a small copy of its world.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mergePatch } from '../../../sim/host/merge-patch.ts';
import { createWorldEngine } from '../../../sim/model/engine.ts';
import { parseOrThrow } from '../../../sim/params/errors.ts';
import { worldScenarioSchema } from '../../../sim/params/world.ts';

const folder = join(import.meta.dirname, '../../../public/scenarios');
const index = JSON.parse(readFileSync(join(folder, 'index.json'), 'utf8')) as {
  id: string;
  file: string;
  title: string;
  summary: string;
}[];

describe('the preset index', () => {
  it('lists every scenario file once, with a title and a summary', () => {
    const files = readdirSync(folder)
      .filter((f) => f.endsWith('.json') && f !== 'index.json')
      .sort();
    expect(index.map((p) => p.file).sort()).toEqual(files);
    expect(new Set(index.map((p) => p.id)).size).toBe(index.length);
    for (const preset of index) {
      expect(preset.title.length).toBeGreaterThan(5);
      expect(preset.summary.length).toBeGreaterThan(20);
    }
    expect(index[0]!.id).toBe('dance-challenge'); // the app's first screen
    expect(index.length).toBeGreaterThanOrEqual(8);
  });
});

describe.each(index)('the preset $id', (preset) => {
  const raw = JSON.parse(readFileSync(join(folder, preset.file), 'utf8')) as Record<string, unknown>;

  it('validates against the world scenario schema, with a title and an explanation', () => {
    const scenario = parseOrThrow(worldScenarioSchema, raw, preset.file);
    expect(scenario.title).toBe(preset.title);
    expect((scenario.description ?? '').length).toBeGreaterThan(100);
    expect(
      scenario.trends.length + scenario.events.filter((e) => e.type === 'campaign').length,
    ).toBeGreaterThan(0);
  });

  it('suggests at least one experiment, each a valid scenario that changes what runs', () => {
    const scenario = parseOrThrow(worldScenarioSchema, raw, preset.file);
    expect(scenario.experiments?.length ?? 0).toBeGreaterThan(0);
    for (const [i, experiment] of (scenario.experiments ?? []).entries()) {
      const changed = parseOrThrow(
        worldScenarioSchema,
        mergePatch(raw, experiment.patch),
        `experiments[${i}]`,
      );
      // The experiment differs from the preset in what the engine reads (not only in its own list or text).
      const { experiments: _a, ...before } = scenario;
      const { experiments: _b, ...after } = changed;
      expect(after, experiment.label).not.toEqual(before);
    }
  });

  it('runs its first day on a 1,500-agent copy of its world, and its first trend spreads', () => {
    const scenario = parseOrThrow(worldScenarioSchema, raw, preset.file);
    const small = { ...scenario, world: { ...scenario.world, agents: 1500 } };
    const engine = createWorldEngine(small);
    const start = Math.min(...scenario.trends.map((t) => t.startTick));
    for (let t = 0; t < start + 24; t++) engine.step();
    expect(engine.summary().trends[0]!.adopters).toBeGreaterThan(1);
  });
});
