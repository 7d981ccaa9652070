// Tests for reading panel fields off a zod schema: labels, ranges, groups, integers, enums, patches and slider mapping.
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { intField, numberField, probabilityField } from '../../../sim/params/fields.ts';
import {
  collectFields,
  fromSlider,
  getPath,
  humanize,
  niceStep,
  patchFor,
  toSlider,
} from '../../../src/ui/param-fields.ts';

const schema = z.strictObject({
  version: z.literal(1),
  population: z.strictObject({
    agents: intField(100, 1_000_000, {
      label: 'Agents',
      description: 'People in the world',
      unit: 'agents',
      log: true,
    }).default(10_000),
    meanDegree: numberField(1, 50, { label: 'Mean degree', description: 'Ties per agent', group: 'Graph' }),
  }),
  recommender: z.strictObject({
    strategy: z.enum(['chronological', 'collaborative']).default('collaborative'),
    exploration: probabilityField({ label: 'Exploration', description: 'ε' }).optional(),
    enabled: z.boolean(),
  }),
  trends: z.array(z.strictObject({ appeal: probabilityField({ label: 'Appeal', description: '' }) })),
});

describe('collectFields', () => {
  const fields = collectFields(schema);

  it('finds every numeric, enum and boolean leaf with its path, in declaration order, and arrays of records as lists', () => {
    expect(fields.map((f) => f.path.join('.'))).toEqual([
      'population.agents',
      'population.meanDegree',
      'recommender.strategy',
      'recommender.exploration',
      'recommender.enabled',
      'trends',
    ]);
    const trends = fields[5]!;
    expect(trends).toMatchObject({ kind: 'list', group: 'Trends', label: 'Trends' });
    expect(trends.items?.map((f) => [f.path.join('.'), f.label])).toEqual([['appeal', 'Appeal']]);
    expect(fields.every((f) => f.root === schema)).toBe(true);
  });

  it('skips arrays of names and vectors whose index it cannot name', () => {
    const skipped = collectFields(
      z.strictObject({
        names: z.array(z.string()),
        records: z.array(
          z.strictObject({ weights: z.array(numberField(0, 1, { label: 'W', description: 'no index' })) }),
        ),
      }),
    );
    expect(skipped.map((f) => [f.path.join('.'), f.items?.length])).toEqual([['records', 0]]);
  });

  it('reads label, unit, range, integer-ness and log scale from the registry metadata', () => {
    const agents = fields[0]!;
    expect(agents).toMatchObject({
      kind: 'number',
      label: 'Agents',
      unit: 'agents',
      min: 100,
      max: 1_000_000,
      integer: true,
      log: true,
      step: 1,
    });
    expect(fields[1]).toMatchObject({ integer: false, min: 1, max: 50, step: 0.2 });
  });

  it('puts ranges of three or more orders of magnitude on a log slider even without the log flag', () => {
    const wide = collectFields(
      z.strictObject({ n: intField(10, 100_000_000, { label: 'N', description: '' }) }),
    );
    expect(wide[0]!.log).toBe(true);
    expect(fields[1]!.log).toBe(false);
  });

  it('groups by the metadata group, else by the top-level section name', () => {
    expect(fields.map((f) => f.group)).toEqual([
      'Population',
      'Graph',
      'Recommender',
      'Recommender',
      'Recommender',
      'Trends',
    ]);
    expect(fields[2]!.options).toEqual(['chronological', 'collaborative']);
  });
});

describe('panel helpers', () => {
  it('builds merge patches and reads values by path', () => {
    expect(patchFor(['a', 'b'], 3)).toEqual({ a: { b: 3 } });
    expect(getPath({ a: { b: 3 } }, ['a', 'b'])).toBe(3);
    expect(getPath({ a: 1 }, ['a', 'b'])).toBeUndefined();
  });

  it('maps slider positions to values and back, on log scales too', () => {
    const log = {
      path: [],
      kind: 'number',
      label: '',
      description: '',
      group: '',
      min: 100,
      max: 1_000_000,
      integer: true,
      log: true,
    } as const;
    expect(fromSlider(log, 0.5)).toBe(10_000);
    expect(toSlider(log, 10_000)).toBeCloseTo(0.5, 12);
    const lin = {
      path: [],
      kind: 'number',
      label: '',
      description: '',
      group: '',
      min: 0,
      max: 1,
      step: 0.01,
    } as const;
    expect(fromSlider(lin, 0.333)).toBe(0.33);
    expect(toSlider(lin, 0.25)).toBe(0.25);
  });

  it('picks 1-2-5 steps and readable labels', () => {
    expect(niceStep(0.49)).toBe(0.2);
    expect(niceStep(7)).toBe(5);
    expect(humanize('meanDegree')).toBe('Mean degree');
  });
});
