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
  type ParamField,
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

  it('ends the slider at sliderMax when the allowed range is far wider, keeping the allowed maximum', () => {
    const ticks = collectFields(
      z.strictObject({
        at: intField(0, 10_000_000, { label: 'Tick', description: '', unit: 'ticks', sliderMax: 2_160 }),
        length: intField(1, 10_000_000, { label: 'Ticks', description: '', sliderMax: 2_160 }),
        small: intField(0, 100, { label: 'Small', description: '', sliderMax: 1_000 }),
        until: intField(1, 10_000_000, { label: 'Until', description: '', sliderMax: 2_160, log: false }),
      }),
    );
    expect(ticks[0]).toMatchObject({ min: 0, max: 10_000_000, sliderMax: 2_160, log: false, step: 1 });
    // 1..2,160 spans three orders of magnitude: a log slider, judged on the slider's own range.
    expect(ticks[1]).toMatchObject({ max: 10_000_000, sliderMax: 2_160, log: true });
    // A sliderMax above the maximum changes nothing.
    expect(ticks[2]!.sliderMax).toBeUndefined();
    // An explicit log: false keeps a wide range linear.
    expect(ticks[3]).toMatchObject({ sliderMax: 2_160, log: false });
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

describe('collectFields on world-list metadata', () => {
  const records = collectFields(
    z.strictObject({
      regions: z.array(
        z.strictObject({
          // Metadata names the list; the help text deliberately does not.
          reach: z.array(
            numberField(0, 1, { label: 'Reach', description: 'Per place', indexedBy: 'regions' }),
          ),
          // Help text in the old "(index = region)" style but no metadata: no longer read as a vector.
          legacy: z.array(numberField(0, 1, { label: 'Legacy', description: 'One region (index = region)' })),
          byTopic: z.record(
            z.string(),
            numberField(0, 5, { label: 'Weight', description: 'Per topic', indexedBy: 'topics' }),
          ),
          speaks: intField(0, 7, { label: 'Speaks', description: 'A language', indexOf: 'languages' }),
          count: intField(0, 7, { label: 'Count', description: 'A plain integer' }),
          ref: z.union([z.string(), intField(0, 9, { label: 'Ref', description: '', indexOf: 'fandoms' })]),
        }),
      ),
      speaks: intField(0, 7, { label: 'Top speaks', description: '', indexOf: 'languages' }),
    }),
  );
  const items = new Map((records[0]?.items ?? []).map((f) => [f.path.join('.'), f]));

  it('takes the list a vector or keyed record runs over from indexedBy, not from the help text', () => {
    expect(items.get('reach.*')?.each).toEqual({ over: 'regions', by: 'index' });
    expect(items.get('byTopic.*')?.each).toEqual({ over: 'topics', by: 'name' });
    expect([...items.keys()].some((path) => path.startsWith('legacy'))).toBe(false);
    expect(items.get('reach.*')?.description).toBe('Per place');
  });

  it('turns an integer with indexOf into a select of that list, inside records only', () => {
    expect(items.get('speaks')).toMatchObject({ kind: 'enum', label: 'Speaks', indexOf: 'languages' });
    expect(items.get('speaks')?.options).toBeUndefined();
    expect(items.get('count')).toMatchObject({ kind: 'number', integer: true, min: 0, max: 7 });
    expect(items.get('count')?.indexOf).toBeUndefined();
    // A reference by name or index takes its list from the index's indexOf over the key's plural ("refs").
    expect(items.get('ref')).toMatchObject({ kind: 'enum', optionsFrom: 'fandoms' });
    // Outside records the panel has no world names to offer: the integer stays a number.
    expect(records[1]).toMatchObject({ path: ['speaks'], kind: 'number', integer: true });
  });
});

describe('collectFields on unions of records and colours', () => {
  const schema = z.strictObject({
    events: z.array(
      z.discriminatedUnion('type', [
        z.strictObject({ type: z.literal('a'), at: intField(0, 9, { label: 'At', description: '' }) }),
        z.strictObject({
          type: z.enum(['b', 'c']),
          until: intField(1, 9, { label: 'Until', description: '' }).optional(),
          look: z.strictObject({ color: z.string().regex(/^#[0-9a-fA-F]{6}$/), note: z.string() }),
        }),
      ]),
    ),
    loose: z.array(z.union([z.strictObject({ x: z.boolean() }), z.strictObject({ y: z.boolean() })])),
    color: z.string().regex(/^#[0-9a-fA-F]{6}$/),
  });
  const fields = collectFields(schema);

  it('makes a list of a discriminated union with the leaves of each variant, one entry per tag value', () => {
    expect(fields.map((f) => [f.path.join('.'), f.kind])).toEqual([['events', 'list']]);
    const events = fields[0]!;
    expect(events).toMatchObject({ discriminator: 'type', items: [], group: 'Events' });
    const leaves = (type: string) =>
      events.variants?.find((v) => v.type === type)?.items.map((f) => [f.path.join('.'), f.kind]);
    expect(events.variants?.map((v) => v.type)).toEqual(['a', 'b', 'c']);
    expect(leaves('a')).toEqual([['at', 'number']]);
    // A tag with several values is itself editable; a nested hex colour is a colour picker, free text is skipped.
    expect(leaves('b')).toEqual([
      ['type', 'enum'],
      ['until', 'number'],
      ['look.color', 'color'],
    ]);
    expect(leaves('c')).toEqual(leaves('b'));
  });

  it('marks leaves that may be left out as optional, and only those', () => {
    const b = fields[0]!.variants?.find((v) => v.type === 'b')?.items ?? [];
    expect(b.map((f) => f.optional === true)).toEqual([false, true, false]);
  });
});

/** A number field with only the given range and scale settings (what the slider mapping reads). */
function numberLeaf(settings: Partial<ParamField>): ParamField {
  return { path: [], kind: 'number', label: '', description: '', group: '', ...settings };
}

describe('panel helpers', () => {
  it('builds merge patches and reads values by path', () => {
    expect(patchFor(['a', 'b'], 3)).toEqual({ a: { b: 3 } });
    expect(getPath({ a: { b: 3 } }, ['a', 'b'])).toBe(3);
    expect(getPath({ a: 1 }, ['a', 'b'])).toBeUndefined();
  });

  it('maps slider positions to values and back, on log scales too', () => {
    const log = numberLeaf({ min: 100, max: 1_000_000, integer: true, log: true });
    expect(fromSlider(log, 0.5)).toBe(10_000);
    expect(toSlider(log, 10_000)).toBeCloseTo(0.5, 12);
    const lin = numberLeaf({ min: 0, max: 1, step: 0.01 });
    expect(fromSlider(lin, 0.333)).toBe(0.33);
    expect(toSlider(lin, 0.25)).toBe(0.25);
  });

  it('maps a slider that ends at sliderMax, and puts larger values at its end', () => {
    const tick = numberLeaf({ min: 0, max: 10_000_000, sliderMax: 2_000, integer: true });
    expect(fromSlider(tick, 1)).toBe(2_000);
    expect(fromSlider(tick, 0.25)).toBe(500);
    expect(toSlider(tick, 500)).toBe(0.25);
    expect(toSlider(tick, 50_000)).toBe(1);
  });

  it('picks 1-2-5 steps and readable labels', () => {
    expect(niceStep(0.49)).toBe(0.2);
    expect(niceStep(7)).toBe(5);
    expect(humanize('meanDegree')).toBe('Mean degree');
  });
});
