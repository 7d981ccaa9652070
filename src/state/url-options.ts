// Page options from the query string (?agents=N for small devices and tests), validated with a clear message. Pure: no DOM, no store.
import { isPlainObject } from '../../sim/host/merge-patch.ts';
import type { ScenarioJson } from '../../sim/protocol.ts';

/** Smallest and largest `?agents=` the page accepts (the schema's range; whether it fits the device is checked before building). */
export const AGENTS_OPTION = { min: 100, max: 100_000_000 } as const;

export interface UrlOptions {
  /** Agent count that replaces every preset's, or null to keep the preset's. */
  readonly agents: number | null;
  /** Why an option was ignored, for the user. */
  readonly notice: string | null;
}

export function readUrlOptions(query: URLSearchParams): UrlOptions {
  const raw = query.get('agents');
  if (raw === null) return { agents: null, notice: null };
  const agents = Number(raw);
  if (Number.isInteger(agents) && agents >= AGENTS_OPTION.min && agents <= AGENTS_OPTION.max)
    return { agents, notice: null };
  return {
    agents: null,
    notice: `?agents=${raw.slice(0, 20)} was ignored: agents must be an integer from ${AGENTS_OPTION.min} to ${AGENTS_OPTION.max.toLocaleString('en-US')}.`,
  };
}

/** The key path of the agent count in a world scenario (sim/params/world.ts: `world.agents`). */
export const AGENT_COUNT_PATH = ['world', 'agents'] as const;

/** Sets the value at `path` in a copy of `scenario`; a missing leaf is added, but missing parents are not made. */
function setAt(scenario: ScenarioJson, path: readonly string[], value: unknown): ScenarioJson {
  const [head, ...rest] = path;
  if (head === undefined) return scenario;
  if (rest.length === 0) return { ...scenario, [head]: value };
  const child = scenario[head];
  return isPlainObject(child) ? { ...scenario, [head]: setAt(child, rest, value) } : scenario;
}

/** What the preset loader applies to each scenario before building it. */
export function scenarioAdjuster(options: UrlOptions): (scenario: ScenarioJson) => ScenarioJson {
  const { agents } = options;
  return agents === null ? (s) => s : (s) => setAt(s, AGENT_COUNT_PATH, agents);
}
