// Classic models on multiplex graphs: the multiplex percolation threshold for IC, and the union-of-layers reading for the rest.
import { describe, expect, it } from 'vitest';
import type { MultiplexGraph } from '../../../../sim/graph/csr.ts';
import { csrFromEdges } from '../../../../sim/graph/csr.ts';
import { chooseSeeds, runClassic } from '../../../../sim/model/classic/run.ts';
import { InputError } from '../../../../sim/params/errors.ts';
import { createRng } from '../../../../sim/rng.ts';
import { erdosRenyi, mean, poissonGiantFraction } from './helpers.ts';

const nodeCount = 20_000;

/** Mean final fraction of the runs that reach 1% of N, and the largest final fraction, over `runs` runs of 5 random seeds. */
function outbreaks(
  graph: MultiplexGraph | ReturnType<typeof erdosRenyi>,
  p: number | number[],
  label: string,
  runs: number,
) {
  const fractions: number[] = [];
  let largest = 0;
  for (let r = 0; r < runs; r++) {
    const rng = createRng('multiplex', `${label}-${r}`);
    const seeds = chooseSeeds(nodeCount, { type: 'random', count: 5 }, rng);
    const fraction =
      runClassic(graph, { type: 'independent-cascade', p }, seeds, rng, 100_000).finalSize / nodeCount;
    largest = Math.max(largest, fraction);
    if (fraction > 0.01) fractions.push(fraction);
  }
  return { takeoffMean: fractions.length > 0 ? mean(fractions) : 0, takeoffs: fractions.length, largest };
}

describe('independent cascade on a multiplex graph', () => {
  // Layer A: ER z = 3 with p = 0.25; layer B: ER z = 5 with p = 0.15. Each alone has z·p = 0.75 < 1
  // (subcritical: mean outbreak 4 per seed); together the percolated multiplex is Poisson with mean
  // 1.5 > 1, so S solves S = 1 − exp(−1.5 S), S ≈ 0.583.
  const layerA = erdosRenyi(nodeCount, 3, createRng('multiplex', 'layer-a'));
  const layerB = erdosRenyi(nodeCount, 5, createRng('multiplex', 'layer-b'));
  const multiplex: MultiplexGraph = { kind: 'multiplex', nodeCount, layers: [layerA, layerB] };

  it('takes off with the multiplex percolation size though each layer alone is subcritical', () => {
    // Per-run sd of the giant ≈ sqrt(S(1−S)/N)/(1 − 1.5(1−S)) ≈ 0.009; with 5 seeds ~ all 30 runs take
    // off (1 − 0.417⁵ ≈ 0.99), SE ≈ 0.0017 on one graph pair: tolerance 0.008 ≈ 4.5 SE.
    const both = outbreaks(multiplex, [0.25, 0.15], 'both', 30);
    expect(both.takeoffs).toBeGreaterThanOrEqual(25);
    expect(Math.abs(both.takeoffMean - poissonGiantFraction(1.5))).toBeLessThan(0.008);
    // Alone, 5 seeds reach ~20 nodes on average; nothing near 1% of N (200 nodes) in 30 runs.
    expect(outbreaks(layerA, 0.25, 'a', 30).largest).toBeLessThan(0.01);
    expect(outbreaks(layerB, 0.15, 'b', 30).largest).toBeLessThan(0.01);
  });

  it('adds a never-materialised complete layer as well-mixed transmission', () => {
    // Complete layer with p = 0.75/(N − 1) plus layer B: again mean 1.5 per node, S ≈ 0.583.
    const mixed: MultiplexGraph = {
      kind: 'multiplex',
      nodeCount,
      layers: [{ kind: 'complete', nodeCount }, layerB],
    };
    const result = outbreaks(mixed, [0.75 / (nodeCount - 1), 0.15], 'mixed', 30);
    expect(result.takeoffs).toBeGreaterThanOrEqual(25);
    expect(Math.abs(result.takeoffMean - poissonGiantFraction(1.5))).toBeLessThan(0.008);
  });

  it('names model.p when the list does not have one probability per layer', () => {
    expect(() =>
      runClassic(
        multiplex,
        { type: 'independent-cascade', p: [0.1, 0.2, 0.3] },
        Uint32Array.of(0),
        createRng('m', 'e'),
        10,
      ),
    ).toThrow(InputError);
    expect(() =>
      runClassic(
        multiplex,
        { type: 'independent-cascade', p: [0.1, 0.2, 0.3] },
        Uint32Array.of(0),
        createRng('m', 'e'),
        10,
      ),
    ).toThrow(/model\.p: .*list of 2/);
  });
});

describe('other models on a multiplex graph', () => {
  it('read the union of the layers, a tie on two layers counting once', () => {
    const small = 2_000;
    const a = erdosRenyi(small, 2, createRng('union', 'a'));
    const b = erdosRenyi(small, 2, createRng('union', 'b'));
    // Explicit union: every stored tie of both layers (plus a repeat of layer a), deduplicated.
    const sources: number[] = [];
    const targets: number[] = [];
    for (const layer of [a, b, a]) {
      for (let v = 0; v < small; v++) {
        for (let e = layer.offsets[v]!; e < layer.offsets[v + 1]!; e++) {
          sources.push(v);
          targets.push(layer.targets[e]!);
        }
      }
    }
    const union = csrFromEdges(small, Uint32Array.from(sources), Uint32Array.from(targets), sources.length, {
      directed: false,
    });
    const multiplex: MultiplexGraph = { kind: 'multiplex', nodeCount: small, layers: [a, b, a] };
    for (const model of [
      { type: 'threshold', phi: 0.2 },
      { type: 'complex-contagion', k: 2, noise: 0.001 },
      { type: 'sir', beta: 0.3, gamma: 0.3 },
    ] as const) {
      const seeds = Uint32Array.of(1, 2, 3, 4, 5, 6, 7, 8);
      const viaLayers = runClassic(multiplex, model, seeds, createRng('union', model.type), 1_000);
      const viaUnion = runClassic(union, model, seeds, createRng('union', model.type), 1_000);
      expect(viaLayers.finalSize).toBeGreaterThan(8);
      expect(Array.from(viaLayers.adoptTick)).toEqual(Array.from(viaUnion.adoptTick));
      expect(Array.from(viaLayers.parent)).toEqual(Array.from(viaUnion.parent));
    }
  });
});
