// The world kind's branches of `sim run` and `sim sweep`: preflight, one sweep job, and the run command. Node-only.
import { assertWorldFits, estimateWorldBytes } from '../../model/build-world.ts';
import { createWorldEngine } from '../../model/engine.ts';
import { worldScenarioProblems, worldScenarioWarnings } from '../../model/scenario-check.ts';
import { InputError, problemsOf } from '../../params/errors.ts';
import type { WorldScenario } from '../../params/world.ts';
import { memoryBudgetBytes } from '../host.ts';
import { type CliIo, prepareOutFolder } from '../output.ts';
import { buildingWorldNote, createProgress } from '../progress.ts';
import { SIGNAL_EXIT, withStopSignals } from '../stop-signals.ts';
import { runWorldScenario, type WorldRunOutcome } from './run-world.ts';
import { worldSweepValues } from './sweep-measures.ts';

/**
 * Every problem that stops a world scenario, found before anything is allocated or written: a world too big for
 * the budget, and what worldScenarioProblems finds (names the world lacks, duplicate trend names, seeds beyond the
 * agents). Cheap: no world is built.
 */
export function worldPreflightProblems(scenario: WorldScenario, budgetBytes: number): string[] {
  return [
    ...worldScenarioProblems(scenario),
    ...problemsOf(() => assertWorldFits(scenario.world, budgetBytes)),
  ];
}

/** Peak bytes one world job needs (used to cap the number of sweep workers). */
export function worldJobBytes(scenario: WorldScenario): number {
  return estimateWorldBytes(scenario.world);
}

/**
 * One sweep job: builds the world for `seed`, runs `scenario.ticks` ticks and reports the agents that
 * adopted at least one trend (the world's final size, seeds included) and the world measures of sweep-measures.ts.
 * `onProgress`, if given, is told where the job is, as a short note: "building world 40% (Loop follows)" at each new
 * whole percent of the build, then "tick 12/48" after each tick (a big world takes minutes to build and seconds a tick).
 */
export function executeWorldJob(
  scenario: WorldScenario,
  seed: string,
  budgetBytes: number,
  onProgress?: (note: string) => void,
): { nodeCount: number; finalSize: number; ticks: number; measures: number[] } {
  let lastNote = '';
  const tell = (note: string) => {
    if (note === lastNote) return;
    lastNote = note;
    onProgress?.(note);
  };
  const engine = createWorldEngine(
    { ...scenario, seed },
    {
      budgetBytes,
      ...(onProgress
        ? {
            onBuildProgress: (stage, fraction) => tell(buildingWorldNote(stage, fraction)),
          }
        : {}),
    },
  );
  for (let tick = 0; tick < scenario.ticks; tick++) {
    engine.step();
    if (onProgress) tell(`tick ${tick + 1}/${scenario.ticks}`);
  }
  const count = engine.agentCount;
  const adoptedAny = new Uint8Array(count);
  for (const trend of engine.ctx.state.trends) {
    const adoptTick = trend.adoptTick;
    for (let agent = 0; agent < count; agent++) if (adoptTick[agent]! >= 0) adoptedAny[agent] = 1;
  }
  let finalSize = 0;
  for (let agent = 0; agent < count; agent++) finalSize += adoptedAny[agent]!;
  return { nodeCount: count, finalSize, ticks: scenario.ticks, measures: worldSweepValues(engine.ctx) };
}

/**
 * `sim run` for a world scenario: flags override runs and seed; warnings (what can never happen in the run) go to
 * stderr; progress per simulated tick. Resolves to the exit code (130/143 when a signal stopped it).
 */
export async function runWorldCommand(
  fileScenario: WorldScenario,
  scenarioPath: string,
  flags: { readonly out: string; readonly runs?: number; readonly seed?: string },
  io: CliIo,
): Promise<number> {
  const scenario: WorldScenario = {
    ...fileScenario,
    ...(flags.runs === undefined ? {} : { runs: flags.runs }),
    ...(flags.seed === undefined ? {} : { seed: flags.seed }),
  };
  const budget = memoryBudgetBytes();
  const problems = worldPreflightProblems(scenario, budget);
  if (problems.length > 0) throw new InputError(scenarioPath, problems);
  const warn = (line: string) => io.stderr.write(`${scenarioPath}: warning: ${line}\n`);
  for (const line of worldScenarioWarnings(scenario)) warn(line);
  // Every scenario problem is known by now (preflight), so creating the folder cannot leave a refused run's trace; a
  // bad --out (a file, say) is named here, before the progress bar and the world build.
  prepareOutFolder(flags.out);
  const totalTicks = scenario.runs * scenario.ticks;
  const progress = createProgress('run', totalTicks, { stream: io.stdout, unit: 'ticks' });
  progress.update(0);
  let outcome: WorldRunOutcome;
  try {
    outcome = await withStopSignals((stop) =>
      runWorldScenario(scenario, scenario.seed, flags.out, {
        runs: scenario.runs,
        budgetBytes: budget,
        stop,
        onProgress: (run, tick, ticks) => progress.update(run * ticks + tick),
        onBuildProgress: (run, stage, fraction) =>
          progress.update(run * scenario.ticks, buildingWorldNote(stage, fraction, run + 1)),
        onWarning: warn,
      }),
    );
  } catch (error) {
    // The engine names its input errors 'scenario'; they belong to the file. Flag errors keep their own source.
    if (error instanceof InputError && error.source === 'scenario')
      throw new InputError(scenarioPath, error.lines);
    throw error;
  } finally {
    progress.stop();
  }
  const { summaries, stoppedBy } = outcome;
  if (stoppedBy !== undefined) {
    io.stderr.write(
      summaries.length === 0
        ? `run: stopped by ${stoppedBy} before the first world run finished; nothing was written (${flags.out} holds what it held before)\n`
        : `run: stopped by ${stoppedBy}; the ${summaries.length} finished world run(s) of ${scenario.runs} are kept in ${flags.out} (the run in progress was dropped; summary.json says "interrupted")\n`,
    );
    return SIGNAL_EXIT[stoppedBy];
  }
  const adopters = summaries.map((s) => s.trends.reduce((sum, t) => sum + t.adopters, 0));
  const mean = adopters.reduce((a, b) => a + b, 0) / Math.max(1, adopters.length);
  io.stdout.write(
    `run: ${scenario.runs} world run(s) of ${scenario.ticks} ticks written to ${flags.out} (mean adoptions ${Math.round(mean)} among ${scenario.world.agents} agents)\n`,
  );
  return 0;
}
