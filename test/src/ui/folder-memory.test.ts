// The parameter panel's folder memory: open folders follow their records when a list is rebuilt.
import { describe, expect, it } from 'vitest';
import { carryOpenFolders } from '../../../src/ui/folder-memory.ts';

const ban = (tick: number) => ({ type: 'ban', tick, platform: 'Loop' });
const live = { type: 'idol-live', tick: 5, until: 38, fandom: 'Orbit' };

describe('carryOpenFolders', () => {
  it('keeps each later record’s own state when one in the middle is removed', () => {
    const before = [ban(6), live, ban(30), ban(40)];
    // The removed event's folder (1) was open, as it must be to reach its Remove button; the one after it was closed.
    const open = new Set(['1', '1/Trend', '3']);
    expect(carryOpenFolders(before, [ban(6), ban(30), ban(40)], open)).toEqual(new Set(['2']));
  });

  it('moves nested folders with their record and opens nothing for an added one', () => {
    const before = [live, ban(6)];
    const after = [live, ban(6), ban(30)];
    expect(carryOpenFolders(before, after, new Set(['1', '0/Trend']))).toEqual(new Set(['1', '0/Trend']));
  });

  it('tells identical records apart by order', () => {
    const before = [ban(6), ban(6), ban(6)];
    expect(carryOpenFolders(before, [ban(6), ban(6)], new Set(['1']))).toEqual(new Set(['1']));
  });

  it('keeps folders open by position when the count is unchanged (a renamed platform changes its content)', () => {
    const before = [{ name: 'Loop' }, { name: 'Frame' }];
    const after = [{ name: 'Loop 2' }, { name: 'Frame' }];
    expect(carryOpenFolders(before, after, new Set(['0', '0/Feed mix']))).toEqual(
      new Set(['0', '0/Feed mix']),
    );
  });
});
