// The CLI's commands and flags (cac), and the mapping of failures to messages and exit codes. Node-only.
import { cac } from 'cac';
import { InputError } from '../params/errors.ts';
import {
  FLAGS_SOURCE,
  flagCount,
  intFlag,
  joinNegativeValues,
  pathFlag,
  rawFlag,
  seedFlag,
  shardFlag,
} from './flags.ts';
import { engineVersion, loadScenarioFile } from './host.ts';
import type { CliIo } from './output.ts';
import { runCommand } from './run-command.ts';
import { sweepCommand } from './sweep-command.ts';
import { worldCommand } from './world/export-world.ts';

/** Exit codes: 0 ok, 2 bad input (file or flag), 1 any other failure; a run or sweep stopped by SIGINT/SIGTERM gives 130/143. */
export const EXIT = { ok: 0, failure: 1, badInput: 2 } as const;

/** Flags that take a value (a negative number after one is its value, not another flag). */
const VALUE_FLAGS = ['out', 'runs', 'seed', 'workers', 'shard'] as const;

/** Most worker threads `--workers` accepts. */
export const MAX_WORKERS = 1_024;

function flagsError(line: string): InputError {
  return new InputError(FLAGS_SOURCE, [line]);
}

/** Turns cac's own errors into a line that names the flag or argument. */
function describeCacError(message: string): string {
  const unknown = /^Unknown option `(.+)`$/.exec(message);
  if (unknown) return `${unknown[1]}: unknown flag (run with --help to list the flags)`;
  const missing = /^option `(.+?)[ ,].*` value is missing$/.exec(message);
  if (missing) return `${missing[1]}: needs a value`;
  if (message.startsWith('missing required args'))
    return 'missing the input file argument (run with --help for usage)';
  if (message.startsWith('Unused args'))
    return `${message.replace('Unused args: ', 'unexpected extra argument(s): ')}`;
  return message;
}

/**
 * Runs the CLI on `args` (without `node` and the script) and resolves to the exit code. Every
 * problem with the input is printed as one `source: field: message` line on stderr, without a stack.
 */
export async function runCli(givenArgs: readonly string[], io: CliIo): Promise<number> {
  const args = joinNegativeValues(givenArgs, VALUE_FLAGS);
  const cli = cac('sim');
  cli
    .command(
      'run <scenario>',
      'Run a scenario file, replacing an earlier run in --out. Classic: runs.csv, series.csv, cascades.csv (items.csv), summary.json; world: series.csv, cascades.csv, adoptions.csv, platforms.csv, bubble.csv, summary.json',
    )
    .option(
      '--out <dir>',
      "Folder to write the results into (created if missing; an earlier run's files are replaced)",
    )
    .option('--runs <n>', 'Replicates, overriding the scenario\'s "runs" (1 to 1,000,000)')
    .option('--seed <text>', 'Seed, overriding the scenario\'s "seed"; run r uses seed-r for r ≥ 1')
    .example('  $ npm run sim -- run scenario.json --out results --runs 20 --seed 42');
  cli
    .command('sweep <sweep>', 'Run a parameter grid × replicates on worker threads: sweep.csv, sweep.json')
    .option(
      '--out <dir>',
      "Folder to write the results into (created if missing; a complete sweep's files are replaced, an unfinished one's are kept: see --resume)",
    )
    .option('--workers <n>', `Worker threads, 1 to ${MAX_WORKERS} (default: the number of cores)`)
    .option('--shard <k/n>', 'Run only jobs with job mod n = k−1 (1 ≤ k ≤ n); shards concatenate')
    .option('--resume', 'Keep the rows an interrupted run of the same sweep left in --out; run only the rest')
    .example('  $ npm run sim -- sweep sweep.json --out grid --workers 4 --shard 1/8');
  cli
    .command(
      'world <scenario>',
      'Write the social world a world scenario builds: agents.csv, ties.csv (every platform layer), world.json',
    )
    .option('--out <dir>', 'Folder to write the world into (created if missing)')
    .option(
      '--seed <text>',
      'Seed, overriding the scenario\'s "seed" (the world the app shows for that seed)',
    )
    .example('  $ npm run sim -- world public/scenarios/dance-challenge.json --out world --seed 42');
  cli.help();
  cli.version(engineVersion());

  try {
    let parsed: ReturnType<typeof cli.parse>;
    try {
      parsed = cli.parse(['node', 'sim', ...args], { run: false });
    } catch (error) {
      throw flagsError(describeCacError((error as Error).message));
    }
    const command = cli.matchedCommand;
    // cac has printed the help (and unset the command), or the version when no command was given.
    if (parsed.options.help || (parsed.options.version && !command)) return EXIT.ok;
    if (!command) {
      if (args.length === 0) {
        cli.outputHelp();
        return EXIT.badInput;
      }
      const name = parsed.args[0];
      throw flagsError(
        name === undefined
          ? 'missing the command: run, sweep or world (see --help)'
          : `${name}: unknown command (the commands are run, sweep and world)`,
      );
    }
    const problems: string[] = [];
    for (const name of Object.keys(parsed.options)) {
      if (name !== '--' && !command.hasOption(name) && !cli.globalCommand.hasOption(name)) {
        problems.push(
          `${name.length > 1 ? '--' : '-'}${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}: unknown flag (run with --help to list the flags)`,
        );
      }
    }
    // A flag given twice is a slip (an edited command line, a pasted option): which value was meant is not ours to guess.
    for (const name of VALUE_FLAGS) {
      const count = flagCount(args, name);
      if (count > 1) problems.push(`--${name}: given ${count} times; give it once`);
    }
    try {
      command.checkOptionValue();
      command.checkRequiredArgs();
      command.checkUnusedArgs();
    } catch (error) {
      throw flagsError(describeCacError((error as Error).message));
    }
    const input = String(parsed.args[0]);
    /** Reads one flag with `parse`, collecting its problem so that every bad flag is reported at once. */
    const flag = <T>(name: string, parse: (raw: string) => T): T | undefined => {
      const value = rawFlag(args, name);
      if (value === undefined) return undefined;
      try {
        return parse(value);
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        problems.push(...error.lines);
        return undefined;
      }
    };
    const out = flag('out', (raw) => pathFlag('out', raw));
    if (rawFlag(args, 'out') === undefined)
      problems.push('--out: is required (a folder to write the results into)');
    if (command.name === 'run') {
      const runs = flag('runs', (raw) => intFlag('runs', raw, 1, 1_000_000, 'runs'));
      const seed = flag('seed', seedFlag);
      if (problems.length > 0 || out === undefined) throw new InputError(FLAGS_SOURCE, problems);
      return await runCommand(
        input,
        { out, ...(runs === undefined ? {} : { runs }), ...(seed === undefined ? {} : { seed }) },
        io,
      );
    }
    if (command.name === 'world') {
      const seed = flag('seed', seedFlag);
      if (problems.length > 0 || out === undefined) throw new InputError(FLAGS_SOURCE, problems);
      const loaded = loadScenarioFile(
        input,
        'not a world scenario; `sim world` writes the world of one scenario',
      );
      if (loaded.kind !== 'world')
        throw new InputError(input, [
          '(root): must be a world scenario (with a "world" field); a classic scenario\'s graph is written by its generator, not by this command',
        ]);
      worldCommand(seed === undefined ? loaded.scenario : { ...loaded.scenario, seed }, input, out, io);
      return EXIT.ok;
    }
    const workers = flag('workers', (raw) => intFlag('workers', raw, 1, MAX_WORKERS, 'workers'));
    const shard = flag('shard', shardFlag);
    if (problems.length > 0 || out === undefined) throw new InputError(FLAGS_SOURCE, problems);
    return await sweepCommand(
      input,
      {
        out,
        ...(workers === undefined ? {} : { workers }),
        ...(shard === undefined ? {} : { shard }),
        resume: parsed.options.resume === true,
      },
      io,
    );
  } catch (error) {
    if (error instanceof InputError) {
      for (const line of error.lines) io.stderr.write(`${error.source}: ${line}\n`);
      return EXIT.badInput;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr.write(`sim: failed: ${message}\n`);
    if (process.env.SIM_DEBUG && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`);
    return EXIT.failure;
  }
}
