// What serveEngine needs in the browser worker: the social-world engine factory, its layout, its memory estimate and the device budget. Wiring only; no DOM.
import { computeLayout } from '../../sim/graph/layout.ts';
import type { HostDeps } from '../../sim/host/serve.ts';
import { estimateWorldBytes } from '../../sim/model/build-world.ts';
import { createWorldEngine, SocialWorldEngine } from '../../sim/model/engine.ts';
import { parseOrThrow } from '../../sim/params/errors.ts';
import { worldScenarioSchema } from '../../sim/params/world.ts';
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

export function worldDeps(budgetBytes: number): HostDeps {
  return {
    budgetBytes,
    // The estimate needs the parsed world; a scenario that does not parse is reported by createEngine instead.
    estimateBytes: (scenario) => {
      const parsed = worldScenarioSchema.safeParse(scenario);
      return parsed.success ? estimateWorldBytes(parsed.data.world) : 0;
    },
    createEngine: (scenario, seed) => {
      // The app's seed replaces the file's, so the same seed gives the same run here and in the CLI.
      const parsed = parseOrThrow(worldScenarioSchema, { ...scenario, seed }, 'scenario');
      return createWorldEngine(parsed, { budgetBytes });
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
    applyEvent: (engine, event) => {
      if (!(engine instanceof SocialWorldEngine)) throw new Error('this engine cannot apply events');
      engine.applyEvent(event);
    },
  };
}
