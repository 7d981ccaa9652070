// Building blocks for the one parameter schema: numeric fields that carry their range, unit, help and the world list they index. No engine logic.
import * as z from 'zod';

/**
 * The world lists (under `world` in a social-world scenario) a field can point into or run over: `regions`,
 * `fandoms` and `platforms` are lists of records (named by their `name`), `topics` and `languages` lists of names.
 */
export const WORLD_LIST_NAMES = ['regions', 'topics', 'languages', 'fandoms', 'platforms'] as const;
export type WorldListName = (typeof WORLD_LIST_NAMES)[number];

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
  /**
   * Upper end of the panel's slider when the allowed range is far wider than the values people use (a tick may be
   * anything up to 10,000,000, but events fall within weeks): the slider spans min..sliderMax, and a value above it
   * is typed in the field's box and validated against `max` as usual.
   */
  sliderMax?: number;
  /**
   * A string the panel offers as a text box (a trend's name). Only for names nothing else refers to: renaming a
   * platform, region or fandom there would break the references to it.
   */
  text?: boolean;
  /**
   * An integer that is a 0-based index into world list `indexOf` (a region's `mainLanguage` into `languages`):
   * the panel shows a select of that list's names and still writes the index.
   */
  indexOf?: WorldListName;
  /**
   * One entry of a vector or keyed record with one value per entry of world list `indexedBy`: by position in an
   * array (a platform's `membershipByRegion[r]` for region r), by name in a record keyed by names. Set it on the
   * element (value) schema; the panel labels each entry with that list's names.
   */
  indexedBy?: WorldListName;
}

/** The panel's slider end for tick fields (launch ticks, event ticks, run length): 90 simulated days. */
export const TICK_SLIDER_MAX = 24 * 90;

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
