#!/usr/bin/env node
// `nurture`: the command-line interface.
import { Command, CommanderError } from 'commander';
import { registerDemo } from './demo.command.js';
import { EXIT, exitCodeFor } from './exit-codes.js';
import { registerHistory } from './history.command.js';
import { registerMigrate } from './migrate.command.js';
import { registerProjections } from './projections.command.js';
import { registerReport } from './report.command.js';
import { registerRun } from './run.command.js';
import { registerServe } from './serve.command.js';
import { registerSuppress } from './suppress.command.js';

export function buildProgram(): Command {
  const program = new Command('nurture')
    .description('lead-nurturing: event-sourced email nurturing sequences for cold sales leads')
    .showHelpAfterError()
    .exitOverride();
  registerDemo(program);
  registerMigrate(program);
  registerRun(program);
  registerServe(program);
  registerProjections(program);
  registerHistory(program);
  registerSuppress(program);
  registerReport(program);
  return program;
}

export async function main(argv: string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv, { from: 'user' });
    // A command that finished but failed (`nurture run` with a failed step) has set its code.
    return Number(process.exitCode ?? EXIT.ok);
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.invalidInput;
    process.stderr.write(`nurture: ${error instanceof Error ? error.message : String(error)}\n`);
    return exitCodeFor(error);
  }
}
