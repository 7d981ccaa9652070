// One world sweep job: its progress notes (build percent by stage, then each tick) and that listening to them changes nothing in its result.
import { describe, expect, it } from 'vitest';
import { executeWorldJob } from '../../../../sim/cli/world/world-job.ts';
import { worldScenarioSchema } from '../../../../sim/params/world.ts';

const BUDGET = 2 ** 31;
const scenario = worldScenarioSchema.parse({
  version: 1,
  seed: 'job',
  ticks: 3,
  world: { agents: 1500 },
  trends: [{ name: 'Step Up', kind: 'dance-challenge', origin: 'idol', fandom: 'Orbit', startTick: 1 }],
});

describe('a world sweep job told to report progress', () => {
  const notes: string[] = [];
  const result = executeWorldJob(scenario, 'job-seed', BUDGET, (note) => notes.push(note));

  it('reports the build by whole percent with its stage, then every tick, never the same note twice in a row', () => {
    const building = notes.filter((note) => note.startsWith('building world '));
    expect(building.length).toBeGreaterThan(3);
    const percents = building.map((note) => Number(/^building world (\d+)% \((.+)\)$/.exec(note)?.[1]));
    for (let i = 1; i < percents.length; i++) expect(percents[i]).toBeGreaterThanOrEqual(percents[i - 1]!);
    expect(percents.every((p) => p >= 0 && p <= 100)).toBe(true);
    expect(notes.slice(building.length)).toEqual(['tick 1/3', 'tick 2/3', 'tick 3/3']);
    for (let i = 1; i < notes.length; i++) expect(notes[i]).not.toBe(notes[i - 1]);
  });

  it('gives the same result as the job run without listening', () => {
    expect(executeWorldJob(scenario, 'job-seed', BUDGET)).toEqual(result);
  });
});
