// Replicates of a world scenario as the command line runs them (`--runs N`): run r is seeded runSeed(seed, r) and builds its own world, or copies run 0's when regenerateWorld is false. Engine construction only: no I/O, no timers.
import type { WorldScenario } from '../params/world.ts';
import { runSeed } from '../rng.ts';
import type { BuildProgress } from './build-progress.ts';
import { buildWorld } from './build-world.ts';
import { freshCopy, SocialWorldEngine } from './engine.ts';
import type { World } from './world.ts';

/** One replicate's engine and the seed printed in its rows. */
export interface Replicate {
  readonly run: number;
  readonly seed: string;
  readonly engine: SocialWorldEngine;
}

/**
 * Makes the engine of replicate `run` of `scenario` (validated) with base seed `seed`. With regenerateWorld false the
 * world of run 0 is built once (seeded `seed`) and every run gets a fresh copy of the parts a run mutates, so runs
 * differ only in their dynamics; the CLI and the app's replicates both come from here, so run r is the same run in both.
 * `onBuildProgress` hears how far each world build has got (not the copies), with the run it is for.
 */
export function replicateMaker(
  scenario: WorldScenario,
  seed: string,
  budgetBytes?: number,
  onBuildProgress?: (run: number, ...progress: Parameters<BuildProgress>) => void,
): (run: number) => Replicate {
  let shared: World | undefined;
  return (run) => {
    const seedOfRun = runSeed(seed, run);
    let world: World;
    const progress: BuildProgress | undefined = onBuildProgress
      ? (stage, fraction) => onBuildProgress(run, stage, fraction)
      : undefined;
    if (scenario.regenerateWorld) world = buildWorld(scenario.world, seedOfRun, budgetBytes, progress);
    else {
      shared ??= buildWorld(scenario.world, runSeed(seed, 0), budgetBytes, progress);
      world = freshCopy(shared);
    }
    const engine = new SocialWorldEngine(world, {
      seed: seedOfRun,
      trends: scenario.trends,
      events: scenario.events,
      recommender: scenario.recommender,
    });
    return { run, seed: seedOfRun, engine };
  };
}
