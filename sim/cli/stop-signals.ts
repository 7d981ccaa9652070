// SIGINT/SIGTERM while a command runs in this process: a stop request its loops poll between steps, the exit codes, and the event-loop yield that lets a signal in. Node-only (process signals, a clock that never reaches a result).
import { performance } from 'node:perf_hooks';

/** Exit code of a command stopped by a signal (128 + signal number, as shells report it). */
export const SIGNAL_EXIT = { SIGINT: 130, SIGTERM: 143 } as const;
export type StopSignal = keyof typeof SIGNAL_EXIT;

/** Set once a stop signal has arrived; the work checks it between ticks or runs and winds down. */
export interface StopRequest {
  readonly signal: StopSignal | undefined;
}

/**
 * Calls `handler` on SIGINT or SIGTERM instead of the default exit; returns the function that removes it again. For
 * event-driven work (the sweep's workers); loops use withStopSignals.
 */
export function onStopSignal(handler: (signal: StopSignal) => void): () => void {
  const listener = (signal: NodeJS.Signals) => handler(signal as StopSignal);
  const signals = Object.keys(SIGNAL_EXIT) as StopSignal[];
  for (const signal of signals) process.on(signal, listener);
  return () => {
    for (const signal of signals) process.removeListener(signal, listener);
  };
}

/**
 * Runs `work` with SIGINT and SIGTERM caught: instead of killing the process they set `stop.signal`, which `work`
 * polls (after yielding to the event loop, see EventLoopYield) to stop cleanly. The handlers are removed afterwards.
 */
export async function withStopSignals<T>(work: (stop: StopRequest) => Promise<T>): Promise<T> {
  const stop: { signal: StopSignal | undefined } = { signal: undefined };
  const removeHandler = onStopSignal((signal) => {
    stop.signal ??= signal;
  });
  try {
    return await work(stop);
  } finally {
    removeHandler();
  }
}

/**
 * Lets pending events (a signal's handler) run about every `intervalMs` of synchronous work. The clock only decides
 * when to pause, never what is computed, so results stay the same however often it yields.
 */
export class EventLoopYield {
  private last = performance.now();

  constructor(private readonly intervalMs = 100) {}

  async now(): Promise<void> {
    // Two turns, not one: on the event loop's first turn after a long synchronous start (run 0's world build, say)
    // Node runs the immediates before it reads a signal that arrived meanwhile; by the second turn it has read it.
    await new Promise<void>((resume) => setImmediate(resume));
    await new Promise<void>((resume) => setImmediate(resume));
    this.last = performance.now();
  }

  async whenDue(): Promise<void> {
    if (performance.now() - this.last >= this.intervalMs) await this.now();
  }
}
