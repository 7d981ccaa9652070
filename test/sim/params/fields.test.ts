// Tests for the field helpers' metadata: range and help as before, plus the optional world-list keys (indexOf, indexedBy).
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { intField, numberField, probabilityField } from '../../../sim/params/fields.ts';

describe('field helpers', () => {
  it('register the world-list keys with the range, and validate exactly as without them', () => {
    const index = intField(0, 7, { label: 'Main language', description: 'd', indexOf: 'languages' });
    expect(z.globalRegistry.get(index)).toEqual({
      label: 'Main language',
      description: 'd',
      indexOf: 'languages',
      min: 0,
      max: 7,
    });
    const plain = intField(0, 7, { label: 'Main language', description: 'd' });
    for (const value of [-1, 0, 3.5, 7, 8])
      expect(index.safeParse(value).success, String(value)).toBe(plain.safeParse(value).success);
    expect(index.safeParse(8).error?.issues[0]?.message).toBe('must be an integer from 0 to 7');
  });

  it('leave the keys out of the metadata of fields that do not set them', () => {
    const vector = probabilityField({ label: 'Membership', description: 'd', indexedBy: 'regions' });
    expect(z.globalRegistry.get(vector)).toMatchObject({ indexedBy: 'regions', min: 0, max: 1 });
    const meta = z.globalRegistry.get(numberField(0, 1, { label: 'x', description: '' })) ?? {};
    expect('indexOf' in meta || 'indexedBy' in meta).toBe(false);
  });
});
