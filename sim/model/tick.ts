// One tick (one simulated hour) of the social world, DESIGN §2.4 steps 1–6. Orchestration only: the steps live in their own modules.
import * as adoptionLogModule from './adoption-log.ts';
import * as candidateTableModule from './candidate-table.ts';
import type { SimContext } from './context.ts';
import * as contextModule from './context.ts';
import type { Timeline } from './events.ts';
import * as eventsModule from './events.ts';
import * as feedModule from './feed.ts';
import * as membershipModule from './membership.ts';
import * as onlineModule from './online.ts';
import * as postsModule from './posts.ts';

// Imported values copied into module constants once: under tsx (CommonJS interop) every use of an imported binding
// in the hot loops would be a getter call on the module object.
const { logTickStart } = adoptionLogModule;
const { refreshCandidateTable, TABLE_STRATEGIES } = candidateTableModule;
const { launchTrend } = eventsModule;
const { runSession } = feedModule;
const { countMembers, updateMembership } = membershipModule;
const { updateOnline } = onlineModule;
const { expireRecentAuthors, refreshHotLists } = postsModule;
const { SEEN_MEMORY } = contextModule;

/** How many sessions ahead runSessions touches an agent's rows (see there). */
const PREFETCH_AHEAD = 2;

/**
 * Advances the world by one hour: fire due events and trend launches; who is online; each online agent's session
 * (feed, views, decisions, posts); hot and trending lists; at the end of a simulated day, membership changes and the
 * filter-bubble window halves. `state.tick` is the tick being simulated and is incremented at the end.
 */
export function stepWorld(ctx: SimContext, timeline: Timeline): void {
  const { state, dim } = ctx;
  const tick = state.tick;
  logTickStart(state.adoptionLog, tick);
  ctx.tx.count = 0;
  for (const ring of state.rings) ring.firstIdThisTick = ring.next;
  state.viewsThisTick = 0;
  state.backgroundViewsThisTick = 0;
  state.crossRegionViewsThisTick = 0;
  state.viewsBySourceThisTick.fill(0);

  timeline.runDue(ctx, tick);
  for (let t = 0; t < state.trends.length; t++) {
    const ts = state.trends[t]!;
    if (!ts.launched && ts.trend.startTick <= tick) launchTrend(ctx, t);
    ts.novelty = 0.5 ** (Math.max(0, tick - ts.trend.startTick) / ts.trend.noveltyHalfLife);
    ts.viewsThisTick = 0;
  }

  for (let p = 0; p < dim.P; p++) expireRecentAuthors(ctx, p);
  // After the events and launches above: the hour's recommender model sees the strategy and posts in force now.
  if (TABLE_STRATEGIES.has(ctx.knobs.strategy))
    for (let p = 0; p < dim.P; p++)
      refreshCandidateTable(ctx.candidateTables[p]!, state.rings[p]!, dim, tick, ctx.knobs.postLifetime);
  updateOnline(ctx.world, state, ctx.knobs.activityMultiplier);
  runSessions(ctx);

  const refreshTrending = tick % ctx.knobs.trendingRefresh === 0;
  for (let p = 0; p < dim.P; p++) refreshHotLists(ctx, p, refreshTrending);
  state.viewsByHour[tick % 24] = state.viewsThisTick;
  state.crossViewsByHour[tick % 24] = state.crossRegionViewsThisTick;

  if (tick % 24 === 23) endOfDay(ctx);
  state.tick = tick + 1;
}

/**
 * Every online agent's session. A function of its own, not a loop inside stepWorld: V8 compiles a hot loop on stack
 * replacement together with the code after it, and that code (hot lists, end of day) had not run yet, so stepWorld was
 * deoptimized and the whole session loop recompiled every tick.
 */
function runSessions(ctx: SimContext): void {
  const { state, world, dim } = ctx;
  const { onlineList, onlineCount, profile, topicViews, regionViews } = state;
  const interests = world.population.interests;
  const { K, D, R } = dim;
  const sink = ctx.prefetchSink;
  for (let i = 0; i < onlineCount; i++) {
    if (i + PREFETCH_AHEAD < onlineCount) {
      // Reads the rows a session of agent i + PREFETCH_AHEAD will need, all at once: the misses overlap each other and
      // this session's work, where the session itself would wait for them one by one. The sum only keeps the loads.
      const next = onlineList[i + PREFETCH_AHEAD]!;
      sink[0] =
        interests[next * K]! +
        profile[next * D]! +
        profile[next * D + D - 1]! +
        topicViews[next * K]! +
        regionViews[next * R]! +
        ctx.seenPost[next * SEEN_MEMORY]!;
    }
    runSession(ctx, onlineList[i]!);
  }
}

function endOfDay(ctx: SimContext): void {
  const { state } = ctx;
  if (ctx.knobs.membershipChanges) updateMembership(ctx);
  const members = countMembers(ctx);
  for (let p = 0; p < ctx.dim.P; p++) state.membersByDay[p]!.push(members[p]!);
  // The filter-bubble window: views older than about a day weigh half as much.
  const topicViews = state.topicViews;
  for (let i = 0; i < topicViews.length; i++) topicViews[i]! >>= 1;
  const regionViews = state.regionViews;
  for (let i = 0; i < regionViews.length; i++) regionViews[i]! >>= 1;
}
