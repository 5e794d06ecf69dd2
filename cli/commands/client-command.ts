/**
 * What the registry-client commands (`subjects`, `versions`, `get`,
 * `references`, `config`, `mode`, `delete`) share: the registry options plus
 * `--json`, one way to make a request through the typed client's `http`
 * (for the query parameters its named calls do not take), and one mapping of
 * the answer to output and exit code. These commands report data, not
 * findings, so they print it as it is: human text, or with `--json` the
 * registry's own JSON, pretty-printed (stable: the registry's field names).
 *
 * Exit codes (the gating commands' numbers, `output/exit-codes.ts`): 0 done,
 * 1 the registry answered no to what was asked (not found 404xx, invalid
 * 422xx, conflict 409xx), 3 the registry unreachable, credentials refused
 * (401/403, as `register` and `check` report them) or a server error, 64
 * usage error. A registry error is printed to stderr with Confluent's
 * `error_code` and message; with `--json`, stdout also gets
 * `{ "error_code", "message", "status" }`.
 */
import { Option, type Command } from 'commander';
import { settle, type RegistryClient, type RegistryFailure, type Result } from '../../client/registry-client.js';
import { exitOnUsageError, gatedAction, UsageError } from '../command-exit.js';
import { EXIT, type ExitCode } from '../output/exit-codes.js';
import { addRegistryOptions, describeFailure, registryClient, type RegistryOptions } from '../registry-options.js';

export interface ClientOptions extends RegistryOptions {
  json?: boolean;
}

export const CLIENT_EXIT_CODES =
  'Exit codes: 0 done, 1 the registry answered no (not found, invalid, conflict), 3 registry unreachable, credentials refused or server error, 64 usage error.';

/** A call of `client.http` (for the query parameters the client's named calls do not take), settled as they are. */
export const request = settle;

/** A refusal about what was asked is 1; the registry not there, not letting us in, or failing is 3. */
export function exitCodeOfFailure(failure: RegistryFailure): ExitCode {
  if (failure.kind === 'transport' || failure.status === 401 || failure.status === 403 || failure.status >= 500) return EXIT.error;
  return failure.status >= 400 ? EXIT.failed : EXIT.error;
}

/** Thrown by an action to end with a registry failure (printed by `clientAction`). */
export class RegistryRefusal extends Error {
  constructor(readonly failure: RegistryFailure, readonly hint?: string) {
    super(describeFailure(failure));
  }
}

/** The data of a result, or a `RegistryRefusal`. */
export function dataOf<T>(result: Result<T>, hint?: string): T {
  if (result.error) throw new RegistryRefusal(result.error, hint);
  return result.data;
}

export function addClientOptions<C extends Command>(command: C, examples: string): C {
  addRegistryOptions(command);
  command.addOption(new Option('--json', "print the registry's JSON answer"));
  command.addHelpText('after', `${examples}\n\n${CLIENT_EXIT_CODES}\n`);
  return exitOnUsageError(command);
}

export interface Printed {
  /** What `--json` prints (the registry's answer). */
  json: unknown;
  /** What is printed otherwise, one line each. */
  text: string[];
}

/** `creg config get`, for a message. */
function fullName(command: Command): string {
  return command.parent ? `${fullName(command.parent)} ${command.name()}` : command.name();
}

/** Runs the action and prints what it answers; a refusal becomes its message and exit code. */
export function clientAction<O extends ClientOptions, A extends unknown[]>(
  command: Command,
  action: (client: RegistryClient, options: O, ...args: A) => Promise<Printed>,
) {
  return gatedAction(command, async (...args: unknown[]): Promise<ExitCode> => {
    // commander passes the arguments, then the options, then the command.
    const options = args[args.length - 2] as O;
    const client = registryClient(options);
    try {
      const printed = await action(client, options, ...(args.slice(0, -2) as A));
      process.stdout.write(options.json ? `${JSON.stringify(printed.json, null, 2)}\n` : printed.text.map((line) => `${line}\n`).join(''));
      return EXIT.ok;
    } catch (error) {
      if (!(error instanceof RegistryRefusal)) throw error;
      const { failure } = error;
      process.stderr.write(`${fullName(command)}: ${error.message}\n${error.hint ? `${error.hint}\n` : ''}`);
      if (options.json) {
        const body = failure.kind === 'http' ? { error_code: failure.errorCode, message: failure.message, status: failure.status } : { error_code: null, message: failure.message, status: null };
        process.stdout.write(`${JSON.stringify(body, null, 2)}\n`);
      }
      return exitCodeOfFailure(failure);
    }
  });
}

/** `SUBJECT[@VERSION]`: the version a number or `latest` (the default); an `@` followed by anything else is part of the subject. */
export function subjectAndVersion(argument: string): { subject: string; version: number | 'latest'; explicit: boolean } {
  const at = argument.lastIndexOf('@');
  const suffix = at > 0 ? argument.slice(at + 1) : undefined;
  if (suffix === undefined || !/^(\d+|latest|-1)$/.test(suffix)) {
    if (argument === '') throw new UsageError('the subject is empty');
    return { subject: argument, version: 'latest', explicit: false };
  }
  const version = suffix === 'latest' || suffix === '-1' ? 'latest' : Number(suffix);
  if (version === 0) throw new UsageError(`version 0 does not exist (versions start at 1): ${argument}`);
  return { subject: argument.slice(0, at), version, explicit: true };
}
