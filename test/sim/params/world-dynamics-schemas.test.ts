// The trend, event and recommender schemas: defaults, and bad input named by field with its allowed range.
import { describe, expect, it } from 'vitest';
import { InputError, parseOrThrow } from '../../../sim/params/errors.ts';
import { eventsSchema } from '../../../sim/params/events.ts';
import { recommenderSchema } from '../../../sim/params/recommender.ts';
import { trendsSchema } from '../../../sim/params/trends.ts';
import { worldScenarioSchema } from '../../../sim/params/world.ts';

function messageOf(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    if (error instanceof InputError) return error.lines.join('\n');
    throw error;
  }
  return '';
}

describe('the trend schema', () => {
  it('accepts a minimal trend and fills the launch tick', () => {
    const [trend] = parseOrThrow(trendsSchema, [{ name: 'Step', kind: 'dance-challenge' }], 'test');
    expect(trend?.startTick).toBe(0);
    expect(trend?.appeal).toBeUndefined(); // the kind's default applies in sim/model/trends.ts
  });

  it('names the field and the range of an out-of-range appeal', () => {
    const message = messageOf(() =>
      parseOrThrow(
        trendsSchema,
        [
          { name: 'Step', kind: 'meme' },
          { name: 'X', kind: 'meme', appeal: 1.5 },
        ],
        'scenario',
      ),
    );
    expect(message).toContain('[1].appeal');
    expect(message).toContain('from 0 to 1');
    expect(message).toContain('(got 1.5)');
  });

  it('lists the allowed kinds for an unknown kind', () => {
    const message = messageOf(() => parseOrThrow(trendsSchema, [{ name: 'X', kind: 'polka' }], 'scenario'));
    expect(message).toContain('[0].kind');
    expect(message).toContain('"dance-challenge"');
  });
});

describe('the event schema', () => {
  it('names the field and range of a negative tick', () => {
    const message = messageOf(() =>
      parseOrThrow(eventsSchema, [{ type: 'ban', tick: -3, platform: 'short-video' }], 'scenario'),
    );
    expect(message).toContain('[0].tick');
    expect(message).toContain('from 0 to 10,000,000');
  });

  it('names an unknown event type and lists the known ones', () => {
    const message = messageOf(() =>
      parseOrThrow(eventsSchema, [{ type: 'earthquake', tick: 1 }], 'scenario'),
    );
    expect(message).toContain('[0].type');
    expect(message).toContain('"algorithm-change"');
  });

  it('names a reach cap out of range inside an algorithm change', () => {
    const message = messageOf(() =>
      parseOrThrow(
        eventsSchema,
        [{ type: 'algorithm-change', tick: 5, platform: 0, reachCap: -1 }],
        'scenario',
      ),
    );
    expect(message).toContain('[0].reachCap');
    expect(message).toContain('from 0 to 100,000,000');
  });
});

describe('an event with an end', () => {
  it('refuses an idol-live, outage or activity change whose until is not after its tick, naming until', () => {
    const message = messageOf(() =>
      parseOrThrow(
        eventsSchema,
        [
          { type: 'idol-live', tick: 35, until: 30, fandom: 'Orbit' },
          { type: 'outage', tick: 5, until: 5, platform: 'Loop' },
          { type: 'activity-change', tick: 8, until: 2, multiplier: 2 },
          { type: 'ban', tick: 5, until: 6, platform: 'Loop' },
        ],
        'scenario',
      ),
    );
    expect(message.split('\n')).toEqual([
      "[0].until: must be later than the event's tick, 35 (got 30)",
      "[1].until: must be later than the event's tick, 5 (got 5)",
      "[2].until: must be later than the event's tick, 8 (got 2)",
    ]);
  });

  it('gives an until out of range its own message only', () => {
    const message = messageOf(() =>
      parseOrThrow(eventsSchema, [{ type: 'outage', tick: 48, until: 0, platform: 'Loop' }], 'scenario'),
    );
    expect(message).toBe('[0].until: must be an integer from 1 to 10,000,000 ticks (got 0)');
  });
});

describe('the recommender schema', () => {
  it('has a default for every field', () => {
    const spec = recommenderSchema.parse({});
    expect(spec.strategy).toBe('collaborative');
    expect(spec.personalization).toBeUndefined();
  });

  it('names an unknown strategy', () => {
    const message = messageOf(() => parseOrThrow(recommenderSchema, { strategy: 'magic' }, 'scenario'));
    expect(message).toContain('strategy');
    expect(message).toContain('"chronological"');
  });
});

describe('the world scenario schema', () => {
  it('refuses two trends with one name, ignoring case, among the trends, campaign trends and launches', () => {
    const twice = {
      version: 1,
      world: { agents: 300 },
      trends: [
        { name: 'Step', kind: 'dance-challenge' },
        { name: 'STEP', kind: 'meme' },
      ],
      events: [
        { type: 'campaign', tick: 4, trend: { name: 'step', kind: 'ar-filter' } },
        { type: 'launch', tick: 5, agent: 3, kind: 'meme', platform: 'Loop', name: 'Meme 1' },
        { type: 'launch', tick: 6, agent: 4, kind: 'meme', platform: 'Loop', name: 'meme 1' },
      ],
    };
    // Each of a shared name is named (the one a user just edited among them), with another of that name.
    expect(messageOf(() => parseOrThrow(worldScenarioSchema, twice, 'test')).split('\n')).toEqual([
      'trends[0].name: must be unique among the trends\' names, ignoring case (also trends[1].name) (got "Step")',
      'trends[1].name: must be unique among the trends\' names, ignoring case (also trends[0].name) (got "STEP")',
      'events[0].trend.name: must be unique among the trends\' names, ignoring case (also trends[0].name) (got "step")',
      'events[1].name: must be unique among the trends\' names, ignoring case (also events[2].name) (got "Meme 1")',
      'events[2].name: must be unique among the trends\' names, ignoring case (also events[1].name) (got "meme 1")',
    ]);
    expect(() =>
      parseOrThrow(worldScenarioSchema, { ...twice, trends: [twice.trends[0]], events: [] }, 'test'),
    ).not.toThrow();
  });
});
