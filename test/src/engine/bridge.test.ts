// Tests the client and the bridge with a fake worker: intents become commands in order, replies become store summaries, crashes restart with the kept parameters.
import { describe, expect, it } from 'vitest';
import type { AgentInspection, WorldSummary } from '../../../sim/model/api.ts';
import { DEFAULT_AGENTS } from '../../../sim/params/world-records.ts';
import type { Command, FrameMessage, ReadyMessage, WorkerMessage } from '../../../sim/protocol.ts';
import { connectBridge } from '../../../src/engine/bridge.ts';
import { createEngineClient, type WorkerLike } from '../../../src/engine/client.ts';
import { createAppStore } from '../../../src/state/store.ts';
import { seriesRow } from '../ui/series-row.ts';
import { type FakeWorker, fakeWorkers as fakeWorkersOf } from './fake-worker.ts';

/** The engine client's fake worker: replies are typed as the engine worker's messages. */
function fakeWorkers() {
  return fakeWorkersOf<Command>() as {
    spawn: () => WorkerLike;
    workers: (FakeWorker<Command> & { reply(message: WorkerMessage): void })[];
  };
}

const ready = (generation: number, seed = 's1'): ReadyMessage => ({
  v: 1,
  type: 'ready',
  generation,
  seed,
  agentCount: 3,
  x: new Float32Array(3),
  y: new Float32Array(3),
  layout: {
    width: 1,
    height: 1,
    nodeSpacing: 1,
    regionBoxes: new Float32Array(4),
    clusters: new Float32Array(4),
  },
  region: new Uint8Array(3),
  fandom: new Uint8Array(3),
  tier: new Uint8Array(3),
  platforms: new Uint8Array(3),
  regionNames: ['r'],
  fandomNames: [],
  platformNames: ['p'],
  trendNames: ['t'],
  trendColors: ['#fff'],
  estimatedBytes: 100,
});

const frame = (generation: number, tick: number): FrameMessage => ({
  v: 1,
  type: 'frame',
  generation,
  tick,
  lastAdopted: new Uint8Array(3),
  online: new Uint8Array(3),
  transmissionCount: 0,
  fullTrail: false,
  transmissionTick: new Int32Array(0),
  parent: new Int32Array(0),
  child: new Uint32Array(0),
  trend: new Uint8Array(0),
  platform: new Uint8Array(0),
});

const summary = (tick: number): WorldSummary => ({
  tick,
  day: Math.floor(tick / 24),
  hourUtc: tick % 24,
  onlineCount: 1,
  trends: [],
  platforms: [],
  exposureDiversity: 0,
  crossCultureShare: 0,
  homogenization: 0,
  creatorReachGini: 0,
});

const row = (tick: number) => seriesRow(tick);

const inspection = (id: number, tick = 0): AgentInspection => ({
  id,
  tick,
  name: `a${id}`,
  region: 'r',
  languages: [],
  fandom: null,
  tier: 'regular',
  followers: [],
  platforms: [],
  interests: [],
  activity: 1,
  threshold: 1,
  recentlySeen: [],
  adoptions: [],
});

function setup() {
  const { spawn, workers } = fakeWorkers();
  const client = createEngineClient(spawn);
  const store = createAppStore('s1');
  connectBridge(store, client);
  store.getState().loadScenario('demo', { agents: 3 }, 's1');
  const worker = workers[0]!;
  return { client, store, workers, worker, types: () => worker.sent.map((c) => c.type) };
}

describe('engine client', () => {
  it('keeps only the latest frame of the current world, handing each out once', () => {
    const { client, worker } = setup();
    worker.reply(ready(1));
    worker.reply(frame(1, 1));
    worker.reply(frame(1, 2));
    worker.reply(frame(0, 99)); // a late frame of an older world
    expect(client.takeFrame()?.tick).toBe(2);
    expect(client.takeFrame()).toBeNull();
    expect(client.latestFrame()?.tick).toBe(2);
  });

  it('hands out the cascade edges of the current world only', () => {
    const { client, worker } = setup();
    const ticks: number[] = [];
    client.onAdoptions((message) => ticks.push(message.tick));
    const edges = (count: number) => ({
      count,
      trendNames: ['t'],
      trend: new Uint16Array(count),
      agent: new Int32Array(count),
      tick: new Int32Array(count),
      parent: new Int32Array(count).fill(-1),
      platform: new Uint8Array(count),
      region: new Uint8Array(count),
      fandom: new Uint8Array(count),
      root: new Int32Array(count),
      generation: new Int32Array(count),
    });
    worker.reply(ready(2));
    worker.reply({ v: 1, type: 'adoptions', generation: 1, tick: 7, edges: edges(3) });
    worker.reply({ v: 1, type: 'adoptions', generation: 2, tick: 9, edges: edges(1) });
    expect(ticks).toEqual([9]);
  });

  it('accumulates series rows per world and starts over when a new world is ready, keeping the last one as the previous run', () => {
    const { client, worker } = setup();
    worker.reply(ready(1));
    expect(client.previousRun()).toBeNull();
    worker.reply({
      v: 1,
      type: 'summary',
      generation: 1,
      summary: summary(2),
      rows: [row(0), row(1), row(2)],
    });
    expect(client.series().map((r) => r.tick)).toEqual([0, 1, 2]);
    worker.reply(ready(2));
    expect(client.series()).toEqual([]);
    expect(client.previousRun()?.world.generation).toBe(1);
    expect(client.previousRun()?.rows.map((r) => r.tick)).toEqual([0, 1, 2]);
    worker.reply(ready(3));
    expect(client.previousRun()?.world.generation).toBe(2);
    expect(client.previousRun()?.rows).toEqual([]);
  });

  it('stamps every command with the protocol version', () => {
    const { worker } = setup();
    expect(worker.sent.every((c) => c.v === 1)).toBe(true);
  });
});

describe('store ↔ engine bridge', () => {
  it('sends the speed and the scenario with its seed when a preset loads', () => {
    const { worker } = setup();
    expect(worker.sent[0]).toEqual({ v: 1, type: 'setSpeed', ticksPerSecond: 24 });
    expect(worker.sent[1]).toEqual({ v: 1, type: 'init', scenario: { agents: 3 }, seed: 's1' });
  });

  it('turns intents into commands in order: pause before step, play, reset, new seed', () => {
    const { store, types, worker } = setup();
    worker.reply(ready(1));
    const actions = store.getState();
    actions.play();
    actions.step(1);
    actions.setSpeed(60);
    actions.reset();
    worker.reply(ready(2));
    actions.setSeed('s2');
    expect(types().slice(2)).toEqual(['play', 'pause', 'step', 'setSpeed', 'reset', 'newSeed']);
    expect(store.getState().outbox).toEqual([]);
    expect(store.getState().seed).toBe('s2');
  });

  it('shows a replayed tick before pausing the engine, and plays the engine only once the replay is live again', () => {
    const { store, worker, types } = setup();
    store.setState({ tick: 30 });
    store.getState().play();
    store.getState().showTick(10); // playing on: the timeline plays the replay, the engine waits
    store.getState().showTick(11);
    store.getState().showTick(null);
    store.getState().pause();
    expect(types().slice(2)).toEqual(['play', 'showTick', 'pause', 'showTick', 'showTick', 'play', 'pause']);
    expect(
      worker.sent.filter((c) => c.type === 'showTick').map((c) => (c as { tick: unknown }).tick),
    ).toEqual([10, 11, null]);
  });

  it('opens a link made during a replay at its tick, then shows its replayed hour, and ignores the old world meanwhile', () => {
    const { store, worker } = setup();
    worker.reply(ready(1));
    worker.reply({ v: 1, type: 'summary', generation: 1, summary: summary(5), rows: [] });
    store.getState().loadScenario('demo', { agents: 3 }, 's2', 30, 12);
    // A late summary of the world before, even at the link's tick, changes nothing.
    worker.reply({ v: 1, type: 'summary', generation: 1, summary: summary(30), rows: [] });
    expect(store.getState().replayTick).toBeNull();
    worker.reply(ready(2, 's2'));
    worker.reply({ v: 1, type: 'summary', generation: 2, summary: summary(30), rows: [] });
    expect(store.getState().replayTick).toBe(12);
    expect(worker.sent.at(-1)).toEqual({ v: 1, type: 'showTick', tick: 12 });
    // Once only: the next world starts live.
    store.getState().reset();
    worker.reply(ready(3, 's2'));
    worker.reply({ v: 1, type: 'summary', generation: 3, summary: summary(30), rows: [] });
    expect(store.getState().replayTick).toBeNull();
  });

  it('copies summaries into the store but never frames', () => {
    const { store, worker } = setup();
    worker.reply(ready(1));
    expect(store.getState().phase).toBe('ready');
    expect(store.getState().world?.agentCount).toBe(3);
    worker.reply(frame(1, 5));
    expect(store.getState().tick).toBe(0);
    worker.reply({ v: 1, type: 'summary', generation: 1, summary: summary(30), rows: [] });
    expect(store.getState()).toMatchObject({ tick: 30, day: 1, hourUtc: 6 });
  });

  it('shows a crash, keeps the parameters, and restarts a fresh worker with them', () => {
    const { store, worker, workers } = setup();
    worker.reply(ready(1));
    store.getState().setParams({ agents: 4 });
    worker.reply({ v: 1, type: 'error', kind: 'crash', message: 'boom', stack: 'Error: boom\n at step' });
    expect(store.getState().error).toEqual({
      kind: 'crash',
      message: 'boom',
      detail: 'Error: boom\n at step',
    });
    expect(store.getState().phase).toBe('error');
    store.getState().restart();
    expect(worker.terminated).toBe(true);
    const fresh = workers[1]!;
    expect(fresh.sent.map((c) => c.type)).toEqual(['setSpeed', 'init']);
    expect(fresh.sent[1]).toMatchObject({ scenario: { agents: 4 }, seed: 's1' });
    expect(store.getState().error).toBeNull();
  });

  it("adds a hand-launched trend to the scenario as its launch event, without rebuilding, and ignores an old world's", () => {
    const { store, worker, types } = setup();
    worker.reply(ready(1));
    const sent = types().length;
    store.getState().launchTrend(2, 'meme', 0);
    expect(types().slice(sent)).toEqual(['launchTrend']);
    const event = { type: 'launch', tick: 7, agent: 2, kind: 'meme', platform: 'p', name: 'Meme 1' };
    worker.reply({ v: 1, type: 'launched', generation: 1, event });
    expect(store.getState().scenario).toEqual({ agents: 3, events: [event] });
    worker.reply({ v: 1, type: 'launched', generation: 0, event: { ...event, tick: 1 } });
    expect(store.getState().scenario).toEqual({ agents: 3, events: [event] });
    expect(types().slice(sent)).toEqual(['launchTrend']); // no rebuild asked
    expect(store.getState().phase).toBe('ready');
  });

  it('goes back to the run it showed when the worker refuses the world asked for as too big', () => {
    const { store, worker } = setup();
    worker.reply(ready(1));
    worker.reply({ v: 1, type: 'summary', generation: 1, summary: summary(10), rows: [] });
    store.getState().setParams({ agents: 100_000_000 });
    expect(store.getState()).toMatchObject({ tick: 0, phase: 'loading', scenario: { agents: 100_000_000 } });
    worker.reply({
      v: 1,
      type: 'error',
      kind: 'too-big',
      message: 'This world needs about 50,453 MB of memory',
      estimatedBytes: 5e10,
      budgetBytes: 1e9,
    });
    expect(store.getState()).toMatchObject({
      scenario: { agents: 3 },
      presetId: 'demo',
      tick: 10,
      day: 0,
      hourUtc: 10,
      phase: 'ready',
      playing: false,
      beforeRebuild: null,
    });
    expect(store.getState().summary?.tick).toBe(10);
    expect(store.getState().error?.kind).toBe('too-big');
    // A later change that builds forgets the refused one: it starts from the run shown.
    store.getState().setParams({ agents: 5 });
    worker.reply(ready(2));
    expect(store.getState()).toMatchObject({ scenario: { agents: 5 }, beforeRebuild: null, error: null });
  });

  it('reports a worker that fails to load as a crash, and keeps showing it when a preset loads later', () => {
    const { store, worker } = setup();
    worker.onerror?.({ message: 'SyntaxError: bad module' } as ErrorEvent);
    expect(store.getState().error?.kind).toBe('crash');
    expect(store.getState().error?.message).toContain('bad module');
    store.getState().loadScenario('other', { agents: 5 });
    expect(store.getState().error?.kind).toBe('crash');
    expect(store.getState().phase).toBe('error');
    store.getState().restart();
    expect(store.getState()).toMatchObject({ error: null, phase: 'loading', presetId: 'other' });
  });

  it('shows the inspection of the selected agent only', () => {
    const { store, worker } = setup();
    worker.reply(ready(1));
    store.getState().selectAgent(2);
    expect(worker.sent.at(-1)).toEqual({ v: 1, type: 'inspect', agent: 2 });
    worker.reply({ v: 1, type: 'inspection', generation: 1, inspection: inspection(1) });
    expect(store.getState().inspection).toBeNull();
    worker.reply({ v: 1, type: 'inspection', generation: 1, inspection: inspection(2) });
    expect(store.getState().inspection?.name).toBe('a2');
  });

  it('asks again for the selected agent with each summary, never twice at once', () => {
    const { store, worker } = setup();
    worker.reply(ready(1));
    store.getState().selectAgent(2);
    const asked = () => worker.sent.filter((c) => c.type === 'inspect').length;
    expect(asked()).toBe(1);
    // Nothing shown yet: a summary does not ask a second time while the first answer is on its way.
    worker.reply({ v: 1, type: 'summary', generation: 1, summary: summary(1), rows: [] });
    expect(asked()).toBe(1);
    worker.reply({ v: 1, type: 'inspection', generation: 1, inspection: inspection(2) });
    worker.reply({ v: 1, type: 'summary', generation: 1, summary: summary(2), rows: [] });
    expect(worker.sent.at(-1)).toEqual({ v: 1, type: 'inspect', agent: 2 });
    worker.reply({ v: 1, type: 'summary', generation: 1, summary: summary(3), rows: [] });
    expect(asked()).toBe(2);
    worker.reply({ v: 1, type: 'inspection', generation: 1, inspection: inspection(2, 3) });
    expect(store.getState().inspection?.tick).toBe(3);
    // A summary after a launched trend (same tick) asks again too: the agent may have just adopted it.
    worker.reply({ v: 1, type: 'summary', generation: 1, summary: summary(3), rows: [] });
    expect(asked()).toBe(3);
    worker.reply({ v: 1, type: 'inspection', generation: 1, inspection: inspection(2, 3) });
    store.getState().selectAgent(null);
    worker.reply({ v: 1, type: 'summary', generation: 1, summary: summary(4), rows: [] });
    expect(asked()).toBe(3);
  });

  it('shows how far a build has got only while the world is being built', () => {
    const { store, worker } = setup();
    worker.reply({ v: 1, type: 'building', stage: 'Loop follows', fraction: 0.4 });
    expect(store.getState().building).toEqual({ stage: 'Loop follows', fraction: 0.4 });
    worker.reply(ready(1));
    expect(store.getState().building).toBeNull();
    // A message that arrives after its world was ready (none should) does not bring the card back.
    worker.reply({ v: 1, type: 'building', stage: 'layout', fraction: 0.97 });
    expect(store.getState().building).toBeNull();
    store.getState().reset();
    expect(store.getState().building).toBeNull();
    worker.reply({ v: 1, type: 'building', stage: 'population', fraction: 0 });
    expect(store.getState().building?.stage).toBe('population');
  });

  it('cancels a build by rebuilding the run shown before in a new worker, at its tick, with its reference run kept', () => {
    const { client, store, worker, workers } = setup();
    worker.reply(ready(1));
    worker.reply({ v: 1, type: 'summary', generation: 1, summary: summary(4), rows: [row(0), row(4)] });
    store.getState().setSeed('s2');
    worker.reply(ready(2, 's2'));
    worker.reply({ v: 1, type: 'summary', generation: 2, summary: summary(13), rows: [row(0), row(13)] });
    store.getState().selectAgent(1);
    store.getState().setParams({ agents: 1_000_000 });
    worker.reply({ v: 1, type: 'building', stage: 'Loop follows', fraction: 0.3 });
    store.getState().cancelBuild();

    expect(worker.terminated).toBe(true);
    const fresh = workers[1]!;
    expect(fresh.sent.map((c) => c.type)).toEqual(['setSpeed', 'init']);
    expect(fresh.sent[1]).toEqual({ v: 1, type: 'init', scenario: { agents: 3 }, seed: 's2', advanceTo: 13 });
    expect(store.getState()).toMatchObject({
      scenario: { agents: 3 },
      seed: 's2',
      tick: 13,
      selectedAgent: 1,
      phase: 'loading',
      building: null,
      beforeRebuild: null,
      playing: false,
      // Only the first world's build falls back to the default size (and ends a ?agents= size: main.ts).
      firstBuildCancelled: false,
    });
    expect(store.getState().notice).toContain('tick 13');
    // The new worker numbers its worlds from 1 again; the client keeps them apart from the old worker's, and the
    // charts still compare with the run before the one rebuilt (seed s1), not with the rebuilt run itself.
    fresh.reply(ready(1, 's2'));
    expect(client.world()?.generation).toBe(3);
    expect(client.previousRun()?.world.seed).toBe('s1');
    fresh.reply({ v: 1, type: 'summary', generation: 1, summary: summary(13), rows: [row(0), row(13)] });
    expect(store.getState()).toMatchObject({ tick: 13, phase: 'ready' });
    expect(client.series().map((r) => r.tick)).toEqual([0, 13]);
  });

  it('cancels the first build by building the same scenario at the default size', () => {
    const { store, workers } = setup();
    store.getState().loadScenario('demo', { world: { agents: 5_000_000 }, trends: [] }, 's1');
    // (Asked while the first scenario was still being built: a new worker builds it; see the test below.)
    expect(workers).toHaveLength(2);
    store.getState().cancelBuild();
    expect(workers[1]!.terminated).toBe(true);
    expect(workers[2]!.sent[1]).toEqual({
      v: 1,
      type: 'init',
      scenario: { world: { agents: DEFAULT_AGENTS }, trends: [] },
      seed: 's1',
    });
    expect(store.getState().notice).toContain('20,000 agents');
    expect(store.getState().firstBuildCancelled).toBe(true);
    // Once a world is ready there is nothing to cancel.
    workers[2]!.reply(ready(1));
    store.getState().cancelBuild();
    expect(workers).toHaveLength(3);
  });

  it('starts a new worker on the latest request when another rebuild is asked during a build, so none is queued', () => {
    const { store, worker, workers } = setup();
    worker.reply(ready(1));
    store.getState().setParams({ agents: 1_000_000 });
    expect(worker.sent.at(-1)).toMatchObject({ type: 'setParams' });
    // The worker reads nothing until that build ends: Reset, a new seed and a preset each start over instead.
    store.getState().reset();
    expect(worker.terminated).toBe(true);
    expect(workers[1]!.sent).toEqual([
      { v: 1, type: 'setSpeed', ticksPerSecond: 24 },
      { v: 1, type: 'init', scenario: { agents: 1_000_000 }, seed: 's1' },
    ]);
    store.getState().setSeed('s9');
    expect(workers[2]!.sent[1]).toEqual({ v: 1, type: 'init', scenario: { agents: 1_000_000 }, seed: 's9' });
    store.getState().loadScenario('other', { agents: 5 }, 's9', 12);
    expect(workers[3]!.sent[1]).toEqual({
      v: 1,
      type: 'init',
      scenario: { agents: 5 },
      seed: 's9',
      advanceTo: 12,
    });
    // Once a world is ready, rebuilds go to the same worker again.
    workers[3]!.reply(ready(1, 's9'));
    store.getState().reset();
    expect(workers).toHaveLength(4);
    expect(workers[3]!.sent.at(-1)).toEqual({ v: 1, type: 'reset' });
  });

  it('rebuilds the run shown when a new worker refuses the world asked for, since it has no world of its own', () => {
    const { store, worker, workers } = setup();
    worker.reply(ready(1));
    worker.reply({ v: 1, type: 'summary', generation: 1, summary: summary(10), rows: [] });
    store.getState().setParams({ agents: 1_000_000 });
    store.getState().setParams({ agents: 100_000_000 });
    const fresh = workers[1]!;
    fresh.reply({
      v: 1,
      type: 'error',
      kind: 'too-big',
      message: 'This world needs about 50,453 MB of memory',
    });
    expect(store.getState()).toMatchObject({ scenario: { agents: 3 }, tick: 10, phase: 'loading' });
    expect(fresh.terminated).toBe(true);
    expect(workers[2]!.sent.at(-1)).toEqual({
      v: 1,
      type: 'init',
      scenario: { agents: 3 },
      seed: 's1',
      advanceTo: 10,
    });
    workers[2]!.reply(ready(1));
    expect(store.getState().phase).toBe('ready');
    expect(store.getState().notice).toBe('This world needs about 50,453 MB of memory');
  });

  it('shows the run again when the engine rejects the scenario of a rebuild, and the card goes', () => {
    const { store, worker } = setup();
    worker.reply(ready(1));
    worker.reply({ v: 1, type: 'summary', generation: 1, summary: summary(4), rows: [] });
    store.getState().setParams({ agents: 7 });
    worker.reply({ v: 1, type: 'building', stage: 'starting', fraction: 0 });
    worker.reply({
      v: 1,
      type: 'error',
      kind: 'input',
      message: 'scenario: trends[0].fandom: no fandom "Nova"',
    });
    expect(store.getState()).toMatchObject({
      scenario: { agents: 3 },
      tick: 4,
      phase: 'ready',
      building: null,
      error: { kind: 'input', message: 'scenario: trends[0].fandom: no fandom "Nova"' },
    });
    expect(worker.terminated).toBe(false);
  });

  it('keeps the run before as the reference when a build is replaced by another and then cancelled or refused', () => {
    for (const end of ['cancel', 'refusal'] as const) {
      const { client, store, worker, workers } = setup();
      worker.reply(ready(1, 's1'));
      store.getState().setSeed('s2');
      worker.reply(ready(2, 's2'));
      worker.reply({ v: 1, type: 'summary', generation: 2, summary: summary(5), rows: [row(0), row(5)] });
      store.getState().setParams({ agents: 1_000_000 });
      store.getState().setSeed('s3'); // during the build: a new worker
      if (end === 'cancel') store.getState().cancelBuild();
      else workers[1]!.reply({ v: 1, type: 'error', kind: 'too-big', message: 'too big' });
      const rebuilt = workers[2]!;
      expect(rebuilt.sent[1]).toEqual({
        v: 1,
        type: 'init',
        scenario: { agents: 3 },
        seed: 's2',
        advanceTo: 5,
      });
      rebuilt.reply(ready(1, 's2'));
      // The run shown (seed s2) is back; the charts compare it with the run before it (s1), not with itself.
      expect(client.world()?.seed).toBe('s2');
      expect(client.previousRun()?.world.seed).toBe('s1');
    }
  });
});
