// serveReplicates: runs a scenario's replicates (the CLI's --runs) behind a message port, reporting each run as it ends. Host-agnostic: no DOM, timers, Date or Math.random.
import * as z from 'zod';
import { estimateWorldBytes } from '../model/build-world.ts';
import { replicateMaker } from '../model/replicates.ts';
import { InputError, parseOrThrow } from '../params/errors.ts';
import { intField } from '../params/fields.ts';
import { worldScenarioSchema } from '../params/world.ts';
import type { ReplicatesMessage } from '../protocol.ts';
import { isCurrentVersion, PROTOCOL_VERSION } from '../protocol.ts';

/** Most runs and ticks one request may ask for (a class's worth of luck, not a sweep: the CLI does sweeps). */
export const REPLICATE_LIMITS = { runs: 50, ticks: 24 * 60 } as const;

const requestSchema = z.object({
  runs: intField(2, REPLICATE_LIMITS.runs, {
    label: 'Runs',
    description: 'How many times the scenario is run, each with its own seed',
    unit: 'runs',
  }),
  ticks: intField(1, REPLICATE_LIMITS.ticks, {
    label: 'Length',
    description: 'Simulated hours each run lasts',
    unit: 'ticks',
  }),
  seed: z.string({ error: 'must be a seed of 1 to 64 characters' }).min(1).max(64),
});

/** The replicate worker's side of its channel (a worker's `self`, or a test double). */
export interface ReplicatesPort {
  post(message: ReplicatesMessage): void;
  listen(handler: (data: unknown) => void): void;
}

/** Ticks between progress messages: one simulated day. */
const PROGRESS_EVERY = 24;

/**
 * Answers every `runReplicates` command in full before the next: runs are synchronous (a request is cancelled by
 * terminating the worker). A world over `budgetBytes` is refused before building, as the engine worker does.
 */
export function serveReplicates(port: ReplicatesPort, budgetBytes: number): void {
  const fail = (kind: 'input' | 'crash', message: string) =>
    port.post({ v: PROTOCOL_VERSION, type: 'error', kind, message });
  port.listen((data) => {
    if (!isCurrentVersion(data) || data.type !== 'runReplicates') {
      fail('input', 'replicates: unknown command (expected runReplicates of protocol version 1)');
      return;
    }
    const command = data as unknown as Record<string, unknown>;
    let request: z.output<typeof requestSchema>;
    let scenario: z.output<typeof worldScenarioSchema>;
    try {
      request = parseOrThrow(requestSchema, command, 'replicates');
      scenario = parseOrThrow(
        worldScenarioSchema,
        { ...(command.scenario as object), seed: request.seed },
        'scenario',
      );
    } catch (error) {
      fail('input', error instanceof InputError ? error.message : String(error));
      return;
    }
    const estimatedBytes = estimateWorldBytes(scenario.world);
    if (estimatedBytes > budgetBytes) {
      const mb = (bytes: number) => `${Math.ceil(bytes / 1e6).toLocaleString('en-US')} MB`;
      port.post({
        v: PROTOCOL_VERSION,
        type: 'error',
        kind: 'too-big',
        message: `Each run needs about ${mb(estimatedBytes)} of memory, more than the ${mb(budgetBytes)} this device allows. Use fewer agents.`,
        estimatedBytes,
        budgetBytes,
      });
      return;
    }
    try {
      const makeReplicate = replicateMaker(scenario, request.seed, budgetBytes);
      for (let run = 0; run < request.runs; run++) {
        const { engine, seed } = makeReplicate(run);
        const trends = engine.ctx.state.trends;
        // A campaign event adds its trend mid-run: its curve is 0 before, so every curve spans every tick.
        const adopters: number[][] = [];
        const record = (tick: number) => {
          for (let t = 0; t < trends.length; t++) {
            adopters[t] ??= new Array<number>(request.ticks + 1).fill(0);
            adopters[t]![tick] = trends[t]!.adopters;
          }
        };
        record(0);
        for (let tick = 1; tick <= request.ticks; tick++) {
          engine.step();
          record(tick);
          if (tick % PROGRESS_EVERY === 0 || tick === request.ticks)
            port.post({ v: PROTOCOL_VERSION, type: 'replicateProgress', run, tick });
        }
        port.post({
          v: PROTOCOL_VERSION,
          type: 'replicate',
          run,
          seed,
          agentCount: engine.agentCount,
          trendNames: trends.map((ts) => ts.trend.name),
          trendColors: trends.map((ts) => ts.trend.color),
          adopters,
        });
      }
      port.post({ v: PROTOCOL_VERSION, type: 'replicatesDone', runs: request.runs });
    } catch (error) {
      // A trend or event naming something the world lacks is the scenario's fault, reported like a schema error.
      if (error instanceof InputError) fail('input', error.message);
      else fail('crash', error instanceof Error ? error.message : String(error));
    }
  });
}
