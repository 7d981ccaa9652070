// Picks an evenly spread, deterministic sample of a world's ties for drawing. Pure: reads CSR layers, no RNG, no host API.
import type { CsrGraph } from '../graph/csr.ts';
import type { LayoutRect } from '../protocol.ts';

/** Parallel arrays of sampled ties (agent indices) and the platform each came from; `totalTies` before sampling. */
export interface TieSample {
  readonly sources: Uint32Array<ArrayBuffer>;
  readonly targets: Uint32Array<ArrayBuffer>;
  readonly platform: Uint8Array<ArrayBuffer>;
  readonly totalTies: number;
}

interface Positions {
  readonly x: Float32Array;
  readonly y: Float32Array;
}

/**
 * Visits every tie of `layer` once (an undirected tie once, as u < v; a directed tie as follower list order),
 * calling `visit(source, target)`. O(N + E).
 */
function forEachTie(layer: CsrGraph, visit: (source: number, target: number) => void): void {
  const { offsets, targets, directed, nodeCount } = layer;
  for (let v = 0; v < nodeCount; v++) {
    const end = offsets[v + 1]!;
    for (let e = offsets[v]!; e < end; e++) {
      const w = targets[e]!;
      if (directed || v < w) visit(v, w);
    }
  }
}

/**
 * At most `sample` ties of the given layers: every k-th tie in (layer, source, target) order with
 * k = ceil(eligible / sample), so the sample is spread over the whole world and the same on every call.
 * With `viewport`, only ties whose two ends both lie inside it are eligible.
 */
export function sampleTies(
  layers: readonly { readonly platform: number; readonly graph: CsrGraph }[],
  sample: number,
  positions: Positions,
  viewport?: LayoutRect,
): TieSample {
  const inside = viewport
    ? (a: number) => {
        const x = positions.x[a]!;
        const y = positions.y[a]!;
        return x >= viewport.x0 && x <= viewport.x1 && y >= viewport.y0 && y <= viewport.y1;
      }
    : () => true;
  let eligible = 0;
  for (const { graph } of layers) {
    forEachTie(graph, (s, t) => {
      if (inside(s) && inside(t)) eligible++;
    });
  }
  const limit = Math.max(0, Math.floor(sample));
  const stride = limit === 0 ? Number.POSITIVE_INFINITY : Math.max(1, Math.ceil(eligible / limit));
  const size = limit === 0 ? 0 : Math.min(limit, Math.ceil(eligible / stride));
  const sources = new Uint32Array(size);
  const targets = new Uint32Array(size);
  const platform = new Uint8Array(size);
  let seen = 0;
  let kept = 0;
  for (const layer of layers) {
    forEachTie(layer.graph, (s, t) => {
      if (!(inside(s) && inside(t))) return;
      if (seen++ % stride === 0 && kept < size) {
        sources[kept] = s;
        targets[kept] = t;
        platform[kept] = layer.platform;
        kept++;
      }
    });
  }
  return { sources, targets, platform, totalTies: eligible };
}
