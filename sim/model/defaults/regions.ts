// Default regions and languages of the social world (data only; the schema in sim/params/world.ts validates them). No logic.
import type { RegionRecord } from '../world.ts';

/** Languages, one bit each in `Population.languages` (at most 8). 'European' stands for Europe's many main languages. */
export const DEFAULT_LANGUAGES = [
  'Korean',
  'English',
  'Japanese',
  'Indonesian',
  'Hindi',
  'Spanish',
  'European',
  'Arabic',
] as const;

/** Language indices into DEFAULT_LANGUAGES, for readable records below. */
const LANG = {
  korean: 0,
  english: 1,
  japanese: 2,
  indonesian: 3,
  hindi: 4,
  spanish: 5,
  european: 6,
  arabic: 7,
} as const;

/**
 * The 8 default regions. Shares are of the world's online population, with Korea and Japan a little larger than
 * their real share so a 20k-agent world still has a visible Korean core. UTC offsets are whole hours (the diurnal
 * curve is hourly): a region's offset is that of its most populous part. Topic weights follow the topic order of
 * DEFAULT_TOPICS: k-pop, dance, beauty, food, drama, gaming, comedy, fashion.
 */
export const DEFAULT_REGIONS: readonly RegionRecord[] = [
  {
    name: 'Korea',
    populationShare: 0.04,
    utcOffset: 9,
    mainLanguage: LANG.korean,
    englishShare: 0.3,
    koreanShare: 1,
    fanShare: 0.55,
    topicWeights: [3, 2, 2, 1.5, 2, 1.5, 1, 1.5],
  },
  {
    name: 'Japan',
    populationShare: 0.05,
    utcOffset: 9,
    mainLanguage: LANG.japanese,
    englishShare: 0.2,
    koreanShare: 0.04,
    fanShare: 0.32,
    topicWeights: [1.8, 1, 1.5, 1.5, 1.5, 3, 1.5, 1.5],
  },
  {
    name: 'Southeast Asia',
    populationShare: 0.13,
    utcOffset: 7,
    mainLanguage: LANG.indonesian,
    englishShare: 0.4,
    koreanShare: 0.03,
    fanShare: 0.3,
    topicWeights: [2.5, 2, 2, 2, 2, 1.5, 1.5, 1.5],
  },
  {
    name: 'South Asia',
    populationShare: 0.2,
    utcOffset: 5,
    mainLanguage: LANG.hindi,
    englishShare: 0.35,
    koreanShare: 0.01,
    fanShare: 0.12,
    topicWeights: [1, 2, 1.5, 2, 2, 1.5, 2, 1],
  },
  {
    name: 'North America',
    populationShare: 0.09,
    utcOffset: -5,
    mainLanguage: LANG.english,
    englishShare: 1,
    koreanShare: 0.01,
    fanShare: 0.15,
    topicWeights: [1, 1.5, 1.5, 2, 1.5, 2, 2, 1.5],
  },
  {
    name: 'Latin America',
    populationShare: 0.12,
    utcOffset: -4,
    mainLanguage: LANG.spanish,
    englishShare: 0.2,
    koreanShare: 0.01,
    fanShare: 0.22,
    topicWeights: [1.8, 2.5, 1.5, 1.5, 2, 1.5, 2, 1.5],
  },
  {
    name: 'Europe',
    populationShare: 0.14,
    utcOffset: 1,
    mainLanguage: LANG.european,
    englishShare: 0.55,
    koreanShare: 0.01,
    fanShare: 0.12,
    topicWeights: [1, 1.5, 1.5, 2, 1.5, 2, 2, 2],
  },
  {
    name: 'Middle East & Africa',
    populationShare: 0.23,
    utcOffset: 2,
    mainLanguage: LANG.arabic,
    englishShare: 0.35,
    koreanShare: 0.01,
    fanShare: 0.1,
    topicWeights: [1, 2, 1.5, 2, 2, 1.5, 2, 1.5],
  },
];
