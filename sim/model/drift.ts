// Interest drift: after a session an agent's interests move toward the topics it viewed (the filter-bubble feedback). Writes only population.interests.
import type { SimContext } from './context.ts';

/**
 * interests ← (1 − δ) · interests + δ · (topics viewed this session / `viewed`), δ = knobs.interestDrift; rows keep
 * summing to 1. Reads the session's topic histogram from ctx.sessionTopics.
 */
export function driftInterests(ctx: SimContext, agent: number, viewed: number): void {
  const delta = ctx.knobs.interestDrift;
  if (delta <= 0 || viewed <= 0) return;
  const K = ctx.dim.K;
  const interests = ctx.world.population.interests as Float32Array;
  const row = agent * K;
  const share = delta / viewed;
  for (let k = 0; k < K; k++)
    interests[row + k] = (1 - delta) * interests[row + k]! + share * ctx.sessionTopics[k]!;
}
