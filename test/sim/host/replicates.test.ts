// Tests the replicates host: every run's adopter curves equal the command line's series.csv for the same runs (both world settings), and bad requests get one message naming the field and range.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runWorldScenario } from '../../../sim/cli/world/run-world.ts';
import { REPLICATE_LIMITS, serveReplicates } from '../../../sim/host/replicates.ts';
import { worldScenarioSchema } from '../../../sim/params/world.ts';
import type { ReplicateMessage, ReplicatesMessage } from '../../../sim/protocol.ts';

const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

const scenario = {
  version: 1,
  world: { agents: 600 },
  trends: [{ name: 'Step Up', kind: 'dance-challenge', origin: 'idol', fandom: 'Orbit', startTick: 1 }],
  events: [{ type: 'campaign', tick: 12, influencers: 5, trend: { name: 'Lens', kind: 'ar-filter' } }],
};

/** Sends one command to a fresh host and returns every message it answered with. */
function ask(command: Record<string, unknown>, budgetBytes = 1e9): ReplicatesMessage[] {
  const messages: ReplicatesMessage[] = [];
  let handler: (data: unknown) => void = () => undefined;
  serveReplicates({ post: (m) => messages.push(m), listen: (h) => (handler = h) }, budgetBytes);
  handler(command);
  return messages;
}

/** The CLI's series.csv `<slug>_adopters` column of each run, as numbers per tick 1..ticks. */
async function cliCurves(
  regenerateWorld: boolean,
  seed: string,
  runs: number,
  ticks: number,
): Promise<number[][][]> {
  const out = mkdtempSync(join(tmpdir(), 'replicates-'));
  folders.push(out);
  await runWorldScenario(
    worldScenarioSchema.parse({ ...scenario, seed, ticks, regenerateWorld }),
    seed,
    out,
    {
      runs,
    },
  );
  const [header, ...rows] = readFileSync(join(out, 'series.csv'), 'utf8').trim().split('\n');
  const columns = header!.split(',');
  const at = (name: string) => columns.indexOf(name);
  return Array.from({ length: runs }, (_, run) =>
    ['step_up_adopters', 'lens_adopters'].map((name) =>
      rows
        .map((line) => line.split(','))
        .filter((cells) => Number(cells[at('run')]) === run)
        .map((cells) => Number(cells[at(name)])),
    ),
  );
}

describe('serveReplicates', () => {
  for (const regenerateWorld of [true, false]) {
    it(`gives each run the curves the command line writes for it (regenerateWorld ${regenerateWorld})`, async () => {
      const messages = ask({
        v: 1,
        type: 'runReplicates',
        scenario: { ...scenario, regenerateWorld },
        seed: 'luck',
        runs: 3,
        ticks: 30,
      });
      const runs = messages.filter((m): m is ReplicateMessage => m.type === 'replicate');
      expect(runs.map((r) => [r.run, r.seed])).toEqual([
        [0, 'luck'],
        [1, 'luck-1'],
        [2, 'luck-2'],
      ]);
      expect(messages.at(-1)).toEqual({ v: 1, type: 'replicatesDone', runs: 3 });
      // Progress once a simulated day and at each run's end.
      expect(
        messages.filter((m) => m.type === 'replicateProgress').map((m) => 'tick' in m && m.tick),
      ).toEqual([24, 30, 24, 30, 24, 30]);
      const expected = await cliCurves(regenerateWorld, 'luck', 3, 30);
      for (const r of runs) {
        expect(r.trendNames).toEqual(['Step Up', 'Lens']);
        expect(r.adopters.map((curve) => curve[0])).toEqual([0, 0]);
        expect(r.adopters.map((curve) => curve.slice(1))).toEqual(expected[r.run]);
      }
      // Luck matters: the runs did not all end the same (else this comparison would prove little).
      expect(new Set(runs.map((r) => r.adopters[0]!.at(-1))).size).toBeGreaterThan(1);
    });
  }

  it('names the field and its range for a bad count, length or scenario, and runs nothing', () => {
    const base = { v: 1, type: 'runReplicates', scenario, seed: 's', runs: 2, ticks: 5 };
    expect(ask({ ...base, runs: 1 })).toEqual([
      {
        v: 1,
        type: 'error',
        kind: 'input',
        message: 'replicates: runs: must be an integer from 2 to 50 runs (got 1)',
      },
    ]);
    expect(ask({ ...base, ticks: REPLICATE_LIMITS.ticks + 1 })[0]).toMatchObject({
      kind: 'input',
      message: 'replicates: ticks: must be an integer from 1 to 1440 ticks (got 1441)',
    });
    expect(ask({ ...base, scenario: { ...scenario, world: { agents: 0 } } })[0]).toMatchObject({
      kind: 'input',
      message: 'scenario: world.agents: must be an integer from 10 to 100,000,000 agents (got 0)',
    });
    expect(ask({ v: 1, type: 'play' })[0]).toMatchObject({ kind: 'input' });
  });

  it('refuses a world over the memory budget before building it, with the estimate', () => {
    const [message] = ask({ v: 1, type: 'runReplicates', scenario, seed: 's', runs: 2, ticks: 5 }, 1000);
    expect(message).toMatchObject({ type: 'error', kind: 'too-big', budgetBytes: 1000 });
    expect(message?.type === 'error' && message.message).toMatch(/^Each run needs about [\d,]+ MB of memory/);
  });
});
