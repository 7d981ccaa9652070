// Tests the share-link codec: round trips, compactness, and a clear message for every kind of damaged or old link.
import { deflateSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { diffPatch, mergePatch } from '../../../sim/host/merge-patch.ts';
import { InputError } from '../../../sim/params/errors.ts';
import {
  decodeShare,
  encodeShare,
  payloadFromHash,
  type SharedRun,
  shareHash,
} from '../../../src/share/codec.ts';

const run: SharedRun = {
  presetId: 'dance-challenge',
  patch: { agents: 5000, recommender: { personalization: 0.8 } },
  seed: 'k-pop 42',
  tick: 137,
};

/** Packs arbitrary JSON the way the codec does, to forge links of other shapes. */
function forge(wire: unknown): string {
  const bytes = deflateSync(strToU8(JSON.stringify(wire)));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

function messageOf(payload: string): string {
  try {
    decodeShare(payload);
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return (error as InputError).message;
  }
  throw new Error('expected the link to be refused');
}

describe('share link codec', () => {
  it('reopens exactly the run it encoded', () => {
    expect(decodeShare(encodeShare(run))).toEqual(run);
  });

  it('carries the hour the timeline replayed, and leaves a live run’s link as it was', () => {
    const replayed = { ...run, replayTick: 40 };
    expect(decodeShare(encodeShare(replayed))).toEqual(replayed);
    expect(decodeShare(encodeShare({ ...run, replayTick: undefined }))).toEqual(run);
    expect(encodeShare({ ...run, replayTick: undefined })).toBe(encodeShare(run));
  });

  it('refuses a replayed hour after the link’s own tick, naming both', () => {
    expect(messageOf(forge({ v: 1, p: 'dance-challenge', d: {}, s: 'x', t: 30, r: 31 }))).toContain(
      "replay: must be an integer from 0 to the link's tick 30 (got 31)",
    );
    expect(messageOf(forge({ v: 1, p: 'dance-challenge', d: {}, s: 'x', t: 30, r: -1 }))).toContain(
      'replay: must be',
    );
  });

  it('uses only URL-safe characters and fits a typical run in a short hash', () => {
    const payload = encodeShare(run);
    expect(payload).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(payload.length).toBeLessThan(160);
    expect(payloadFromHash(shareHash(run))).toBe(payload);
    expect(payloadFromHash('#other=1')).toBeNull();
  });

  it('names the field and the allowed range when a value is out of range', () => {
    const message = messageOf(forge({ v: 1, p: 'dance-challenge', d: {}, s: 'x', t: -5 }));
    expect(message).toContain('tick: must be an integer from 0 to 100,000 ticks (got -5)');
  });

  it('says a link from another app version cannot be opened', () => {
    expect(messageOf(forge({ v: 2, p: 'dance-challenge', d: {}, s: 'x', t: 0 }))).toMatch(
      /version: must be 1/,
    );
  });

  it('names a missing seed and an unknown field', () => {
    const message = messageOf(forge({ v: 1, p: 'dance-challenge', d: {}, t: 0, extra: true }));
    expect(message).toContain('seed: is required; must be a seed of 1 to 64 characters');
    expect(message).toContain('extra: unknown field');
  });

  it('says the link is damaged when the data cannot be unpacked', () => {
    const payload = encodeShare(run);
    expect(messageOf(payload.slice(0, 20))).toMatch(/damaged|not complete/);
    expect(messageOf('not a link!')).toMatch(/characters a share link never has/);
  });
});

describe('scenario merge patches', () => {
  it('diffs a scenario against its preset and merges the diff back to the same scenario', () => {
    const preset = {
      agents: 100_000,
      recommender: { personalization: 0.5, exploration: 0.1 },
      trends: [{ kind: 'dance' }],
    };
    const edited = {
      agents: 5000,
      recommender: { personalization: 0.5, exploration: 0.3 },
      trends: [{ kind: 'meme' }],
    };
    const patch = diffPatch(preset, edited);
    expect(patch).toEqual({ agents: 5000, recommender: { exploration: 0.3 }, trends: [{ kind: 'meme' }] });
    expect(mergePatch(preset, patch)).toEqual(edited);
    expect(diffPatch(preset, preset)).toEqual({});
  });
});
