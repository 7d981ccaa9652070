// Share-link codec: a run (preset, changed parameters, seed, tick, the hour the timeline replays) ⇄ a versioned, validated, compressed URL hash. Pure: no DOM, no store.
import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate';
import * as z from 'zod';
import { InputError, parseOrThrow } from '../../sim/params/errors.ts';
import { intField } from '../../sim/params/fields.ts';
import type { ScenarioJson } from '../../sim/protocol.ts';

/** The link format version this app writes and reads. */
export const SHARE_VERSION = 1;
/** The URL hash key: `#s=<payload>`. */
export const SHARE_KEY = 's';
/** Longest tick a link may ask to replay (a simulated year of hours would already take a while). */
export const MAX_SHARED_TICK = 100_000;

/** What a link carries. `patch` holds only the parameters that differ from the preset (a JSON merge patch). */
export interface SharedRun {
  readonly presetId: string;
  readonly patch: ScenarioJson;
  readonly seed: string;
  readonly tick: number;
  /** The earlier hour the timeline showed when the link was made (0 … tick); absent when it showed the live run. */
  readonly replayTick?: number | undefined;
}

/** Compact wire form (short keys keep links short). */
const linkSchema = z.strictObject({
  v: z.literal(SHARE_VERSION, {
    error: `must be ${SHARE_VERSION} (links from another version of the app cannot be opened)`,
  }),
  p: z.string({ error: 'must be a preset id' }).regex(/^[a-z0-9][a-z0-9-]{0,63}$/, {
    error: 'must be a preset id of lowercase letters, digits and dashes',
  }),
  d: z.record(z.string(), z.unknown(), { error: 'must be an object of changed parameters' }),
  s: z
    .string({ error: 'must be a seed of 1 to 64 characters' })
    .min(1, { error: 'must be a seed of 1 to 64 characters' })
    .max(64, { error: 'must be a seed of 1 to 64 characters' }),
  t: intField(0, MAX_SHARED_TICK, {
    label: 'Tick',
    description: 'Tick the shared run had reached',
    unit: 'ticks',
  }),
  r: intField(0, MAX_SHARED_TICK, {
    label: 'Replay',
    description: 'The earlier tick the timeline showed',
    unit: 'ticks',
  }).optional(),
});

const FIELD_NAMES: Readonly<Record<string, string>> = {
  v: 'version',
  p: 'preset',
  d: 'parameters',
  s: 'seed',
  t: 'tick',
  r: 'replay',
};

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk)
    binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]*$/.test(text))
    throw new InputError('share link', [
      'the link holds characters a share link never has (was it cut or edited?)',
    ]);
  const padded = text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4);
  let binary: string;
  try {
    binary = atob(padded);
  } catch {
    throw new InputError('share link', ['the link is not complete (was it cut short?)']);
  }
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** The payload for `#s=…`: deflated JSON in base64url. */
export function encodeShare(run: SharedRun): string {
  const wire = {
    v: SHARE_VERSION,
    p: run.presetId,
    d: run.patch,
    s: run.seed,
    t: Math.max(0, Math.floor(run.tick)),
    // Only when a replay was shown: a link of the live run stays exactly as before.
    ...(run.replayTick === undefined ? {} : { r: Math.max(0, Math.floor(run.replayTick)) }),
  };
  return toBase64Url(deflateSync(strToU8(JSON.stringify(wire)), { level: 9 }));
}

/** Reads a payload back, or throws an InputError whose lines say which field was wrong and what is allowed. */
export function decodeShare(payload: string): SharedRun {
  const bytes = fromBase64Url(payload);
  let json: unknown;
  try {
    json = JSON.parse(strFromU8(inflateSync(bytes)));
  } catch {
    throw new InputError('share link', [
      'the link is damaged: its data could not be unpacked (was it cut short or edited?)',
    ]);
  }
  try {
    const wire = parseOrThrow(linkSchema, json, 'share link');
    if (wire.r !== undefined && wire.r > wire.t)
      throw new InputError('share link', [
        `r: must be an integer from 0 to the link's tick ${wire.t} (got ${wire.r})`,
      ]);
    const run = { presetId: wire.p, patch: wire.d, seed: wire.s, tick: wire.t };
    return wire.r === undefined ? run : { ...run, replayTick: wire.r };
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    // Name fields the way a person reads them ("seed", not "s").
    const lines = error.lines.map((line) =>
      line.replace(/^([vpdstr])(?=[:.[ ,])/, (key) => FIELD_NAMES[key] ?? key),
    );
    throw new InputError('share link', lines);
  }
}

/** `#s=<payload>` for `run`. */
export function shareHash(run: SharedRun): string {
  return `#${SHARE_KEY}=${encodeShare(run)}`;
}

/** The payload of a `#s=…` hash, or null when the hash holds no share link. */
export function payloadFromHash(hash: string): string | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  return params.get(SHARE_KEY);
}
