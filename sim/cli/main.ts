// Node entry of the headless CLI (`npm run sim -- <command>`): hands the arguments to runCli and sets the exit code.
import { runCli } from './app.ts';

process.exitCode = await runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr });
