// What serveEngine needs in the browser worker: the social-world engine factory, its layout, its memory estimate and the device budget, and a JIT warm-up. Wiring only; no DOM.
import { computeLayout } from '../../sim/graph/layout.ts';
import { mergePatch } from '../../sim/host/merge-patch.ts';
import type { HostDeps } from '../../sim/host/serve.ts';
import { estimateWorldBytes } from '../../sim/model/build-world.ts';
import { createWorldEngine, SocialWorldEngine } from '../../sim/model/engine.ts';
import { parseOrThrow } from '../../sim/params/errors.ts';
import { type WorldScenario, worldScenarioSchema } from '../../sim/params/world.ts';
import type { ScenarioJson } from '../../sim/protocol.ts';
import { createRng, STREAM } from '../../sim/rng.ts';

/** Budget when the browser does not say how much memory the device has (Safari, Firefox): a laptop-sized tab. */
export const FALLBACK_BUDGET_BYTES = 2e9;
/** Share of the device's memory one tab may use for the world (the page, Pixi and the OS need the rest). */
export const DEVICE_MEMORY_SHARE = 0.35;

/** Bytes the world may take: a share of navigator.deviceMemory (GB, coarse and capped at 8 by browsers), else a fixed budget. */
export function memoryBudgetBytes(deviceMemoryGb: number | undefined): number {
  return typeof deviceMemoryGb === 'number' && deviceMemoryGb > 0
    ? deviceMemoryGb * 1e9 * DEVICE_MEMORY_SHARE
    : FALLBACK_BUDGET_BYTES;
}

/**
 * The throwaway world that warms up the engine's code (HostDeps.warmUp): the loaded scenario with this many agents,
 * stepped this many ticks (two simulated days, so every hour's and the end-of-day code runs, and the preset trends
 * reach their first adopters). Without it V8 compiles the engine's hot functions in the first ~1.5 s of play: its
 * compiler threads then take most of a core on a 2-core machine and the page's canvas commits, which wait for the
 * software-GL GPU process, take over 50 ms. About 0.3 s of worker time while the page sets up the new world.
 */
export const WARM_UP = { agents: 3_000, ticks: 48 } as const;

/**
 * The warm-up world for `scenario` (the same parameters with WARM_UP.agents agents), or null when the scenario does
 * not parse or is no bigger than that (a small world's first ticks compile quickly enough).
 */
export function warmUpScenario(scenario: ScenarioJson, seed: string): WorldScenario | null {
  const full = worldScenarioSchema.safeParse({ ...scenario, seed });
  if (!full.success || full.data.world.agents <= WARM_UP.agents) return null;
  const small = worldScenarioSchema.safeParse({
    ...mergePatch(scenario, { world: { agents: WARM_UP.agents } }),
    seed,
  });
  return small.success ? small.data : null;
}

export function worldDeps(budgetBytes: number): HostDeps {
  return {
    budgetBytes,
    // The estimate needs the parsed world; a scenario that does not parse is reported by createEngine instead.
    estimateBytes: (scenario) => {
      const parsed = worldScenarioSchema.safeParse(scenario);
      return parsed.success ? estimateWorldBytes(parsed.data.world) : 0;
    },
    createEngine: (scenario, seed, onProgress) => {
      // The app's seed replaces the file's, so the same seed gives the same run here and in the CLI.
      const parsed = parseOrThrow(worldScenarioSchema, { ...scenario, seed }, 'scenario');
      return createWorldEngine(
        parsed,
        onProgress ? { budgetBytes, onBuildProgress: onProgress } : { budgetBytes },
      );
    },
    layout: (engine, seed) => {
      const world = engine instanceof SocialWorldEngine ? engine.world : null;
      return computeLayout(
        {
          agentCount: engine.agentCount,
          region: engine.agents.region,
          fandom: engine.agents.fandom,
          tier: engine.agents.tier,
          regionCount: engine.regionNames.length,
          fandomCount: engine.fandomNames.length,
          ...(world ? { regionUtcOffset: world.regions.map((r) => r.utcOffset) } : {}),
        },
        createRng(seed, STREAM.layout),
      );
    },
    warmUp: (scenario, seed) => {
      const small = warmUpScenario(scenario, seed);
      if (!small) return;
      const engine = createWorldEngine(small, { budgetBytes });
      // As serveEngine plays: a step, its transmissions and a summary (the series row) per tick.
      for (let tick = 0; tick < WARM_UP.ticks; tick++) {
        engine.step();
        engine.transmissions();
        engine.summary();
      }
    },
    applyEvent: (engine, event) => {
      if (!(engine instanceof SocialWorldEngine)) throw new Error('this engine cannot apply events');
      engine.applyEvent(event);
    },
  };
}
