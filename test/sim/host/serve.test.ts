// Tests serveEngine against a tiny deterministic test-only engine, driven through an in-memory Port and a hand-cranked Schedule.
import { describe, expect, it } from 'vitest';
import { csrFromEdges } from '../../../sim/graph/csr.ts';
import { type HostDeps, type Schedule, SUMMARY_INTERVAL_MS, serveEngine } from '../../../sim/host/serve.ts';
import type { WorldEngine, WorldSummary } from '../../../sim/model/api.ts';
import { InputError } from '../../../sim/params/errors.ts';
import type { Command, CommandBody, ScenarioJson, WorkerMessage } from '../../../sim/protocol.ts';

/**
 * A ring of `agents` agents; at tick t agent (t mod agents) adopts trend 0 from its left neighbour (agent 0 from
 * nobody), so after t ticks exactly min(t, agents) agents have adopted. `seed` shifts who goes first, so two seeds
 * give different state hashes. `failAt` makes step() throw at that tick.
 */
function ringEngine(scenario: ScenarioJson, seed: string): WorldEngine {
  const agents = Number(scenario.agents);
  if (!Number.isInteger(agents) || agents < 2)
    throw new InputError('scenario', [
      `agents: must be an integer from 2 to 1,000 (got ${String(scenario.agents)})`,
    ]);
  const failAt = typeof scenario.failAt === 'number' ? scenario.failAt : -1;
  const shift = seed.length % agents;
  const lastAdopted = new Uint8Array(agents);
  const online = new Uint8Array(agents);
  let tick = 0;
  let latest = -1;
  const adoptions: { agent: number; tick: number; parent: number }[] = [];
  const sources = Uint32Array.from({ length: agents }, (_, i) => i);
  const targets = Uint32Array.from({ length: agents }, (_, i) => (i + 1) % agents);
  const ring = csrFromEdges(agents, sources, targets, agents, { directed: false });
  const summary = (): WorldSummary => {
    const adopters = lastAdopted.reduce((sum, v) => sum + (v > 0 ? 1 : 0), 0);
    return {
      tick,
      day: Math.floor(tick / 24),
      hourUtc: tick % 24,
      onlineCount: online.reduce((a, b) => a + b, 0),
      trends: [
        {
          id: 0,
          name: 'ring dance',
          kind: 'dance',
          color: '#ff4f9a',
          adopters,
          exposed: adopters,
          reshares: 0,
          adoptersByPlatform: [adopters],
          adoptersByRegion: [adopters],
          onsetTickByRegion: [0],
          rt: Number.NaN,
          attentionShare: 1,
          largestCascade: null,
        },
      ],
      platforms: [
        {
          id: 0,
          name: 'ringtok',
          members: agents,
          value: agents * agents,
          available: true,
          viewsBySource: [0, 0, 0],
        },
      ],
      exposureDiversity: 0,
      crossCultureShare: 0,
      homogenization: 0,
      creatorReachGini: 0,
    };
  };
  return {
    agentCount: agents,
    regionNames: ['ringland'],
    fandomNames: [],
    platformNames: ['ringtok'],
    agents: {
      region: new Uint8Array(agents),
      fandom: new Uint8Array(agents),
      platforms: new Uint8Array(agents).fill(1),
      tier: new Uint8Array(agents).fill(4),
      lastAdopted,
      online,
    },
    get tick() {
      return tick;
    },
    step() {
      if (tick === failAt) throw new Error('ring engine exploded');
      latest = (tick + shift) % agents;
      if (lastAdopted[latest] === 0)
        adoptions.push({ agent: latest, tick, parent: tick === 0 ? -1 : (latest + agents - 1) % agents });
      lastAdopted[latest] = 1;
      online.fill(0);
      online[latest] = 1;
      tick++;
    },
    transmissions: () => ({
      count: 1,
      parent: Int32Array.of(tick === 1 ? -1 : (latest + agents - 1) % agents),
      child: Uint32Array.of(latest),
      trend: Uint8Array.of(0),
      platform: Uint8Array.of(0),
    }),
    summary,
    inspect: (agent) => ({
      id: agent,
      tick: latest,
      name: `agent ${agent}`,
      region: 'ringland',
      languages: [],
      fandom: null,
      tier: 'regular',
      followers: [2],
      platforms: ['ringtok'],
      interests: [],
      activity: 1,
      threshold: 1,
      recentlySeen: [],
      adoptions: [],
    }),
    adoptionEdges: () => {
      const count = adoptions.length;
      return {
        count,
        trendNames: ['ring dance'],
        trend: new Uint16Array(count),
        agent: Int32Array.from(adoptions, (a) => a.agent),
        tick: Int32Array.from(adoptions, (a) => a.tick),
        parent: Int32Array.from(adoptions, (a) => a.parent),
        platform: new Uint8Array(count),
        region: new Uint8Array(count),
        fandom: new Uint8Array(count),
        root: Int32Array.from(adoptions, () => adoptions[0]!.agent),
        generation: Int32Array.from(adoptions, (_, i) => i),
      };
    },
    replay: (shown, trailTicks, maxTransmissions) => {
      if (!(Number.isInteger(shown) && shown >= 0 && shown <= tick))
        throw new RangeError(`replay: tick ${shown}`);
      const before = adoptions.filter((a) => a.tick < shown);
      const trail = before.filter((a) => a.tick + 1 > shown - trailTicks).slice(-maxTransmissions);
      const shownLastAdopted = new Uint8Array(agents);
      for (const a of before) shownLastAdopted[a.agent] = 1;
      return {
        tick: shown,
        lastAdopted: shownLastAdopted,
        count: trail.length,
        parent: Int32Array.from(trail, (a) => a.parent),
        child: Uint32Array.from(trail, (a) => a.agent),
        trend: new Uint8Array(trail.length),
        platform: new Uint8Array(trail.length),
        shownAt: Int32Array.from(trail, (a) => a.tick + 1),
      };
    },
    layer: () => ring,
    launchTrend: () => 1,
    stateHash: () => `${tick}:${Array.from(lastAdopted).join('')}`,
  };
}

interface Harness {
  send(command: CommandBody): void;
  sendRaw(data: unknown): void;
  messages: { message: WorkerMessage; transfer: ArrayBuffer[] }[];
  of<T extends WorkerMessage['type']>(type: T): Extract<WorkerMessage, { type: T }>[];
  clear(): void;
  /** Runs one schedule turn of `ms` milliseconds (no-op while the schedule is stopped). */
  turn(ms: number): void;
  readonly running: boolean;
  engines: WorldEngine[];
}

function harness(overrides: Partial<HostDeps> = {}, now?: () => number): Harness {
  const messages: Harness['messages'] = [];
  let handler: (data: unknown) => void = () => {};
  let onTurn: ((ms: number) => void) | null = null;
  const engines: WorldEngine[] = [];
  const schedule: Schedule = {
    ...(now ? { now } : {}),
    start(callback) {
      onTurn = callback;
      return () => {
        onTurn = null;
      };
    },
  };
  const deps: HostDeps = {
    createEngine: (scenario, seed) => {
      const engine = ringEngine(scenario, seed);
      engines.push(engine);
      return engine;
    },
    layout: (engine) => ({
      x: Float32Array.from({ length: engine.agentCount }, (_, i) => i),
      y: new Float32Array(engine.agentCount),
      width: engine.agentCount,
      height: 1,
      nodeSpacing: 1,
      regionBoxes: Float32Array.of(0, 0, engine.agentCount, 1),
      clusters: new Float32Array(4),
    }),
    estimateBytes: (scenario) => Number(scenario.agents) * 100,
    budgetBytes: 1e6,
    ...overrides,
  };
  serveEngine(
    { post: (message, transfer) => messages.push({ message, transfer }), listen: (h) => (handler = h) },
    schedule,
    deps,
  );
  return {
    send: (command) => handler({ ...command, v: 1 } as Command),
    sendRaw: (data) => handler(data),
    messages,
    of: (type) => messages.map((m) => m.message).filter((m) => m.type === type) as never,
    clear: () => {
      messages.length = 0;
    },
    turn: (ms) => onTurn?.(ms),
    get running() {
      return onTurn !== null;
    },
    engines,
  };
}

const last = <T>(list: readonly T[]): T => {
  const item = list[list.length - 1];
  if (item === undefined) throw new Error('expected at least one message');
  return item;
};

describe('serveEngine', () => {
  it('answers init with the static data, then a frame, a summary and a status at tick 0', () => {
    const h = harness();
    h.send({ type: 'init', scenario: { agents: 10 }, seed: 'abc' });
    // The build's start and its layout come first (this engine reports no stages of its own).
    expect(h.messages.map((m) => m.message.type)).toEqual([
      'building',
      'building',
      'ready',
      'frame',
      'summary',
      'status',
    ]);
    expect(h.of('building').map((m) => m.stage)).toEqual(['starting', 'layout']);
    const ready = h.of('ready')[0]!;
    expect(ready.agentCount).toBe(10);
    expect(Array.from(ready.x)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(ready.platformNames).toEqual(['ringtok']);
    expect(ready.trendNames).toEqual(['ring dance']);
    expect(ready.estimatedBytes).toBe(1000);
    expect(last(h.of('summary')).rows.map((r) => r.tick)).toEqual([0]);
  });

  it('steps exactly the requested number of ticks and records one series row per tick', () => {
    const h = harness();
    h.send({ type: 'init', scenario: { agents: 10 }, seed: 'abc' });
    h.clear();
    h.send({ type: 'step', count: 1 });
    expect(last(h.of('frame')).tick).toBe(1);
    h.send({ type: 'step', count: 3 });
    expect(last(h.of('frame')).tick).toBe(4);
    const summaries = h.of('summary');
    expect(summaries.flatMap((s) => s.rows.map((r) => r.tick))).toEqual([1, 2, 3, 4]);
    expect(last(summaries).summary.trends[0]!.adopters).toBe(4);
    expect(last(h.of('status')).tick).toBe(4);
    expect(last(h.of('status')).stateHash).toBe(h.engines[0]!.stateHash());
  });

  it('sends frames that are copies of the engine arrays, all listed for transfer', () => {
    const h = harness();
    h.send({ type: 'init', scenario: { agents: 10 }, seed: 'abc' });
    h.send({ type: 'step', count: 2 });
    const sent = last(h.messages.filter((m) => m.message.type === 'frame'));
    const frame = sent.message as Extract<WorkerMessage, { type: 'frame' }>;
    const engine = h.engines[0]!;
    expect(frame.lastAdopted).not.toBe(engine.agents.lastAdopted);
    expect(Array.from(frame.lastAdopted)).toEqual(Array.from(engine.agents.lastAdopted));
    expect(sent.transfer).toContain(frame.lastAdopted.buffer);
    expect(sent.transfer).toContain(frame.child.buffer);
    // Both ticks' transmissions are in the frame: agents 3 and 4 (seed 'abc' shifts the start by 3).
    expect(frame.transmissionCount).toBe(2);
    expect(Array.from(frame.child)).toEqual([3, 4]);
  });

  it('tags live transmissions with the tick whose frame first shows them, and never marks a live frame fullTrail', () => {
    const h = harness();
    h.send({ type: 'init', scenario: { agents: 10 }, seed: 'abc' });
    h.send({ type: 'step', count: 3 });
    const frame = last(h.of('frame'));
    expect(frame.fullTrail).toBe(false);
    expect(Array.from(frame.transmissionTick)).toEqual([1, 2, 3]);
  });

  it('shows an earlier tick as the canvas stood then, with its trail, without changing the world', () => {
    const h = harness();
    h.send({ type: 'init', scenario: { agents: 10 }, seed: 'abc' });
    h.send({ type: 'step', count: 6 });
    const liveHash = h.engines[0]!.stateHash();
    h.clear();
    h.send({ type: 'showTick', tick: 2 });
    const replay = last(h.of('frame'));
    expect(replay.tick).toBe(2);
    expect(replay.fullTrail).toBe(true);
    // Seed 'abc' starts at agent 3: after 2 ticks agents 3 and 4 had adopted, shown at ticks 1 and 2.
    expect(Array.from(replay.lastAdopted)).toEqual([0, 0, 0, 1, 1, 0, 0, 0, 0, 0]);
    expect(Array.from(replay.child)).toEqual([3, 4]);
    expect(Array.from(replay.transmissionTick)).toEqual([1, 2]);
    expect(Array.from(replay.online)).toEqual(new Array(10).fill(0));
    expect(h.engines[0]!.tick).toBe(6);
    expect(h.engines[0]!.stateHash()).toBe(liveHash);
  });

  it('goes back to the live state with its whole trail on showTick null, and on the next step after a replay', () => {
    const h = harness();
    h.send({ type: 'init', scenario: { agents: 10 }, seed: 'abc' });
    h.send({ type: 'step', count: 4 });
    h.send({ type: 'showTick', tick: 1 });
    h.clear();
    h.send({ type: 'showTick', tick: null });
    const live = last(h.of('frame'));
    expect(live.tick).toBe(4);
    expect(live.fullTrail).toBe(true);
    expect(Array.from(live.lastAdopted)).toEqual(Array.from(h.engines[0]!.agents.lastAdopted));
    h.clear();
    h.send({ type: 'showTick', tick: null }); // already live: nothing to redraw
    expect(h.of('frame')).toHaveLength(0);
    h.send({ type: 'showTick', tick: 0 });
    h.send({ type: 'step', count: 1 });
    const stepped = last(h.of('frame'));
    expect(stepped.tick).toBe(5);
    expect(stepped.fullTrail).toBe(true);
    expect(Array.from(stepped.child)).toEqual([3, 4, 5, 6, 7]);
    h.send({ type: 'step', count: 1 });
    expect(last(h.of('frame')).fullTrail).toBe(false);
  });

  it('pauses play to show an earlier tick, and refuses a tick outside the run naming the range', () => {
    const h = harness();
    h.send({ type: 'init', scenario: { agents: 100 }, seed: 'abc' });
    h.send({ type: 'setSpeed', ticksPerSecond: 20 });
    h.send({ type: 'play' });
    h.turn(200);
    h.send({ type: 'showTick', tick: 1 });
    expect(h.running).toBe(false);
    expect(last(h.of('status')).playing).toBe(false);
    h.clear();
    h.send({ type: 'showTick', tick: 99 });
    h.send({ type: 'showTick', tick: 1.5 });
    expect(h.of('frame')).toHaveLength(0);
    expect(h.of('error').map((e) => e.message)).toEqual([
      'showTick: tick: must be null (live) or an integer from 0 to 4 (got 99)',
      'showTick: tick: must be null (live) or an integer from 0 to 4 (got 1.5)',
    ]);
  });

  it('paces play by the schedule: speed × elapsed time, capped per turn, summaries at most every 250 ms', () => {
    const h = harness();
    h.send({ type: 'init', scenario: { agents: 100 }, seed: 'abc' });
    h.send({ type: 'setSpeed', ticksPerSecond: 20 });
    h.send({ type: 'play' });
    expect(h.running).toBe(true);
    h.clear();
    h.turn(100); // 20 ticks/s × 0.1 s = 2 ticks
    expect(last(h.of('frame')).tick).toBe(2);
    h.turn(25); // 0.5 tick owed: no tick, no frame
    expect(h.of('frame')).toHaveLength(1);
    h.turn(25); // the owed half tick completes one more
    expect(last(h.of('frame')).tick).toBe(3);
    expect(h.of('summary')).toHaveLength(0); // 150 ms < SUMMARY_INTERVAL_MS
    h.turn(SUMMARY_INTERVAL_MS - 150);
    expect(h.of('summary')).toHaveLength(1);
    h.turn(10_000); // a 10 s stall is capped at 0.25 s of ticks (5), not 200
    expect(last(h.of('frame')).tick).toBe(3 + 2 + 5);
  });

  it('stops a turn once it has worked its time budget, dropping the ticks it could not do', () => {
    let clock = 0;
    const h = harness({}, () => clock);
    h.send({ type: 'init', scenario: { agents: 100 }, seed: 'abc' });
    // Each tick "takes" 15 ms of the fake clock: 3 ticks pass the 40 ms budget.
    const engine = h.engines[0]!;
    const step = engine.step.bind(engine);
    engine.step = () => {
      clock += 15;
      step();
    };
    h.send({ type: 'setSpeed', ticksPerSecond: 100 });
    h.send({ type: 'play' });
    h.turn(100); // 10 ticks due
    expect(engine.tick).toBe(3);
    h.turn(10); // 1 tick due; the 7 undone earlier are not owed
    expect(engine.tick).toBe(4);
  });

  it('stops ticking on pause and reports the final tick', () => {
    const h = harness();
    h.send({ type: 'init', scenario: { agents: 100 }, seed: 'abc' });
    h.send({ type: 'setSpeed', ticksPerSecond: 10 });
    h.send({ type: 'play' });
    h.turn(500);
    h.send({ type: 'pause' });
    expect(h.running).toBe(false);
    const status = last(h.of('status'));
    expect(status.playing).toBe(false);
    expect(status.tick).toBe(3); // 10 ticks/s × 0.5 s capped at ceil(10 × 0.25) = 3
    expect(last(h.of('summary')).summary.tick).toBe(3);
    h.turn(1000);
    expect(h.engines[0]!.tick).toBe(3);
  });

  it('rebuilds the same world on reset and a different one for a new seed', () => {
    const h = harness();
    h.send({ type: 'init', scenario: { agents: 10 }, seed: 'abc' });
    h.send({ type: 'step', count: 5 });
    const first = h.engines[0]!.stateHash();
    h.send({ type: 'reset' });
    expect(last(h.of('status')).tick).toBe(0);
    h.send({ type: 'step', count: 5 });
    expect(h.engines[1]!.stateHash()).toBe(first);
    expect(last(h.of('ready')).generation).toBe(2);
    h.send({ type: 'newSeed', seed: 'abcdef' });
    h.send({ type: 'step', count: 5 });
    expect(h.engines[2]!.stateHash()).not.toBe(first);
  });

  it('records a hand-launched trend as a launch event of its hour: it tells the app, and every rebuild runs it again', () => {
    const built: ScenarioJson[] = [];
    const h = harness({
      createEngine: (scenario, seed) => {
        built.push(scenario);
        return ringEngine(scenario, seed);
      },
    });
    h.send({
      type: 'init',
      scenario: { agents: 10, events: [{ type: 'ban', tick: 50, platform: 'ringtok' }] },
      seed: 'abc',
    });
    h.send({ type: 'step', count: 3 });
    const statuses = h.of('status').length;
    h.send({ type: 'launchTrend', agent: 2, kind: 'meme', platform: 0 });
    // A status follows, with the state hash of the world after the launch.
    expect(h.of('status').length).toBe(statuses + 1);
    const launched = last(h.of('launched'));
    expect(launched.generation).toBe(1);
    expect(launched.event).toMatchObject({
      type: 'launch',
      tick: 3,
      agent: 2,
      kind: 'meme',
      platform: 'ringtok',
    });
    expect(typeof launched.event.name).toBe('string');
    h.send({ type: 'reset' });
    expect(built[1]!.events).toEqual([{ type: 'ban', tick: 50, platform: 'ringtok' }, launched.event]);
    h.send({ type: 'setParams', patch: { agents: 12 } });
    expect(built[2]!.events).toEqual(built[1]!.events);
  });

  it('applies setParams as a merge patch and rebuilds with the same seed', () => {
    const h = harness();
    h.send({ type: 'init', scenario: { agents: 10, label: { a: 1, b: 2 } }, seed: 'abc' });
    h.send({ type: 'setParams', patch: { agents: 20 } });
    expect(last(h.of('ready')).agentCount).toBe(20);
    expect(last(h.of('ready')).seed).toBe('abc');
  });

  it('refuses a world larger than the budget with the estimate, before building it', () => {
    const h = harness({ budgetBytes: 5_000 });
    h.send({ type: 'init', scenario: { agents: 100 }, seed: 'abc' });
    const error = last(h.of('error'));
    expect(error.kind).toBe('too-big');
    expect(error.estimatedBytes).toBe(10_000);
    expect(error.message).toMatch(/about 1 MB/);
    expect(h.engines).toHaveLength(0);
    expect(h.of('ready')).toHaveLength(0);
  });

  it('reports a bad scenario as an input error naming the field, and keeps the running world', () => {
    const h = harness();
    h.send({ type: 'init', scenario: { agents: 10 }, seed: 'abc' });
    h.send({ type: 'setParams', patch: { agents: 1 } });
    const error = last(h.of('error'));
    expect(error.kind).toBe('input');
    expect(error.message).toContain('agents: must be an integer from 2 to 1,000 (got 1)');
    h.send({ type: 'step', count: 1 });
    expect(last(h.of('frame')).tick).toBe(1);
  });

  it('turns an engine exception into a crash message with its stack, and stops playing', () => {
    const h = harness();
    h.send({ type: 'init', scenario: { agents: 10, failAt: 2 }, seed: 'abc' });
    h.send({ type: 'setSpeed', ticksPerSecond: 40 });
    h.send({ type: 'play' });
    h.turn(250);
    const error = last(h.of('error'));
    expect(error.kind).toBe('crash');
    expect(error.message).toBe('ring engine exploded');
    expect(error.stack).toContain('ring engine exploded');
    expect(h.running).toBe(false);
  });

  it('tells how far a build has got: stages in order, the fraction scaled into the engine share, at most one message per 1% of a stage', () => {
    const h = harness({
      createEngine: (scenario, seed, onProgress) => {
        for (let i = 0; i <= 1000; i++) onProgress?.('Loop follows', i / 1000);
        onProgress?.('run state', 1);
        return ringEngine(scenario, seed);
      },
    });
    h.send({ type: 'init', scenario: { agents: 10 }, seed: 'abc' });
    const building = h.of('building');
    expect(building[0]).toEqual({ v: 1, type: 'building', stage: 'starting', fraction: 0 });
    const loop = building.filter((m) => m.stage === 'Loop follows');
    // The engine takes 96% of the build, so each report adds 0.096% and a message goes out every 11th report (the
    // first to have risen by 1%): reports 0, 11, …, 990, i.e. 91 messages for 1,001 reports.
    expect(loop.length).toBe(91);
    expect(loop.at(-1)!.fraction).toBeCloseTo(0.96 * 0.99, 10);
    expect(building.slice(-2).map((m) => [m.stage, m.fraction])).toEqual([
      ['run state', 0.96],
      ['layout', 0.96],
    ]);
    // All of them before the world is ready: the app knows a build is over from `ready`, not from a 100% message.
    const types = h.messages.map((m) => m.message.type);
    expect(types.lastIndexOf('building')).toBeLessThan(types.indexOf('ready'));
  });

  it("warms up once, with the first world's scenario and seed, after that world's messages are posted", () => {
    const calls: { scenario: ScenarioJson; seed: string; postedBefore: string[] }[] = [];
    const h = harness({
      warmUp: (scenario, seed) => {
        calls.push({ scenario, seed, postedBefore: h.messages.map((m) => m.message.type) });
      },
    });
    h.send({ type: 'init', scenario: { agents: 10 }, seed: 'abc' });
    h.send({ type: 'newSeed', seed: 'other' });
    h.send({ type: 'init', scenario: { agents: 12 }, seed: 'abc' });
    expect(calls).toEqual([
      {
        scenario: { agents: 10 },
        seed: 'abc',
        postedBefore: ['building', 'building', 'ready', 'frame', 'summary', 'status'],
      },
    ]);
  });

  it('plays on as if nothing happened when the warm-up throws', () => {
    const h = harness({
      warmUp: () => {
        throw new Error('warm-up failed');
      },
    });
    h.send({ type: 'init', scenario: { agents: 10 }, seed: 'abc' });
    h.send({ type: 'step', count: 3 });
    expect(h.of('error')).toEqual([]);
    expect(last(h.of('frame')).tick).toBe(3);
  });

  it('rejects messages of another protocol version without acting on them', () => {
    const h = harness();
    h.sendRaw({ v: 2, type: 'init', scenario: { agents: 10 }, seed: 'abc' });
    expect(h.messages.map((m) => m.message.type)).toEqual(['error']);
    expect(h.engines).toHaveLength(0);
  });

  it('advances a new world to the requested tick before its first frame (share links)', () => {
    const h = harness();
    h.send({ type: 'init', scenario: { agents: 10 }, seed: 'abc', advanceTo: 7 });
    expect(h.of('frame').map((f) => f.tick)).toEqual([7]);
    expect(last(h.of('summary')).rows).toHaveLength(8);
  });

  it('answers inspect with the agent and rejects agents outside the world', () => {
    const h = harness();
    h.send({ type: 'init', scenario: { agents: 10 }, seed: 'abc' });
    h.send({ type: 'inspect', agent: 4 });
    expect(last(h.of('inspection')).inspection.name).toBe('agent 4');
    h.send({ type: 'inspect', agent: 10 });
    expect(last(h.of('error')).message).toContain('agent: must be an integer from 0 to 9 (got 10)');
  });

  it('answers requestAdoptions with every adoption as tree-edge columns, all transferred, and ignores it with no world', () => {
    const h = harness();
    h.send({ type: 'requestAdoptions' });
    expect(h.messages).toEqual([]);
    h.send({ type: 'init', scenario: { agents: 10 }, seed: 'abc' });
    h.send({ type: 'step', count: 4 });
    h.clear();
    h.send({ type: 'requestAdoptions' });
    expect(h.messages.map((m) => m.message.type)).toEqual(['adoptions']);
    const answer = h.of('adoptions')[0]!;
    expect(answer.tick).toBe(4);
    expect(answer.edges.trendNames).toEqual(['ring dance']);
    // Seed 'abc' shifts the start to agent 3; each later agent adopted from its left neighbour.
    expect(Array.from(answer.edges.agent)).toEqual([3, 4, 5, 6]);
    expect(Array.from(answer.edges.parent)).toEqual([-1, 3, 4, 5]);
    expect(Array.from(answer.edges.tick)).toEqual([0, 1, 2, 3]);
    const columns = Object.values(answer.edges).filter((v) => ArrayBuffer.isView(v));
    expect(columns).toHaveLength(9);
    expect(new Set(h.messages[0]!.transfer)).toEqual(new Set(columns.map((c) => c.buffer)));
  });

  it('samples ties of the requested layer, at most the requested number', () => {
    const h = harness();
    h.send({ type: 'init', scenario: { agents: 10 }, seed: 'abc' });
    h.send({ type: 'requestTies', platform: 'all', sample: 4 });
    const ties = last(h.of('ties'));
    expect(ties.totalTies).toBe(10);
    // stride ceil(10 / 4) = 3 keeps ties 0, 3, 6, 9 of the ring in (source, target) order.
    expect(Array.from(ties.sources)).toEqual([0, 2, 5, 8]);
    expect(Array.from(ties.targets)).toEqual([1, 3, 6, 9]);
  });
});
