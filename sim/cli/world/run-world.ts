// Runs a social-world scenario headless and writes series.csv, cascades.csv, adoptions.csv, platforms.csv, bubble.csv and summary.json. Node-only (files via ../csv.ts).
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
import { replicateMaker } from '../../model/replicates.ts';
import type { WorldScenario } from '../../params/world.ts';
import { CsvFile } from '../csv.ts';
import { prepareOutFolder, writeJsonFile } from '../output.ts';
import { ADOPTION_COLUMNS, forEachAdoptionRow } from './adoption-rows.ts';

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
  /** Memory budget for building a world, in bytes. */
  readonly budgetBytes?: number;
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

/** Names of every trend a run will hold: the scenario's, then one per campaign event (in timeline order). */
export function plannedTrendNames(scenario: WorldScenario): string[] {
  const names = scenario.trends.map((t) => t.name);
  const campaigns = scenario.events.map((e, i) => ({ e, i })).filter(({ e }) => e.type === 'campaign');
  campaigns.sort((a, b) => a.e.tick - b.e.tick || a.i - b.i);
  for (const { e } of campaigns) if (e.type === 'campaign') names.push(e.trend.name);
  return names;
}

function objectOf(names: readonly string[], values: ArrayLike<number>): Record<string, number> {
  const out: Record<string, number> = {};
  names.forEach((n, i) => {
    out[n] = values[i]!;
  });
  return out;
}

/**
 * Runs `scenario` (already validated by worldScenarioSchema) with base seed `seed` and writes its outputs into
 * `outDir` (created if needed). Returns the per-run summaries also written to summary.json. Deterministic: same
 * scenario and seed give byte-identical CSV files (timings live only in summary.json).
 */
export function runWorldScenario(
  scenario: WorldScenario,
  seed: string,
  outDir: string,
  options: WorldRunOptions = {},
): WorldRunSummary[] {
  prepareOutFolder(outDir);
  const runs = options.runs ?? scenario.runs;
  const trendNames = plannedTrendNames(scenario);
  let series: CsvFile | undefined;
  let platforms: CsvFile | undefined;
  const bubble = new CsvFile(join(outDir, 'bubble.csv'), BUBBLE_COLUMNS);
  const cascades = new CsvFile(join(outDir, 'cascades.csv'), CASCADE_COLUMNS);
  const adoptions = new CsvFile(join(outDir, 'adoptions.csv'), ADOPTION_COLUMNS);
  const summaries: WorldRunSummary[] = [];
  const makeReplicate = replicateMaker(scenario, seed, options.budgetBytes);
  try {
    for (let run = 0; run < runs; run++) {
      const buildStart = performance.now();
      const { engine, seed: runSeedText } = makeReplicate(run);
      const buildSeconds = (performance.now() - buildStart) / 1000;
      const ctx = engine.ctx;
      const layout = seriesLayout(ctx, trendNames);
      series ??= new CsvFile(join(outDir, 'series.csv'), seriesColumns(layout));
      platforms ??= new CsvFile(join(outDir, 'platforms.csv'), platformColumns(layout));
      const simulateStart = performance.now();
      for (let tick = 1; tick <= scenario.ticks; tick++) {
        engine.step();
        series.row(seriesRow(ctx, layout, run, runSeedText));
        platforms.row(platformRow(ctx, run, runSeedText));
        if (tick % BUBBLE_EVERY === 0 || tick === scenario.ticks)
          bubble.row(bubbleRow(ctx, run, runSeedText));
        options.onProgress?.(run, tick, scenario.ticks);
      }
      const simulateSeconds = (performance.now() - simulateStart) / 1000;
      const summary = engine.summary();
      forEachAdoptionRow(ctx, run, runSeedText, (row) => adoptions.row(row));
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
      summaries.push({
        run,
        seed: runSeedText,
        agents: engine.agentCount,
        ticks: scenario.ticks,
        buildSeconds,
        simulateSeconds,
        trends: trendSummaries,
        platforms: summary.platforms.map((p) => ({
          name: p.name,
          members: p.members,
          available: p.available,
        })),
      });
      series.commit();
      platforms.commit();
      bubble.commit();
      cascades.commit();
      adoptions.commit();
    }
  } finally {
    series?.close();
    platforms?.close();
    bubble.close();
    cascades.close();
    adoptions.close();
  }
  writeJsonFile(join(outDir, 'summary.json'), {
    kind: 'world',
    title: scenario.title ?? null,
    seed,
    runs,
    ticks: scenario.ticks,
    agents: scenario.world.agents,
    results: summaries,
  });
  return summaries;
}
