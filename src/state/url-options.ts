// Page options from the query string (?agents=N for small devices and tests, ?embed=1 for an iframe), validated with a clear message. Pure: no DOM, no store.
import { isPlainObject } from '../../sim/host/merge-patch.ts';
import { MAX_NODES, MIN_AGENTS } from '../../sim/params/scenario.ts';
import type { ScenarioJson } from '../../sim/protocol.ts';

/** Smallest and largest `?agents=` the page accepts (the schema's range; whether it fits the device is checked before building). */
export const AGENTS_OPTION = { min: MIN_AGENTS, max: MAX_NODES } as const;

/** The query key of the embedded view, and the values it accepts: 1 shows only the canvas and a control strip (for an iframe), 0 the full app. */
export const EMBED_PARAM = 'embed';
export const EMBED_OPTION = { on: '1', off: '0' } as const;

export interface UrlOptions {
  /** Agent count that replaces every preset's, or null to keep the preset's. */
  readonly agents: number | null;
  /** True for the embedded view (`?embed=1`): the canvas, a control strip and a link to the full app. */
  readonly embed: boolean;
  /** Why an option was ignored, for the user (one sentence per ignored option). */
  readonly notice: string | null;
}

function readAgents(raw: string | null): { agents: number | null; notice: string | null } {
  if (raw === null) return { agents: null, notice: null };
  // Digits only: Number() would also read "0x10" as 16 and "1e4" as 10,000.
  const agents = /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
  if (Number.isInteger(agents) && agents >= AGENTS_OPTION.min && agents <= AGENTS_OPTION.max)
    return { agents, notice: null };
  return {
    agents: null,
    notice: `?agents=${raw.slice(0, 20)} was ignored: agents must be an integer from ${AGENTS_OPTION.min} to ${AGENTS_OPTION.max.toLocaleString('en-US')}.`,
  };
}

/** A bad value keeps the full app: a page that silently hid its panels would look broken. */
function readEmbed(raw: string | null): { embed: boolean; notice: string | null } {
  if (raw === null || raw === EMBED_OPTION.off) return { embed: false, notice: null };
  if (raw === EMBED_OPTION.on) return { embed: true, notice: null };
  return {
    embed: false,
    notice: `?embed=${raw.slice(0, 20)} was ignored: embed must be ${EMBED_OPTION.on} (only the canvas and play controls, for an iframe) or ${EMBED_OPTION.off} (the full app).`,
  };
}

/** Reads every page option; a bad value is ignored (the default is kept) and named in `notice`. */
export function readUrlOptions(query: URLSearchParams): UrlOptions {
  const { agents, notice: agentsNotice } = readAgents(query.get('agents'));
  const { embed, notice: embedNotice } = readEmbed(query.get(EMBED_PARAM));
  const notices = [agentsNotice, embedNotice].filter((n) => n !== null);
  return { agents, embed, notice: notices.length > 0 ? notices.join(' ') : null };
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
export function scenarioAdjuster(
  options: Pick<UrlOptions, 'agents'>,
): (scenario: ScenarioJson) => ScenarioJson {
  const { agents } = options;
  return agents === null ? (s) => s : (s) => setAt(s, AGENT_COUNT_PATH, agents);
}

/**
 * `href` without the `?agents=` option (other options, the path and the hash kept): the address once the page stops
 * replacing agent counts, so a reload or a copied address does not ask for the same world again.
 */
export function withoutAgentsOption(href: string): string {
  const url = new URL(href);
  if (!url.searchParams.has('agents')) return href;
  url.searchParams.delete('agents');
  return url.toString();
}
