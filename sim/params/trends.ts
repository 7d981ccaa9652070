// Schema of the trends a social-world scenario launches (DESIGN §2.3). Pure schema: no engine logic, no defaults per kind (sim/model/trends.ts holds those).
import * as z from 'zod';
import { intField, numberField, probabilityField, TICK_SLIDER_MAX } from './fields.ts';

/** The trend kinds the engine knows; each has defaults in sim/model/trends.ts (TREND_KIND_DEFAULTS). */
export const TREND_KINDS = [
  'dance-challenge',
  'meme',
  'recipe',
  'beauty-routine',
  'ar-filter',
  'song',
] as const;
export type TrendKind = (typeof TREND_KINDS)[number];

/** Who starts a trend: an idol account, an agency campaign on N influencers, a brand (+ N influencers), an ordinary user. */
export const TREND_ORIGINS = ['idol', 'campaign', 'brand', 'user'] as const;
export type TrendOrigin = (typeof TREND_ORIGINS)[number];

/** Most trends one run may hold (scenario trends + campaign events + trends launched by hand); `lastAdopted` stores trend + 1 in a byte. */
export const MAX_TRENDS = 250;

const group = 'Trends';

export const trendKindSchema = z.enum(TREND_KINDS, {
  error: `must be one of ${TREND_KINDS.map((k) => `"${k}"`).join(', ')}`,
});
export const trendOriginSchema = z.enum(TREND_ORIGINS, {
  error: `must be one of ${TREND_ORIGINS.map((k) => `"${k}"`).join(', ')}`,
});

/** A platform or region or fandom named by its name (or kind, for platforms) or by its 0-based index. */
export const worldRefSchema = z.union(
  [
    z
      .string()
      .min(1, { error: 'must be a non-empty name' })
      .max(100, { error: 'must be a name of at most 100 characters' }),
    intField(0, 255, { label: 'Index', description: '0-based index into the world list' }),
  ],
  { error: 'must be a name (text) or a 0-based index' },
);

const weight = numberField(0, 1_000, {
  label: 'Topic weight',
  description: 'Relative weight of one topic in the trend (normalised to sum 1)',
  group,
  indexedBy: 'topics',
});

/**
 * One trend. Fields left out take the defaults of its `kind` (sim/model/trends.ts). `topics` maps topic names
 * (as in the world's topic list, e.g. "dance") to relative weights; names are checked when the engine starts.
 */
export const trendSchema = z.strictObject({
  name: z
    .string({ error: 'must be a name, 1 to 80 characters' })
    .min(1, { error: 'must be a name, 1 to 80 characters' })
    .max(80, { error: 'must be a name, 1 to 80 characters' })
    .meta({
      label: 'Name',
      description: 'What the legend, charts, read-outs and exports call the trend',
      group,
      text: true,
    }),
  kind: trendKindSchema,
  topics: z.record(z.string().min(1).max(60), weight).optional(),
  appeal: probabilityField({
    label: 'Appeal',
    description: 'How catchy the trend is: scales every chance of engaging with one of its posts',
    group,
  }).optional(),
  languageDependence: probabilityField({
    label: 'Language dependence',
    description: '0 = crosses languages (a dance), 1 = only understood in its language (a text meme)',
    group,
  }).optional(),
  effort: probabilityField({
    label: 'Effort',
    description:
      '0 = one tap to join, 1 = needs practice: effortful trends need several distinct exposures (complex contagion)',
    group,
  }).optional(),
  noveltyHalfLife: numberField(1, 100_000, {
    label: 'Novelty half-life',
    description: 'Hours after launch at which the trend’s pull has halved',
    unit: 'hours',
    group,
  }).optional(),
  origin: trendOriginSchema.optional(),
  seeds: intField(1, 10_000, {
    label: 'Seed accounts',
    description:
      'Accounts that post the trend first (influencers for a campaign or brand, else the idol or user plus helpers)',
    unit: 'accounts',
    group,
  }).optional(),
  platform: worldRefSchema.optional(),
  region: worldRefSchema.optional(),
  fandom: worldRefSchema.optional(),
  startTick: intField(0, 10_000_000, {
    label: 'Launch tick',
    description: 'Tick (hour) at which the trend is first posted',
    unit: 'ticks',
    group,
    sliderMax: TICK_SLIDER_MAX,
  }).default(0),
  color: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/, { error: 'must be a colour like "#ff4f9a"' })
    .optional(),
});

export const trendsSchema = z
  .array(trendSchema)
  .max(MAX_TRENDS, { error: `must list at most ${MAX_TRENDS} trends` });

export type TrendSpec = z.output<typeof trendSchema>;
export type TrendSpecInput = z.input<typeof trendSchema>;
export type TrendsSpec = z.output<typeof trendsSchema>;
