// Runs a social-world scenario headless and writes series.csv, cascades.csv, adoptions.csv, platforms.csv, bubble.csv and summary.json. Node-only (files via ../csv.ts).
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { cascadeTrees } from '../../metrics/cascade.ts';
import {
  BUBBLE_COLUMNS,
  bubbleRow,
  platformColumns,
  platformRow,
  seriesColumns,
  seriesLayout,
  seriesRow,
} from '../../metrics/world-series.ts';
import { largestCascade } from '../../metrics/world-summary.ts';
import type { SocialWorldEngine } from '../../model/engine.ts';
import { replicateMaker } from '../../model/replicates.ts';
import { plannedTrends } from '../../model/scenario-check.ts';
import type { WorldScenario } from '../../params/world.ts';
import { CsvFile } from '../csv.ts';
import { engineVersion } from '../host.ts';
import {
  type Aggregate,
  checkOutFolder,
  clearRunOutputs,
  prepareOutFolder,
  RunningAggregate,
  writeJsonFile,
} from '../output.ts';
import { EventLoopYield, type StopRequest, type StopSignal } from '../stop-signals.ts';
import { ADOPTION_COLUMNS, forEachAdoptionRow } from './adoption-rows.ts';
import { seedShortfallWarnings } from './seed-shortfall.ts';

/** Ticks between rows of bubble.csv (homogenization is O(tracked agents²)); the last tick always gets a row. */
export const BUBBLE_EVERY = 6;

export const CASCADE_COLUMNS = [
  'run',
  'seed',
  'trend',
  'root',
  'size',
  'depth',
  'max_breadth',
  'structural_virality',
] as const;

export interface WorldRunOptions {
  /** Replicates (default scenario.runs); run r uses runSeed(seed, r). */
  readonly runs?: number;
  /** Called after each tick with (run, ticks done, ticks per run), for a progress line. */
  readonly onProgress?: (run: number, tick: number, ticks: number) => void;
  /** Called while a run's world is built with (run, stage, share of the build done): a big world takes minutes. */
  readonly onBuildProgress?: (run: number, stage: string, fraction: number) => void;
  /** Called with each warning line (a trend that started on fewer seeds than asked), once per trend. */
  readonly onWarning?: (line: string) => void;
  /** Memory budget for building a world, in bytes. */
  readonly budgetBytes?: number;
  /** Polled after every tick: once it names a signal, the run in progress is dropped and the batch ends. */
  readonly stop?: StopRequest;
}

/** What summary.json holds per run. */
export interface WorldRunSummary {
  readonly run: number;
  readonly seed: string;
  readonly agents: number;
  readonly ticks: number;
  readonly buildSeconds: number;
  readonly simulateSeconds: number;
  readonly trends: readonly {
    name: string;
    kind: string;
    adopters: number;
    exposed: number;
    reshares: number;
    crossPlatformHops: number;
    adoptersByPlatform: Record<string, number>;
    adoptersByRegion: Record<string, number>;
    onsetTickByRegion: Record<string, number>;
    largestCascade: unknown;
    cascades: number;
  }[];
  readonly platforms: readonly { name: string; members: number; available: boolean }[];
}

/** The runs a batch finished, and the signal that stopped it early (undefined: every run finished). */
export interface WorldRunOutcome {
  readonly summaries: WorldRunSummary[];
  readonly stoppedBy: StopSignal | undefined;
}

/** Names of every trend a run will hold: the scenario's, then one per campaign event (in timeline order). */
export function plannedTrendNames(scenario: WorldScenario): string[] {
  return plannedTrends(scenario).map((trend) => trend.name);
}

/** The per-trend counts summary.json aggregates over the runs. */
const AGGREGATED = ['adopters', 'exposed', 'reshares'] as const;
type Aggregated = (typeof AGGREGATED)[number];

/** Per trend (by name), the mean, sd, min and max over the runs of its adopters, exposed agents and reshares. */
function trendAggregates(
  summaries: readonly WorldRunSummary[],
): Record<string, Record<Aggregated, Aggregate>> {
  const byTrend = new Map<string, Record<Aggregated, RunningAggregate>>();
  for (const run of summaries)
    for (const trend of run.trends) {
      let figures = byTrend.get(trend.name);
      if (!figures) {
        figures = {
          adopters: new RunningAggregate(),
          exposed: new RunningAggregate(),
          reshares: new RunningAggregate(),
        };
        byTrend.set(trend.name, figures);
      }
      for (const key of AGGREGATED) figures[key].add(trend[key]);
    }
  return Object.fromEntries(
    [...byTrend].map(([name, figures]) => [
      name,
      Object.fromEntries(AGGREGATED.map((key) => [key, figures[key].result()])) as Record<
        Aggregated,
        Aggregate
      >,
    ]),
  );
}

function objectOf(names: readonly string[], values: ArrayLike<number>): Record<string, number> {
  const out: Record<string, number> = {};
  names.forEach((n, i) => {
    out[n] = values[i]!;
  });
  return out;
}

/** Suffix of run 0's output files until that run finishes (runWorldScenario). */
const STAGED = '.partial';

/**
 * The output files of a world run, named with `suffix`, opened once run 0's engine exists (series and platforms
 * columns come from it).
 */
function openFiles(outDir: string, layout: ReturnType<typeof seriesLayout>, suffix: string) {
  const at = (name: string) => join(outDir, `${name}${suffix}`);
  return {
    series: new CsvFile(at('series.csv'), seriesColumns(layout)),
    platforms: new CsvFile(at('platforms.csv'), platformColumns(layout)),
    bubble: new CsvFile(at('bubble.csv'), BUBBLE_COLUMNS),
    cascades: new CsvFile(at('cascades.csv'), CASCADE_COLUMNS),
    adoptions: new CsvFile(at('adoptions.csv'), ADOPTION_COLUMNS),
  };
}

/** What summary.json says of one finished run; writes its cascades.csv rows on the way. */
function summarizeRun(
  engine: SocialWorldEngine,
  run: number,
  runSeedText: string,
  ticks: number,
  timing: { buildSeconds: number; simulateSeconds: number },
  cascades: CsvFile,
): WorldRunSummary {
  const ctx = engine.ctx;
  const summary = engine.summary();
  const trendSummaries = ctx.state.trends.map((ts, t) => {
    const trees = cascadeTrees(ts.parent, ts.adoptTick);
    for (const tree of trees)
      cascades.row([
        run,
        runSeedText,
        ts.trend.name,
        tree.root,
        tree.size,
        tree.depth,
        tree.maxBreadth,
        tree.structuralVirality,
      ]);
    return {
      name: ts.trend.name,
      kind: ts.trend.kind,
      adopters: ts.adopters,
      exposed: ts.exposed,
      reshares: ts.reshares,
      crossPlatformHops: ts.crossPlatformHops,
      adoptersByPlatform: objectOf(engine.platformNames, ts.adoptersByPlatform),
      adoptersByRegion: objectOf(engine.regionNames, ts.adoptersByRegion),
      onsetTickByRegion: objectOf(engine.regionNames, ts.onsetTick),
      largestCascade: largestCascade(ts),
      cascades: trees.length,
      id: t,
    };
  });
  return {
    run,
    seed: runSeedText,
    agents: engine.agentCount,
    ticks,
    ...timing,
    trends: trendSummaries,
    platforms: summary.platforms.map((p) => ({ name: p.name, members: p.members, available: p.available })),
  };
}

/**
 * Runs `scenario` (already validated by worldScenarioSchema and checked by worldScenarioProblems) with base seed `seed`
 * and writes its outputs into `outDir` (created if needed), replacing any earlier run's files there once run 0 has
 * finished: a scenario the engine refuses, a failure or a stop before then leaves the folder as it was. Deterministic:
 * same scenario and seed give byte-identical CSV files (timings live only in summary.json). Stopped by
 * `options.stop`, it keeps the rows of the finished runs only and marks summary.json "interrupted".
 */
export async function runWorldScenario(
  scenario: WorldScenario,
  seed: string,
  outDir: string,
  options: WorldRunOptions = {},
): Promise<WorldRunOutcome> {
  checkOutFolder(outDir);
  const runs = options.runs ?? scenario.runs;
  const planned = plannedTrends(scenario);
  const trendNames = planned.map((trend) => trend.name);
  const makeReplicate = replicateMaker(scenario, seed, options.budgetBytes, options.onBuildProgress);
  const warned = new Set<number>();
  const summaries: WorldRunSummary[] = [];
  const pause = new EventLoopYield();
  let stoppedBy: StopSignal | undefined;

  let buildStart = performance.now();
  let replicate = makeReplicate(0);
  const layout = seriesLayout(replicate.engine.ctx, trendNames);
  prepareOutFolder(outDir);
  // Run 0 writes into staged files (series.csv.partial …): an earlier run's results stay until it finishes, so a
  // stop or a failure during it loses nothing. Then they replace the earlier files and the later runs append.
  const files = openFiles(outDir, layout, STAGED);
  const csvFiles = [files.series, files.platforms, files.bubble, files.cascades, files.adoptions];
  let staged = true;
  try {
    for (let run = 0; run < runs; run++) {
      if (run > 0) {
        buildStart = performance.now();
        replicate = makeReplicate(run);
      }
      const { engine, seed: runSeedText } = replicate;
      const buildSeconds = (performance.now() - buildStart) / 1000;
      const ctx = engine.ctx;
      const runStart = csvFiles.map((file) => file.bytes);
      const simulateStart = performance.now();
      for (let tick = 1; tick <= scenario.ticks; tick++) {
        await pause.whenDue();
        stoppedBy = options.stop?.signal;
        if (stoppedBy !== undefined) break;
        engine.step();
        files.series.row(seriesRow(ctx, layout, run, runSeedText));
        files.platforms.row(platformRow(ctx, run, runSeedText));
        if (tick % BUBBLE_EVERY === 0 || tick === scenario.ticks)
          files.bubble.row(bubbleRow(ctx, run, runSeedText));
        options.onProgress?.(run, tick, scenario.ticks);
      }
      if (stoppedBy !== undefined) {
        // A run cut short would look like a finished one with fewer ticks: drop its rows.
        for (const [i, file] of csvFiles.entries()) file.cutBackTo(runStart[i]!);
        break;
      }
      const simulateSeconds = (performance.now() - simulateStart) / 1000;
      forEachAdoptionRow(ctx, run, runSeedText, (row) => files.adoptions.row(row));
      const timing = { buildSeconds, simulateSeconds };
      summaries.push(summarizeRun(engine, run, runSeedText, scenario.ticks, timing, files.cascades));
      for (const line of seedShortfallWarnings(ctx, planned, run, warned)) options.onWarning?.(line);
      for (const file of csvFiles) file.commit();
      if (staged) {
        clearRunOutputs(outDir);
        for (const file of csvFiles) file.moveTo(file.path.slice(0, -STAGED.length));
        staged = false;
      }
      if (run + 1 < runs) {
        // Between runs only: a signal during the last run does not undo a batch that finished.
        await pause.now();
        stoppedBy = options.stop?.signal;
        if (stoppedBy !== undefined) break;
      }
    }
  } finally {
    for (const file of csvFiles) file.close();
    if (staged) for (const file of csvFiles) rmSync(file.path, { force: true });
  }
  // Stopped before run 0 finished: the folder holds what it held before (see STAGED), summary.json included.
  if (staged) return { summaries, stoppedBy };
  writeJsonFile(join(outDir, 'summary.json'), {
    engine: { name: 'hallyu-lab', version: engineVersion() },
    kind: 'world',
    title: scenario.title ?? null,
    status: stoppedBy === undefined ? 'complete' : 'interrupted',
    seed,
    runs,
    runsCompleted: summaries.length,
    ticks: scenario.ticks,
    agents: scenario.world.agents,
    aggregates: trendAggregates(summaries),
    results: summaries,
    scenario,
    notes: {
      seeds: 'run r uses seed runSeed(seed, r) = seed for r = 0, else seed-r',
      aggregates: 'per trend over the finished runs: mean, sample standard deviation (n − 1), min and max',
      timings:
        'buildSeconds and simulateSeconds are wall-clock times: the only values that differ between two runs of the same scenario and seed',
    },
  });
  return { summaries, stoppedBy };
}
