// `sim world <scenario> --out <dir>`: writes the synthetic social world a seed builds (agents.csv, ties.csv, world.json) for network analysis elsewhere. Node-only (files via ../csv.ts).
import { join } from 'node:path';
import { buildWorld } from '../../model/build-world.ts';
import { agentName, TIER_NAMES, type World } from '../../model/world.ts';
import { InputError } from '../../params/errors.ts';
import type { WorldScenario } from '../../params/world.ts';
import { CsvFile } from '../csv.ts';
import { memoryBudgetBytes } from '../host.ts';
import { type CliIo, prepareOutFolder, writeJsonFile } from '../output.ts';
import { worldPreflightProblems } from './world-job.ts';

/** ties.csv: one row per tie. Follow layers: `source` follows `target` (target's posts reach source). Groups: once per pair. */
export const TIE_COLUMNS = ['source', 'target', 'platform', 'kind'] as const;

/** agents.csv's columns for `world`: fixed ones, then followers per platform and interest per topic. */
export function agentColumns(world: World): string[] {
  return [
    'agent',
    'name',
    'region',
    'fandom',
    'tier',
    'languages',
    'platforms',
    'activity',
    'creator_propensity',
    'threshold',
    ...world.platforms.map((p) => `followers:${p.name}`),
    ...world.topics.map((t) => `interest:${t}`),
  ];
}

/** Names of the set bits of `mask` among `names`, joined by '|' (empty for none). */
function namesOf(mask: number, names: readonly string[]): string {
  return names.filter((_, i) => (mask >> i) & 1).join('|');
}

/** Writes one row per agent of `world` to `file` (agent order). Float32 values are printed as the float32 they are. */
export function writeAgents(world: World, file: CsvFile): void {
  const pop = world.population;
  const P = world.platforms.length;
  const K = world.topics.length;
  const platformNames = world.platforms.map((p) => p.name);
  for (let agent = 0; agent < pop.count; agent++) {
    const fandom = pop.fandom[agent]!;
    const row: unknown[] = [
      agent,
      agentName(pop.tier[agent]!, agent),
      world.regions[pop.region[agent]!]!.name,
      fandom === 0 ? '' : world.fandoms[fandom - 1]!.name,
      TIER_NAMES[pop.tier[agent]!],
      namesOf(pop.languages[agent]!, world.languages),
      namesOf(pop.platforms[agent]!, platformNames),
      pop.activity[agent],
      pop.creatorPropensity[agent],
      pop.threshold[agent],
    ];
    for (let p = 0; p < P; p++) row.push(world.followerCounts[agent * P + p]);
    for (let k = 0; k < K; k++) row.push(pop.interests[agent * K + k]);
    file.row(row);
  }
}

/** Writes every tie of every layer to `file`: follows as follower → followee, group ties once per pair (source < target). */
export function writeTies(world: World, file: CsvFile): void {
  for (const layer of world.layers) {
    const record = world.platforms[layer.platform]!;
    const { inOffsets, inTargets, nodeCount, directed } = layer.ties;
    const kind = directed ? 'follow' : 'group';
    for (let agent = 0; agent < nodeCount; agent++) {
      for (let i = inOffsets[agent]!; i < inOffsets[agent + 1]!; i++) {
        const other = inTargets[i]!;
        if (!directed && other < agent) continue;
        file.row([agent, other, record.name, kind]);
      }
    }
  }
}

/**
 * Per layer: members, ties, mean ties per member, and how often a tie joins two agents of the same region (of the same
 * fandom, both fans) against the share random mixing among the members would give: homophily in one figure each.
 */
export function layerStats(world: World) {
  const pop = world.population;
  return world.layers.map((layer) => {
    const record = world.platforms[layer.platform]!;
    const bit = 1 << layer.platform;
    const regionMembers = new Array<number>(world.regions.length).fill(0);
    const fandomMembers = new Array<number>(world.fandoms.length + 1).fill(0);
    let members = 0;
    for (let agent = 0; agent < pop.count; agent++) {
      if ((pop.platforms[agent]! & bit) === 0) continue;
      members++;
      regionMembers[pop.region[agent]!]!++;
      fandomMembers[pop.fandom[agent]!]!++;
    }
    const { inOffsets, inTargets, nodeCount } = layer.ties;
    let ties = 0;
    let sameRegion = 0;
    let sameFandom = 0;
    for (let agent = 0; agent < nodeCount; agent++) {
      for (let i = inOffsets[agent]!; i < inOffsets[agent + 1]!; i++) {
        const other = inTargets[i]!;
        ties++;
        if (pop.region[other] === pop.region[agent]) sameRegion++;
        if (pop.fandom[agent] !== 0 && pop.fandom[other] === pop.fandom[agent]) sameFandom++;
      }
    }
    const squaredShares = (counts: readonly number[]) =>
      members === 0 ? 0 : counts.reduce((sum, n) => sum + (n / members) ** 2, 0);
    const ratio = (n: number) => (ties === 0 ? 0 : n / ties);
    return {
      platform: record.name,
      kind: record.kind,
      edgeModel: record.edgeModel,
      members,
      // Directed ties counted once; a group tie is stored both ways in the CSR and counted once here too.
      ties: layer.ties.edgeCount,
      meanTiesPerMember: members === 0 ? 0 : ties / members,
      sameRegionShare: ratio(sameRegion),
      sameRegionShareIfRandom: squaredShares(regionMembers),
      sameFandomShare: ratio(sameFandom),
      sameFandomShareIfRandom: squaredShares(fandomMembers.slice(1)),
    };
  });
}

/** `sim world`: builds the world of `scenario` for its seed (the world of run 0, the one the app shows) and writes it. */
export function worldCommand(scenario: WorldScenario, scenarioPath: string, out: string, io: CliIo): void {
  const budget = memoryBudgetBytes();
  // The same checks as `run` (memory, names, trends): a file `run` would refuse is refused here too, before any output.
  const problems = worldPreflightProblems(scenario, budget);
  if (problems.length > 0) throw new InputError(scenarioPath, problems);
  prepareOutFolder(out);
  const world = buildWorld(scenario.world, scenario.seed, budget);
  const agents = new CsvFile(join(out, 'agents.csv'), agentColumns(world));
  const ties = new CsvFile(join(out, 'ties.csv'), TIE_COLUMNS);
  try {
    writeAgents(world, agents);
    writeTies(world, ties);
  } finally {
    agents.close();
    ties.close();
  }
  const layers = layerStats(world);
  writeJsonFile(join(out, 'world.json'), {
    kind: 'world',
    title: scenario.title ?? null,
    seed: scenario.seed,
    agents: world.population.count,
    regions: world.regions.map((r) => r.name),
    fandoms: world.fandoms.map((f) => f.name),
    topics: world.topics,
    languages: world.languages,
    layers,
  });
  const total = layers.reduce((sum, l) => sum + l.ties, 0);
  io.stdout.write(
    `world: ${world.population.count.toLocaleString('en-US')} agents and ${total.toLocaleString('en-US')} ties (seed ${scenario.seed}) written to ${out}\n`,
  );
}
