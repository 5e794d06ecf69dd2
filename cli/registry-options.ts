/**
 * The options every command that talks to a registry shares: where it is
 * (`--registry`, default `CREG_REGISTRY_URL`) and the credentials (basic:
 * `--username`/`--password`; bearer: `--token`; also from the environment),
 * the typed client they make, and how its failures read in a report.
 */
import { Option, type Command } from 'commander';
import {
  createRegistryClient,
  type RegistryAuth,
  type RegistryClient,
  type RegistryFailure,
} from '../client/registry-client.js';
import { UsageError } from './command-exit.js';

export interface RegistryOptions {
  registry: string;
  username?: string;
  password?: string;
  token?: string;
}

const REQUEST_TIMEOUT_MS = 30_000;

export function addRegistryOptions<C extends Command>(command: C): C {
  command
    .addOption(
      new Option('--registry <url>', 'registry base URL').env('CREG_REGISTRY_URL').makeOptionMandatory(),
    )
    .addOption(new Option('--username <name>', 'HTTP basic user').env('CREG_REGISTRY_USERNAME'))
    .addOption(new Option('--password <password>', 'HTTP basic password').env('CREG_REGISTRY_PASSWORD'))
    .addOption(new Option('--token <token>', 'bearer token').env('CREG_REGISTRY_TOKEN'));
  return command;
}

/** The credentials given, checked: a token or a user and password, not both. */
export function registryAuth(options: Omit<RegistryOptions, 'registry'>): RegistryAuth | undefined {
  if (options.token !== undefined && (options.username !== undefined || options.password !== undefined)) {
    throw new UsageError('give either --token or --username/--password, not both');
  }
  if (options.token !== undefined) return { token: options.token };
  if ((options.username === undefined) !== (options.password === undefined)) {
    throw new UsageError('--username and --password go together');
  }
  return options.username !== undefined ? { username: options.username, password: options.password! } : undefined;
}

export function registryClient(options: RegistryOptions): RegistryClient {
  if (!URL.canParse(options.registry)) throw new UsageError(`--registry is not a URL: ${options.registry}`);
  const auth = registryAuth(options);
  return createRegistryClient({ baseUrl: options.registry, timeoutMs: REQUEST_TIMEOUT_MS, ...(auth && { auth }) });
}

export function describeFailure(failure: RegistryFailure): string {
  return failure.kind === 'transport'
    ? `registry unreachable: ${failure.message}`
    : `registry answered ${failure.status} (error code ${failure.errorCode}): ${failure.message}`;
}
