// Network effects on platform membership: growth follows the logistic S-curve of its mean-field equation, faster with a stronger network effect.
import { describe, expect, it } from 'vitest';
import { createRng } from '../../../sim/rng.ts';
import { fixtureEngine, fixtureWorld, platformRecord, randomFollows } from './world-fixture.ts';

const AGENTS = 4000;
const JOIN_RATE = 0.1;
const DAYS = 40;

const runs = new Map<string, number[]>();

/** Members of a new platform at the end of each day, as a fraction of all agents; day 0 = the initial share. Memoised. */
function growth(strength: number, seed: string): number[] {
  const key = `${strength}/${seed}`;
  if (!runs.has(key)) runs.set(key, simulateGrowth(strength, seed));
  return runs.get(key)!;
}

function simulateGrowth(strength: number, seed: string): number[] {
  const rng = createRng(seed, 'graph');
  const uniform = () => rng.next();
  const initial = new Uint8Array(AGENTS).map(() => (uniform() < 0.05 ? 1 : 0));
  const world = fixtureWorld({
    count: AGENTS,
    seed,
    platforms: [
      platformRecord({ name: 'Old' }, 1),
      platformRecord({ name: 'New', networkEffect: strength }, 1),
    ],
    // Contacts live on the old platform; the new one starts without ties (newcomers find friends from other apps).
    // 40 contacts each: few contacts would let those with the most member-contacts join first, leaving non-members
    // with below-average shares and the curve slower than the mean field (a real network effect, not what we test).
    ties: (p) => (p === 0 ? randomFollows(AGENTS, 40, uniform) : { from: [], to: [] }),
    member: (a, p) => p === 0 || initial[a] === 1,
    activity: 0.01, // almost nobody opens a feed: the test is about membership alone, and stays fast
  });
  const engine = fixtureEngine(world, [], { joinRate: JOIN_RATE }, [], seed);
  const initialShare = initial.reduce((s, v) => s + v, 0) / AGENTS;
  for (let t = 0; t < DAYS * 24; t++) engine.step();
  return [initialShare, ...engine.ctx.state.membersByDay[1]!.map((m) => m / AGENTS)];
}

/** The mean-field reference: each non-member joins with chance r × (share of contacts on the platform) = r × n. */
function logistic(n0: number, r: number, days: number): number[] {
  const out = [n0];
  let n = n0;
  for (let d = 0; d < days; d++) {
    n += r * n * (1 - n);
    out.push(n);
  }
  return out;
}

function daysToHalf(series: readonly number[]): number {
  const d = series.findIndex((n) => n >= 0.5);
  return d < 0 ? Number.POSITIVE_INFINITY : d;
}

describe('platform membership', () => {
  for (const strength of [2, 4, 8]) {
    it(`follows the logistic curve n' = r·n(1 − n) with r = joinRate × strength (strength ${strength})`, () => {
      const simulated = growth(strength, `s-curve-${strength}`);
      const reference = logistic(simulated[0]!, JOIN_RATE * strength, DAYS);
      // 4,000 agents: binomial noise on a share is ≤ 0.008 a day but shifts the curve in time as it compounds; with 40
      // contacts each, non-members' member-shares stay close to n (mean field), so 0.08 absolute bounds the gap every day.
      for (let d = 0; d <= DAYS; d++) expect(Math.abs(simulated[d]! - reference[d]!)).toBeLessThan(0.08);
      // An S-curve: daily growth first rises, then falls (one peak strictly inside the run), ending near saturation.
      const increments = simulated.slice(1).map((n, d) => n - simulated[d]!);
      const peak = increments.indexOf(Math.max(...increments));
      expect(peak).toBeGreaterThan(0);
      expect(peak).toBeLessThan(DAYS - 1);
      expect(simulated[DAYS]!).toBeGreaterThan(0.9);
    });
  }

  it('takes off faster with a stronger network effect', () => {
    const half = [2, 4, 8].map((s) => daysToHalf(growth(s, `s-curve-${s}`)));
    expect(half[1]!).toBeLessThan(half[0]!);
    expect(half[2]!).toBeLessThan(half[1]!);
  });
});
