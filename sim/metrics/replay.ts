// The canvas of an earlier tick, rebuilt from the adoption log: who showed which trend then, and the cascade lines of the hours before. Read-only over the engine's state.
import { entriesShownAt } from '../model/adoption-log.ts';
import type { ReplayView } from '../model/api.ts';
import type { SimContext } from '../model/context.ts';

/**
 * What a frame showed after `tick` ticks (0 … ticks simulated so far): `lastAdopted` as the live state held it then,
 * and the adoptions first shown in the `trailTicks` ticks up to `tick` (at most `maxTransmissions`, the newest), each
 * tagged with the tick whose frame first showed it. At the current tick this is exactly the live state.
 */
export function replayAt(
  ctx: SimContext,
  tick: number,
  trailTicks: number,
  maxTransmissions: number,
): ReplayView {
  const { state } = ctx;
  const log = state.adoptionLog;
  const end = entriesShownAt(log, tick);
  const lastAdopted = new Uint8Array(ctx.dim.count);
  for (let i = 0; i < end; i++) lastAdopted[log.agent[i]!] = log.trend[i]! + 1;

  const trailFrom = tick - trailTicks < 0 ? 0 : entriesShownAt(log, tick - trailTicks);
  const first = Math.max(trailFrom, end - maxTransmissions);
  const count = end - first;
  const view: ReplayView = {
    tick,
    lastAdopted,
    count,
    parent: new Int32Array(count),
    child: new Uint32Array(count),
    trend: new Uint8Array(count),
    platform: new Uint8Array(count),
    shownAt: new Int32Array(count),
  };
  // The frame that first showed entry i is the first tick k whose shown entries include it (k only grows with i).
  let shownAt = Math.max(0, tick - trailTicks);
  for (let i = first; i < end; i++) {
    while (shownAt < tick && entriesShownAt(log, shownAt) <= i) shownAt++;
    const agent = log.agent[i]!;
    const trend = state.trends[log.trend[i]!]!;
    const row = i - first;
    view.parent[row] = trend.parent[agent]!;
    view.child[row] = agent;
    view.trend[row] = log.trend[i]!;
    view.platform[row] = trend.platform[agent]!;
    view.shownAt[row] = shownAt;
  }
  return view;
}
