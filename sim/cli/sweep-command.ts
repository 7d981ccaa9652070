// `sim sweep <sweep.json> --out <dir>`: a parameter grid × replicates on worker threads, rows streamed to sweep.csv. Node-only.
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { estimateGraphBytes } from '../graph/memory.ts';
import { worldScenarioWarnings } from '../model/scenario-check.ts';
import { InputError } from '../params/errors.ts';
import {
  inShard,
  jobPosition,
  parseSweepText,
  pointScenario,
  pointValues,
  type SweepPlan,
  sweepJobSeed,
} from '../params/sweep.ts';
import { CsvFile, csvLine } from './csv.ts';
import type { Shard } from './flags.ts';
import {
  engineVersion,
  FileGraphHost,
  folderOf,
  formatBytes,
  memoryBudgetBytes,
  preflightProblems,
  readInputFile,
} from './host.ts';
import { type CliIo, prepareOutFolder, writeJsonFile } from './output.ts';
import { createProgress, jobNotesLine } from './progress.ts';
import { checkNoUnfinishedSweep, readResumeState } from './resume.ts';
import { onStopSignal, SIGNAL_EXIT } from './stop-signals.ts';
import type { FromSweepWorker, ToSweepWorker } from './sweep-messages.ts';
import { worldSweepColumns } from './world/sweep-measures.ts';
import { worldJobBytes, worldPreflightProblems } from './world/world-job.ts';

export interface SweepFlags {
  readonly out: string;
  /** Worker threads; default: the number of cores. */
  readonly workers?: number;
  readonly shard?: Shard;
  /** Keep the complete rows an interrupted run of the same sweep left in `out` and run only the rest. */
  readonly resume?: boolean;
}

/** Columns of sweep.csv after the varied paths. */
export const SWEEP_RESULT_COLUMNS = [
  'job',
  'point',
  'replicate',
  'seed',
  'final_size',
  'final_fraction',
  'ticks',
] as const;

/** Jobs in flight per worker: two, so a worker never idles while its next job is on the way. */
const JOBS_IN_FLIGHT = 2;

/** Starts a worker on sweep-worker.ts; under tsx the worker registers tsx itself before importing the entry. */
function startWorker(): Worker {
  const entry = new URL('./sweep-worker.ts', import.meta.url);
  if (!entry.pathname.endsWith('.ts')) return new Worker(entry);
  const tsx = import.meta.resolve('tsx/esm/api');
  const boot = `import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(entry.href)}); });`;
  return new Worker(boot, { eval: true, execArgv: [] });
}

/** Where a problem shared by several grid points was first found: `grid point 3 (model.p=0.2) and 5 other grid point(s)`. */
function gridPlace(plan: SweepPlan, points: readonly number[]): string {
  const first = points[0] ?? 0;
  const values = pointValues(plan, first);
  const where = plan.axes.map((axis, a) => `${axis.path}=${JSON.stringify(values[a])}`).join(', ');
  const others = points.length > 1 ? ` and ${points.length - 1} other grid point(s)` : '';
  return `grid point ${first} (${where})${others}`;
}

/** Lines grouped by text, each prefixed with the grid points it came from (none for a sweep without axes). */
function linesByPoint(plan: SweepPlan, pointsOf: ReadonlyMap<string, number[]>): string[] {
  return [...pointsOf].map(([line, points]) =>
    plan.axes.length === 0 ? line : `${gridPlace(plan, points)}: ${line}`,
  );
}

/**
 * Checks every grid point before any job starts; returns the largest graph estimate in bytes and the warnings
 * (what can never happen in a world run). A problem or warning shared by several points is reported once, with
 * the first point and how many others.
 */
function preflightSweep(
  plan: SweepPlan,
  host: FileGraphHost,
  sourceName: string,
): { largestBytes: number; warnings: string[] } {
  const budget = memoryBudgetBytes();
  const problemPoints = new Map<string, number[]>();
  const warningPoints = new Map<string, number[]>();
  const note = (map: Map<string, number[]>, line: string, point: number) => {
    const points = map.get(line) ?? [];
    points.push(point);
    map.set(line, points);
  };
  let largest = 0;
  for (let point = 0; point < plan.pointCount; point++) {
    const loaded = pointScenario(plan, point, sourceName);
    const problems =
      loaded.kind === 'world'
        ? worldPreflightProblems(loaded.scenario, budget)
        : preflightProblems(loaded.scenario, host, budget);
    for (const line of problems) note(problemPoints, line, point);
    if (loaded.kind === 'world')
      for (const line of worldScenarioWarnings(loaded.scenario)) note(warningPoints, line, point);
    const bytes =
      loaded.kind === 'world' ? worldJobBytes(loaded.scenario) : estimateGraphBytes(loaded.scenario.graph);
    largest = Math.max(largest, bytes);
  }
  if (problemPoints.size > 0) throw new InputError(sourceName, linesByPoint(plan, problemPoints));
  return { largestBytes: largest, warnings: linesByPoint(plan, warningPoints) };
}

/** Runs the sweep (or one shard of it); resolves to the exit code. Rows already written survive any stop. */
export async function sweepCommand(sweepPath: string, flags: SweepFlags, io: CliIo): Promise<number> {
  const plan = parseSweepText(readInputFile(sweepPath, 'sweep file'), sweepPath);
  const host = new FileGraphHost(folderOf(sweepPath));
  const { largestBytes: largestGraph, warnings } = preflightSweep(plan, host, sweepPath);
  for (const line of warnings) io.stderr.write(`${sweepPath}: warning: ${line}\n`);

  const shard = flags.shard ?? { index: 1, count: 1 };
  const first = shard.index - 1;
  const jobTotal = first >= plan.jobCount ? 0 : Math.ceil((plan.jobCount - first) / shard.count);
  const requested = flags.workers ?? availableParallelism();
  const byMemory = largestGraph > 0 ? Math.max(1, Math.floor(memoryBudgetBytes() / largestGraph)) : requested;
  const workerCount = Math.max(1, Math.min(requested, byMemory, jobTotal));
  if (byMemory < requested && byMemory < jobTotal) {
    io.stderr.write(
      `sweep: using ${workerCount} worker(s), not ${requested}: each graph may take ${formatBytes(largestGraph)} of a ${formatBytes(memoryBudgetBytes())} budget\n`,
    );
  }

  prepareOutFolder(flags.out);
  // A world sweep adds its measures (filter bubble, per trend, per platform) after the common columns.
  const base = pointScenario(plan, 0, sweepPath);
  const columns = [
    ...plan.axes.map((axis) => axis.path),
    ...SWEEP_RESULT_COLUMNS,
    ...(base.kind === 'world' ? worldSweepColumns(base.scenario) : []),
  ];
  const vary = plan.axes.map((axis) => ({ path: axis.path, values: axis.values }));
  const identity = { base: plan.base, vary, replicates: plan.replicates, shard: flags.shard ?? null };
  // A row counts as done only if its job belongs to this sweep and shard and carries that job's seed.
  const seedOfJob = (job: number) => {
    if (job >= plan.jobCount || !inShard(job, shard)) return undefined;
    const { point, replicate } = jobPosition(plan, job);
    return sweepJobSeed(plan.baseSeed, point, replicate);
  };
  if (!flags.resume) checkNoUnfinishedSweep(flags.out);
  const resumed = flags.resume ? readResumeState(flags.out, columns, identity, seedOfJob) : undefined;
  if (resumed && resumed.droppedLines > 0)
    io.stderr.write(
      `sweep: --resume dropped ${resumed.droppedLines} line(s) of ${join(flags.out, 'sweep.csv')} that are not rows of this sweep (malformed, of another job or shard, or a repeat of a row kept)\n`,
    );
  const doneJobs = new Set(resumed?.doneJobs ?? []);
  const manifestPath = join(flags.out, 'sweep.json');
  let rowsWritten = doneJobs.size;
  const writeManifest = (status: 'running' | 'complete' | 'interrupted' | 'failed') =>
    writeJsonFile(manifestPath, {
      engine: { name: 'hallyu-lab', version: engineVersion() },
      command: 'sweep',
      sweepFile: sweepPath,
      ...(plan.title === undefined ? {} : { title: plan.title }),
      status,
      rowsWritten,
      base: plan.base,
      baseSeed: plan.baseSeed,
      vary,
      replicates: plan.replicates,
      points: plan.pointCount,
      jobs: plan.jobCount,
      shard: flags.shard ?? null,
      jobsInShard: jobTotal,
      workers: workerCount,
      columns,
      notes: {
        order:
          'grid points: the cartesian product of vary in file order, the last path changing fastest; job = point × replicates + replicate',
        seeds:
          'job seed = runSeed(baseSeed + "-p" + point, replicate): "S-pP" for replicate 0, else "S-pP-R"; the graph seed is the replicate-0 seed when regenerateGraph is false',
        shards:
          "shard k/n runs the jobs with job mod n = k − 1; the shards' sweep.csv rows (header once) together equal an unsharded sweep",
        rows: 'rows are appended as jobs finish, so their order varies with the number of workers; sort by job',
      },
    });
  writeManifest('running');
  const csv = new CsvFile(
    join(flags.out, 'sweep.csv'),
    columns,
    resumed ? { resumeAt: resumed.keepBytes } : {},
  );
  if (resumed)
    io.stdout.write(`sweep: resuming with ${doneJobs.size} of ${jobTotal} row(s) already written\n`);
  const progress = createProgress('sweep', jobTotal, { stream: io.stdout, startAt: rowsWritten });
  progress.update(rowsWritten);

  let nextJob = first;
  const workers: Worker[] = [];
  /** The latest note of each world job under way (where its build or its ticks have got), by job. */
  const jobNotes = new Map<number, string>();
  return await new Promise<number>((resolve, reject) => {
    let finished = false;
    const finish = (status: 'complete' | 'interrupted' | 'failed', outcome: () => void) => {
      if (finished) return;
      finished = true;
      removeSignalHandler();
      for (const worker of workers) void worker.terminate();
      csv.close();
      progress.stop();
      writeManifest(status);
      outcome();
    };
    // Read by finish() only when called, after this line: a signal cannot arrive while the handler is registered.
    const removeSignalHandler = onStopSignal((signal) => {
      finish('interrupted', () => {
        io.stderr.write(
          `sweep: stopped by ${signal}; ${rowsWritten} complete row(s) kept in ${join(flags.out, 'sweep.csv')}\n`,
        );
        resolve(SIGNAL_EXIT[signal]);
      });
    });

    const dispatch = (worker: Worker) => {
      while (doneJobs.has(nextJob)) nextJob += shard.count;
      if (finished || nextJob >= plan.jobCount) return;
      const message: ToSweepWorker = { type: 'job', job: nextJob };
      nextJob += shard.count;
      worker.postMessage(message);
    };
    const onMessage = (worker: Worker, message: FromSweepWorker) => {
      if (finished) return;
      if (message.type === 'progress') {
        jobNotes.set(message.job, message.note);
        progress.update(rowsWritten, jobNotesLine(jobNotes));
        return;
      }
      if (message.type === 'failed') {
        finish('failed', () =>
          reject(
            message.inputError
              ? new InputError(message.source, message.lines)
              : new Error(`job ${message.job}: ${message.lines.join('; ')}`),
          ),
        );
        return;
      }
      const { point, replicate } = jobPosition(plan, message.job);
      const fraction = message.nodeCount === 0 ? 0 : message.finalSize / message.nodeCount;
      csv.append(
        csvLine([
          ...pointValues(plan, point),
          message.job,
          point,
          replicate,
          message.seed,
          message.finalSize,
          fraction,
          message.ticks,
          ...(message.measures ?? []),
        ]),
      );
      rowsWritten++;
      jobNotes.delete(message.job);
      progress.update(rowsWritten, jobNotesLine(jobNotes));
      if (rowsWritten >= jobTotal) {
        finish('complete', () => {
          io.stdout.write(`sweep: ${rowsWritten} row(s) written to ${join(flags.out, 'sweep.csv')}\n`);
          resolve(0);
        });
        return;
      }
      dispatch(worker);
    };

    if (rowsWritten >= jobTotal) {
      finish('complete', () => resolve(0));
      return;
    }
    const init: ToSweepWorker = { type: 'init', plan, sourceName: sweepPath, baseDir: host.baseDir };
    for (let w = 0; w < Math.min(workerCount, jobTotal - rowsWritten); w++) {
      const worker = startWorker();
      workers.push(worker);
      worker.on('message', (message: FromSweepWorker) => onMessage(worker, message));
      worker.on('error', (error) =>
        finish('failed', () => reject(new Error(`sweep worker failed: ${error.message}`))),
      );
      worker.on('exit', (code) => {
        if (!finished) finish('failed', () => reject(new Error(`sweep worker exited early (code ${code})`)));
      });
      worker.postMessage(init);
      for (let k = 0; k < JOBS_IN_FLIGHT; k++) dispatch(worker);
    }
  });
}
