// Tests of sweep files: grid order, job numbering, seeds, shards, and validation of every grid point before any run.
import { describe, expect, it } from 'vitest';
import {
  inShard,
  jobPosition,
  parseSweepText,
  pathKeys,
  pointScenario,
  pointValues,
  sweepJobSeed,
} from '../../../sim/params/sweep.ts';
import { inputErrorOf } from './input-error.ts';

const base = {
  version: 1,
  seed: 'base',
  graph: { type: 'erdos-renyi', nodes: 100, meanDegree: 3 },
  model: { type: 'independent-cascade', p: 0.2 },
  seeding: { type: 'random', count: 1 },
};

function sweepText(
  vary: Record<string, unknown[]>,
  replicates = 1,
  overrides: Record<string, unknown> = {},
): string {
  return JSON.stringify({ version: 1, base: { ...base, ...overrides }, vary, replicates });
}

const linesOf = (action: () => unknown) => inputErrorOf(action).lines;

describe('pathKeys', () => {
  it('reads dotted and bracketed array indices alike', () => {
    expect(pathKeys('graph.layers.1.nodes')).toEqual(['graph', 'layers', 1, 'nodes']);
    expect(pathKeys('graph.layers[1].nodes')).toEqual(['graph', 'layers', 1, 'nodes']);
  });
});

describe('parseSweepText', () => {
  const plan = parseSweepText(
    sweepText({ 'model.p': [0.1, 0.2, 0.3], 'graph.meanDegree': [2, 4] }, 3),
    's.json',
  );

  it('orders grid points as nested loops in file order, the last path fastest', () => {
    expect(plan.pointCount).toBe(6);
    expect(plan.jobCount).toBe(18);
    const points = Array.from({ length: 6 }, (_, point) => pointValues(plan, point));
    expect(points).toEqual([
      [0.1, 2],
      [0.1, 4],
      [0.2, 2],
      [0.2, 4],
      [0.3, 2],
      [0.3, 4],
    ]);
  });

  it('numbers jobs point by point, replicates innermost', () => {
    for (let job = 0; job < plan.jobCount; job++) {
      const { point, replicate } = jobPosition(plan, job);
      expect(point * plan.replicates + replicate).toBe(job);
      expect(replicate).toBeLessThan(plan.replicates);
    }
  });

  it('writes the point values into the scenario of that point', () => {
    const loaded = pointScenario(plan, 3, 's.json');
    if (loaded.kind !== 'classic') throw new Error(`expected a classic scenario, got ${loaded.kind}`);
    expect(loaded.scenario.model).toEqual({ type: 'independent-cascade', p: 0.2 });
    expect(loaded.scenario.graph).toEqual({ type: 'erdos-renyi', nodes: 100, meanDegree: 4 });
    expect(loaded.scenario.runs).toBe(1);
  });

  it('gives every job its own seed, from the base seed, point and replicate only', () => {
    const seeds = new Set<string>();
    for (let job = 0; job < plan.jobCount; job++) {
      const { point, replicate } = jobPosition(plan, job);
      seeds.add(sweepJobSeed(plan.baseSeed, point, replicate));
    }
    expect(seeds.size).toBe(plan.jobCount);
    expect(sweepJobSeed('base', 2, 0)).toBe('base-p2');
    expect(sweepJobSeed('base', 2, 1)).toBe('base-p2-1');
  });

  it('splits the jobs into shards that cover each job exactly once', () => {
    for (let job = 0; job < plan.jobCount; job++) {
      const owners = [1, 2, 3, 4].filter((index) => inShard(job, { index, count: 4 }));
      expect(owners).toEqual([(job % 4) + 1]);
    }
  });

  it('names the vary path, the value index and the range of an out-of-range value', () => {
    const lines = linesOf(() =>
      parseSweepText(sweepText({ 'model.p': [0.5, 1.5], 'graph.meanDegree': [2, 3] }), 's.json'),
    );
    expect(lines).toEqual(['vary["model.p"][1]: model.p: must be a number from 0 to 1 (got 1.5)']);
  });

  it('names a vary path the scenario does not have', () => {
    expect(linesOf(() => parseSweepText(sweepText({ 'model.q': [1] }), 's.json'))).toEqual([
      expect.stringMatching(/^vary\["model\.q"\]: unknown path \(model\.q: unknown field in model\)$/),
    ]);
    expect(linesOf(() => parseSweepText(sweepText({ 'modle.p': [1] }), 's.json'))).toEqual([
      expect.stringMatching(/^vary\["modle\.p"\]: unknown path/),
    ]);
  });

  it('sets a nested path the base leaves to its defaults, filling the rest with the defaults', () => {
    const world = {
      version: 1,
      seed: 'w',
      world: { agents: 100 },
      trends: [{ name: 'Step', kind: 'dance-challenge' }],
    };
    const vary = {
      'world.homophily.region': [0.2, 0.9],
      'world.activity.meanSessionsPerDay': [8],
      'recommender.personalization': [1],
    };
    const nested = parseSweepText(JSON.stringify({ version: 1, base: world, vary }), 's.json');
    const last = pointScenario(nested, 1, 's.json');
    if (last.kind !== 'world') throw new Error('expected a world scenario');
    expect(last.scenario.world.homophily).toEqual({ fandom: 0.5, region: 0.9, interests: 0.5 });
    expect(last.scenario.world.activity).toEqual({ meanSessionsPerDay: 8, spread: 1 });
    expect(last.scenario.recommender.personalization).toBe(1);
    expect(nested.base).toEqual(world); // the base itself is left as written
  });

  it('names a misspelt key on a nested path by its vary path, wherever the misspelling is', () => {
    const world = { version: 1, world: {} };
    const lines = (vary: Record<string, unknown[]>) =>
      linesOf(() => parseSweepText(JSON.stringify({ version: 1, base: world, vary }), 's.json'));
    expect(lines({ 'world.homophily.regoin': [0.2] })).toEqual([
      'vary["world.homophily.regoin"]: unknown path (world.homophily.regoin: unknown field in world.homophily)',
    ]);
    expect(lines({ 'world.homophly.region': [0.2] })).toEqual([
      'vary["world.homophly.region"]: unknown path (world.homophly: unknown field in world)',
    ]);
    expect(lines({ 'trends.0.name': ['x'] })).toEqual([
      'vary["trends.0.name"]: unknown path (the base scenario has no trends list)',
    ]);
  });

  it('never turns a classic base into a world scenario', () => {
    expect(linesOf(() => parseSweepText(sweepText({ 'world.agents': [100] }), 's.json'))).toEqual([
      'vary["world.agents"]: unknown path (the base is a classic scenario, which has no world)',
    ]);
  });

  it('tells a scenario file given as a sweep to use run', () => {
    expect(linesOf(() => parseSweepText(JSON.stringify(base), 's.json'))).toEqual([
      '(root): this is a scenario file, not a sweep file; run it with `sim run`, or make it the "base" of a sweep file',
    ]);
  });

  it('refuses to vary the seed, which each job derives itself', () => {
    expect(linesOf(() => parseSweepText(sweepText({ seed: ['a', 'b'] }), 's.json'))[0]).toMatch(
      /^vary\["seed"\]: cannot be varied/,
    );
  });

  it('names bad base fields under base', () => {
    const lines = linesOf(() => parseSweepText(sweepText({}, 1, { ticks: 0 }), 's.json'));
    expect(lines).toEqual(['base.ticks: must be an integer from 1 to 10,000,000 ticks (got 0)']);
  });

  it('names bad sweep fields by their path and range', () => {
    const text = JSON.stringify({ version: 1, base, vary: { 'model.p': [] }, replicates: 0, extra: 1 });
    const lines = linesOf(() => parseSweepText(text, 's.json'));
    expect(lines).toContain('extra: unknown field in the top level');
    expect(lines).toContain('vary["model.p"]: must list at least one value (got [])');
    expect(lines).toContain('replicates: must be an integer from 1 to 1,000,000 runs (got 0)');
  });

  it('treats a sweep without vary as one grid point', () => {
    const single = parseSweepText(JSON.stringify({ version: 1, base, replicates: 4 }), 's.json');
    expect(single.pointCount).toBe(1);
    expect(single.jobCount).toBe(4);
  });
});
