// Default topics and fictional fandoms of the social world (data only; validated by sim/params/world.ts). No logic.
import type { FandomRecord } from '../world.ts';

/** The 8 default topics; index order is used by every topicWeights array. */
export const DEFAULT_TOPICS = [
  'k-pop',
  'dance',
  'beauty',
  'food',
  'drama',
  'gaming',
  'comedy',
  'fashion',
] as const;

/**
 * Six fictional fandoms. Weights follow a Zipf law with exponent 1.2 (1/k^1.2, normalised), so one mega fandom
 * (Orbit) holds ~47% of all fans and the smallest ~5%. Region affinity is a factor per region in DEFAULT_REGIONS
 * order (Korea, Japan, SE Asia, South Asia, N America, Latin America, Europe, ME & Africa); the share of fans in a
 * region is the region's `fanShare`, so every fandom is strongest in Korea and present everywhere.
 */
export const DEFAULT_FANDOMS: readonly FandomRecord[] = [
  // A boy group with a global army of fans: dance and k-pop first.
  {
    name: 'Orbit',
    weight: 0.465,
    regionAffinity: [1, 1, 1, 1, 1.2, 1.1, 1.1, 1],
    topicWeights: [4, 3, 1, 0.5, 1, 0.5, 1, 1.5],
  },
  // A girl group with beauty and fashion collaborations, big in Japan and Southeast Asia.
  {
    name: 'Bloom',
    weight: 0.202,
    regionAffinity: [1, 1.6, 1.3, 0.8, 0.8, 0.9, 0.9, 0.8],
    topicWeights: [4, 2, 2.5, 0.5, 0.5, 0.5, 0.5, 2.5],
  },
  // A performance crew famous for choreography, strong in Latin America.
  {
    name: 'Tempo',
    weight: 0.125,
    regionAffinity: [1, 0.8, 1, 0.9, 1, 1.6, 0.9, 0.9],
    topicWeights: [3, 4, 0.5, 0.5, 0.5, 0.5, 1, 1],
  },
  // Fans of drama actors and their soundtracks, strong in South Asia and the Middle East.
  {
    name: 'Echo',
    weight: 0.088,
    regionAffinity: [1, 0.8, 1.1, 1.5, 0.7, 1, 0.8, 1.4],
    topicWeights: [2, 0.5, 1, 1, 4, 0.5, 1, 1],
  },
  // A variety-show idol unit: comedy and food clips.
  {
    name: 'Lumen',
    weight: 0.067,
    regionAffinity: [1.2, 1.2, 1, 0.8, 0.9, 0.9, 0.9, 0.8],
    topicWeights: [2.5, 1, 0.5, 2.5, 1, 0.5, 3, 0.5],
  },
  // A virtual idol band born in a game, strong in North America and Europe.
  {
    name: 'Pulse',
    weight: 0.054,
    regionAffinity: [0.9, 1.2, 0.9, 0.8, 1.5, 0.9, 1.4, 0.8],
    topicWeights: [2.5, 1, 0.5, 0.5, 0.5, 4, 1, 0.5],
  },
];
