// Bench child: memory of a 1M-node, m = 8 Barabási–Albert graph in a fresh process (typed-array bytes, RSS, heap). No files written.
import { buildBa, graphBytes } from './lib/graph-source.ts';
import { fixed, MB, memorySnapshotMb, numberArgument } from './lib/measure.ts';
import { emitFigure } from './lib/protocol.ts';

const nodes = numberArgument('nodes', 1_000_000);
const m = numberArgument('m', 8);
const before = memorySnapshotMb();
const { graph, generator } = buildBa(nodes, m, 'bench-memory');
const after = memorySnapshotMb();
const bytes = graphBytes(graph);
console.log(
  `graph: ${graph.nodeCount} nodes, ${graph.targets.length} stored ties (${graph.edgeCount} ties), ${generator}`,
);
console.log(
  `process before build: rss ${fixed(before.rss, 0)} MB, heap ${fixed(before.heapUsed, 0)} MB, arrayBuffers ${fixed(before.arrayBuffers, 0)} MB`,
);
console.log(
  `process after build:  rss ${fixed(after.rss, 0)} MB, heap ${fixed(after.heapUsed, 0)} MB, arrayBuffers ${fixed(after.arrayBuffers, 0)} MB, peak rss ${fixed(after.peakRss, 0)} MB`,
);
const size = `${nodes / 1e6}M nodes, ${graph.targets.length / 1e6}M stored ties`;
const budget = { target: 1024, direction: 'atMost' as const };
emitFigure({
  key: 'ba.memory.graphMb',
  label: 'graph typed arrays',
  value: bytes / MB,
  unit: 'MB',
  ...budget,
  note: size,
});
emitFigure({
  key: 'ba.memory.rssMb',
  label: 'process RSS after build',
  value: after.rss,
  unit: 'MB',
  ...budget,
  note: `after GC; heap ${fixed(after.heapUsed, 0)} MB, arrayBuffers ${fixed(after.arrayBuffers, 0)} MB`,
});
emitFigure({
  key: 'ba.memory.peakRssMb',
  label: 'process peak RSS while building',
  value: after.peakRss,
  unit: 'MB',
  ...budget,
  note: 'OS high-water mark, generator temporaries included',
});
// Keep the graph reachable until the snapshot above is taken.
if (graph.nodeCount !== nodes) throw new Error('graph has the wrong size');
