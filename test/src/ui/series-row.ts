// Test helper: one series row (sim/protocol.ts SeriesRow) at a tick, zeros except the fields given. Not a test file itself.
import type { SeriesRow } from '../../../sim/protocol.ts';

export function seriesRow(
  tick: number,
  fields: Partial<Omit<SeriesRow, 'tick' | 'day' | 'hourUtc'>> = {},
): SeriesRow {
  return {
    tick,
    day: Math.floor(tick / 24),
    hourUtc: tick % 24,
    online: 0,
    adopters: [],
    members: [],
    viewsBySource: [],
    exposureDiversity: 0,
    crossCultureShare: 0,
    homogenization: 0,
    creatorReachGini: 0,
    ...fields,
  };
}
