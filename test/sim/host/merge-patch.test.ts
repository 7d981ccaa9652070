// Tests the scenario merge patch against RFC 7396's own examples and the diff/merge round trip, removals included.
import { describe, expect, it } from 'vitest';
import { diffPatch, mergePatch } from '../../../sim/host/merge-patch.ts';

describe('merge patch', () => {
  it('gives the result of RFC 7396 appendix A for objects, arrays and removals', () => {
    expect(mergePatch({ a: 'b' }, { a: 'c' })).toEqual({ a: 'c' });
    expect(mergePatch({ a: 'b' }, { b: 'c' })).toEqual({ a: 'b', b: 'c' });
    expect(mergePatch({ a: 'b' }, { a: null })).toEqual({});
    expect(mergePatch({ a: 'b', b: 'c' }, { a: null })).toEqual({ b: 'c' });
    expect(mergePatch({ a: ['b'] }, { a: 'c' })).toEqual({ a: 'c' });
    expect(mergePatch({ a: { b: 'c' } }, { a: { b: 'd', c: null } })).toEqual({ a: { b: 'd' } });
    expect(mergePatch({ a: [{ b: 'c' }] }, { a: [1] })).toEqual({ a: [1] });
    expect(mergePatch({ e: null } as never, { a: 1 })).toEqual({ e: null, a: 1 });
  });

  it('leaves both of its inputs as they were', () => {
    const base = { world: { agents: 5 }, seed: 's' };
    const patch = { world: { agents: 6 }, seed: null };
    mergePatch(base, patch);
    expect(base).toEqual({ world: { agents: 5 }, seed: 's' });
    expect(patch).toEqual({ world: { agents: 6 }, seed: null });
  });

  it('diffs to the smallest patch that merges back into the target, removing what the target lacks', () => {
    const base = { seed: 'preset', world: { agents: 5, regions: ['a', 'b'] }, trends: [{ name: 'x' }] };
    const target = { world: { agents: 5, regions: ['a'], fandoms: 3 }, trends: [{ name: 'x' }] };
    const patch = diffPatch(base, target);
    expect(patch).toEqual({ seed: null, world: { regions: ['a'], fandoms: 3 } });
    expect(mergePatch(base, patch)).toEqual(target);
    expect(diffPatch(base, base)).toEqual({});
  });
});
