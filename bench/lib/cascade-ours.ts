// Our independent cascade as the benchmarks time it: the engine's classic-model entry, stepped to the end. Bench only.
import type { CsrGraph } from '../../sim/graph/csr.ts';
import { createClassicSimulation } from '../../sim/model/classic/run.ts';
import type { Rng } from '../../sim/rng.ts';
import type { CascadeOutcome } from './cascade-reference.ts';
import { startSpan } from './measure.ts';

/** Where "ours" comes from, printed with the figures. */
export const OUR_CASCADE_SOURCE = 'createClassicSimulation (sim/model/classic/run.ts)';

/**
 * Runs the engine's IC to completion. Only the stepping is timed: building the simulation (state
 * arrays, seeding) is not. `scannedEdges` is counted here, independently of the model, as the sum
 * of the degrees of every node with adoptTick ≥ 0; when the model exposes its own `edgesScanned`
 * counter the two must agree, else this throws (the figure would be wrong).
 */
export function runOurCascade(graph: CsrGraph, p: number, seeds: Uint32Array, rng: Rng): CascadeOutcome {
  const simulation = createClassicSimulation(graph, { type: 'independent-cascade', p }, seeds, rng);
  const end = startSpan();
  while (!simulation.isDone()) simulation.step();
  const span = end();
  const { adoptTick, adoptedCount } = simulation.state;
  const offsets = graph.offsets;
  let scannedEdges = 0;
  for (let v = 0; v < graph.nodeCount; v++) {
    if (adoptTick[v]! >= 0) scannedEdges += offsets[v + 1]! - offsets[v]!;
  }
  const modelCount = (simulation as { edgesScanned?: number }).edgesScanned;
  if (modelCount !== undefined && modelCount !== scannedEdges) {
    throw new Error(`edge count mismatch: degrees of adopters ${scannedEdges}, model counter ${modelCount}`);
  }
  return { finalSize: adoptedCount, scannedEdges, ...span };
}
