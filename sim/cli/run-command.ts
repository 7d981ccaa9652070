// `sim run <scenario.json> --out <dir>`: R replicates of one scenario → runs/series/cascades/items CSV + summary.json. Node-only.
import { join } from 'node:path';
import { cascadeTrees } from '../metrics/cascade.ts';
import { InputError } from '../params/errors.ts';
import { parseScenarioText } from '../params/load.ts';
import type { ClassicScenario } from '../params/scenario.ts';
import { runSeed } from '../rng.ts';
import { CsvFile, csvLine } from './csv.ts';
import { executeClassicRun, GraphCache, type GraphStats, graphStats, tickTime } from './execute.ts';
import {
  engineVersion,
  FileGraphHost,
  folderOf,
  memoryBudgetBytes,
  preflightProblems,
  readInputFile,
} from './host.ts';
import { type Aggregate, type CliIo, prepareOutFolder, RunningAggregate, writeJsonFile } from './output.ts';
import { createProgress } from './progress.ts';
import { runWorldCommand } from './world/world-job.ts';

/** Flags of `run`; `runs` and `seed` override the scenario's own values. */
export interface RunFlags {
  readonly out: string;
  readonly runs?: number;
  readonly seed?: string;
}

/** Column names of each output file. Every file carries the run's seed (last column where the contract fixed the rest). */
export const RUN_COLUMNS = {
  runs: ['run', 'seed', 'final_size', 'final_fraction', 'ticks'],
  series: ['run', 'tick', 'time', 'adopted', 'active', 'adopted_fraction', 'seed'],
  cascades: ['run', 'root', 'size', 'depth', 'max_breadth', 'structural_virality', 'seed'],
  items: ['run', 'item', 'popularity', 'seed'],
} as const;

/** Reads, validates and runs a scenario file; the one place where scenario kinds branch for `run`. */
export function runCommand(scenarioPath: string, flags: RunFlags, io: CliIo): void {
  const loaded = parseScenarioText(readInputFile(scenarioPath, 'scenario file'), scenarioPath);
  switch (loaded.kind) {
    case 'classic':
      runClassicScenario(loaded.scenario, scenarioPath, flags, io);
      return;
    case 'world':
      runWorldCommand(loaded.scenario, scenarioPath, flags, io);
      return;
  }
}

/** Runs `action`, re-labelling its input errors (the engine names them 'scenario') with the file they came from. */
function withSource<T>(sourceName: string, action: () => T): T {
  try {
    return action();
  } catch (error) {
    if (error instanceof InputError && error.source !== sourceName)
      throw new InputError(sourceName, error.lines);
    throw error;
  }
}

interface GraphSummary {
  readonly regenerated: boolean;
  readonly nodes: number;
  readonly directed: boolean;
  readonly edges: Aggregate;
  readonly meanDegree: Aggregate;
  /** Per-layer figures of the first run's graph (multiplex only). */
  readonly layers?: readonly GraphStats[];
}

function runClassicScenario(
  fileScenario: ClassicScenario,
  scenarioPath: string,
  flags: RunFlags,
  io: CliIo,
): void {
  const scenario: ClassicScenario = {
    ...fileScenario,
    ...(flags.runs === undefined ? {} : { runs: flags.runs }),
    ...(flags.seed === undefined ? {} : { seed: flags.seed }),
  };
  const host = new FileGraphHost(folderOf(scenarioPath));
  const problems = preflightProblems(scenario, host, memoryBudgetBytes());
  if (problems.length > 0) throw new InputError(scenarioPath, problems);
  prepareOutFolder(flags.out);

  const limitedAttention = scenario.model.type === 'limited-attention';
  const files = {
    runs: new CsvFile(join(flags.out, 'runs.csv'), RUN_COLUMNS.runs),
    series: new CsvFile(join(flags.out, 'series.csv'), RUN_COLUMNS.series),
    cascades: new CsvFile(join(flags.out, 'cascades.csv'), RUN_COLUMNS.cascades),
    items: limitedAttention ? new CsvFile(join(flags.out, 'items.csv'), RUN_COLUMNS.items) : undefined,
  };
  const finalSize = new RunningAggregate();
  const finalFraction = new RunningAggregate();
  const ticks = new RunningAggregate();
  const edges = new RunningAggregate();
  const meanDegree = new RunningAggregate();
  const seeds: { run: number; seed: string; graphSeed: string }[] = [];
  let firstGraph: GraphStats | undefined;
  const cache = new GraphCache();
  const progress =
    scenario.runs > 1 ? createProgress('run', scenario.runs, { stream: io.stdout }) : undefined;
  progress?.update(0);

  for (let run = 0; run < scenario.runs; run++) {
    const seed = runSeed(scenario.seed, run);
    const graphSeed = scenario.regenerateGraph ? seed : runSeed(scenario.seed, 0);
    const { graph, result } = withSource(scenarioPath, () =>
      executeClassicRun(scenario, { run: seed, graph: graphSeed }, host, cache),
    );
    const stats = graphStats(graph);
    firstGraph ??= stats;
    if (run === 0 || scenario.regenerateGraph) {
      edges.add(stats.edges);
      meanDegree.add(stats.meanDegree);
    }
    const n = graph.nodeCount;
    const fraction = n === 0 ? 0 : result.finalSize / n;
    files.runs.append(csvLine([run, seed, result.finalSize, fraction, result.ticks]));

    for (let tick = 0; tick <= result.ticks; tick++) {
      const adopted = result.series.adopted[tick] ?? 0;
      const active = result.series.active[tick] ?? 0;
      const adoptedFraction = n === 0 ? 0 : adopted / n;
      files.series.row([run, tick, tickTime(scenario, tick), adopted, active, adoptedFraction, seed]);
    }
    for (const tree of cascadeTrees(result.parent, result.adoptTick)) {
      const { root, size, depth, maxBreadth, structuralVirality } = tree;
      files.cascades.row([run, root, size, depth, maxBreadth, structuralVirality, seed]);
    }
    if (files.items && result.items) {
      const popularity = result.items.popularity;
      for (let item = 0; item < popularity.length; item++)
        files.items.row([run, item, popularity[item], seed]);
    }
    for (const file of Object.values(files)) file?.commit();

    finalSize.add(result.finalSize);
    finalFraction.add(fraction);
    ticks.add(result.ticks);
    seeds.push({ run, seed, graphSeed });
    progress?.update(run + 1);
  }
  progress?.stop();
  for (const file of Object.values(files)) file?.close();

  const graph: GraphSummary = {
    regenerated: scenario.regenerateGraph,
    nodes: firstGraph?.nodes ?? 0,
    directed: firstGraph?.directed ?? false,
    edges: edges.result(),
    meanDegree: meanDegree.result(),
    ...(firstGraph?.layers ? { layers: firstGraph.layers } : {}),
  };
  writeJsonFile(join(flags.out, 'summary.json'), {
    engine: { name: 'hallyu-lab', version: engineVersion() },
    command: 'run',
    scenarioFile: scenarioPath,
    scenario,
    seeds,
    aggregates: {
      finalSize: finalSize.result(),
      finalFraction: finalFraction.result(),
      ticks: ticks.result(),
    },
    graph,
    files: [
      'runs.csv',
      'series.csv',
      'cascades.csv',
      ...(limitedAttention ? ['items.csv'] : []),
      'summary.json',
    ],
    notes: {
      seeds:
        'run r uses seed runSeed(scenario.seed, r) = seed for r = 0, else seed-r; graphSeed is runSeed(seed, 0) when regenerateGraph is false',
      time:
        scenario.model.type === 'bass'
          ? 'series time = tick × model.dt (Bass time units)'
          : 'series time = tick',
      sd: 'sample standard deviation (n − 1)',
    },
  });
  const mean = finalSize.result().mean;
  io.stdout.write(
    `run: ${scenario.runs} run(s) written to ${flags.out} (mean final size ${Number(mean.toPrecision(6))} of ${graph.nodes})\n`,
  );
}
