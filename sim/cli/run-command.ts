// `sim run <scenario.json> --out <dir>`: R replicates of one scenario → runs/series/cascades/items CSV + summary.json. Node-only.
import { join } from 'node:path';
import { cascadeTrees } from '../metrics/cascade.ts';
import { InputError } from '../params/errors.ts';
import type { ClassicScenario } from '../params/scenario.ts';
import { runSeed } from '../rng.ts';
import { CsvFile, csvLine } from './csv.ts';
import {
  type ClassicRunOutcome,
  executeClassicRun,
  GraphCache,
  type GraphStats,
  graphStats,
  tickTime,
} from './execute.ts';
import {
  engineVersion,
  FileGraphHost,
  folderOf,
  loadScenarioFile,
  memoryBudgetBytes,
  preflightProblems,
} from './host.ts';
import {
  type Aggregate,
  type CliIo,
  checkOutFolder,
  clearRunOutputs,
  prepareOutFolder,
  RunningAggregate,
  writeJsonFile,
} from './output.ts';
import { createProgress } from './progress.ts';
import { EventLoopYield, SIGNAL_EXIT, withStopSignals } from './stop-signals.ts';
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

/**
 * Reads, validates and runs a scenario file; the one place where scenario kinds branch for `run`. Resolves to the
 * exit code: 0, or 130/143 when SIGINT/SIGTERM stopped it (the finished runs' rows are kept).
 */
export async function runCommand(scenarioPath: string, flags: RunFlags, io: CliIo): Promise<number> {
  const loaded = loadScenarioFile(scenarioPath, 'not a scenario; run it with `sim sweep`');
  switch (loaded.kind) {
    case 'classic':
      return await runClassicScenario(loaded.scenario, scenarioPath, flags, io);
    case 'world':
      return await runWorldCommand(loaded.scenario, scenarioPath, flags, io);
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

async function runClassicScenario(
  fileScenario: ClassicScenario,
  scenarioPath: string,
  flags: RunFlags,
  io: CliIo,
): Promise<number> {
  const scenario: ClassicScenario = {
    ...fileScenario,
    ...(flags.runs === undefined ? {} : { runs: flags.runs }),
    ...(flags.seed === undefined ? {} : { seed: flags.seed }),
  };
  const host = new FileGraphHost(folderOf(scenarioPath));
  const problems = preflightProblems(scenario, host, memoryBudgetBytes());
  if (problems.length > 0) throw new InputError(scenarioPath, problems);
  checkOutFolder(flags.out);

  const limitedAttention = scenario.model.type === 'limited-attention';
  const cache = new GraphCache();
  const seedsOf = (run: number) => {
    const seed = runSeed(scenario.seed, run);
    return { run: seed, graph: scenario.regenerateGraph ? seed : runSeed(scenario.seed, 0) };
  };
  const execute = (run: number) =>
    withSource(scenarioPath, () => executeClassicRun(scenario, seedsOf(run), host, cache));
  // Run 0 before anything is written: what only building the graph can find (a malformed edge list) leaves no trace.
  let outcome: ClassicRunOutcome | undefined = execute(0);
  prepareOutFolder(flags.out);
  const progress =
    scenario.runs > 1 ? createProgress('run', scenario.runs, { stream: io.stdout }) : undefined;
  progress?.update(0);
  clearRunOutputs(flags.out);
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
  const pause = new EventLoopYield();

  const record = (run: number, { graph, result }: ClassicRunOutcome) => {
    const { run: seed, graph: graphSeed } = seedsOf(run);
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
  };

  // A run is one synchronous call, so a signal is seen between runs: every row on disk belongs to a finished run.
  const stoppedBy = await withStopSignals(async (stop) => {
    try {
      for (let run = 0; run < scenario.runs; run++) {
        record(run, run === 0 && outcome ? outcome : execute(run));
        outcome = undefined; // let run 0's graph go unless the cache keeps it
        await pause.whenDue();
        if (stop.signal !== undefined && run + 1 < scenario.runs) return stop.signal;
      }
      return undefined;
    } finally {
      progress?.stop();
      for (const file of Object.values(files)) file?.close();
    }
  });

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
    status: stoppedBy === undefined ? 'complete' : 'interrupted',
    runsCompleted: seeds.length,
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
  if (stoppedBy !== undefined) {
    io.stderr.write(
      `run: stopped by ${stoppedBy}; the ${seeds.length} finished run(s) of ${scenario.runs} are kept in ${flags.out} (summary.json says "interrupted")\n`,
    );
    return SIGNAL_EXIT[stoppedBy];
  }
  const mean = finalSize.result().mean;
  io.stdout.write(
    `run: ${scenario.runs} run(s) written to ${flags.out} (mean final size ${Number(mean.toPrecision(6))} of ${graph.nodes})\n`,
  );
  return 0;
}
