// Reads the parameter panel's fields off the one zod schema (metadata from zod's global registry). Pure: no DOM, no store.
import * as z from 'zod';
import { type FieldMeta, WORLD_LIST_NAMES, type WorldListName } from '../../sim/params/fields.ts';

/** World lists (under `world` in the scenario) that a record field can be indexed or keyed by, or take its options from. */
export const WORLD_LISTS = WORLD_LIST_NAMES;
export type WorldList = WorldListName;

/** Path segment standing for "each entry" of a vector or keyed record (see `ParamField.each`). */
export const EACH = '*';

/**
 * One editable leaf of the scenario (its JSON path and what the panel shows about it), or, with kind 'list', an
 * array of records (world.platforms, trends, …) whose `items` are the leaves of one record, with paths relative to it.
 */
export interface ParamField {
  readonly path: readonly string[];
  readonly kind: 'number' | 'enum' | 'boolean' | 'color' | 'text' | 'list';
  readonly label: string;
  readonly description: string;
  readonly group: string;
  readonly unit?: string;
  readonly min?: number;
  readonly max?: number;
  readonly step?: number;
  readonly integer?: boolean;
  readonly log?: boolean;
  /** Upper end of the slider when it is below `max` (metadata `sliderMax`): larger values are typed in the box. */
  readonly sliderMax?: number;
  readonly options?: readonly string[];
  /** An enum whose options are the names of a world list (a trend's platform, region, fandom); it may be left unset. */
  readonly optionsFrom?: WorldList;
  /**
   * An enum standing for an integer index into world list `indexOf` (metadata `indexOf`, e.g. a region's
   * mainLanguage): shown as a select of that list's names, its value is the 0-based index (a number), never unset.
   */
  readonly indexOf?: WorldList;
  /**
   * A leaf whose path holds EACH: one value per entry of world list `over`, by position (`index`: a vector such as
   * membershipByRegion) or by name (`name`: a record keyed by names such as a trend's topics). `over` comes from
   * the element's `indexedBy` metadata, else from the field's key when that is a list's name (`topics`).
   */
  readonly each?: { readonly over: WorldList; readonly by: 'index' | 'name' };
  /** The field may be left out (an optional without a default): the panel offers to unset it. */
  readonly optional?: boolean;
  /** 'list': the editable leaves of one record, paths relative to the record. */
  readonly items?: readonly ParamField[];
  /**
   * 'list' of a discriminated union (events): the leaves of each variant, by the value of the record's `discriminator`
   * key (both "ban" and "outage" name the ban variant); `items` is then empty.
   */
  readonly variants?: readonly { readonly type: string; readonly items: readonly ParamField[] }[];
  readonly discriminator?: string;
  /** 'list': the schema of one record (parsing an entry fills in what it leaves out, e.g. a platform kind's defaults). */
  readonly itemSchema?: z.ZodType;
  /** The schema `collectFields` read this field from: the panel validates a whole edited scenario against it. */
  readonly root?: z.ZodType;
}

type Meta = Partial<FieldMeta> & { min?: number; max?: number; optional?: boolean };

/** The pattern of a hex colour string ("#ff4f9a", a trend's colour): such a string is edited with a colour picker. */
export const HEX_COLOUR = /^#[0-9a-fA-F]{6}$/;

interface ZodInternals {
  _zod: {
    def: {
      type: string;
      innerType?: z.ZodType;
      shape?: Record<string, z.ZodType>;
      entries?: Record<string, string>;
      element?: z.ZodType;
      keyType?: z.ZodType;
      valueType?: z.ZodType;
      options?: readonly z.ZodType[];
      in?: z.ZodType;
      discriminator?: string;
      values?: readonly unknown[];
      checks?: readonly { _zod: { def: { format?: string; pattern?: RegExp } } }[];
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
 * in declaration order, plus one 'list' field per array of records (world.regions, world.platforms, trends, …)
 * holding the leaves of one record: its numbers, enums and booleans, the entries of its vectors (one per region
 * or topic: the element's `indexedBy` metadata, or the vector's key when that is a list's name, says which), the
 * keys of enum-keyed records (a platform's format fit per trend kind), integers whose `indexOf` metadata makes them
 * an index into a world list (a region's main language: an enum with `indexOf`) and references to world lists by
 * name or index (a trend's platform). Numbers without a min and max in their metadata are skipped (no slider
 * without a range), and so are vectors that do not say which list they run over, and arrays of other things
 * (names). An array of a discriminated union of records (the events) is a 'list' with the leaves of each variant;
 * a string whose pattern is HEX_COLOUR (a trend's colour) is a 'color' leaf. `indexOf` is honoured inside records,
 * whose folders know the world's names; an `indexOf` integer outside records stays a number. Every field carries
 * `root: schema`; a leaf that may be left out (optional, no default) carries `optional: true`.
 */
export function collectFields(schema: z.ZodType, groupHint = 'General'): ParamField[] {
  return collect(schema, [], {}, groupHint, false).map((field) => ({ ...field, root: schema }));
}

function isWorldList(name: string | undefined): name is WorldList {
  return name !== undefined && (WORLD_LISTS as readonly string[]).includes(name);
}

/**
 * The world list a vector or keyed record of `key` runs over: its element's `indexedBy` metadata, else its own key
 * when that names a list (a trend's `topics`). Help text is for people and never read here.
 */
function worldListOf(key: string, elementMeta: Meta): WorldList | undefined {
  if (isWorldList(elementMeta.indexedBy)) return elementMeta.indexedBy;
  return isWorldList(key) ? key : undefined;
}

/** `schema` without optional/default/pipe wrappers (a pipe's input side: what a scenario file holds). */
function unwrap(schema: z.ZodType): z.ZodType {
  let node = schema;
  for (let depth = 0; depth < 8; depth++) {
    const def = internals(node);
    const inner = def.type === 'pipe' ? def.in : def.innerType;
    if (!inner) return node;
    node = inner;
  }
  return node;
}

function collect(
  schema: z.ZodType,
  path: readonly string[],
  inherited: Meta,
  groupHint: string,
  inRecord: boolean,
): ParamField[] {
  const def = internals(schema);
  const meta: Meta = { ...inherited, ...((z.globalRegistry.get(schema) as Meta | undefined) ?? {}) };
  const key = path[path.length - 1] ?? '';
  // What every leaf carries: where it is, its label (from the key when the schema gives none), help text and group.
  const described = {
    path,
    label: meta.label ?? humanize(key),
    description: meta.description ?? '',
    group: meta.group ?? groupHint,
  };
  switch (def.type) {
    case 'optional':
      return def.innerType
        ? collect(def.innerType, path, { ...meta, optional: true }, groupHint, inRecord)
        : [];
    case 'default':
    case 'prefault':
    case 'nullable':
    case 'readonly':
      return def.innerType ? collect(def.innerType, path, meta, groupHint, inRecord) : [];
    case 'pipe':
      return def.in ? collect(def.in, path, meta, groupHint, inRecord) : [];
    case 'object': {
      const shape = def.shape ?? {};
      const group = path.length === 0 || inRecord ? groupHint : humanize(key);
      return Object.entries(shape).flatMap(([child, sub]) =>
        collect(sub, [...path, child], {}, path.length === 0 ? humanize(child) : group, inRecord),
      );
    }
    case 'array': {
      if (!def.element) return [];
      const element = unwrap(def.element);
      const elementType = internals(element).type;
      if (elementType === 'union' && !inRecord) return unionList(element, path, meta, humanize(key));
      if (elementType === 'object' && !inRecord) {
        const group = humanize(key);
        return [listField(path, meta, group, def.element, collect(element, [], {}, group, true))];
      }
      if (elementType !== 'number' || !inRecord) return [];
      const elementMeta = (z.globalRegistry.get(element) as Meta | undefined) ?? {};
      const over = worldListOf(key, elementMeta);
      if (!over) return [];
      return collect(element, [...path, EACH], meta, groupHint, inRecord).map((leaf) => ({
        ...leaf,
        each: { over, by: 'index' as const },
      }));
    }
    case 'record': {
      if (!inRecord || !def.keyType || !def.valueType) return [];
      const keys = internals(unwrap(def.keyType));
      if (keys.type === 'enum')
        return Object.values(keys.entries ?? {}).flatMap((name) =>
          collect(def.valueType!, [...path, name], meta, groupHint, inRecord).map((leaf) => ({
            ...leaf,
            label: humanize(name),
          })),
        );
      const valueMeta = (z.globalRegistry.get(unwrap(def.valueType)) as Meta | undefined) ?? {};
      const over = keys.type === 'string' ? worldListOf(key, valueMeta) : undefined;
      if (!over) return [];
      return collect(def.valueType, [...path, EACH], meta, groupHint, inRecord).map((leaf) => ({
        ...leaf,
        each: { over, by: 'name' as const },
      }));
    }
    case 'union': {
      // A reference to a world list by name or index (a trend's platform, region, fandom): a select of its names.
      // The list is the index option's `indexOf` metadata, else the plural of the key (`platform` → platforms).
      const options = (def.options ?? []).map(unwrap);
      const types = options.map((option) => internals(option).type).sort();
      if (!inRecord || types.join() !== 'number,string') return [];
      const index = options.find((option) => internals(option).type === 'number');
      const indexMeta = index ? (z.globalRegistry.get(index) as Meta | undefined) : undefined;
      const plural = indexMeta?.indexOf ?? `${key}s`;
      if (!isWorldList(plural)) return [];
      return [
        {
          path,
          kind: 'enum',
          label: meta.label ?? humanize(key),
          description: meta.description ?? `The ${key} it starts on (unset: the default for its kind)`,
          group: meta.group ?? groupHint,
          optionsFrom: plural,
          ...(meta.optional ? { optional: true } : {}),
        },
      ];
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
      const sliderMax =
        meta.sliderMax !== undefined && meta.sliderMax > min ? Math.min(meta.sliderMax, max) : max;
      // An index into a world list is picked by name (a select), not slid along as a bare number.
      if (integer && inRecord && isWorldList(meta.indexOf))
        return [{ ...described, kind: 'enum', indexOf: meta.indexOf }];
      return [
        {
          ...described,
          kind: 'number',
          ...(meta.unit ? { unit: meta.unit } : {}),
          min,
          max,
          step: meta.step ?? (integer ? 1 : niceStep((sliderMax - min) / 100)),
          integer,
          ...(meta.optional ? { optional: true } : {}),
          ...(sliderMax < max ? { sliderMax } : {}),
          // Ranges spanning three or more orders of magnitude (agent counts, rates) only work on a log slider, unless
          // the field says otherwise (ticks from 1 read best on a linear slider).
          log: meta.log ?? (min > 0 && sliderMax / min >= 1_000),
        },
      ];
    }
    case 'enum':
      return [{ ...described, kind: 'enum', options: Object.values(def.entries ?? {}) }];
    case 'string': {
      if (meta.text === true) {
        const text = schema as unknown as { maxLength?: number | null };
        return [{ ...described, kind: 'text', ...(text.maxLength ? { max: text.maxLength } : {}) }];
      }
      const colour = (def.checks ?? []).some((c) => c._zod.def.pattern?.source === HEX_COLOUR.source);
      if (!colour || !inRecord) return [];
      return [
        {
          path,
          kind: 'color',
          label: meta.label ?? (key === 'color' ? 'Colour' : humanize(key)),
          description: meta.description ?? 'Colour it is drawn in (canvas, charts and legend)',
          group: meta.group ?? groupHint,
          ...(meta.optional ? { optional: true } : {}),
        },
      ];
    }
    case 'boolean':
      return [{ ...described, kind: 'boolean' }];
    default:
      return [];
  }
}

/**
 * A list of records of several kinds (the events: a discriminated union on `type`), with the leaves of each variant.
 * Unions that are not discriminated unions of objects are skipped (empty list).
 */
function unionList(element: z.ZodType, path: readonly string[], meta: Meta, group: string): ParamField[] {
  const def = internals(element);
  const discriminator = def.discriminator;
  if (!discriminator) return [];
  const variants = (def.options ?? []).flatMap((option) => {
    const tag = internals(unwrap(option)).shape?.[discriminator];
    const tagDef = tag ? internals(unwrap(tag)) : undefined;
    const types = tagDef?.values ?? Object.values(tagDef?.entries ?? {});
    const items = collect(unwrap(option), [], {}, group, true);
    return types.map((type) => ({ type: String(type), items }));
  });
  return [{ ...listField(path, meta, group, element, []), variants, discriminator }];
}

/** A list of records (a folder per record): its label, help and group, the record schema and the record's leaves. */
function listField(
  path: readonly string[],
  meta: Meta,
  group: string,
  itemSchema: z.ZodType,
  items: ParamField[],
): ParamField {
  return {
    path,
    kind: 'list',
    label: meta.label ?? group,
    description: meta.description ?? '',
    group,
    items,
    itemSchema,
  };
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

/**
 * Slider position (0..1) ⇄ value, on a log scale for `log` fields with a positive range. The slider runs from `min`
 * to `sliderMax` (else `max`); a value beyond its end sits at the end.
 */
export function toSlider(field: ParamField, value: number): number {
  const { min = 0 } = field;
  const max = field.sliderMax ?? field.max ?? 1;
  const position =
    field.log && min > 0
      ? (Math.log(value) - Math.log(min)) / (Math.log(max) - Math.log(min))
      : max > min
        ? (value - min) / (max - min)
        : 0;
  return Math.min(1, Math.max(0, position));
}

export function fromSlider(field: ParamField, position: number): number {
  const { min = 0 } = field;
  const max = field.sliderMax ?? field.max ?? 1;
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

/**
 * Not in the live panel: batch-run settings (runs, ticks, regenerate) belong to the CLI, and the suggested experiments
 * are buttons of "About this scenario" (story.ts).
 */
export const NOT_IN_PANEL: ReadonlySet<string> = new Set([
  'version',
  'runs',
  'ticks',
  'regenerateWorld',
  'experiments',
]);

/** The fields the parameter panel shows for `schema`: collectFields without NOT_IN_PANEL. */
export function panelFields(schema: z.ZodType): ParamField[] {
  return collectFields(schema).filter((f) => !NOT_IN_PANEL.has(f.path[0] ?? ''));
}
