// Tests that the AgentScript cascade of the bench comparison is the real independent cascade on the bench's graph.
import { describe, expect, it } from 'vitest';
import {
  agentScriptCascade,
  agentScriptFromCsr,
  loadAgentScriptModel,
} from '../../../bench/lib/cascade-agentscript.ts';
import { runOurCascade } from '../../../bench/lib/cascade-ours.ts';
import { scannedEdgesOf } from '../../../bench/lib/cascade-reference.ts';
import { buildBa } from '../../../bench/lib/graph-source.ts';
import { csrFromEdges } from '../../../sim/graph/csr.ts';
import { createRng, STREAM } from '../../../sim/rng.ts';

/** Two components: the path 0–1–2–3 and the triangle 4–5–6; node 7 is isolated. */
const twoComponents = csrFromEdges(8, Uint32Array.of(0, 1, 2, 4, 5, 6), Uint32Array.of(1, 2, 3, 5, 6, 4), 6, {
  directed: false,
});
const Model = await loadAgentScriptModel();

describe('the AgentScript cascade', () => {
  it('reaches exactly the seeds’ components, generation by generation, when every coin succeeds', () => {
    const order = agentScriptCascade(
      agentScriptFromCsr(Model, twoComponents),
      1,
      Uint32Array.of(1, 5),
      createRng('t', 'x'),
    );
    // Seeds first, then their neighbours (0, 2 from 1; 4, 6 from 5), then 3 (two steps from 1).
    expect(order.slice(0, 2)).toEqual([1, 5]);
    expect(new Set(order.slice(2, 6))).toEqual(new Set([0, 2, 4, 6]));
    expect(order.slice(6)).toEqual([3]);
    // Every edge out of the 7 activated nodes is scanned: degrees 1+2+2+1 on the path, 2+2+2 on the triangle.
    expect(scannedEdgesOf(twoComponents, order)).toBe(12);
  });

  it('activates only the seeds when no coin can succeed', () => {
    const order = agentScriptCascade(
      agentScriptFromCsr(Model, twoComponents),
      0,
      Uint32Array.of(2, 6),
      createRng('t', 'x'),
    );
    expect(order).toEqual([2, 6]);
  });

  it('scans the same edges as the engine when every coin succeeds', () => {
    // With p = 1 the cascade is the seed's whole component (BA is connected), so both scan every stored tie.
    const { graph } = buildBa(500, 2, 'library-test');
    const seeds = Uint32Array.of(7);
    const ours = runOurCascade(graph, 1, seeds, createRng('s', STREAM.dynamics));
    const theirs = agentScriptCascade(
      agentScriptFromCsr(Model, graph),
      1,
      seeds,
      createRng('s', STREAM.dynamics),
    );
    expect(ours.finalSize).toBe(500);
    expect(theirs.length).toBe(500);
    expect(ours.scannedEdges).toBe(graph.targets.length);
    expect(scannedEdgesOf(graph, theirs)).toBe(graph.targets.length);
  });
});
