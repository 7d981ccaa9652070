// Bench child: the same independent cascade with our engine, AgentScript and graphology on one BA graph, one run. No files written.
import { createRng, runSeed, STREAM } from '../sim/rng.ts';
import {
  agentScriptCascade,
  agentScriptFromCsr,
  loadAgentScriptModel,
  resetAgentScript,
} from './lib/cascade-agentscript.ts';
import { graphologyCascade, graphologyFromCsr, resetGraphology } from './lib/cascade-graphology.ts';
import { runOurCascade } from './lib/cascade-ours.ts';
import { type CascadeOutcome, chooseSeedNodes, scannedEdgesOf } from './lib/cascade-reference.ts';
import { buildBa, graphBytes } from './lib/graph-source.ts';
import { fixed, MB, meanAndSd, memorySnapshotMb, numberArgument, timed } from './lib/measure.ts';
import { emitFigure } from './lib/protocol.ts';

/**
 * 100k nodes by default: at 1M nodes / 8M ties AgentScript needs one Link object per tie and
 * graphology one edge record per tie plus string keys — see the memory lines printed below.
 */
const nodes = numberArgument('nodes', 100_000);
const m = numberArgument('m', 8);
const runs = numberArgument('runs', 5);
const p = 0.3;
const seedCount = 10;

const { graph, generator } = buildBa(nodes, m, 'bench-compare');
const size = `BA ${nodes >= 1e6 ? `${nodes / 1e6}M` : `${nodes / 1e3}k`} m=${m}, p=${p}, ${seedCount} seed nodes, ${runs} runs`;
console.log(`graph: ${graph.nodeCount} nodes, ${graph.edgeCount} ties (${generator})`);
const baseline = memorySnapshotMb();

const Model = await loadAgentScriptModel();
const agentScript = timed(() => agentScriptFromCsr(Model, graph));
const afterAgentScript = memorySnapshotMb();
console.log(
  `AgentScript model loaded in ${fixed(agentScript.seconds)} s, +${fixed(afterAgentScript.heapUsed - baseline.heapUsed, 0)} MB heap`,
);
const graphology = timed(() => graphologyFromCsr(graph));
const afterGraphology = memorySnapshotMb();
console.log(
  `graphology graph loaded in ${fixed(graphology.seconds)} s, +${fixed(afterGraphology.heapUsed - afterAgentScript.heapUsed, 0)} MB heap`,
);

const graphMemoryMb = {
  ours: graphBytes(graph) / MB,
  AgentScript: afterAgentScript.heapUsed - baseline.heapUsed,
  graphology: afterGraphology.heapUsed - afterAgentScript.heapUsed,
};
for (const [library, megabytes] of Object.entries(graphMemoryMb)) {
  emitFigure({
    key: `compare.${library.toLowerCase()}.graphMb`,
    label: `graph in memory, ${library}`,
    value: megabytes,
    unit: 'MB',
    note: `${library === 'ours' ? 'CSR typed arrays' : 'heap growth after loading'}, BA ${nodes / 1e3}k m=${m}`,
  });
}

type Library = 'ours' | 'AgentScript' | 'graphology';
/** Why the final sizes can differ, printed with them. */
const SIZE_NOTE =
  "AgentScript = graphology exactly (same neighbour order, same rng.next() stream); ours draws from the model's derived alea";
const libraries: Library[] = ['ours', 'AgentScript', 'graphology'];

/** One cascade of `library` from `seeds`, coins from the dynamics stream of `seed`. */
function cascadeWith(library: Library, seeds: Uint32Array, seed: string): CascadeOutcome {
  const rng = createRng(seed, STREAM.dynamics);
  if (library === 'ours') return runOurCascade(graph, p, seeds, rng);
  if (library === 'AgentScript') resetAgentScript(agentScript.result);
  else resetGraphology(graphology.result);
  const run =
    library === 'AgentScript'
      ? timed(() => agentScriptCascade(agentScript.result, p, seeds, rng))
      : timed(() => graphologyCascade(graphology.result, p, seeds, rng));
  return {
    finalSize: run.result.length,
    scannedEdges: scannedEdgesOf(graph, run.result),
    seconds: run.seconds,
    cpuSeconds: run.cpuSeconds,
  };
}

// One untimed warm-up each, then the same runs (same seed nodes, same seeded generator) for all three.
for (const library of libraries)
  cascadeWith(library, chooseSeedNodes(nodes, seedCount, createRng('warm-up', STREAM.seeding)), 'warm-up');
const totals = new Map(
  libraries.map((library) => [library, { scanned: 0, seconds: 0, cpuSeconds: 0, sizes: [] as number[] }]),
);
for (let r = 0; r < runs; r++) {
  const seed = runSeed('bench-compare', r);
  const seeds = chooseSeedNodes(nodes, seedCount, createRng(seed, STREAM.seeding));
  for (const library of libraries) {
    const outcome = cascadeWith(library, seeds, seed);
    const total = totals.get(library)!;
    total.scanned += outcome.scannedEdges;
    total.seconds += outcome.seconds;
    total.cpuSeconds += outcome.cpuSeconds;
    total.sizes.push(outcome.finalSize);
    console.log(
      `run ${r + 1}/${runs} ${library.padEnd(11)} final size ${outcome.finalSize}, ${fixed(outcome.scannedEdges / outcome.seconds / 1e6, 1)} M edges/s`,
    );
  }
}

const rate = (library: Library): number => totals.get(library)!.scanned / totals.get(library)!.seconds / 1e6;
const cpuRate = (library: Library): number =>
  totals.get(library)!.scanned / totals.get(library)!.cpuSeconds / 1e6;
for (const library of libraries) {
  const { mean, sd } = meanAndSd(totals.get(library)!.sizes);
  const key = library === 'ours' ? 'ours' : library.toLowerCase();
  emitFigure({
    key: `compare.${key}.mEdgesPerSecond`,
    label: `IC scan, ${library}`,
    value: rate(library),
    unit: 'M edges/s',
    note: size,
  });
  emitFigure({
    key: `compare.${key}.finalSize`,
    label: `IC final size, ${library}`,
    value: mean,
    unit: 'nodes',
    note: `mean ± sd ${fixed(mean, 0)} ± ${fixed(sd, 0)} over ${runs} runs; ${SIZE_NOTE}`,
  });
}
for (const library of ['AgentScript', 'graphology'] as const) {
  emitFigure({
    key: `compare.vs${library[0]!.toUpperCase()}${library.slice(1)}.ratio`,
    label: `vs ${library}`,
    value: rate('ours') / rate(library),
    unit: '×',
    note: `ours / theirs in edges/s (by CPU time ${fixed(cpuRate('ours') / cpuRate(library), 1)}×), ${size}`,
  });
}
