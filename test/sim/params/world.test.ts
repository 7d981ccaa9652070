// Tests of the world scenario schema: defaults, platform defaults by kind, and messages that name the field path and range.
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { DEFAULT_PLATFORMS } from '../../../sim/model/defaults/platforms.ts';
import { parseOrThrow } from '../../../sim/params/errors.ts';
import {
  DEFAULT_AGENTS,
  defaultWorldParams,
  worldParamsSchema,
  worldScenarioSchema,
} from '../../../sim/params/world.ts';
import { inputErrorOf } from './input-error.ts';

const linesOf = (input: unknown) =>
  inputErrorOf(() => parseOrThrow(worldScenarioSchema, input, 'scenario.json')).lines;

describe('worldScenarioSchema', () => {
  it('fills a complete default world, trends, events and recommender from `"world": {}`', () => {
    const scenario = parseOrThrow(worldScenarioSchema, { version: 1, world: {} }, 'scenario.json');
    expect(scenario.world.agents).toBe(DEFAULT_AGENTS);
    expect(scenario.world.regions).toHaveLength(8);
    expect(scenario.world.topics).toEqual([
      'k-pop',
      'dance',
      'beauty',
      'food',
      'drama',
      'gaming',
      'comedy',
      'fashion',
    ]);
    expect(scenario.world.fandoms).toHaveLength(6);
    expect(scenario.world.platforms.map((p) => p.kind)).toEqual([
      'short-video',
      'photo',
      'video',
      'microblog',
      'messenger',
    ]);
    expect(scenario.trends).toEqual([]);
    expect(scenario.events).toEqual([]);
    expect(scenario.recommender.strategy).toBe('collaborative');
    expect(scenario.world.homophily).toEqual({ fandom: 0.5, region: 0.7, interests: 0.5 });
    // Region shares of the defaults sum to 1 and every fandom's weight is positive.
    expect(scenario.world.regions.reduce((s, r) => s + r.populationShare, 0)).toBeCloseTo(1, 12);
  });

  it('fills a platform of a default kind from that kind’s record and keeps what the file gives', () => {
    const world = worldParamsSchema.parse({
      platforms: [{ name: 'Nova', kind: 'short-video', networkEffect: 3, algorithm: { exploration: 0.4 } }],
    });
    const nova = world.platforms[0]!;
    const loop = DEFAULT_PLATFORMS[0]!;
    expect(nova.name).toBe('Nova');
    expect(nova.networkEffect).toBe(3);
    expect(nova.algorithm).toEqual({ ...loop.algorithm, exploration: 0.4 });
    expect(nova.membershipByRegion).toEqual(loop.membershipByRegion);
    expect(nova.feedMix).toEqual(loop.feedMix);
  });

  it('takes suggested experiments as a label and a merge patch, naming what is wrong', () => {
    const ok = { label: 'a random feed', patch: { recommender: { strategy: 'random' } } };
    expect(
      parseOrThrow(worldScenarioSchema, { version: 1, world: {}, experiments: [ok] }, 's').experiments,
    ).toEqual([ok]);
    expect(
      linesOf({
        version: 1,
        world: {},
        experiments: [
          { label: '', patch: {} },
          { label: 'x', patch: [1] },
        ],
      }),
    ).toEqual([
      'experiments[0].label: must be a label of 1 to 80 characters (got "")',
      'experiments[1].patch: must be an object of the parameters it changes (a JSON merge patch of the scenario) (got [1])',
    ]);
    expect(linesOf({ version: 1, world: {}, experiments: Array(9).fill(ok) })[0]).toMatch(
      /^experiments: must list at most 8 experiments \(got /,
    );
  });

  it('names the field path and the allowed range of out-of-range numbers', () => {
    const lines = linesOf({
      version: 1,
      world: {
        agents: 5,
        layerOverlap: 1.5,
        homophily: { region: -0.1 },
        platforms: [{ name: 'Loop', kind: 'short-video', meanTies: 0 }],
        tiers: { mega: 2 },
      },
    });
    expect(lines).toContain('world.agents: must be an integer from 10 to 100,000,000 agents (got 5)');
    expect(lines).toContain('world.layerOverlap: must be a number from 0 to 1 (got 1.5)');
    expect(lines).toContain('world.homophily.region: must be a number from 0 to 1 (got -0.1)');
    expect(lines).toContain('world.platforms[0].meanTies: must be a number from 1 to 1000 ties (got 0)');
    expect(lines).toContain('world.tiers.mega: must be a number from 0 to 1 (got 2)');
  });

  it('rejects lists whose length does not match the regions or topics, naming the field', () => {
    const regions = defaultWorldParams().regions;
    const lines = linesOf({
      version: 1,
      world: {
        regions: regions.slice(0, 7),
        platforms: [{ name: 'Loop', kind: 'short-video', membershipByRegion: [0.5, 0.5] }],
      },
    });
    expect(lines).toContain(
      'world.platforms[0].membershipByRegion: must list 7 values, one per region (got 2) (got [0.5,0.5])',
    );
    expect(lines).toContain('world.fandoms[0].regionAffinity: must list 7 values, one per region (got 8)'); // the default fandoms: not in the file, so no "(got …)"
  });

  it('rejects feed mixes that do not sum to 1, duplicate names and bad language indices', () => {
    const lines = linesOf({
      version: 1,
      world: {
        languages: ['Korean'],
        regions: [{ ...defaultWorldParams().regions[0]!, mainLanguage: 3 }],
        fandoms: [],
        platforms: [
          {
            name: 'Loop',
            kind: 'short-video',
            membershipByRegion: [1],
            feedMix: { follows: 0.5, recommended: 0.4, trending: 0 },
          },
          { name: 'loop', kind: 'photo', membershipByRegion: [1] },
        ],
      },
    });
    expect(
      lines.some((l) => l.startsWith('world.platforms[0].feedMix: must have shares that sum to 1 (got 0.9)')),
    ).toBe(true);
    expect(lines.some((l) => l.startsWith('world.platforms[1].name: must be unique'))).toBe(true);
    expect(
      lines.some((l) =>
        l.startsWith(
          'world.regions[0].mainLanguage: must be an integer from 0 to 0 (an index into world.languages)',
        ),
      ),
    ).toBe(true);
  });

  it('asks for every field of a platform whose kind has no default record', () => {
    const lines = linesOf({ version: 1, world: { platforms: [{ name: 'Holo', kind: 'hologram' }] } });
    expect(lines).toContain(
      'world.platforms[0].edgeModel: is required for a platform of kind "hologram" (only "short-video", "photo", "video", "microblog", "messenger" have defaults)',
    );
    expect(lines.filter((l) => l.includes('is required for a platform of kind "hologram"'))).toHaveLength(8);
  });

  it('rejects tier shares that are not cumulative, unknown fields and a wrong version', () => {
    const lines = linesOf({ version: 2, world: { tiers: { mega: 0.1, macro: 0.01 }, colour: 'red' } });
    expect(lines).toContain('version: must be 1 (the only scenario file version so far) (got 2)');
    expect(lines.some((l) => l.startsWith('world.tiers: must be cumulative shares'))).toBe(true);
    expect(lines).toContain('world.colour: unknown field in world');
  });

  it('carries range, unit, description and group metadata on its numeric fields for the panel', () => {
    const agents = z.globalRegistry.get(worldParamsSchema.shape.agents.unwrap());
    expect(agents).toMatchObject({ min: 10, max: 100_000_000, unit: 'agents', group: 'World' });
    expect(typeof agents?.description).toBe('string');
    const overlap = z.globalRegistry.get(worldParamsSchema.shape.layerOverlap.unwrap());
    expect(overlap).toMatchObject({ min: 0, max: 1, group: 'Social graph' });
  });
});
