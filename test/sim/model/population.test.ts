// Tests of the population draw: region shares, fandoms, languages, interests, memberships, against the parameters they come from.
import { describe, expect, it } from 'vitest';
import { drawPopulation, normalised } from '../../../sim/model/population.ts';
import { defaultWorldParams, type WorldParams } from '../../../sim/params/world.ts';

const N = 40_000;
const params: WorldParams = { ...defaultWorldParams(), agents: N };
const population = drawPopulation(params, 'population-test');
const R = params.regions.length;
const F = params.fandoms.length;

function regionCounts(): number[] {
  const counts = new Array<number>(R).fill(0);
  for (let a = 0; a < N; a++) counts[population.region[a]!]!++;
  return counts;
}

describe('drawPopulation', () => {
  it('matches the region shares (chi-square below the 0.1% critical value)', () => {
    const expected = normalised(params.regions.map((r) => r.populationShare)).map((s) => s * N);
    const observed = regionCounts();
    const chiSquare = observed.reduce((sum, o, r) => sum + (o - expected[r]!) ** 2 / expected[r]!, 0);
    // Under the multinomial the statistic is χ² with R − 1 = 7 degrees of freedom; P(χ² > 24.32) = 0.001.
    expect(chiSquare).toBeLessThan(24.32);
  });

  it('gives every agent its region’s main language and English or Korean at the region’s shares', () => {
    const english = params.languages.indexOf('English');
    const korean = params.languages.indexOf('Korean');
    const counts = regionCounts();
    const englishBy = new Array<number>(R).fill(0);
    const koreanBy = new Array<number>(R).fill(0);
    let withoutMain = 0;
    for (let a = 0; a < N; a++) {
      const r = population.region[a]!;
      const mask = population.languages[a]!;
      if (!(mask & (1 << params.regions[r]!.mainLanguage))) withoutMain++;
      if (mask & (1 << english)) englishBy[r]!++;
      if (mask & (1 << korean)) koreanBy[r]!++;
    }
    expect(withoutMain).toBe(0);
    params.regions.forEach((region, r) => {
      const n = counts[r]!;
      // A main language counts as spoken, else the share is binomial: 4 standard errors (8 regions × 2 languages).
      const check = (observed: number, share: number, isMain: boolean) => {
        const p = isMain ? 1 : share;
        expect(Math.abs(observed / n - p)).toBeLessThanOrEqual(4 * Math.sqrt((p * (1 - p)) / n) + 1e-9);
      };
      check(englishBy[r]!, region.englishShare, region.mainLanguage === english);
      check(koreanBy[r]!, region.koreanShare, region.mainLanguage === korean);
    });
  });

  it('makes fandom sizes heavy-tailed, the mega fandom largest, and the fan share highest in Korea', () => {
    const sizes = new Array<number>(F + 1).fill(0);
    const fansBy = new Array<number>(R).fill(0);
    for (let a = 0; a < N; a++) {
      sizes[population.fandom[a]!]!++;
      if (population.fandom[a]! > 0) fansBy[population.region[a]!]!++;
    }
    const fandomSizes = sizes.slice(1);
    const mega = fandomSizes.indexOf(Math.max(...fandomSizes));
    expect(params.fandoms[mega]!.name).toBe('Orbit');
    // Zipf weights (exponent 1.2) put ~8.6× more fans in the largest fandom than in the smallest; allow down to 5×.
    expect(Math.max(...fandomSizes) / Math.min(...fandomSizes)).toBeGreaterThan(5);
    // The mega fandom holds more fans than the next two together (0.465 vs 0.327 of all fans).
    const sorted = [...fandomSizes].sort((a, b) => b - a);
    expect(sorted[0]!).toBeGreaterThan(sorted[1]! + sorted[2]!);
    const counts = regionCounts();
    const fanShares = fansBy.map((fans, r) => fans / counts[r]!);
    const korea = params.regions.findIndex((r) => r.name === 'Korea');
    expect(fanShares.indexOf(Math.max(...fanShares))).toBe(korea);
    // Every fandom is present in every region.
    const present = new Set<number>();
    for (let a = 0; a < N; a++)
      if (population.fandom[a]! > 0) present.add(population.region[a]! * 100 + population.fandom[a]!);
    expect(present.size).toBe(R * F);
  });

  it('matches each platform’s membership share in each region within 4 standard errors', () => {
    const counts = regionCounts();
    params.platforms.forEach((platform, p) => {
      const members = new Array<number>(R).fill(0);
      for (let a = 0; a < N; a++) if (population.platforms[a]! & (1 << p)) members[population.region[a]!]!++;
      platform.membershipByRegion.forEach((share, r) => {
        const n = counts[r]!;
        // 40 (platform, region) cells: P(any binomial share off by > 4 SE) ≈ 40 × 6e-5.
        expect(Math.abs(members[r]! / n - share)).toBeLessThanOrEqual(
          4 * Math.sqrt((share * (1 - share)) / n) + 1e-9,
        );
      });
    });
  });

  it('draws interest rows that sum to 1 and lean toward the fandom’s topics', () => {
    const K = params.topics.length;
    const kpop = params.topics.indexOf('k-pop');
    let fanKpop = 0;
    let fans = 0;
    let otherKpop = 0;
    let others = 0;
    let worstSum = 0;
    for (let a = 0; a < N; a++) {
      let sum = 0;
      for (let k = 0; k < K; k++) sum += population.interests[a * K + k]!;
      worstSum = Math.max(worstSum, Math.abs(sum - 1));
      if (population.fandom[a]! > 0) {
        fanKpop += population.interests[a * K + kpop]!;
        fans++;
      } else {
        otherKpop += population.interests[a * K + kpop]!;
        others++;
      }
    }
    expect(worstSum).toBeLessThan(1e-5); // Float32 rounding of 8 weights
    // Every default fandom weights k-pop at least 2 of ~10: fans' mean k-pop interest is clearly above non-fans'.
    expect(fanKpop / fans).toBeGreaterThan(1.3 * (otherKpop / others));
  });

  it('draws activity with the requested mean and a heavy tail, and thresholds of at least 1', () => {
    let sum = 0;
    let most = 0;
    let outOfRange = 0;
    for (let a = 0; a < N; a++) {
      sum += population.activity[a]!;
      most = Math.max(most, population.activity[a]!);
      const c = population.creatorPropensity[a]!;
      if (population.threshold[a]! < 1 || c < 0 || c > 1) outOfRange++;
    }
    expect(outOfRange).toBe(0);
    // Lognormal σ = 1: the sample mean's standard error is ~1.3% of the mean at this size; allow 6%.
    expect(sum / N / params.activity.meanSessionsPerDay).toBeGreaterThan(0.94);
    expect(sum / N / params.activity.meanSessionsPerDay).toBeLessThan(1.06);
    // The 1-in-40,000 lognormal draw is ~e^(3.9 − 0.5) ≈ 30× the mean; far above any normal tail.
    expect(most).toBeGreaterThan(8 * params.activity.meanSessionsPerDay);
  });

  it('gives the same arrays for the same seed and different ones for another seed', () => {
    const small = { ...params, agents: 2_000 };
    const a = drawPopulation(small, 'x');
    const b = drawPopulation(small, 'x');
    const c = drawPopulation(small, 'y');
    expect(Buffer.from(a.interests.buffer).equals(Buffer.from(b.interests.buffer))).toBe(true);
    expect(Buffer.from(a.platforms).equals(Buffer.from(b.platforms))).toBe(true);
    expect(Buffer.from(a.region).equals(Buffer.from(c.region))).toBe(false);
  });
});
