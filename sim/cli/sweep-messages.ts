// Messages between the sweep coordinator and its worker threads. Types only: no logic, no I/O.
import type { SweepPlan } from '../params/sweep.ts';

/** Coordinator → worker. `init` once, then one `job` per run to do. */
export type ToSweepWorker =
  | { readonly type: 'init'; readonly plan: SweepPlan; readonly sourceName: string; readonly baseDir: string }
  | { readonly type: 'job'; readonly job: number };

/**
 * Worker → coordinator: one `done` per finished job, or `failed` (then the worker does nothing more); before them, a
 * world job sends `progress` notes ("building world 40% (Loop follows)", "tick 12/48") for the progress line.
 */
export type FromSweepWorker =
  | { readonly type: 'progress'; readonly job: number; readonly note: string }
  | {
      readonly type: 'done';
      readonly job: number;
      readonly seed: string;
      readonly nodeCount: number;
      readonly finalSize: number;
      readonly ticks: number;
      /** A world job's measures, in the order of the sweep's extra columns (world/sweep-measures.ts); none for classic. */
      readonly measures?: readonly number[];
    }
  | {
      readonly type: 'failed';
      readonly job: number;
      /** True for bad input (exit code 2), false for an engine failure (exit code 1). */
      readonly inputError: boolean;
      readonly source: string;
      readonly lines: readonly string[];
    };
