// Schemas of the world's data records (regions, fandoms, platforms) and the panel groups. Pure schema: no engine logic.
import * as z from 'zod';
import { DEFAULT_PLATFORMS } from '../model/defaults/platforms.ts';
import type { PlatformRecord } from '../model/world.ts';
import { intField, numberField, probabilityField, type WorldListName } from './fields.ts';
import { TREND_KINDS } from './trends.ts';

/** Agents a world has unless the scenario says otherwise: a laptop animates it smoothly. */
export const DEFAULT_AGENTS = 20_000;
/** Array limits that follow from the per-agent storage: Uint8 region/fandom, 8-bit language and platform masks. */
export const MAX_REGIONS = 32;
export const MAX_LANGUAGES = 8;
export const MAX_TOPICS = 32;
export const MAX_FANDOMS = 254;
export const MAX_PLATFORMS = 8;

/** Panel groups of the world parameters. */
export const G = {
  world: 'World',
  population: 'Population',
  graph: 'Social graph',
  platforms: 'Platforms',
  tiers: 'Influencer tiers',
} as const;

/** Plain, mutable copies of the default records (zod's prefault parses them like any input). */
export function copyOf<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

export const nameSchema = z
  .string({ error: 'must be a name, 1 to 60 characters' })
  .min(1, { error: 'must be a name, 1 to 60 characters' })
  .max(60, { error: 'must be a name, 1 to 60 characters' });

const topicWeight = numberField(0, 1_000, {
  label: 'Topic weight',
  description: 'Relative interest in one topic (index = topic)',
  group: G.population,
  indexedBy: 'topics',
});

export const regionSchema = z.strictObject({
  name: nameSchema,
  populationShare: numberField(0, 1, {
    label: 'Population share',
    description: 'Share of all agents living here (shares are normalised to sum 1)',
    group: G.population,
  }),
  utcOffset: intField(-12, 14, {
    label: 'UTC offset',
    description: 'Local hour minus UTC hour',
    unit: 'hours',
    group: G.population,
  }),
  mainLanguage: intField(0, MAX_LANGUAGES - 1, {
    label: 'Main language',
    description: 'Index into world.languages of the language everyone here speaks',
    group: G.population,
    indexOf: 'languages',
  }),
  englishShare: probabilityField({
    label: 'English speakers',
    description: 'Chance an agent here also speaks English',
    group: G.population,
  }),
  koreanShare: probabilityField({
    label: 'Korean speakers',
    description: 'Chance an agent here also speaks Korean',
    group: G.population,
  }),
  fanShare: probabilityField({
    label: 'Fans',
    description: 'Share of agents here who belong to a fandom',
    group: G.population,
  }),
  topicWeights: z.array(topicWeight, { error: 'must be a list of topic weights' }),
});

export const fandomSchema = z.strictObject({
  name: nameSchema,
  weight: numberField(0, 1_000, {
    label: 'Fandom weight',
    description: 'Relative size of the fandom among fans',
    group: G.population,
  }),
  regionAffinity: z.array(
    numberField(0, 1_000, {
      label: 'Region affinity',
      description: 'Factor on the fandom’s weight in one region (index = region)',
      group: G.population,
      indexedBy: 'regions',
    }),
  ),
  topicWeights: z.array(topicWeight, { error: 'must be a list of topic weights' }),
});

const share = (label: string, description: string, indexedBy?: WorldListName) =>
  probabilityField({ label, description, group: G.platforms, ...(indexedBy ? { indexedBy } : {}) });

const algorithmSchema = z.strictObject({
  personalization: share(
    'Personalization',
    'Weight of similarity against popularity in recommendations (0 = popularity only)',
  ).optional(),
  exploration: share('Exploration ε', 'Share of recommended slots filled at random').optional(),
  popularityWeight: numberField(0, 100, {
    label: 'Virality weight',
    description: 'Weight of engagement counts in ranking',
    group: G.platforms,
  }).optional(),
  reachCap: intField(0, 100_000_000, {
    label: 'Reach cap',
    description: 'Most viewers a single post may reach per tick through recommendation (0 = no cap)',
    unit: 'viewers',
    group: G.platforms,
  }).optional(),
});

/**
 * A platform record (all fields of PlatformRecord). A platform whose `kind` is one of the default kinds
 * (short-video, photo, video, microblog, messenger) takes every field it leaves out from that default record,
 * so a preset can add `{ "name": "Nova", "kind": "short-video", "networkEffect": 3 }`; other kinds must give all.
 */
const platformInputSchema = z.strictObject({
  name: nameSchema,
  kind: z.string({ error: 'must be a platform kind such as "short-video"' }).min(1).max(40),
  membershipByRegion: z
    .array(
      share(
        'Membership',
        'Share of agents of one region on this platform at the start (index = region)',
        'regions',
      ),
    )
    .optional(),
  edgeModel: z.enum(['follow', 'groups'], { error: 'must be "follow" or "groups"' }).optional(),
  meanTies: numberField(1, 1_000, {
    label: 'Mean ties',
    description: 'Mean accounts each member follows (follow) or mean group size (groups)',
    unit: 'ties',
    group: G.platforms,
  }).optional(),
  groupsPerMember: numberField(0, 20, {
    label: 'Groups per member',
    description: 'Mean groups each member of a groups platform is in',
    unit: 'groups',
    group: G.platforms,
  }).optional(),
  feedMix: z
    .strictObject({
      follows: share('Feed from follows', 'Share of the feed from followed accounts'),
      recommended: share(
        'Feed from recommender',
        'Share of the feed chosen by the recommender; above 0 it also fills the slots follows and trending leave empty',
      ),
      trending: share('Feed from trending', 'Share of the feed from the trending list'),
    })
    .optional(),
  attention: numberField(1, 128, {
    label: 'Attention',
    description:
      'Posts viewed per session, at most: a feed without a recommender share shows only what follows posted',
    unit: 'posts',
    group: G.platforms,
  }).optional(),
  formatFit: z
    .partialRecord(
      z.enum(TREND_KINDS),
      numberField(0, 10, {
        label: 'Format fit',
        description: 'How well the platform carries one trend kind (missing kind = 0.5)',
        unit: '×',
        group: G.platforms,
      }),
    )
    .optional(),
  crossPostProbability: share(
    'Cross-post probability',
    'Chance a post made here is also posted on another platform of its author',
  ).optional(),
  algorithm: algorithmSchema.optional(),
  networkEffect: numberField(0, 20, {
    label: 'Network effect',
    description: 'How strongly contacts already on the platform pull an agent to join',
    group: G.platforms,
  }).optional(),
});

type PlatformInput = z.output<typeof platformInputSchema>;
const REQUIRED_PLATFORM_FIELDS = [
  'membershipByRegion',
  'edgeModel',
  'meanTies',
  'feedMix',
  'attention',
  'formatFit',
  'crossPostProbability',
  'networkEffect',
] as const;

export const platformSchema = platformInputSchema.transform((input: PlatformInput, ctx): PlatformRecord => {
  const base = DEFAULT_PLATFORMS.find((p) => p.kind === input.kind);
  if (!base) {
    for (const field of REQUIRED_PLATFORM_FIELDS) {
      if (input[field] === undefined) {
        ctx.issues.push({
          code: 'custom',
          input: undefined,
          path: [field],
          message: `is required for a platform of kind "${input.kind}" (only ${DEFAULT_PLATFORMS.map((p) => `"${p.kind}"`).join(', ')} have defaults)`,
        });
      }
    }
    if (ctx.issues.length > 0) return z.NEVER;
  }
  const fallback = base ?? DEFAULT_PLATFORMS[0]!;
  const algorithm = {
    ...(base?.algorithm ?? { personalization: 0.5, exploration: 0.05, popularityWeight: 1, reachCap: 0 }),
  };
  for (const [key, value] of Object.entries(input.algorithm ?? {}))
    if (value !== undefined) algorithm[key as keyof typeof algorithm] = value;
  return {
    name: input.name,
    kind: input.kind,
    membershipByRegion: input.membershipByRegion ?? [...fallback.membershipByRegion],
    edgeModel: input.edgeModel ?? fallback.edgeModel,
    meanTies: input.meanTies ?? fallback.meanTies,
    groupsPerMember: input.groupsPerMember ?? base?.groupsPerMember ?? 2,
    feedMix: input.feedMix ?? { ...fallback.feedMix },
    attention: input.attention ?? fallback.attention,
    formatFit: input.formatFit ?? { ...fallback.formatFit },
    crossPostProbability: input.crossPostProbability ?? fallback.crossPostProbability,
    algorithm,
    networkEffect: input.networkEffect ?? fallback.networkEffect,
  };
});
