// The social-world scenario schema (file format version 1): world, trends, events, recommender. Pure schema: no engine logic.
import * as z from 'zod';
import { DEFAULT_FANDOMS, DEFAULT_TOPICS } from '../model/defaults/fandoms.ts';
import { DEFAULT_PLATFORMS } from '../model/defaults/platforms.ts';
import { DEFAULT_LANGUAGES, DEFAULT_REGIONS } from '../model/defaults/regions.ts';
import { jsonPath } from './errors.ts';
import { eventsSchema } from './events.ts';
import { intField, numberField, probabilityField, TICK_SLIDER_MAX } from './fields.ts';
import { recommenderSchema } from './recommender.ts';
import { MAX_NODES, MIN_AGENTS, scenarioHeaderFields } from './scenario.ts';
import { trendsSchema } from './trends.ts';
import {
  copyOf,
  DEFAULT_AGENTS,
  fandomSchema,
  G,
  MAX_FANDOMS,
  MAX_LANGUAGES,
  MAX_PLATFORMS,
  MAX_REGIONS,
  MAX_TOPICS,
  nameSchema,
  platformSchema,
  regionSchema,
} from './world-records.ts';

export {
  DEFAULT_AGENTS,
  fandomSchema,
  MAX_FANDOMS,
  MAX_LANGUAGES,
  MAX_PLATFORMS,
  MAX_REGIONS,
  MAX_TOPICS,
  platformSchema,
  regionSchema,
} from './world-records.ts';

const homophilySchema = z.strictObject({
  fandom: probabilityField({
    label: 'Fandom homophily',
    description: 'Chance a fan picks an account to follow among fans of its own fandom',
    group: G.graph,
  }).default(0.5),
  region: probabilityField({
    label: 'Region homophily',
    description: 'Chance an agent picks an account to follow in its own region',
    group: G.graph,
  }).default(0.7),
  interests: probabilityField({
    label: 'Interest homophily',
    description: 'Chance an agent picks, of a few candidates, the one whose interests are most like its own',
    group: G.graph,
  }).default(0.5),
});

const activitySchema = z.strictObject({
  meanSessionsPerDay: numberField(0.1, 48, {
    label: 'Sessions per day',
    description: 'Mean times an agent opens an app per day',
    unit: 'per day',
    group: G.population,
  }).default(4),
  spread: numberField(0, 3, {
    label: 'Activity spread',
    description: 'σ of the lognormal spread of activity across agents (0 = everyone alike)',
    group: G.population,
  }).default(1),
});

const creatorsSchema = z.strictObject({
  meanPropensity: probabilityField({
    label: 'Creator propensity',
    description: 'Mean chance that engaging with a trend makes an agent post its own version',
    group: G.population,
  }).default(0.1),
  spread: numberField(0, 3, {
    label: 'Creator spread',
    description: 'σ of the lognormal spread of creator propensity across agents',
    group: G.population,
  }).default(1),
});

const thresholdSchema = z.strictObject({
  mean: numberField(1, 50, {
    label: 'Threshold mean',
    description: 'Mean distinct exposures an agent needs before an effortful trend persuades it',
    unit: 'sources',
    group: G.population,
  }).default(2.5),
  sd: numberField(0, 20, {
    label: 'Threshold spread',
    description: 'Standard deviation of thresholds across agents (clipped at 1)',
    unit: 'sources',
    group: G.population,
  }).default(1),
});

const interestsSchema = z.strictObject({
  spread: numberField(0, 5, {
    label: 'Interest spread',
    description:
      'σ of the log-normal noise on each topic weight around the region/fandom prior (0 = prior exactly)',
    group: G.population,
  }).default(0.8),
  fandomPull: probabilityField({
    label: 'Fandom pull',
    description: 'Weight of the fandom’s topic profile against the region’s in a fan’s interests',
    group: G.population,
  }).default(0.5),
});

const tierShare = (label: string, description: string, fallback: number) =>
  probabilityField({ label, description, group: G.tiers }).default(fallback);

/** Tiers by rank of total followers: `mega` = share of all agents at mega tier, `macro` = share at macro or above, … */
const tiersSchema = z
  .strictObject({
    mega: tierShare('Mega share', 'Share of agents (the most followed) that are mega influencers', 0.0005),
    macro: tierShare('Macro share', 'Share of agents that are macro influencers or above', 0.005),
    micro: tierShare('Micro share', 'Share of agents that are micro influencers or above', 0.05),
    nano: tierShare('Nano share', 'Share of agents that are nano influencers or above', 0.2),
  })
  .refine((t) => t.mega <= t.macro && t.macro <= t.micro && t.micro <= t.nano, {
    error: 'must be cumulative shares with mega ≤ macro ≤ micro ≤ nano',
  });

export const worldParamsSchema = z
  .strictObject({
    agents: intField(MIN_AGENTS, MAX_NODES, {
      label: 'Agents',
      description: 'Number of people in the world',
      unit: 'agents',
      group: G.world,
    }).default(DEFAULT_AGENTS),
    languages: z
      .array(nameSchema)
      .min(1, { error: 'must list at least one language' })
      .max(MAX_LANGUAGES, { error: `must list at most ${MAX_LANGUAGES} languages` })
      .prefault(() => copyOf([...DEFAULT_LANGUAGES])),
    regions: z
      .array(regionSchema)
      .min(1, { error: 'must list at least one region' })
      .max(MAX_REGIONS, { error: `must list at most ${MAX_REGIONS} regions` })
      .prefault(() => copyOf(DEFAULT_REGIONS) as z.input<typeof regionSchema>[]),
    topics: z
      .array(nameSchema)
      .min(1, { error: 'must list at least one topic' })
      .max(MAX_TOPICS, { error: `must list at most ${MAX_TOPICS} topics` })
      .prefault(() => copyOf([...DEFAULT_TOPICS])),
    fandoms: z
      .array(fandomSchema)
      .max(MAX_FANDOMS, { error: `must list at most ${MAX_FANDOMS} fandoms` })
      .prefault(() => copyOf(DEFAULT_FANDOMS) as z.input<typeof fandomSchema>[]),
    platforms: z
      .array(platformSchema)
      .min(1, { error: 'must list at least one platform' })
      .max(MAX_PLATFORMS, { error: `must list at most ${MAX_PLATFORMS} platforms` })
      .prefault(() => copyOf(DEFAULT_PLATFORMS) as z.input<typeof platformSchema>[]),
    layerOverlap: probabilityField({
      label: 'Layer overlap',
      description: 'Chance a tie on one platform is mirrored on a later one when both people are members',
      group: G.graph,
    }).default(0.3),
    homophily: homophilySchema.prefault({}),
    interestCandidates: intField(1, 16, {
      label: 'Interest candidates',
      description: 'Accounts compared when interest homophily picks the most similar',
      unit: 'accounts',
      group: G.graph,
    }).default(2),
    popularityExponent: numberField(1.1, 10, {
      label: 'Popularity exponent',
      description: 'Pareto exponent α of latent popularity, shared across platforms (lower = bigger hubs)',
      group: G.graph,
    }).default(1.8),
    attractiveness: numberField(0.05, 100, {
      label: 'Base attractiveness',
      description:
        'Copies of an account of mean popularity in the follow pool before any follows (lower = stronger rich-get-richer)',
      unit: 'copies',
      group: G.graph,
    }).default(2),
    followSpread: numberField(0, 3, {
      label: 'Follow spread',
      description: 'σ of the lognormal spread of how many accounts each member follows',
      group: G.graph,
    }).default(0.8),
    activity: activitySchema.prefault({}),
    creators: creatorsSchema.prefault({}),
    threshold: thresholdSchema.prefault({}),
    interests: interestsSchema.prefault({}),
    tiers: tiersSchema.prefault({}),
  })
  .superRefine((world, ctx) => {
    const R = world.regions.length;
    const K = world.topics.length;
    const issue = (path: (string | number)[], message: string) =>
      ctx.addIssue({ code: 'custom', path, message, input: undefined });
    // Runs even when fields inside failed (zod keeps checking), so every value is looked at defensively.
    const sameLength = (
      path: (string | number)[],
      list: readonly unknown[] | undefined,
      expected: number,
      what: string,
    ) => {
      if (Array.isArray(list) && list.length !== expected)
        issue(path, `must list ${expected} values, one per ${what} (got ${list.length})`);
    };
    const unique = (key: string, names: readonly string[]) => {
      const seen = new Set<string>();
      names.forEach((name, i) => {
        if (seen.has(name.toLowerCase()))
          issue(
            [key, i, ...(key === 'topics' || key === 'languages' ? [] : ['name'])],
            `must be unique (“${name}” appears twice)`,
          );
        seen.add(name.toLowerCase());
      });
    };
    unique(
      'regions',
      world.regions.map((r) => r.name),
    );
    unique(
      'fandoms',
      world.fandoms.map((f) => f.name),
    );
    unique(
      'platforms',
      world.platforms.map((p) => p.name),
    );
    unique('topics', world.topics);
    unique('languages', world.languages);
    if (world.regions.reduce((sum, r) => sum + r.populationShare, 0) <= 0)
      issue(['regions'], 'must have population shares with a positive sum');
    world.regions.forEach((region, r) => {
      sameLength(['regions', r, 'topicWeights'], region.topicWeights, K, 'topic');
      if (region.mainLanguage >= world.languages.length)
        issue(
          ['regions', r, 'mainLanguage'],
          `must be an integer from 0 to ${world.languages.length - 1} (an index into world.languages)`,
        );
    });
    world.fandoms.forEach((fandom, f) => {
      sameLength(['fandoms', f, 'regionAffinity'], fandom.regionAffinity, R, 'region');
      sameLength(['fandoms', f, 'topicWeights'], fandom.topicWeights, K, 'topic');
    });
    world.platforms.forEach((platform, p) => {
      sameLength(['platforms', p, 'membershipByRegion'], platform.membershipByRegion, R, 'region');
      if (!platform.feedMix) return;
      const mix = platform.feedMix.follows + platform.feedMix.recommended + platform.feedMix.trending;
      if (Math.abs(mix - 1) > 1e-6)
        issue(['platforms', p, 'feedMix'], `must have shares that sum to 1 (got ${Number(mix.toFixed(6))})`);
      if (platform.edgeModel === 'groups' && platform.meanTies < 2)
        issue(
          ['platforms', p, 'meanTies'],
          'must be a number from 2 to 1000 (mean group size) on a groups platform',
        );
    });
  });

/**
 * One experiment a scenario suggests to a class ("Try: a chronological feed"): a label and the parameters it changes,
 * as a JSON merge patch of this scenario. The app offers each as a button; the CLI validates their form but does not
 * run them. Whether a patch gives a valid scenario is checked where it is applied (the app's preset loader), against
 * the whole schema.
 */
export const experimentSchema = z.strictObject({
  label: z
    .string({ error: 'must be a label of 1 to 80 characters' })
    .min(1, { error: 'must be a label of 1 to 80 characters' })
    .max(80, { error: 'must be a label of 1 to 80 characters' }),
  patch: z.record(z.string(), z.unknown(), {
    error: 'must be an object of the parameters it changes (a JSON merge patch of the scenario)',
  }),
});

export const worldScenarioSchema = z
  .strictObject({
    ...scenarioHeaderFields,
    experiments: z.array(experimentSchema).max(8, { error: 'must list at most 8 experiments' }).optional(),
    ticks: intField(1, 10_000_000, {
      label: 'Ticks',
      description: 'Simulated hours per run',
      unit: 'ticks',
      group: 'Run',
      sliderMax: TICK_SLIDER_MAX,
      log: false,
    }).default(24 * 7),
    regenerateWorld: z.boolean({ error: 'must be true or false' }).default(true),
    world: worldParamsSchema,
    trends: trendsSchema.default([]),
    events: eventsSchema.default([]),
    recommender: recommenderSchema.prefault({}),
  })
  .superRefine(
    (scenario, ctx) => {
      // Outputs, charts and the legend tell trends apart by name: the scenario's trends, each campaign's and each
      // launch's must differ (ignoring case). Each of a shared name gets the message.
      const named: { name: string; path: (string | number)[] }[] = [
        ...scenario.trends.map((t, i) => ({ name: t.name, path: ['trends', i, 'name'] })),
        ...scenario.events.flatMap((e, i) =>
          e.type === 'campaign'
            ? [{ name: e.trend.name, path: ['events', i, 'trend', 'name'] }]
            : e.type === 'launch'
              ? [{ name: e.name, path: ['events', i, 'name'] }]
              : [],
        ),
      ];
      // Every trend of a shared name gets the message, naming another: the one just edited is among them.
      const byName = new Map<string, (string | number)[][]>();
      for (const { name, path } of named) {
        const key = name.toLowerCase();
        const paths = byName.get(key);
        if (paths) paths.push(path);
        else byName.set(key, [path]);
      }
      for (const { name, path } of named) {
        const same = byName.get(name.toLowerCase()) ?? [];
        const other = same.find((p) => p !== path);
        if (!other) continue;
        ctx.addIssue({
          code: 'custom',
          path,
          input: name,
          message: `must be unique among the trends' names, ignoring case (also ${jsonPath(other)})`,
        });
      }
    },
    // Only a scenario whose fields are each valid: a bad name already has its own message.
    { when: (payload) => payload.issues.length === 0 },
  );

export type WorldParams = z.output<typeof worldParamsSchema>;
export type WorldParamsInput = z.input<typeof worldParamsSchema>;
export type WorldScenario = z.output<typeof worldScenarioSchema>;
export type WorldScenarioInput = z.input<typeof worldScenarioSchema>;

/** The default world, every field filled in. */
export function defaultWorldParams(): WorldParams {
  return worldParamsSchema.parse({});
}
