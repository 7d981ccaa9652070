// Checks a world scenario against its own world records before any world is built (names of platforms, regions, fandoms and topics; unique trend names; seeds that cannot fit), and warns of what a run can never reach. Pure: no RNG, no world, no I/O.
import { problemsOf } from '../params/errors.ts';
import type { EventSpec } from '../params/events.ts';
import { MAX_TRENDS, type TrendSpec } from '../params/trends.ts';
import type { WorldScenario } from '../params/world.ts';
import { resolveFandom, resolvePlatform, resolveRegion, resolveTrend, type WorldNames } from './trends.ts';

/** Every bad name of one trend (topics, platform, region, fandom), one line each; `path` names it (`trends[0]`). */
function trendNameProblems(world: WorldNames, spec: TrendSpec, path: string): string[] {
  return [...problemsOf(() => resolveTrend(world, spec, 0, path))];
}

/** Every bad name of one event, one line each; `agents` bounds a creator-leaves event's `agent`. */
export function eventNameProblems(
  world: WorldNames,
  agents: number,
  event: EventSpec,
  path: string,
): string[] {
  const problems: string[] = [];
  const check = (resolve: () => unknown) => problems.push(...problemsOf(resolve));
  if ('platform' in event && event.platform !== undefined) {
    const ref = event.platform;
    check(() => resolvePlatform(world, ref, `${path}.platform`));
  }
  switch (event.type) {
    case 'campaign':
      problems.push(...trendNameProblems(world, { ...event.trend, startTick: event.tick }, `${path}.trend`));
      break;
    case 'idol-live':
      check(() => resolveFandom(world, event.fandom, `${path}.fandom`));
      break;
    case 'activity-change': {
      const ref = event.region;
      if (ref !== undefined) check(() => resolveRegion(world, ref, `${path}.region`));
      break;
    }
    case 'creator-leaves':
    case 'launch':
      if (event.agent !== undefined && event.agent >= agents)
        problems.push(
          `${path}.agent: must be an integer from 0 to ${(agents - 1).toLocaleString('en-US')} (an agent of this world; got ${event.agent})`,
        );
      break;
    case 'algorithm-change':
    case 'ban':
    case 'outage':
      break;
  }
  return problems;
}

/** Every bad name the trends and events use, checked against `world`'s records (a built world or a scenario's `world`). */
export function worldNameProblems(
  world: WorldNames,
  agents: number,
  trends: readonly TrendSpec[],
  events: readonly EventSpec[],
): string[] {
  return [
    ...trends.flatMap((trend, i) => trendNameProblems(world, trend, `trends[${i}]`)),
    ...events.flatMap((event, i) => eventNameProblems(world, agents, event, `events[${i}]`)),
  ];
}

/** A trend a run will hold, with the scenario fields that name and seed it. */
export interface PlannedTrend {
  readonly name: string;
  /** Seed accounts the scenario asks for; undefined when it leaves them to the trend kind's default. */
  readonly seeds: number | undefined;
  readonly seedsPath: string;
}

/**
 * The trends a run will hold, in the order the engine adds them: the scenario's own, then one per campaign or launch
 * event in timeline order (by tick; a launch before a campaign of the same tick, as launches run before the hour; then
 * file order), so index t here is trend t of a run (if its event fires).
 */
export function plannedTrends(scenario: Pick<WorldScenario, 'trends' | 'events'>): PlannedTrend[] {
  const planned: PlannedTrend[] = scenario.trends.map((trend, i) => ({
    name: trend.name,
    seeds: trend.seeds,
    seedsPath: `trends[${i}].seeds`,
  }));
  const adding = scenario.events.flatMap((event, i) =>
    event.type === 'campaign' || event.type === 'launch' ? [{ event, i }] : [],
  );
  const phase = (event: EventSpec) => (event.type === 'launch' ? 0 : 1);
  adding.sort((a, b) => a.event.tick - b.event.tick || phase(a.event) - phase(b.event) || a.i - b.i);
  for (const { event, i } of adding) {
    if (event.type === 'launch') {
      planned.push({
        name: event.name,
        seeds: 1,
        seedsPath: `events[${i}].agent`,
      });
      continue;
    }
    if (event.type !== 'campaign') continue;
    const own = event.trend.seeds !== undefined;
    planned.push({
      name: event.trend.name,
      // A campaign's trend is posted by its influencers unless the trend sets its own seeds.
      seeds: event.trend.seeds ?? event.influencers,
      seedsPath: own ? `events[${i}].trend.seeds` : `events[${i}].influencers`,
    });
  }
  return planned;
}

/**
 * Problems of a validated world scenario that the schema cannot see, one line per problem: names its trends and
 * events use that its world lacks, more seed accounts than agents, and more trends than a run holds. Needs no built
 * world.
 */
export function worldScenarioProblems(scenario: WorldScenario): string[] {
  const { world } = scenario;
  const problems = worldNameProblems(world, world.agents, scenario.trends, scenario.events);
  const planned = plannedTrends(scenario);
  // Two trends of one name are refused by the schema itself (sim/params/world.ts).
  for (const trend of planned) {
    if (trend.seeds !== undefined && trend.seeds > world.agents)
      problems.push(
        `${trend.seedsPath}: must be at most world.agents = ${world.agents.toLocaleString('en-US')} (got ${trend.seeds})`,
      );
  }
  if (planned.length > MAX_TRENDS)
    problems.push(
      `events: the ${scenario.trends.length} trends and ${planned.length - scenario.trends.length} campaign events make ${planned.length} trends; a run holds at most ${MAX_TRENDS}`,
    );
  return problems;
}

/** What can never take effect in a run of `scenario.ticks` ticks (events and launches at or after its end), one line each. */
export function worldScenarioWarnings(scenario: WorldScenario): string[] {
  const { ticks } = scenario;
  const end = `the run's end (ticks = ${ticks.toLocaleString('en-US')}, the last hour simulated is ${(ticks - 1).toLocaleString('en-US')})`;
  const warnings: string[] = [];
  scenario.trends.forEach((trend, i) => {
    if (trend.startTick >= ticks)
      warnings.push(
        `trends[${i}].startTick: ${trend.startTick} is at or after ${end}, so the trend is never launched`,
      );
  });
  scenario.events.forEach((event, i) => {
    if (event.tick >= ticks)
      warnings.push(
        `events[${i}].tick: ${event.tick} is at or after ${end}, so the ${event.type} event never happens`,
      );
  });
  return warnings;
}
