// `npm run bench [-- filter…]`: runs every benchmark in its own child process, prints a figure table, writes out/bench-core.json.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Figure, figurePasses, parseFigureLine } from './lib/protocol.ts';

const benchDir = dirname(fileURLToPath(import.meta.url));
const rootDir = dirname(benchDir);
const resultPath = join(rootDir, 'out', 'bench-core.json');
/** A child that runs longer than this is killed and reported as crashed. */
const CHILD_TIMEOUT_MS = 20 * 60 * 1000;

/**
 * Every benchmark, in run order. `file` is relative to bench/; `optional` ones (written by other
 * engineers) run only when their file exists. `args` go to the child after the file name.
 */
const BENCHMARKS = [
  { name: 'core-build', file: 'core-build.ts', about: 'BA 1M m=8 generation, median of 3', optional: false },
  {
    name: 'core-memory',
    file: 'core-memory.ts',
    about: 'memory of BA 1M m=8 in a fresh process',
    optional: false,
  },
  {
    name: 'core-cascade',
    file: 'core-cascade.ts',
    about: 'independent cascade scan rate on BA 1M m=8',
    optional: false,
  },
  {
    name: 'core-compare',
    file: 'core-compare.ts',
    about: 'same cascade vs AgentScript and graphology',
    optional: false,
  },
  { name: 'world', file: 'world.ts', about: 'social-world engine', optional: true },
  { name: 'browser', file: 'browser.ts', about: 'browser app in headless Chromium', optional: true },
] as const;

interface ChildReport {
  name: string;
  exitCode: number | null;
  signal: string | null;
  seconds: number;
  figures: Figure[];
}

/** Runs one benchmark file with `node --expose-gc --import tsx`, relaying its output line by line. */
function runChild(name: string, file: string): Promise<ChildReport> {
  const started = performance.now();
  const figures: Figure[] = [];
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', join(benchDir, file)], {
      cwd: rootDir,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const timer = setTimeout(() => {
      console.log(`  [${name}] still running after ${CHILD_TIMEOUT_MS / 60000} min: killing it`);
      child.kill('SIGKILL');
    }, CHILD_TIMEOUT_MS);
    let pending = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) relayLine(name, line, figures);
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => process.stderr.write(prefixLines(name, chunk)));
    child.on('close', (exitCode, signal) => {
      clearTimeout(timer);
      if (pending) relayLine(name, pending, figures);
      resolve({ name, exitCode, signal, seconds: (performance.now() - started) / 1000, figures });
    });
    child.on('error', (error) => {
      clearTimeout(timer);
      console.log(`  [${name}] could not start: ${error.message}`);
      resolve({ name, exitCode: null, signal: 'spawn-error', seconds: 0, figures });
    });
  });
}

function relayLine(name: string, line: string, figures: Figure[]): void {
  try {
    const figure = parseFigureLine(line);
    if (figure) {
      figures.push(figure);
      console.log(`  [${name}] ${formatFigure(figure)}`);
      return;
    }
  } catch (error) {
    console.log(`  [${name}] unreadable figure line (${(error as Error).message}): ${line}`);
    return;
  }
  console.log(`  [${name}] ${line}`);
}

function prefixLines(name: string, text: string): string {
  return text.replace(/^(?=.)/gm, `  [${name}] `);
}

/** Number with about three significant digits: 0.0123, 1.23, 12.3, 123, 12345. */
function formatValue(value: number): string {
  const magnitude = Math.abs(value);
  if (magnitude >= 100) return value.toFixed(0);
  if (magnitude >= 10) return value.toFixed(1);
  if (magnitude >= 0.1) return value.toFixed(2);
  return value.toPrecision(3);
}

/** `IC scan: 52.3 M edges/s (target ≥ 40) PASS — note`. */
function formatFigure(figure: Figure): string {
  const pass = figurePasses(figure);
  const unit = figure.unit === '×' ? '×' : ` ${figure.unit}`;
  let text = `${figure.label}: ${formatValue(figure.value)}${unit}`;
  if (pass !== undefined) {
    const sign = figure.direction === 'atMost' ? '<' : '≥';
    text += ` (target ${sign} ${figure.target}${unit}) ${pass ? 'PASS' : 'MISS'}`;
  }
  return figure.note ? `${text} — ${figure.note}` : text;
}

/** The closing block: one aligned row per figure (label, value, target, verdict, note), crashes named. */
function printTable(reports: readonly ChildReport[]): void {
  const rows = reports.flatMap((report) =>
    report.figures.map((figure) => {
      const pass = figurePasses(figure);
      const unit = figure.unit === '×' ? '×' : ` ${figure.unit}`;
      const sign = figure.direction === 'atMost' ? '<' : '≥';
      return [
        figure.label,
        `${formatValue(figure.value)}${unit}`,
        pass === undefined ? '' : `target ${sign} ${figure.target}${unit}`,
        pass === undefined ? '' : pass ? 'PASS' : 'MISS',
        figure.note ?? '',
      ];
    }),
  );
  const widths = [0, 1, 2, 3].map((column) => Math.max(0, ...rows.map((row) => row[column]!.length)));
  for (const row of rows) {
    console.log(
      row
        .map((cell, column) => (column < 4 ? cell.padEnd(widths[column]!) : cell))
        .join('  ')
        .trimEnd(),
    );
  }
  for (const report of reports) {
    if (report.exitCode !== 0) console.log(`${report.name}: CRASHED (its figures may be missing)`);
  }
}

/**
 * Writes out/bench-core.json: `{machine, benchmarks: {name: {date, loadAverage, exitCode, signal, seconds,
 * figures[]}}}`. A filtered run replaces only the benchmarks it ran and keeps the others' last results.
 */
function writeResults(reports: readonly ChildReport[], machine: string, loadBefore: number[]): void {
  let benchmarks: Record<string, unknown> = {};
  if (existsSync(resultPath)) {
    try {
      const previous = JSON.parse(readFileSync(resultPath, 'utf8')) as {
        benchmarks?: Record<string, unknown>;
      };
      if (previous.benchmarks && !Array.isArray(previous.benchmarks)) benchmarks = previous.benchmarks;
    } catch {
      // An unreadable previous file is simply replaced.
    }
  }
  const date = new Date().toISOString();
  for (const report of reports) {
    benchmarks[report.name] = {
      date,
      loadAverage: { before: loadBefore, after: loadavg() },
      exitCode: report.exitCode,
      signal: report.signal,
      seconds: report.seconds,
      figures: report.figures.map((figure) => ({ ...figure, pass: figurePasses(figure) ?? null })),
    };
  }
  mkdirSync(dirname(resultPath), { recursive: true });
  writeFileSync(resultPath, `${JSON.stringify({ machine, benchmarks }, null, 2)}\n`);
}

async function main(): Promise<void> {
  const filters = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
  const selected = BENCHMARKS.filter(
    (bench) => filters.length === 0 || filters.some((filter) => bench.name.includes(filter)),
  );
  const runnable = selected.filter((bench) => !bench.optional || existsSync(join(benchDir, bench.file)));
  for (const bench of selected)
    if (!runnable.includes(bench))
      console.log(`skipping ${bench.name}: bench/${bench.file} does not exist yet`);
  if (runnable.length === 0) {
    console.log(
      `no benchmark matches ${filters.join(' ')}; known: ${BENCHMARKS.map((bench) => bench.name).join(', ')}`,
    );
    process.exitCode = 1;
    return;
  }
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}`;
  const loadBefore = loadavg();
  console.log(
    `machine: ${machine}; load average ${loadBefore.map((l) => l.toFixed(2)).join(' ')} (others' jobs slow every figure)`,
  );

  const reports: ChildReport[] = [];
  for (const bench of runnable) {
    console.log(`\n▶ ${bench.name}: ${bench.about}`);
    const report = await runChild(bench.name, bench.file);
    reports.push(report);
    const status =
      report.exitCode === 0
        ? 'ok'
        : `CRASHED (exit ${report.exitCode ?? '-'}, signal ${report.signal ?? '-'})`;
    console.log(`  [${bench.name}] ${status} in ${report.seconds.toFixed(1)} s`);
  }

  console.log('\n════════ figures ════════');
  printTable(reports);
  const judged = reports
    .flatMap((report) => report.figures)
    .map(figurePasses)
    .filter((pass) => pass !== undefined);
  console.log(`targets met: ${judged.filter(Boolean).length} of ${judged.length}`);

  writeResults(reports, machine, loadBefore);
  console.log(`figures written to ${resultPath}`);
  if (reports.some((report) => report.exitCode !== 0)) process.exitCode = 1;
}

await main();
