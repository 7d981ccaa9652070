// Worker-thread entry of `sim sweep`: runs the jobs it is sent and posts one result each. Node-only (worker_threads).
import { parentPort } from 'node:worker_threads';
import { InputError } from '../params/errors.ts';
import type { LoadedScenario } from '../params/load.ts';
import { jobPosition, pointScenario, type SweepPlan, sweepJobSeed } from '../params/sweep.ts';
import { executeClassicRun, GraphCache } from './execute.ts';
import { FileGraphHost, memoryBudgetBytes } from './host.ts';
import type { FromSweepWorker, ToSweepWorker } from './sweep-messages.ts';
import { executeWorldJob } from './world/world-job.ts';

if (!parentPort) throw new Error('sweep-worker.ts must run in a worker thread');
const port = parentPort;

let plan: SweepPlan | undefined;
let sourceName = '';
let host: FileGraphHost | undefined;
const graphs = new GraphCache();
/** The last grid point's scenario: the coordinator hands out jobs in order, so points repeat back to back. */
let cached: { point: number; loaded: LoadedScenario } | undefined;

function runJob(job: number): FromSweepWorker {
  if (!plan || !host) throw new Error('sweep worker got a job before init');
  const { point, replicate } = jobPosition(plan, job);
  if (cached?.point !== point) cached = { point, loaded: pointScenario(plan, point, sourceName) };
  const seed = sweepJobSeed(plan.baseSeed, point, replicate);
  switch (cached.loaded.kind) {
    case 'classic': {
      const scenario = cached.loaded.scenario;
      const graphSeed = scenario.regenerateGraph ? seed : sweepJobSeed(plan.baseSeed, point, 0);
      const { graph, result } = executeClassicRun(scenario, { run: seed, graph: graphSeed }, host, graphs);
      return {
        type: 'done',
        job,
        seed,
        nodeCount: graph.nodeCount,
        finalSize: result.finalSize,
        ticks: result.ticks,
      };
    }
    case 'world': {
      const { nodeCount, finalSize, ticks, measures } = executeWorldJob(
        cached.loaded.scenario,
        seed,
        memoryBudgetBytes(),
        (note) => port.postMessage({ type: 'progress', job, note } satisfies FromSweepWorker),
      );
      return { type: 'done', job, seed, nodeCount, finalSize, ticks, measures };
    }
  }
}

port.on('message', (message: ToSweepWorker) => {
  switch (message.type) {
    case 'init':
      plan = message.plan;
      sourceName = message.sourceName;
      host = new FileGraphHost(message.baseDir);
      return;
    case 'job': {
      let reply: FromSweepWorker;
      try {
        reply = runJob(message.job);
      } catch (error) {
        reply =
          error instanceof InputError
            ? {
                type: 'failed',
                job: message.job,
                inputError: true,
                source: sourceName,
                lines: error.lines.map((line) => `job ${message.job}: ${line}`),
              }
            : {
                type: 'failed',
                job: message.job,
                inputError: false,
                source: sourceName,
                lines: [String((error as Error)?.message ?? error)],
              };
      }
      port.postMessage(reply);
      return;
    }
  }
});
