// Bench child: independent-cascade scan rate on BA(1M, m = 8), next to a plain one-draw-per-edge loop. No files written.
import { createRng, runSeed, STREAM } from '../sim/rng.ts';
import { OUR_CASCADE_SOURCE, runOurCascade } from './lib/cascade-ours.ts';
import { chooseSeedNodes, plainDrawLoop } from './lib/cascade-reference.ts';
import { buildBa } from './lib/graph-source.ts';
import { fixed, median, numberArgument, timed } from './lib/measure.ts';
import { emitFigure } from './lib/protocol.ts';

const nodes = numberArgument('nodes', 1_000_000);
const m = numberArgument('m', 8);
const runs = numberArgument('runs', 5);
const p = 0.3;
const seedCount = 10;
const { graph, generator } = buildBa(nodes, m, 'bench-cascade');
const size = `BA ${nodes / 1e6}M m=${m} (${generator}), p=${p}, ${seedCount} seed nodes`;
console.log(
  `graph: ${graph.nodeCount} nodes, ${graph.targets.length} stored ties; model: ${OUR_CASCADE_SOURCE}`,
);

// One untimed warm-up so the figures are for compiled code, as in a CLI run of many replicates.
runOurCascade(
  graph,
  p,
  chooseSeedNodes(nodes, seedCount, createRng('warm-up', STREAM.seeding)),
  createRng('warm-up', STREAM.dynamics),
);

let scannedTotal = 0;
let secondsTotal = 0;
let cpuTotal = 0;
const rates: number[] = [];
for (let r = 0; r < runs; r++) {
  const seed = runSeed('bench-cascade', r);
  const seeds = chooseSeedNodes(nodes, seedCount, createRng(seed, STREAM.seeding));
  const outcome = runOurCascade(graph, p, seeds, createRng(seed, STREAM.dynamics));
  scannedTotal += outcome.scannedEdges;
  secondsTotal += outcome.seconds;
  cpuTotal += outcome.cpuSeconds;
  rates.push(outcome.scannedEdges / outcome.seconds / 1e6);
  console.log(
    `IC run ${r + 1}/${runs}: final size ${outcome.finalSize}, ${outcome.scannedEdges} edges scanned in ${fixed(outcome.seconds, 3)} s = ${fixed(rates.at(-1)!, 1)} M/s (CPU time ${fixed(outcome.cpuSeconds, 3)} s)`,
  );
}
const icRate = scannedTotal / secondsTotal / 1e6;

const plainRates: number[] = [];
for (let r = 0; r < 3; r++) {
  const { seconds } = timed(() => plainDrawLoop(graph, p, createRng(`plain-${r}`, STREAM.dynamics)));
  plainRates.push(graph.targets.length / seconds / 1e6);
  console.log(
    `plain loop ${r + 1}/3: ${graph.targets.length} draws in ${fixed(seconds, 3)} s = ${fixed(plainRates.at(-1)!, 1)} M/s`,
  );
}
const plainRate = median(plainRates);
emitFigure({
  key: 'ic.scan.mEdgesPerSecond',
  label: 'IC scan',
  value: icRate,
  unit: 'M edges/s',
  target: 40,
  direction: 'atLeast',
  note: `${size}; total over ${runs} runs (median run ${fixed(median(rates), 1)}; by CPU time ${fixed(scannedTotal / cpuTotal / 1e6, 1)})`,
});
emitFigure({
  key: 'ic.plainLoop.mEdgesPerSecond',
  label: 'plain loop, one rng.next() per edge',
  value: plainRate,
  unit: 'M edges/s',
  note: 'context: issue quotes ~34 here; median of 3',
});
emitFigure({
  key: 'ic.vsPlainLoop.ratio',
  label: 'IC scan / plain loop',
  value: icRate / plainRate,
  unit: '×',
});
