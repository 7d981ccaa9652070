// Bench child: times the Barabási–Albert generator (1M nodes, m = 8, CSR included), median of 3. Reads no files but the code.
import { buildBa } from './lib/graph-source.ts';
import { collectGarbage, fixed, median, numberArgument, timed } from './lib/measure.ts';
import { emitFigure } from './lib/protocol.ts';

const nodes = numberArgument('nodes', 1_000_000);
const m = numberArgument('m', 8);
const repeats = 3;
const seconds: number[] = [];
const cpuSeconds: number[] = [];
let generator = '';
let storedTies = 0;
for (let r = 0; r < repeats; r++) {
  collectGarbage();
  const { result, seconds: elapsed, cpuSeconds: cpu } = timed(() => buildBa(nodes, m, `bench-build-${r}`));
  generator = result.generator;
  storedTies = result.graph.targets.length;
  seconds.push(elapsed);
  cpuSeconds.push(cpu);
  console.log(
    `build ${r + 1}/${repeats}: ${fixed(elapsed, 3)} s wall, ${fixed(cpu, 3)} s CPU (${result.graph.nodeCount} nodes, ${storedTies} stored ties, ${generator})`,
  );
}
const label = `BA ${nodes >= 1e6 ? `${nodes / 1e6}M` : nodes} m=${m} build`;
emitFigure({
  key: 'ba.build.seconds',
  label,
  value: median(seconds),
  unit: 's',
  target: 1.5,
  direction: 'atMost',
  note: `median of ${repeats} (CPU ${fixed(median(cpuSeconds))} s), CSR included, ${storedTies / 1e6}M stored ties, ${generator}`,
});
