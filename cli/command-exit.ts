/**
 * How a gating command ends: with the exit code its report gives, 64 for a
 * usage error (commander's own, or a `UsageError` found while reading the
 * files the command names), and 3 for anything unexpected, so that a crash
 * never exits 1, which means "incompatible". Help and version still exit 0.
 */
import type { Command } from 'commander';
import { EXIT, type ExitCode } from './output/exit-codes.js';

/** The invocation is wrong: an option, or a file or manifest it names. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** commander exits 1 on a usage error; ours exit 64 (commander does not pass this on to added subcommands). */
export function exitOnUsageError<C extends Command>(command: C): C {
  command.exitOverride((error) => process.exit(error.exitCode === 0 ? 0 : EXIT.usage));
  return command;
}

/** Wraps an action that answers an exit code; the code is set, not forced, so output is flushed first. */
export function gatedAction<A extends unknown[]>(command: Command, action: (...args: A) => Promise<ExitCode>) {
  return async (...args: A): Promise<void> => {
    try {
      process.exitCode = await action(...args);
    } catch (error) {
      if (error instanceof UsageError) command.error(`error: ${error.message}`, { exitCode: EXIT.usage, code: 'creg.usage' });
      process.stderr.write(`${command.name()}: ${(error as Error).stack ?? String(error)}\n`);
      process.exitCode = EXIT.error;
    }
  };
}
