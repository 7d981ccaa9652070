// Test helper for the parameter-panel tests: one record-field edit applied the way the panel's commit does. No assertions.
import { mergePatch } from '../../../sim/host/merge-patch.ts';
import { worldScenarioSchema } from '../../../sim/params/world.ts';
import type { ScenarioJson } from '../../../sim/protocol.ts';
import { getPath, type ParamField } from '../../../src/ui/param-fields.ts';
import { editRecord, resolveScenario, shownRecords } from '../../../src/ui/param-records.ts';

/**
 * Sets `leaf` of record `index` of `list` (a platform, a trend, an event, …) to `value` in `scenario`, through
 * editRecord as the panel calls it; returns editRecord's result and the scenario with its patch merged in.
 */
export function editLikePanel(
  scenario: ScenarioJson,
  list: ParamField,
  index: number,
  leaf: readonly (string | number)[],
  value: unknown,
) {
  const resolved = resolveScenario(worldScenarioSchema, scenario);
  const records = getPath(resolved, list.path) as unknown[];
  const shown = shownRecords(list, resolved);
  const result = editRecord(scenario, list, records, shown[index], index, leaf, value);
  return { ...result, scenario: mergePatch(scenario, result.patch) };
}
