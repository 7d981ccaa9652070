// Schema of a social-world scenario's timeline of scheduled events (DESIGN §2.6). Pure schema: the engine applies them in sim/model/events.ts.
import * as z from 'zod';
import { intField, numberField, probabilityField, TICK_SLIDER_MAX } from './fields.ts';
import { MAX_NODES } from './scenario.ts';
import { trendKindSchema, trendSchema, worldRefSchema } from './trends.ts';

const group = 'Events';
const tick = intField(0, 10_000_000, {
  label: 'Tick',
  description: 'Tick (hour) at which the event fires',
  unit: 'ticks',
  group,
  sliderMax: TICK_SLIDER_MAX,
});
const until = intField(1, 10_000_000, {
  label: 'Until tick',
  description: 'Tick (hour) at which the event’s effect ends (left out = never)',
  unit: 'ticks',
  group,
  sliderMax: TICK_SLIDER_MAX,
  log: false,
});

/** Changes one platform's ranking algorithm from `tick` on; fields left out keep their value. */
export const algorithmChangeEventSchema = z.strictObject({
  type: z.literal('algorithm-change'),
  tick,
  platform: worldRefSchema,
  personalization: probabilityField({
    label: 'Personalization',
    description: 'New weight of similarity against popularity in recommendations',
    group,
  }).optional(),
  exploration: probabilityField({
    label: 'Exploration ε',
    description: 'New share of recommended slots filled at random',
    group,
  }).optional(),
  popularityWeight: numberField(0, 100, {
    label: 'Virality weight',
    description: 'New weight of engagement counts in ranking',
    group,
  }).optional(),
  reachCap: intField(0, 100_000_000, {
    label: 'Reach cap',
    description: 'New most viewers a single post may reach per tick through recommendation (0 = no cap)',
    unit: 'viewers',
    group,
  }).optional(),
});

/** A platform is unavailable from `tick` to `until` (a ban when `until` is left out, an outage otherwise). */
export const banEventSchema = z.strictObject({
  type: z.enum(['ban', 'outage'], { error: 'must be "ban" or "outage"' }),
  tick,
  until: until.optional(),
  platform: worldRefSchema,
});

/** Seeds a trend on `influencers` top accounts of its platform (optionally of one region or fandom) at `tick`. */
export const campaignEventSchema = z.strictObject({
  type: z.literal('campaign'),
  tick,
  trend: trendSchema.omit({ startTick: true }),
  influencers: intField(1, 100_000, {
    label: 'Influencers',
    description: 'Accounts the campaign pays to post the trend',
    unit: 'accounts',
    group,
  }).default(10),
});

/** An idol goes live: the idol is online and its posts get `boost`× engagement, and its fans come online `fanBoost`× as often. */
export const idolLiveEventSchema = z.strictObject({
  type: z.literal('idol-live'),
  tick,
  until: until.optional(),
  fandom: worldRefSchema,
  boost: numberField(1, 100, {
    label: 'Idol post boost',
    description: 'Engagement multiplier of the idol’s posts while live',
    unit: '×',
    group,
  }).default(5),
  fanBoost: numberField(1, 20, {
    label: 'Fan activity boost',
    description: 'How much more often fans of the idol come online while live',
    unit: '×',
    group,
  }).default(2),
});

/** A creator leaves: the `rank`-th most followed account (1 = the biggest) of a platform, or everywhere. */
export const creatorLeavesEventSchema = z.strictObject({
  type: z.literal('creator-leaves'),
  tick,
  platform: worldRefSchema.optional(),
  rank: intField(1, 1_000_000, {
    label: 'Creator rank',
    description: '1 = the most followed account, 2 = the second, …',
    group,
  }).default(1),
  agent: intField(0, MAX_NODES, {
    label: 'Agent',
    description: 'Id of the leaving account (overrides rank)',
    group,
  }).optional(),
});

/** Everyone (or one region) comes online `multiplier`× as often from `tick` to `until` (a lockdown, a holiday). */
export const activityChangeEventSchema = z.strictObject({
  type: z.literal('activity-change'),
  tick,
  until: until.optional(),
  region: worldRefSchema.optional(),
  multiplier: numberField(0, 20, {
    label: 'Activity multiplier',
    description: 'Factor on how often agents come online',
    unit: '×',
    group,
  }),
});

/**
 * A trend launched by hand from one account, before the hour `tick` is simulated (the app's "Launch a trend here",
 * recorded so that a share link, an export or a rebuild runs it again exactly). The account posts it first as an
 * ordinary user, on `platform` (joining it if it was not there).
 */
export const launchEventSchema = z.strictObject({
  type: z.literal('launch'),
  tick,
  agent: intField(0, MAX_NODES, {
    label: 'Agent',
    description: 'Id of the account that posts the trend first',
    group,
  }),
  kind: trendKindSchema,
  platform: worldRefSchema,
  name: trendSchema.shape.name,
});

/** One event; an effect with an end (`until`) must end after it starts, or it would never be in force. */
export const eventSchema = z
  .discriminatedUnion(
    'type',
    [
      algorithmChangeEventSchema,
      banEventSchema,
      campaignEventSchema,
      idolLiveEventSchema,
      creatorLeavesEventSchema,
      activityChangeEventSchema,
      launchEventSchema,
    ],
    {
      error:
        'must be an event with "type" one of "algorithm-change", "ban", "outage", "campaign", "idol-live", "creator-leaves", "activity-change", "launch"',
    },
  )
  .superRefine(
    (event, ctx) => {
      if ('until' in event && event.until !== undefined && event.until <= event.tick)
        ctx.addIssue({
          code: 'custom',
          path: ['until'],
          message: `must be later than the event's tick, ${event.tick}`,
          input: event.until,
        });
    },
    // Only an event whose fields are each valid: a bad tick or until already has its own message.
    { when: (payload) => payload.issues.length === 0 },
  );

export const eventsSchema = z.array(eventSchema).max(10_000, { error: 'must list at most 10,000 events' });

/** Every event type, for the timeline UI. */
export const EVENT_TYPES = [
  'algorithm-change',
  'ban',
  'outage',
  'campaign',
  'idol-live',
  'creator-leaves',
  'activity-change',
  'launch',
] as const;

export type EventSpec = z.output<typeof eventSchema>;
export type EventsSpec = z.output<typeof eventsSchema>;
export type AlgorithmChangeEvent = z.output<typeof algorithmChangeEventSchema>;
export type BanEvent = z.output<typeof banEventSchema>;
export type LaunchEvent = z.output<typeof launchEventSchema>;
export type CampaignEvent = z.output<typeof campaignEventSchema>;
export type IdolLiveEvent = z.output<typeof idolLiveEventSchema>;
export type CreatorLeavesEvent = z.output<typeof creatorLeavesEventSchema>;
export type ActivityChangeEvent = z.output<typeof activityChangeEventSchema>;
