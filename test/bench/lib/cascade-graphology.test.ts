// Tests that the graphology cascade of the bench comparison is the real independent cascade, draw for draw like AgentScript's.
import { describe, expect, it } from 'vitest';
import {
  agentScriptCascade,
  agentScriptFromCsr,
  loadAgentScriptModel,
  resetAgentScript,
} from '../../../bench/lib/cascade-agentscript.ts';
import {
  graphologyCascade,
  graphologyFromCsr,
  resetGraphology,
} from '../../../bench/lib/cascade-graphology.ts';
import { chooseSeedNodes } from '../../../bench/lib/cascade-reference.ts';
import { buildBa } from '../../../bench/lib/graph-source.ts';
import { csrFromEdges } from '../../../sim/graph/csr.ts';
import { createRng, STREAM } from '../../../sim/rng.ts';

/** Two components: the path 0–1–2–3 and the triangle 4–5–6; node 7 is isolated. */
const twoComponents = csrFromEdges(8, Uint32Array.of(0, 1, 2, 4, 5, 6), Uint32Array.of(1, 2, 3, 5, 6, 4), 6, {
  directed: false,
});

describe('the graphology cascade', () => {
  it('reaches exactly the seeds’ components, generation by generation, when every coin succeeds', () => {
    const order = graphologyCascade(
      graphologyFromCsr(twoComponents),
      1,
      Uint32Array.of(1, 5),
      createRng('t', 'x'),
    );
    expect(order.slice(0, 2)).toEqual([1, 5]);
    expect(new Set(order.slice(2, 6))).toEqual(new Set([0, 2, 4, 6]));
    expect(order.slice(6)).toEqual([3]);
  });

  it('activates only the seeds when no coin can succeed', () => {
    expect(
      graphologyCascade(graphologyFromCsr(twoComponents), 0, Uint32Array.of(2, 6), createRng('t', 'x')),
    ).toEqual([2, 6]);
  });

  it('agrees draw for draw with the AgentScript cascade, and starts afresh after a reset', async () => {
    // Both visit neighbours in ascending id order and take one rng.next() per tie to an inactive node,
    // so with the same generator they must make identical cascades: any difference is a bug.
    const { graph } = buildBa(2000, 3, 'library-test');
    const model = agentScriptFromCsr(await loadAgentScriptModel(), graph);
    const other = graphologyFromCsr(graph);
    for (let run = 0; run < 3; run++) {
      const seeds = chooseSeedNodes(graph.nodeCount, 10, createRng(`run-${run}`, STREAM.seeding));
      resetAgentScript(model);
      resetGraphology(other);
      const a = agentScriptCascade(model, 0.3, seeds, createRng(`run-${run}`, STREAM.dynamics));
      const b = graphologyCascade(other, 0.3, seeds, createRng(`run-${run}`, STREAM.dynamics));
      expect(b).toEqual(a);
      expect(new Set(b).size).toBe(b.length);
      // p = 0.3 on BA(2000, m = 3) is far above the percolation threshold and 10 seeds each of degree ≥ 3
      // all fail at once with probability ≤ 0.7^30: a big cascade, so the comparison is not vacuous.
      expect(b.length).toBeGreaterThan(100);
    }
  });
});
