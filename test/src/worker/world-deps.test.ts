// Tests the worker's wiring of the real social-world engine behind serveEngine: same seed → same run, bad input named, too-big refused.
import { describe, expect, it } from 'vitest';
import { type Schedule, serveEngine } from '../../../sim/host/serve.ts';
import { createWorldEngine } from '../../../sim/model/engine.ts';
import { worldScenarioSchema } from '../../../sim/params/world.ts';
import type { Command, CommandBody, WorkerMessage } from '../../../sim/protocol.ts';
import { memoryBudgetBytes, WARM_UP, warmUpScenario, worldDeps } from '../../../src/worker/world-deps.ts';
import { DEFAULT_WORLD_BUILD_STAGES } from '../../sim/model/world-fixture.ts';

const scenario = {
  version: 1,
  world: { agents: 600 },
  trends: [{ name: 'Test dance', kind: 'dance-challenge', origin: 'idol' }],
};
const never: Schedule = { start: () => () => {} };

function serve(budgetBytes = 1e9) {
  const messages: WorkerMessage[] = [];
  let handler: (data: unknown) => void = () => {};
  serveEngine({ post: (m) => messages.push(m), listen: (h) => (handler = h) }, never, worldDeps(budgetBytes));
  const send = (command: CommandBody) => handler({ ...command, v: 1 } as Command);
  const last = <T extends WorkerMessage['type']>(type: T) =>
    messages.filter((m) => m.type === type).at(-1) as Extract<WorkerMessage, { type: T }> | undefined;
  return { send, last, messages };
}

describe('the worker serving the social-world engine', () => {
  it('builds the world with positions for every agent and replays the same run after reset', () => {
    const host = serve();
    host.send({ type: 'init', scenario, seed: 'wd' });
    const ready = host.last('ready');
    expect(ready?.agentCount).toBe(600);
    expect(ready?.x.length).toBe(600);
    expect(ready?.x.every(Number.isFinite)).toBe(true);
    host.send({ type: 'step', count: 12 });
    const first = host.last('frame');
    host.send({ type: 'reset' });
    host.send({ type: 'step', count: 12 });
    const again = host.last('frame');
    expect(again?.tick).toBe(12);
    expect(Array.from(again?.lastAdopted ?? [])).toEqual(Array.from(first?.lastAdopted ?? []));
  });

  it("posts the real engine's build stages, in order, before the world is ready", () => {
    const host = serve();
    host.send({ type: 'init', scenario, seed: 'wd' });
    const stages = host.messages.flatMap((m) => (m.type === 'building' ? [m.stage] : []));
    // The host's own stages around the engine's: the world's (buildWorld), then the run's state, then the layout.
    expect([...new Set(stages)]).toEqual(['starting', ...DEFAULT_WORLD_BUILD_STAGES, 'run state', 'layout']);
    expect(host.messages.findIndex((m) => m.type === 'ready')).toBe(stages.length);
  });

  it('runs the same as the engine built directly from the scenario with that seed (as the CLI does)', () => {
    const host = serve();
    host.send({ type: 'init', scenario, seed: 'same' });
    host.send({ type: 'step', count: 10 });
    const direct = createWorldEngine(worldScenarioSchema.parse({ ...scenario, seed: 'same' }));
    for (let i = 0; i < 10; i++) direct.step();
    expect(Array.from(host.last('frame')?.lastAdopted ?? [])).toEqual(Array.from(direct.agents.lastAdopted));
    expect(host.last('summary')?.summary.trends[0]?.adopters).toBe(direct.summary().trends[0]?.adopters);
  });

  it('names a bad field of the scenario and refuses a world larger than the budget with its estimate', () => {
    const host = serve(1e5); // 600 agents need about 0.3 MB
    host.send({ type: 'init', scenario: { ...scenario, world: { agents: 5 } }, seed: 'x' });
    expect(host.last('error')?.message).toContain('world.agents');
    host.send({ type: 'init', scenario, seed: 'x' });
    const refused = host.last('error');
    expect(refused?.kind).toBe('too-big');
    expect(refused?.estimatedBytes).toBeGreaterThan(1e5);
    expect(host.last('ready')).toBeUndefined();
  });

  it('warms up on a copy of a bigger scenario with 3,000 agents and the same seed and trends, and skips small or bad ones', () => {
    const big = { ...scenario, world: { agents: 100_000 } };
    const small = warmUpScenario(big, 'warm');
    expect(small?.world.agents).toBe(WARM_UP.agents);
    expect(small?.seed).toBe('warm');
    expect(small?.trends.map((t) => t.name)).toEqual(['Test dance']);
    expect(warmUpScenario(scenario, 'warm')).toBeNull();
    expect(warmUpScenario({ ...scenario, world: { agents: 5 } }, 'warm')).toBeNull();
  });

  it('leaves later worlds as they would be without it: the same run after a warm-up as before', () => {
    const run = () => {
      const engine = worldDeps(1e9).createEngine(scenario, 'same');
      for (let i = 0; i < 12; i++) engine.step();
      return { hash: engine.stateHash(), adopted: Array.from(engine.agents.lastAdopted) };
    };
    const before = run();
    // 3,500 agents: big enough that the warm-up really builds and steps its 3,000-agent world.
    worldDeps(1e9).warmUp?.({ ...scenario, world: { agents: 3_500 } }, 'same');
    expect(run()).toEqual(before);
  });

  it('budgets a share of the reported device memory, or a fixed amount when the browser does not say', () => {
    expect(memoryBudgetBytes(8)).toBeCloseTo(8e9 * 0.35, -3);
    expect(memoryBudgetBytes(undefined)).toBe(2e9);
  });
});
