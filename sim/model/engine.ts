// The social-world engine: implements the WorldEngine contract (sim/model/api.ts) over a built World. No DOM, timers or Math.random.

import type { CsrGraph } from '../graph/csr.ts';
import { StateHasher } from '../hash.ts';
import { adoptionEdges } from '../metrics/adoption-edges.ts';
import { agentCascade } from '../metrics/agent-cascade.ts';
import { replayAt } from '../metrics/replay.ts';
import { buildSummary } from '../metrics/world-summary.ts';
import { InputError, parseOrThrow } from '../params/errors.ts';
import type { EventsSpec } from '../params/events.ts';
import { type EventSpec, eventSchema } from '../params/events.ts';
import { type RecommenderSpec, type RecommenderSpecInput, recommenderSchema } from '../params/recommender.ts';
import { MAX_TRENDS, type TrendKind, type TrendsSpec, trendKindSchema } from '../params/trends.ts';
import type { WorldScenario } from '../params/world.ts';
import { createRng, runSeed, STREAM } from '../rng.ts';
import { adoptionFactors, popcount32 } from './adoption.ts';
import type {
  AdoptionEdges,
  AgentInspection,
  AgentViews,
  ReplayView,
  Transmissions,
  WorldEngine,
  WorldSummary,
} from './api.ts';
import { type BuildProgress, progressSpan } from './build-progress.ts';
import { buildWorld } from './build-world.ts';
import { aleaNext, deriveAlea } from './classic/fast-alea.ts';
import { createContext, knobsFrom, SEEN_MEMORY, type SimContext, SOURCE_NAMES } from './context.ts';
import { addTrend, applyEvent, launchByHand, Timeline } from './events.ts';
import { isLive, metaTrend, postBase } from './posts.ts';
import { eventNameProblems, worldNameProblems } from './scenario-check.ts';
import { createDynamicState, POST } from './state.ts';
import { stepWorld } from './tick.ts';
import { resolveTrend } from './trends.ts';
import { agentName, TIER_NAMES, type World } from './world.ts';

/** What the dynamics need besides the world: the seed and the scenario's trends, events and recommender settings. */
export interface DynamicsSpec {
  readonly seed: string;
  readonly trends: TrendsSpec;
  readonly events: EventsSpec;
  readonly recommender: RecommenderSpec;
}

export interface WorldEngineOptions {
  /** Replicate number: the run's seed is runSeed(scenario.seed, run). Default 0 (the scenario's own seed). */
  readonly run?: number;
  /** A world already built for this seed (it is mutated by the run: interests drift, memberships change). */
  readonly world?: World;
  /** Memory budget for building the world, in bytes (see build-world.ts). */
  readonly budgetBytes?: number;
  /** Hears how far the build has got (build-progress.ts): the world, then the run's state ("run state"). */
  readonly onBuildProgress?: BuildProgress;
}

/** Share of createWorldEngine's time spent building the world; the rest sets up the run (0.5 s of 15 s at 1M agents). */
const WORLD_SHARE = 0.96;

/**
 * The engine of a validated world scenario (worldScenarioSchema): builds its world for the run's seed (unless one is
 * given) and checks its trends and events against it. Throws an InputError naming the field on a bad name.
 */
export function createWorldEngine(
  scenario: WorldScenario,
  options: WorldEngineOptions = {},
): SocialWorldEngine {
  const seed = runSeed(scenario.seed, options.run ?? 0);
  const progress = options.onBuildProgress;
  const world =
    options.world ??
    buildWorld(scenario.world, seed, options.budgetBytes, progressSpan(progress, 0, WORLD_SHARE));
  progress?.('run state', WORLD_SHARE);
  const engine = new SocialWorldEngine(world, {
    seed,
    trends: scenario.trends,
    events: scenario.events,
    recommender: scenario.recommender,
  });
  progress?.('run state', 1);
  return engine;
}

/** A copy of the parts of a world a run mutates (interests, platform memberships), sharing everything else. */
export function freshCopy(world: World): World {
  return {
    ...world,
    population: {
      ...world.population,
      interests: world.population.interests.slice(),
      platforms: world.population.platforms.slice(),
    },
  };
}

/**
 * A WorldEngine over `world`. Trends, events and recommender settings are checked against the world here: a name
 * that is not in it throws an InputError naming the field (e.g. `events[1].platform`).
 */
export class SocialWorldEngine implements WorldEngine {
  readonly agentCount: number;
  readonly regionNames: readonly string[];
  readonly fandomNames: readonly string[];
  readonly platformNames: readonly string[];
  readonly agents: AgentViews;
  readonly ctx: SimContext;
  private readonly timeline = new Timeline();
  /** Scheduled `launch` events: applied before their hour starts (launchDue), not inside it like the timeline's. */
  private readonly launches = new Timeline();
  private cachedSummary: WorldSummary | null = null;
  private cachedSummaryTick = -1;

  constructor(
    readonly world: World,
    spec: DynamicsSpec,
  ) {
    const seedRng = createRng(spec.seed, STREAM.dynamics);
    const alea = deriveAlea(seedRng);
    const pickRng = deriveAlea(createRng(spec.seed, 'tracking'));
    const state = createDynamicState(world, alea, (n) => Math.floor(aleaNext(pickRng) * n));
    this.ctx = createContext(world, state, knobsFrom(spec.recommender));
    this.agentCount = world.population.count;
    this.regionNames = world.regions.map((r) => r.name);
    this.fandomNames = world.fandoms.map((f) => f.name);
    this.platformNames = world.platforms.map((p) => p.name);
    const pop = world.population;
    this.agents = {
      region: pop.region,
      fandom: pop.fandom,
      platforms: pop.platforms,
      tier: pop.tier,
      lastAdopted: state.lastAdopted,
      online: state.online,
    };
    // Every bad name at once, so a scenario with wrong names fails at load, not hours into a run.
    const problems = worldNameProblems(world, this.agentCount, spec.trends, spec.events);
    if (problems.length > 0) throw new InputError('scenario', problems);
    for (const [i, trend] of spec.trends.entries())
      addTrend(this.ctx, resolveTrend(world, trend, i, `trends[${i}]`));
    for (const [i, event] of spec.events.entries()) this.schedule(event, `events[${i}]`);
    this.launchDue();
  }

  get tick(): number {
    return this.ctx.state.tick;
  }

  /**
   * Schedules an event (its names already checked) at its tick (now, if that has passed). A launch
   * runs before its hour starts (launchDue), where the inspector's launchTrend between two steps ran it, so the replay
   * of a recorded launch is the same run; other events fire inside the hour (stepWorld).
   */
  private schedule(event: EventSpec, path: string): void {
    const tick = Math.max(event.tick, this.tick);
    (event.type === 'launch' ? this.launches : this.timeline).add(tick, (ctx) =>
      applyEvent(ctx, event, this.timeline, path),
    );
  }

  /** Throws an InputError naming every name of `event` this world lacks. */
  private assertEventNames(event: EventSpec, path: string): void {
    const problems = eventNameProblems(this.world, this.agentCount, event, path);
    if (problems.length > 0) throw new InputError('scenario', problems);
  }

  step(): void {
    stepWorld(this.ctx, this.timeline);
    this.launchDue();
  }

  /**
   * Applies the launches of the hour about to start, as soon as the engine stands at it: where the inspector's
   * launchTrend ran them, between two steps, so a run opened at a launch's own tick already shows it.
   */
  private launchDue(): void {
    const pending = this.launches.pending;
    this.launches.runDue(this.ctx, this.tick);
    if (this.launches.pending !== pending) this.cachedSummary = null;
  }

  transmissions(): Transmissions {
    const tx = this.ctx.tx;
    return {
      count: tx.count,
      parent: tx.parent.subarray(0, tx.count),
      child: tx.child.subarray(0, tx.count),
      trend: tx.trend.subarray(0, tx.count),
      platform: tx.platform.subarray(0, tx.count),
    };
  }

  replay(tick: number, trailTicks: number, maxTransmissions: number): ReplayView {
    if (!(Number.isInteger(tick) && tick >= 0 && tick <= this.tick))
      throw new RangeError(`replay: tick must be an integer from 0 to ${this.tick} (got ${tick})`);
    return replayAt(
      this.ctx,
      tick,
      Math.max(0, Math.floor(trailTicks)),
      Math.max(0, Math.floor(maxTransmissions)),
    );
  }

  /** The summary of the latest tick; cached until the next step (cascade trees are O(agents) per trend). */
  summary(): WorldSummary {
    if (this.cachedSummary && this.cachedSummaryTick === this.tick) return this.cachedSummary;
    this.cachedSummary = buildSummary(this.ctx);
    this.cachedSummaryTick = this.tick;
    return this.cachedSummary;
  }

  layer(platform: number): CsrGraph {
    const layer = this.world.layers[platform];
    if (!layer)
      throw new RangeError(`platform ${platform} does not exist (0 to ${this.world.layers.length - 1})`);
    return layer.ties;
  }

  launchTrend(agent: number, kind: string, platform: number): number {
    if (!Number.isInteger(agent) || agent < 0 || agent >= this.agentCount)
      throw new RangeError(`agent must be an integer from 0 to ${this.agentCount - 1} (got ${agent})`);
    if (!Number.isInteger(platform) || platform < 0 || platform >= this.world.platforms.length)
      throw new RangeError(
        `platform must be an integer from 0 to ${this.world.platforms.length - 1} (got ${platform})`,
      );
    const parsedKind = parseOrThrow(trendKindSchema, kind, 'launchTrend kind') as TrendKind;
    if (this.ctx.state.trends.length >= MAX_TRENDS)
      throw new RangeError(`at most ${MAX_TRENDS} trends per run`);
    const t = launchByHand(this.ctx, agent, parsedKind, platform);
    this.cachedSummary = null;
    return t;
  }

  /** Applies an event now (validated like a scenario's `events[]` entry). */
  applyEvent(event: unknown): void {
    const parsed = parseOrThrow(eventSchema, event, 'event');
    this.assertEventNames(parsed, 'event');
    applyEvent(this.ctx, parsed, this.timeline, 'event');
    this.cachedSummary = null;
  }

  /** Changes feed/recommender/dynamics knobs from now on (fields as in the scenario's `recommender`). */
  setParams(patch: Readonly<Record<string, unknown>>): void {
    const current = this.ctx.knobs;
    const merged = parseOrThrow(recommenderSchema, { ...specOf(current), ...patch }, 'recommender');
    const multiplier = current.activityMultiplier;
    Object.assign(current, knobsFrom(merged), { activityMultiplier: multiplier });
  }

  adoptionEdges(): AdoptionEdges {
    return adoptionEdges(this.ctx);
  }

  inspect(agent: number): AgentInspection {
    if (!Number.isInteger(agent) || agent < 0 || agent >= this.agentCount)
      throw new RangeError(`agent must be an integer from 0 to ${this.agentCount - 1} (got ${agent})`);
    return inspectAgent(this.ctx, agent);
  }

  stateHash(): string {
    const { state } = this.ctx;
    const h = new StateHasher();
    h.addNumber(state.tick);
    h.addArray(state.rng);
    h.addArray(this.world.population.platforms).addArray(this.world.population.interests);
    h.addArray(state.profile).addArray(state.lastPost).addArray(state.reach).addArray(state.lastAdopted);
    for (const ring of state.rings) {
      h.addNumber(ring.next).addArray(ring.data).addArray(ring.profile);
    }
    for (const ts of state.trends)
      h.addArray(ts.adoptTick).addArray(ts.parent).addArray(ts.platform).addArray(ts.seen).addArray(ts.flags);
    h.addArray(state.available);
    return h.hex();
  }
}

/** The knobs back in scenario form (for merging a patch). */
function specOf(knobs: SimContext['knobs']): RecommenderSpecInput {
  const { activityMultiplier: _ignored, personalization, exploration, ...rest } = knobs;
  return {
    ...rest,
    ...(personalization >= 0 ? { personalization } : {}),
    ...(exploration >= 0 ? { exploration } : {}),
  };
}

/** The inspector's view of one agent. Adoption factors are recomputed for the adoption tick with today's interests. */
export function inspectAgent(ctx: SimContext, agent: number): AgentInspection {
  const { world, state, dim } = ctx;
  const pop = world.population;
  const platformNames = world.platforms.map((p) => p.name);
  const memberOf = platformNames.filter((_, p) => (pop.platforms[agent]! >> p) & 1);
  const recentlySeen: AgentInspection['recentlySeen'][number][] = [];
  for (let i = 0; i < SEEN_MEMORY; i++) {
    const slot = (ctx.seenCursor[agent]! + SEEN_MEMORY - 1 - i) % SEEN_MEMORY;
    const id = ctx.seenPost[agent * SEEN_MEMORY + slot]!;
    if (id < 0) continue;
    const meta = ctx.seenMeta[agent * SEEN_MEMORY + slot]!;
    const platform = meta >> 2;
    const ring = state.rings[platform]!;
    if (!isLive(ring, id, state.tick, Number.POSITIVE_INFINITY)) continue;
    const base = postBase(ring, id);
    const t = metaTrend(ring.data[base + POST.meta]!);
    recentlySeen.push({
      trend: state.trends[t]?.trend.name ?? '(everyday post)',
      author: ring.data[base + POST.author]!,
      platform: platformNames[platform]!,
      source: SOURCE_NAMES[meta & 3] ?? 'follow',
      tick: ring.data[base + POST.tick]!,
    });
  }
  const adoptions: AgentInspection['adoptions'][number][] = [];
  state.trends.forEach((ts) => {
    const tick = ts.adoptTick[agent]!;
    if (tick < 0) return;
    const platform = ts.platform[agent]!;
    const distinct = popcount32(ts.seen[agent]!);
    const factors = adoptionFactors(ctx, agent, ts, platform, tick, distinct);
    const probability =
      ts.parent[agent]! < 0
        ? 1
        : Math.min(
            1,
            Object.values(factors).reduce((a, b) => a * b, 1),
          );
    adoptions.push({
      trend: ts.trend.name,
      tick,
      platform: platformNames[platform]!,
      parent: ts.parent[agent]!,
      distinctExposures: distinct,
      probability,
      factors: { ...factors },
      cascade: agentCascade(ts, agent),
    });
  });
  const interests = Array.from({ length: dim.K }, (_, k) => ({
    topic: world.topics[k]!,
    weight: pop.interests[agent * dim.K + k]!,
  })).sort((a, b) => b.weight - a.weight);
  const fandom = pop.fandom[agent]!;
  const tier = TIER_NAMES[pop.tier[agent]!] ?? 'regular';
  return {
    id: agent,
    tick: state.tick,
    name: agentName(pop.tier[agent]!, agent),
    region: world.regions[pop.region[agent]!]?.name ?? '?',
    languages: world.languages.filter((_, i) => (pop.languages[agent]! >> i) & 1),
    fandom: fandom > 0 ? (world.fandoms[fandom - 1]?.name ?? null) : null,
    tier,
    followers: Array.from({ length: dim.P }, (_, p) => world.followerCounts[agent * dim.P + p]!),
    platforms: memberOf,
    interests,
    activity: pop.activity[agent]!,
    threshold: pop.threshold[agent]!,
    recentlySeen,
    adoptions,
  };
}
