// JSON merge patch for scenarios (how setParams and share links express "what differs"). Pure: no I/O.
import type { ScenarioJson } from '../protocol.ts';

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * RFC 7396: objects merge key by key, recursively; null removes the key (no scenario field takes null); any other
 * value (arrays included) replaces the base value whole. Returns a new object; neither input is changed.
 */
export function mergePatch(base: ScenarioJson, patch: ScenarioJson): ScenarioJson {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) {
      delete out[key];
      continue;
    }
    const current = out[key];
    out[key] = isPlainObject(value) && isPlainObject(current) ? mergePatch(current, value) : value;
  }
  return out;
}

/**
 * The smallest patch with `mergePatch(base, diffPatch(base, target))` deep-equal to `target` (for targets without
 * null values, which a merge patch cannot carry: null means removal). Keys of `base` missing from `target` become null (RFC 7386
 * removal); arrays are compared whole.
 */
export function diffPatch(base: ScenarioJson, target: ScenarioJson): ScenarioJson {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(target)) {
    const current = base[key];
    if (isPlainObject(value) && isPlainObject(current)) {
      const inner = diffPatch(current, value);
      if (Object.keys(inner).length > 0) out[key] = inner;
    } else if (JSON.stringify(value) !== JSON.stringify(current)) {
      out[key] = value;
    }
  }
  for (const key of Object.keys(base)) if (!(key in target)) out[key] = null;
  return out;
}
