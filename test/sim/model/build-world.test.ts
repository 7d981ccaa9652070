// Tests of buildWorld: determinism by seed, tiers from follower counts, and the memory check before allocation.
import { describe, expect, it } from 'vitest';
import { assertWorldFits, buildWorld, estimateWorldBytes } from '../../../sim/model/build-world.ts';
import { tierThresholds, totalFollowers } from '../../../sim/model/tiers.ts';
import { TIER, type World } from '../../../sim/model/world.ts';
import { InputError } from '../../../sim/params/errors.ts';
import { defaultWorldParams, type WorldParams } from '../../../sim/params/world.ts';
import { inputErrorOf } from '../params/input-error.ts';
import { DEFAULT_WORLD_BUILD_STAGES } from './world-fixture.ts';

const small: WorldParams = { ...defaultWorldParams(), agents: 5_000 };

/** Every typed array of a world, in a fixed order. */
function arraysOf(world: World): ArrayBufferView[] {
  const p = world.population;
  const arrays: ArrayBufferView[] = [
    p.region,
    p.languages,
    p.fandom,
    p.interests,
    p.activity,
    p.creatorPropensity,
    p.threshold,
    p.tier,
    p.platforms,
    world.followerCounts,
  ];
  for (const layer of world.layers)
    arrays.push(layer.ties.offsets, layer.ties.targets, layer.ties.inOffsets, layer.ties.inTargets);
  return arrays;
}

function bytesOf(view: ArrayBufferView): Buffer {
  return Buffer.from(view.buffer, view.byteOffset, view.byteLength);
}

const linesOf = (action: () => unknown) => inputErrorOf(action).lines;

describe('buildWorld', () => {
  const first = buildWorld(small, 'seed-a');

  it('builds identical arrays for the same seed and different ones for another seed', () => {
    const again = buildWorld(small, 'seed-a');
    const other = buildWorld(small, 'seed-b');
    const a = arraysOf(first);
    const b = arraysOf(again);
    const c = arraysOf(other);
    expect(a.every((view, i) => bytesOf(view).equals(bytesOf(b[i]!)))).toBe(true);
    expect(bytesOf(first.population.region).equals(bytesOf(other.population.region))).toBe(false);
    expect(a.filter((view, i) => bytesOf(view).equals(bytesOf(c[i]!))).length).toBe(0);
  });

  it('reports its stages in build order with a share done that rises from 0 to 1, and builds the same world as without', () => {
    const heard: { stage: string; fraction: number }[] = [];
    const world = buildWorld(small, 'seed-a', undefined, (stage, fraction) =>
      heard.push({ stage, fraction }),
    );
    const stages = [...new Set(heard.map((h) => h.stage))];
    expect(stages).toEqual(DEFAULT_WORLD_BUILD_STAGES);
    const fractions = heard.map((h) => h.fraction);
    expect(fractions[0]).toBe(0);
    expect(fractions.at(-1)).toBe(1);
    expect(fractions.every((f, i) => i === 0 || f >= fractions[i - 1]!)).toBe(true);
    // Five layers share the graph's part evenly: the third layer starts two fifths of the way through it.
    const loop = heard.find((h) => h.stage === 'Frame follows')!.fraction;
    expect(loop).toBeCloseTo(0.07 + (0.9 * 2) / 5, 10);
    const a = arraysOf(first);
    expect(arraysOf(world).every((view, i) => bytesOf(view).equals(bytesOf(a[i]!)))).toBe(true);
  });

  it('reports within a follow layer every 32,768 agents, so a big layer does not look stalled', () => {
    const within: number[] = [];
    buildWorld({ ...small, agents: 70_000 }, 'seed-a', undefined, (stage, fraction) => {
      if (stage === 'Loop follows') within.push(fraction);
    });
    // The layer's start, then agents 0, 32,768 and 65,536 of 70,000: three points over the layer's fifth of the graph.
    expect(within).toHaveLength(4);
    const [start, middle, end] = [...new Set(within)] as [number, number, number];
    const layerShare = 0.9 / 5;
    expect((middle - start) / layerShare).toBeCloseTo(32_768 / 70_000, 6);
    expect((end - start) / layerShare).toBeCloseTo(65_536 / 70_000, 6);
  });

  it('normalises region shares and keeps the records it was given', () => {
    expect(first.regions.reduce((s, r) => s + r.populationShare, 0)).toBeCloseTo(1, 12);
    expect(first.platforms.map((p) => p.kind)).toEqual([
      'short-video',
      'photo',
      'video',
      'microblog',
      'messenger',
    ]);
    expect(first.layers.map((l) => l.platform)).toEqual([0, 1, 2, 3, 4]);
    expect(first.followerCounts.length).toBe(small.agents * first.platforms.length);
  });

  it('assigns tiers that follow total follower counts, with a few mega and macro accounts even at 5,000 agents', () => {
    const followers = totalFollowers(first.followerCounts, first.platforms);
    const tier = first.population.tier;
    const lowest = [Infinity, Infinity, Infinity, Infinity, Infinity];
    const highest = [-1, -1, -1, -1, -1];
    const counts = [0, 0, 0, 0, 0];
    for (let a = 0; a < small.agents; a++) {
      const t = tier[a]!;
      counts[t]!++;
      lowest[t] = Math.min(lowest[t]!, followers[a]!);
      highest[t] = Math.max(highest[t]!, followers[a]!);
    }
    // Strict order: everyone in a higher tier has more followers than anyone in a lower tier.
    for (let t = TIER.mega; t < TIER.regular; t++) expect(lowest[t]!).toBeGreaterThan(highest[t + 1]!);
    // Ranks set the thresholds: mega = the top 0.05% (⌈2.5⌉ → 3 agents, more only on ties), macro = top 0.5%.
    expect(counts[TIER.mega]!).toBeGreaterThanOrEqual(2);
    expect(counts[TIER.mega]!).toBeLessThanOrEqual(6);
    expect(counts[TIER.mega]! + counts[TIER.macro]!).toBeGreaterThanOrEqual(Math.round(0.005 * small.agents));
    expect(counts[TIER.mega]! + counts[TIER.macro]!).toBeLessThan(2 * Math.round(0.005 * small.agents));
  });

  it('puts tier thresholds at the follower count of the agent of that rank', () => {
    const followers = Uint32Array.from([0, 1, 1, 2, 3, 5, 8, 13, 21, 34]);
    // Ranks for 10 agents: mega 10% → 1st (34), macro 20% → 2nd (21), micro 50% → 5th (5), nano 90% → 9th (1).
    expect(tierThresholds(followers, { mega: 0.1, macro: 0.2, micro: 0.5, nano: 0.9 })).toEqual([
      34, 21, 5, 1,
    ]);
    // Share 0: nobody; a threshold never falls below 1 follower.
    expect(tierThresholds(followers, { mega: 0, macro: 0.2, micro: 0.5, nano: 1 })).toEqual([
      Infinity,
      21,
      5,
      1,
    ]);
  });

  it('estimates its memory above what the finished world holds, within a factor of 3', () => {
    const held = arraysOf(first).reduce((sum, view) => sum + view.byteLength, 0);
    const estimate = estimateWorldBytes(small);
    expect(estimate).toBeGreaterThan(held);
    expect(estimate).toBeLessThan(3 * held);
  });

  it('refuses a world too big for the budget before allocating, naming world.agents, the estimate and the size that fits', () => {
    const huge: WorldParams = { ...small, agents: 50_000_000 };
    const before = process.memoryUsage().arrayBuffers;
    const lines = linesOf(() => buildWorld(huge, 'x', 2 ** 30));
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(2 ** 20);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^world\.agents: 50,000,000 agents need about [\d.,]+ GB to build, more than the 1\.0 GB allowed; must be at most [\d,]+ agents/,
    );
    const fits = Number(/at most ([\d,]+) agents/.exec(lines[0]!)![1]!.replaceAll(',', ''));
    expect(() => assertWorldFits({ ...small, agents: fits }, 2 ** 30)).not.toThrow();
    expect(() => assertWorldFits({ ...small, agents: Math.ceil(fits * 1.05) }, 2 ** 30)).toThrow(InputError);
  });
});
