// Bench child: social-world build time (100k, and 1M with its memory in a fresh process), one simulated day at 100k and the replay of its hours. No files written.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { MAX_TRANSMISSIONS_PER_FRAME } from '../sim/host/serve.ts';
import { buildWorld } from '../sim/model/build-world.ts';
import type { World } from '../sim/model/world.ts';
import { defaultWorldParams, worldScenarioSchema } from '../sim/params/world.ts';
import { TRAIL_TICKS } from '../sim/protocol.ts';
import { fixed, median, memorySnapshotMb, startSpan, timed } from './lib/measure.ts';
import { emitFigure, type Figure, figurePasses } from './lib/protocol.ts';

/** `--part large` (1M build, run as a child) or `--part day` (only the 100k day); default all parts. */
const PART = process.argv.includes('--part') ? process.argv[process.argv.indexOf('--part') + 1] : 'all';
const SMALL = 100_000;
const LARGE = 1_000_000;

/** Emits a figure for bench/run.ts and prints a readable line with PASS/MISS when it has a target. */
function report(figure: Figure): void {
  emitFigure(figure);
  const verdict = figurePasses(figure);
  const target =
    figure.target === undefined
      ? ''
      : ` (target ${figure.direction === 'atMost' ? '<' : '>'} ${figure.target} ${figure.unit}: ${verdict ? 'PASS' : 'MISS'})`;
  console.log(
    `${figure.label}: ${fixed(figure.value)} ${figure.unit}${target}${figure.note ? ` — ${figure.note}` : ''}`,
  );
}

function tieCount(world: World): number {
  return world.layers.reduce((sum, layer) => sum + layer.ties.edgeCount, 0);
}

function buildSmall(): void {
  const params = { ...defaultWorldParams(), agents: SMALL };
  const spans = [0, 1, 2].map((run) => timed(() => buildWorld(params, `bench-${run}`)));
  const seconds = median(spans.map((s) => s.seconds));
  const cpu = median(spans.map((s) => s.cpuSeconds));
  report({
    key: 'world.build100k.seconds',
    label: 'world build, 100k agents',
    value: seconds,
    unit: 's',
    target: 3,
    direction: 'atMost',
    note: `median of 3, cpu ${fixed(cpu)} s, ${(tieCount(spans[0]!.result) / 1e6).toFixed(2)}M ties over ${params.platforms.length} platforms`,
  });
}

function buildLarge(): void {
  const params = { ...defaultWorldParams(), agents: LARGE };
  const span = timed(() => buildWorld(params, 'bench-large'));
  const memory = memorySnapshotMb();
  report({
    key: 'world.build1m.seconds',
    label: 'world build, 1M agents',
    value: span.seconds,
    unit: 's',
    target: 40,
    direction: 'atMost',
    note: `cpu ${fixed(span.cpuSeconds)} s, ${(tieCount(span.result) / 1e6).toFixed(1)}M ties`,
  });
  report({
    key: 'world.build1m.memoryMb',
    label: 'world 1M memory (RSS + arrayBuffers after build)',
    value: memory.rss + memory.arrayBuffers,
    unit: 'MB',
    target: 3 * 1024,
    direction: 'atMost',
    note: `rss ${fixed(memory.rss, 0)} MB, arrayBuffers ${fixed(memory.arrayBuffers, 0)} MB, heap ${fixed(memory.heapUsed, 0)} MB, peak rss ${fixed(memory.peakRss, 0)} MB`,
  });
  if (span.result.population.count !== LARGE) throw new Error('world has the wrong size');
}

async function simulateDay(): Promise<void> {
  let engineModule: typeof import('../sim/model/engine.ts');
  try {
    engineModule = await import('../sim/model/engine.ts');
  } catch (error) {
    console.log(
      `one simulated day: skipped, sim/model/engine.ts does not load (${(error as Error).message})`,
    );
    return;
  }
  const scenario = worldScenarioSchema.parse({
    version: 1,
    seed: 'bench-day',
    world: { agents: SMALL },
    trends: [
      { name: 'Orbit dance', kind: 'dance-challenge', origin: 'idol', fandom: 'Orbit' },
      { name: 'Cat meme', kind: 'meme' },
      { name: 'Whipped coffee', kind: 'recipe' },
    ],
  });
  // Three days, each on a freshly built world (same seed, so the same work): the median damps this machine's noise
  // (one day's time varies by ±20% from run to run here).
  const days = [0, 1, 2].map(() => {
    const engine = engineModule.createWorldEngine(scenario);
    // The build's garbage is collected before the clock starts (bench/run.ts passes --expose-gc): otherwise the first
    // tick pays tens of milliseconds of major GC for the world build, which the figure excludes.
    (globalThis as { gc?: () => void }).gc?.();
    const end = startSpan();
    for (let tick = 0; tick < 24; tick++) engine.step();
    return { engine, span: end() };
  });
  const seconds = median(days.map((day) => day.span.seconds));
  const cpuSeconds = median(days.map((day) => day.span.cpuSeconds));
  const engine = days[0]!.engine;
  const summary = engine.summary();
  const adopters = summary.trends.reduce((sum, t) => sum + t.adopters, 0);
  // The day's work scales with its post views (feeds assembled, posts viewed): per view is the figure to compare.
  const views = engine.ctx.state.viewsByHour.reduce((sum, n) => sum + n, 0);
  report({
    key: 'world.day100k.seconds',
    label: 'one simulated day (24 ticks), 100k agents',
    value: seconds,
    unit: 's',
    target: 1,
    direction: 'atMost',
    note: `median of 3 (${days.map((day) => fixed(day.span.seconds)).join(', ')} s), cpu ${fixed(cpuSeconds)} s, 3 trends, ${adopters} adoptions, ${fixed(views / 1e6)}M post views (${fixed((cpuSeconds * 1e9) / views, 0)} ns CPU per view), world build excluded`,
  });
  replayEachHour(engine, adopters);
}

/** The timeline's cost in the worker: rebuilding the canvas of every hour of the day just simulated (what one scrub frame asks). */
function replayEachHour(
  engine: { replay(tick: number, trail: number, max: number): unknown },
  adopters: number,
): void {
  const end = startSpan();
  for (let tick = 0; tick <= 24; tick++) engine.replay(tick, TRAIL_TICKS, MAX_TRANSMISSIONS_PER_FRAME);
  const span = end();
  report({
    key: 'world.replay100k.ms',
    label: 'replay of an earlier hour, 100k agents',
    value: (span.seconds * 1000) / 25,
    unit: 'ms',
    note: `per hour, mean over hours 0–24 of the day above (${adopters} adoptions in the log); the worker's work per timeline frame`,
  });
}

if (PART === 'large') {
  buildLarge();
} else if (PART === 'day') {
  // `--part day`: only the 100k simulated day (quick iteration on the tick's speed).
  await simulateDay();
} else {
  buildSmall();
  // The 1M build runs in a fresh process so its memory figure is not inflated by the 100k worlds (stdout shared).
  const child = spawnSync(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', fileURLToPath(import.meta.url), '--part', 'large'],
    { stdio: 'inherit' },
  );
  if (child.status !== 0)
    console.log(
      `world build, 1M agents: child process failed (status ${child.status}, signal ${child.signal})`,
    );
  await simulateDay();
}
