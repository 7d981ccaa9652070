// Influencer tiers from follower counts, with thresholds relative to population size. Pure arithmetic on typed arrays.
import type { PlatformRecord } from './world.ts';
import { TIER } from './world.ts';

/** Cumulative shares of the population per tier: `macro` = share at macro tier or above, and so on. */
export interface TierShares {
  readonly mega: number;
  readonly macro: number;
  readonly micro: number;
  readonly nano: number;
}

/**
 * Followers per agent summed over the 'follow' platforms (messenger contacts are friends, not an audience).
 * `followerCounts` is count × platformCount, row-major.
 */
export function totalFollowers(
  followerCounts: Uint32Array,
  platforms: readonly PlatformRecord[],
): Uint32Array {
  const P = platforms.length;
  const count = followerCounts.length / P;
  const total = new Uint32Array(count);
  for (let p = 0; p < P; p++) {
    if (platforms[p]!.edgeModel !== 'follow') continue;
    for (let a = 0; a < count; a++) total[a]! += followerCounts[a * P + p]!;
  }
  return total;
}

/**
 * The least followers for mega, macro, micro and nano, in that order. The threshold of a tier with cumulative share
 * s is the follower count of the agent ranked max(1, round(s × count)) from the top, and at least 1: so ranks,
 * not absolute counts, decide — a 5,000-agent classroom world still has a few mega and macro accounts, and a
 * 1,000,000-agent world has proportionally more. Ties at a threshold all get the tier. A share of 0 gives an
 * unreachable threshold (no agent at that tier). O(count + max followers).
 */
export function tierThresholds(followers: Uint32Array, shares: TierShares): number[] {
  const count = followers.length;
  let most = 0;
  for (let a = 0; a < count; a++) if (followers[a]! > most) most = followers[a]!;
  const histogram = new Uint32Array(most + 1);
  for (let a = 0; a < count; a++) histogram[followers[a]!]!++;
  return [shares.mega, shares.macro, shares.micro, shares.nano].map((share) => {
    if (share <= 0 || count === 0) return Number.POSITIVE_INFINITY;
    const rank = Math.max(1, Math.round(share * count));
    let atLeast = 0;
    for (let value = most; value >= 1; value--) {
      atLeast += histogram[value]!;
      if (atLeast >= rank) return value;
    }
    return 1;
  });
}

/** Writes TIER values into `tier` from `followers` and the thresholds of tierThresholds; returns the thresholds. */
export function assignTiers(tier: Uint8Array, followers: Uint32Array, shares: TierShares): number[] {
  const [mega, macro, micro, nano] = tierThresholds(followers, shares) as [number, number, number, number];
  for (let a = 0; a < followers.length; a++) {
    const f = followers[a]!;
    tier[a] =
      f >= mega
        ? TIER.mega
        : f >= macro
          ? TIER.macro
          : f >= micro
            ? TIER.micro
            : f >= nano
              ? TIER.nano
              : TIER.regular;
  }
  return [mega, macro, micro, nano];
}
