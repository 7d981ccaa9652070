// Reads the parameter panel's fields off the one zod schema (metadata from zod's global registry). Pure: no DOM, no store.
import * as z from 'zod';
import type { FieldMeta } from '../../sim/params/fields.ts';

/** One editable leaf of the scenario: its JSON path and what the panel shows about it. */
export interface ParamField {
  readonly path: readonly string[];
  readonly kind: 'number' | 'enum' | 'boolean';
  readonly label: string;
  readonly description: string;
  readonly group: string;
  readonly unit?: string;
  readonly min?: number;
  readonly max?: number;
  readonly step?: number;
  readonly integer?: boolean;
  readonly log?: boolean;
  readonly options?: readonly string[];
}

type Meta = Partial<FieldMeta> & { min?: number; max?: number };

interface ZodInternals {
  _zod: {
    def: {
      type: string;
      innerType?: z.ZodType;
      shape?: Record<string, z.ZodType>;
      entries?: Record<string, string>;
    };
  };
}

function internals(schema: z.ZodType): ZodInternals['_zod']['def'] {
  return (schema as unknown as ZodInternals)._zod.def;
}

/** "meanDegree" → "Mean degree" when a field has no label. */
export function humanize(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[-_]/g, ' ')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * Every numeric, enum and boolean leaf reachable through objects (and optional/default wrappers) of `schema`,
 * in declaration order. Arrays (trends, events) are skipped: they are edited by actions, not sliders. Numbers
 * without a min and max in their metadata are skipped too (no slider without a range).
 */
export function collectFields(
  schema: z.ZodType,
  path: readonly string[] = [],
  inherited: Meta = {},
  groupHint = 'General',
): ParamField[] {
  const def = internals(schema);
  const meta: Meta = { ...inherited, ...((z.globalRegistry.get(schema) as Meta | undefined) ?? {}) };
  const key = path[path.length - 1] ?? '';
  switch (def.type) {
    case 'optional':
    case 'default':
    case 'prefault':
    case 'nullable':
    case 'readonly':
      return def.innerType ? collectFields(def.innerType, path, meta, groupHint) : [];
    case 'object': {
      const shape = def.shape ?? {};
      const group = path.length === 0 ? groupHint : humanize(key);
      return Object.entries(shape).flatMap(([child, sub]) =>
        collectFields(sub, [...path, child], {}, path.length === 0 ? humanize(child) : group),
      );
    }
    case 'number': {
      const num = schema as unknown as {
        isInt?: boolean;
        minValue?: number | null;
        maxValue?: number | null;
      };
      const min = meta.min ?? num.minValue ?? undefined;
      const max = meta.max ?? num.maxValue ?? undefined;
      if (min === undefined || max === undefined || !Number.isFinite(min) || !Number.isFinite(max)) return [];
      const integer = num.isInt === true;
      return [
        {
          path,
          kind: 'number',
          label: meta.label ?? humanize(key),
          description: meta.description ?? '',
          group: meta.group ?? groupHint,
          ...(meta.unit ? { unit: meta.unit } : {}),
          min,
          max,
          step: meta.step ?? (integer ? 1 : niceStep((max - min) / 100)),
          integer,
          // Ranges spanning three or more orders of magnitude (agent counts, rates) only work on a log slider.
          log: meta.log === true || (min > 0 && max / min >= 1_000),
        },
      ];
    }
    case 'enum':
      return [
        {
          path,
          kind: 'enum',
          label: meta.label ?? humanize(key),
          description: meta.description ?? '',
          group: meta.group ?? groupHint,
          options: Object.values(def.entries ?? {}),
        },
      ];
    case 'boolean':
      return [
        {
          path,
          kind: 'boolean',
          label: meta.label ?? humanize(key),
          description: meta.description ?? '',
          group: meta.group ?? groupHint,
        },
      ];
    default:
      return [];
  }
}

/** The largest of 1, 2 or 5 × 10^k not above `raw` (slider steps that read well). */
export function niceStep(raw: number): number {
  if (!(raw > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(raw));
  const unit = raw / power;
  return (unit >= 5 ? 5 : unit >= 2 ? 2 : 1) * power;
}

/** Value at `path` in a JSON object, or undefined. */
export function getPath(value: unknown, path: readonly string[]): unknown {
  let node: unknown = value;
  for (const key of path) {
    if (typeof node !== 'object' || node === null || Array.isArray(node)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/** A JSON merge patch that sets `path` to `value`: `{a: {b: value}}` for path [a, b]. */
export function patchFor(path: readonly string[], value: unknown): Record<string, unknown> {
  let patch: unknown = value;
  for (let i = path.length - 1; i >= 0; i--) patch = { [path[i]!]: patch };
  return patch as Record<string, unknown>;
}

/** Slider position (0..1) ⇄ value, on a log scale for `log` fields with a positive range. */
export function toSlider(field: ParamField, value: number): number {
  const { min = 0, max = 1 } = field;
  if (field.log && min > 0) return (Math.log(value) - Math.log(min)) / (Math.log(max) - Math.log(min));
  return max > min ? (value - min) / (max - min) : 0;
}

export function fromSlider(field: ParamField, position: number): number {
  const { min = 0, max = 1 } = field;
  const raw =
    field.log && min > 0
      ? Math.exp(Math.log(min) + position * (Math.log(max) - Math.log(min)))
      : min + position * (max - min);
  const step = field.step ?? 0;
  const snapped = field.integer
    ? Math.round(raw)
    : step > 0 && !field.log
      ? Math.round((raw - min) / step) * step + min
      : raw;
  return Math.min(max, Math.max(min, Number(snapped.toPrecision(6))));
}
