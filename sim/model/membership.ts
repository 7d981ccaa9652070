// Daily platform membership through network effects: join with the share of contacts already there, leave a platform that stays down. Writes population.platforms only.
import { aleaBelow, aleaChance } from './classic/fast-alea.ts';
import type { SimContext } from './context.ts';

/** Contacts sampled per agent per day to estimate the share already on each platform. */
export const CONTACT_SAMPLE = 12;
/** Daily chance of leaving a platform that has been unavailable for more than `leaveAfterDays` days. */
export const LEAVE_CHANCE = 0.5;

/** Members of each platform now (length P). */
export function countMembers(ctx: SimContext): Int32Array {
  const { P, count } = ctx.dim;
  const members = new Int32Array(P);
  const platforms = ctx.world.population.platforms;
  for (let a = 0; a < count; a++) {
    const m = platforms[a]!;
    if (m === 0) continue;
    for (let p = 0; p < P; p++) if ((m >> p) & 1) members[p]!++;
  }
  return members;
}

/**
 * Once a day (DESIGN §2.5): each agent samples CONTACT_SAMPLE of its ties over all layers; for each available platform
 * it is not on, it joins with chance joinRate × networkEffect × (share of sampled contacts on it), capped at 1 — so a
 * platform's members n grow as n ← n + joinRate·strength·n(1 − n) a day, the logistic S-curve (contacts are read from the
 * start-of-day memberships: a synchronous update). It leaves a platform that has
 * been unavailable for more than leaveAfterDays days with chance LEAVE_CHANCE per day.
 */
export function updateMembership(ctx: SimContext): void {
  const { state, world, dim, knobs } = ctx;
  const { P, count } = dim;
  const platforms = world.population.platforms as Uint8Array;
  const rng = state.rng;
  const day = Math.floor(state.tick / 24);
  let leavable = 0;
  for (let p = 0; p < P; p++) {
    const since = state.unavailableSince[p]!;
    if (!state.available[p] && since >= 0 && day - Math.floor(since / 24) > knobs.leaveAfterDays)
      leavable |= 1 << p;
  }
  const joinChance = new Float64Array(P);
  let joinable = 0;
  for (let p = 0; p < P; p++) {
    joinChance[p] = knobs.joinRate * world.platforms[p]!.networkEffect;
    if (state.available[p] && joinChance[p]! > 0) joinable |= 1 << p;
  }
  const onCount = new Int32Array(P);
  // Per agent, where its row starts in each layer and how long it is (read once, not once per sampled contact).
  const rowStart = new Int32Array(P);
  const rowLength = new Int32Array(P);
  const layers = world.layers;
  // Contacts are read from the memberships at the start of the day, so the update is synchronous (no agent-order effect).
  const before = platforms.slice();
  for (let a = 0; a < count; a++) {
    let member = platforms[a]!;
    if (member & leavable) {
      for (let p = 0; p < P; p++)
        if (((member & leavable) >> p) & 1 && aleaChance(rng, LEAVE_CHANCE)) member &= ~(1 << p);
    }
    const wanted = joinable & ~member;
    if (wanted) {
      let degree = 0;
      for (let l = 0; l < P; l++) {
        const offsets = layers[l]!.ties.inOffsets;
        const start = offsets[a]!;
        rowStart[l] = start;
        rowLength[l] = offsets[a + 1]! - start;
        degree += rowLength[l]!;
      }
      if (degree > 0) {
        onCount.fill(0);
        for (let s = 0; s < CONTACT_SAMPLE; s++) {
          let pick = aleaBelow(rng, degree);
          let l = 0;
          while (pick >= rowLength[l]!) pick -= rowLength[l++]!;
          const contact = before[layers[l]!.ties.inTargets[rowStart[l]! + pick]!]! & wanted;
          for (let p = 0; contact >> p; p++) if ((contact >> p) & 1) onCount[p]!++;
        }
        for (let p = 0; p < P; p++) {
          if (!((wanted >> p) & 1)) continue;
          if (aleaChance(rng, (joinChance[p]! * onCount[p]!) / CONTACT_SAMPLE)) member |= 1 << p;
        }
      }
    }
    platforms[a] = member;
  }
  ctx.state.membershipVersion++;
}
