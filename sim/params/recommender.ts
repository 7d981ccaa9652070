// Schema of the feed, recommender and other dynamics knobs of a social-world scenario (DESIGN §2.4–§2.5). Pure schema, no engine logic.
import * as z from 'zod';
import { intField, numberField, probabilityField } from './fields.ts';

/**
 * Recommender strategies: `chronological` = follows only, newest first; `popularity` = the most engaged recent posts;
 * `collaborative` = collaborative filtering from engagement profiles; `random` = uniform recent posts; `oracle` = ranked by
 * the viewer's true interests. `random` and `oracle` are the reference points of the filter-bubble literature.
 */
export const RECOMMENDER_STRATEGIES = [
  'chronological',
  'popularity',
  'collaborative',
  'random',
  'oracle',
] as const;
export type RecommenderStrategy = (typeof RECOMMENDER_STRATEGIES)[number];

const feed = 'Feed & recommender';
const dynamics = 'Dynamics';
const networks = 'Network effects';

/**
 * Every field has a default, so `{}` is a complete, valid value. `personalization` and `exploration`, when given,
 * override every platform's own algorithm settings (the filter-bubble experiments set them world-wide).
 */
export const recommenderSchema = z.strictObject({
  strategy: z
    .enum(RECOMMENDER_STRATEGIES, {
      error: `must be one of ${RECOMMENDER_STRATEGIES.map((s) => `"${s}"`).join(', ')}`,
    })
    .default('collaborative'),
  personalization: probabilityField({
    label: 'Personalization',
    description: 'Weight of similarity against popularity in recommendations (overrides every platform)',
    group: feed,
  }).optional(),
  exploration: probabilityField({
    label: 'Exploration ε',
    description: 'Share of recommended slots filled with a random recent post (overrides every platform)',
    group: feed,
  }).optional(),
  candidates: intField(1, 200, {
    label: 'Candidates per slot',
    description: 'Posts the recommender samples and scores for each recommended slot',
    unit: 'posts',
    group: feed,
  }).default(2),
  attentionScale: numberField(0.05, 10, {
    label: 'Attention scale',
    description: 'Factor on every platform’s posts viewed per session',
    unit: '×',
    group: feed,
  }).default(1),
  postLifetime: intField(1, 24 * 30, {
    label: 'Post lifetime',
    description: 'Hours a post stays eligible for feeds',
    unit: 'hours',
    group: feed,
  }).default(48),
  trendingRefresh: intField(1, 24 * 7, {
    label: 'Trending refresh',
    description: 'Hours between refreshes of each platform’s trending list',
    unit: 'hours',
    group: feed,
  }).default(6),
  interestDrift: probabilityField({
    label: 'Interest drift',
    description:
      'Per session, how far an agent’s interests move toward the topics it viewed (filter-bubble feedback)',
    group: dynamics,
  }).default(0.005),
  postRate: numberField(0, 10, {
    label: 'Everyday posting',
    description:
      'Factor on each agent’s chance per session to post something unrelated to any trend (its creator propensity)',
    unit: '×',
    group: dynamics,
  }).default(1),
  belowThreshold: probabilityField({
    label: 'Below-threshold factor',
    description:
      'Factor on an effortful trend’s adoption chance before the agent has seen it from enough distinct accounts',
    group: dynamics,
  }).default(0.05),
  reshareRate: numberField(0, 10, {
    label: 'Reshare rate',
    description: 'Factor on every trend kind’s chance of a reshare per engaged view',
    unit: '×',
    group: dynamics,
  }).default(1),
  adoptionRate: numberField(0, 10, {
    label: 'Participation rate',
    description: 'Factor on every trend kind’s chance of participating per engaged view',
    unit: '×',
    group: dynamics,
  }).default(1),
  membershipChanges: z.boolean({ error: 'must be true or false' }).default(true),
  joinRate: probabilityField({
    label: 'Join rate',
    description:
      'Daily chance of joining a platform all of one’s contacts are on, before the platform’s network-effect strength',
    unit: 'per day',
    group: networks,
  }).default(0.02),
  leaveAfterDays: intField(1, 365, {
    label: 'Leave after',
    description: 'Days without being able to use a platform after which an agent leaves it',
    unit: 'days',
    group: networks,
  }).default(5),
});

export type RecommenderSpec = z.output<typeof recommenderSchema>;
export type RecommenderSpecInput = z.input<typeof recommenderSchema>;
