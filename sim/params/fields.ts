// Building blocks for the one parameter schema: numeric fields that carry their range, unit and help. No engine logic.
import * as z from 'zod';

/** What the parameter panel, the CLI help and CSV headers read off a field (zod's global registry). */
export interface FieldMeta {
  label: string;
  description: string;
  unit?: string;
  group?: string;
  /** Slider step for the panel; defaults to 1 for integers, range/100 otherwise. */
  step?: number;
  /** Shown on a log scale (rates spanning orders of magnitude). */
  log?: boolean;
}

function formatBound(value: number): string {
  return Number.isInteger(value) && Math.abs(value) >= 10_000 ? value.toLocaleString('en-US') : String(value);
}

/** The sentence every out-of-range message uses, so the allowed range is always named. */
export function rangeText(kind: 'an integer' | 'a number', min: number, max: number, unit?: string): string {
  const suffix = unit ? ` ${unit}` : '';
  return `must be ${kind} from ${formatBound(min)} to ${formatBound(max)}${suffix}`;
}

/** A real number in [min, max], with its metadata registered for the panel. */
export function numberField(min: number, max: number, meta: FieldMeta) {
  const error = rangeText('a number', min, max, meta.unit);
  return z
    .number({ error })
    .min(min, { error })
    .max(max, { error })
    .meta({ ...meta, min, max });
}

/** An integer in [min, max], with its metadata registered for the panel. */
export function intField(min: number, max: number, meta: FieldMeta) {
  const error = rangeText('an integer', min, max, meta.unit);
  return z
    .number({ error })
    .int({ error })
    .min(min, { error })
    .max(max, { error })
    .meta({ ...meta, min, max });
}

/** A probability in [0, 1]. */
export function probabilityField(meta: FieldMeta) {
  return numberField(0, 1, meta);
}
