// The client of the replicates worker: starts a batch of runs in a fresh worker, fans out its progress and runs, cancels by terminating it. No store, no DOM beyond the worker handle.
import type { ErrorMessage, ReplicateMessage, ReplicatesCommand } from '../../sim/protocol.ts';
import { isCurrentVersion, PROTOCOL_VERSION } from '../../sim/protocol.ts';
import type { WorkerLike } from './client.ts';

/** What a batch reports, in order: progress and runs as they finish, then done or an error. */
export interface ReplicatesListener {
  progress(run: number, tick: number): void;
  run(result: ReplicateMessage): void;
  done(): void;
  error(message: ErrorMessage): void;
}

export interface ReplicatesRunner {
  /** Cancels any batch under way, then starts this one in a new worker. */
  start(request: Omit<ReplicatesCommand, 'v' | 'type'>, listener: ReplicatesListener): void;
  /** Stops the batch under way (its worker is terminated; nothing more is reported). */
  cancel(): void;
  /** Whether a batch is under way. */
  running(): boolean;
}

/**
 * A worker per batch: a run is one long synchronous loop in the worker, so terminating it is the only prompt way to
 * stop, and a new batch never waits behind an old one.
 */
export function createReplicatesRunner(spawn: () => WorkerLike): ReplicatesRunner {
  let worker: WorkerLike | null = null;
  const stop = () => {
    worker?.terminate();
    worker = null;
  };
  return {
    start(request, listener) {
      stop();
      const own = spawn();
      worker = own;
      const finish = () => {
        if (worker === own) stop();
      };
      own.onmessage = (event) => {
        // A message already queued when the batch was cancelled or replaced is not this batch's any more.
        if (worker !== own) return;
        const message = event.data as unknown;
        if (!isCurrentVersion(message)) return;
        const typed = message as { type: string };
        if (typed.type === 'replicateProgress') {
          const { run, tick } = message as unknown as { run: number; tick: number };
          listener.progress(run, tick);
        } else if (typed.type === 'replicate') listener.run(message as unknown as ReplicateMessage);
        else if (typed.type === 'replicatesDone') {
          finish();
          listener.done();
        } else if (typed.type === 'error') {
          finish();
          listener.error(message as unknown as ErrorMessage);
        }
      };
      own.onerror = (event) => {
        if (worker !== own) return;
        event.preventDefault?.();
        finish();
        listener.error({
          v: PROTOCOL_VERSION,
          type: 'error',
          kind: 'crash',
          message: event.message || 'the replicates worker failed',
        });
      };
      own.onmessageerror = () => undefined;
      own.postMessage({ v: PROTOCOL_VERSION, type: 'runReplicates', ...request } satisfies ReplicatesCommand);
    },
    cancel: stop,
    running: () => worker !== null,
  };
}
