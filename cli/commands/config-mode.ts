/**
 * `creg config get|set` and `creg mode get|set`: the compatibility config and
 * the mode, global without a subject (`/config`, `/mode`), else the
 * subject's own (`/config/{subject}`, `/mode/{subject}`). A subject without a
 * config (or mode) of its own is Confluent's 40408 (40409): `get` says so,
 * names the global one as what applies, and exits 1, as for any "not found";
 * `--default-to-global` asks for what applies instead.
 */
import { Command, InvalidArgumentError, Option } from 'commander';
import type { Schemas } from '../../client/registry-client.js';
import { exitOnUsageError, UsageError } from '../command-exit.js';
import { addClientOptions, clientAction, dataOf, request, type ClientOptions } from './client-command.js';

const LEVELS: readonly Schemas['CompatibilityLevel'][] = ['NONE', 'BACKWARD', 'BACKWARD_TRANSITIVE', 'FORWARD', 'FORWARD_TRANSITIVE', 'FULL', 'FULL_TRANSITIVE'];
const MODES: readonly Schemas['Mode'][] = ['READWRITE', 'READONLY', 'READONLY_OVERRIDE', 'IMPORT', 'FORWARD'];

function oneOf<T extends string>(values: readonly T[], what: string) {
  return (value: string): T => {
    const upper = value.toUpperCase() as T;
    if (!values.includes(upper)) throw new InvalidArgumentError(`not a ${what}: ${values.join(', ')}`);
    return upper;
  };
}

function booleanText(value: string): boolean {
  if (value !== 'true' && value !== 'false') throw new InvalidArgumentError('true or false');
  return value === 'true';
}

/** `key: value`, one line per field the registry answered. */
function fieldLines(entity: object): string[] {
  return Object.entries(entity).map(([key, value]) => `${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`);
}

const scope = (subject?: string) => (subject === undefined ? 'global' : `subject ${subject}`);

const defaultToGlobal = () => new Option('--default-to-global', "for a subject without its own, answer the global one (what applies)");

const CONFIG_GET_EXAMPLES = `
Examples:
  creg config get --registry http://localhost:8081     # the global compatibility level
  creg config get customer-value                       # the subject's own (exit 1 when it has none)
  creg config get customer-value --default-to-global --json`;

const CONFIG_SET_EXAMPLES = `
Examples:
  creg config set --compatibility FULL --registry http://localhost:8081   # global
  creg config set customer-value --compatibility BACKWARD_TRANSITIVE --normalize true`;

const MODE_GET_EXAMPLES = `
Examples:
  creg mode get --registry http://localhost:8081
  creg mode get customer-value --default-to-global`;

const MODE_SET_EXAMPLES = `
Examples:
  creg mode set READONLY --registry http://localhost:8081   # global
  creg mode set customer-value IMPORT --force`;

function configGetCommand(): Command {
  const command = new Command('get').description('Print the compatibility config: global, or of SUBJECT').argument('[subject]').addOption(defaultToGlobal());
  addClientOptions(command, CONFIG_GET_EXAMPLES);
  command.action(
    clientAction(command, async (client, options: ClientOptions & { defaultToGlobal?: boolean }, subject?: string) => {
      const query = options.defaultToGlobal ? { defaultToGlobal: true } : {};
      const answer =
        subject === undefined
          ? await request(client.http.GET('/config', { params: { query } }))
          : await request(client.http.GET('/config/{subject}', { params: { path: { subject }, query } }));
      const hint = `subject ${subject} has no compatibility config of its own: the global one applies (creg config get, or add --default-to-global)`;
      const config = dataOf(answer, answer.error?.kind === 'http' && answer.error.errorCode === 40408 ? hint : undefined);
      return { json: config, text: fieldLines(config) };
    }),
  );
  return command;
}

function configSetCommand(): Command {
  const command = new Command('set')
    .description('Set the compatibility config: global, or of SUBJECT')
    .argument('[subject]')
    .addOption(new Option('--compatibility <level>', LEVELS.join(', ')).argParser(oneOf(LEVELS, 'compatibility level')))
    .addOption(new Option('--normalize <boolean>', 'normalize schemas before comparing them (true or false)').argParser(booleanText));
  addClientOptions(command, CONFIG_SET_EXAMPLES);
  command.action(
    clientAction(command, async (client, options: ClientOptions & { compatibility?: string; normalize?: boolean }, subject?: string) => {
      if (options.compatibility === undefined && options.normalize === undefined) throw new UsageError('give --compatibility or --normalize (or both)');
      const body = { ...(options.compatibility !== undefined && { compatibility: options.compatibility }), ...(options.normalize !== undefined && { normalize: options.normalize }) };
      const headers = { 'Content-Type': 'application/vnd.schemaregistry.v1+json' };
      const answer =
        subject === undefined
          ? await request(client.http.PUT('/config', { body, headers }))
          : await request(client.http.PUT('/config/{subject}', { params: { path: { subject } }, body, headers }));
      const config = dataOf(answer);
      return { json: config, text: [`${scope(subject)} config set`, ...fieldLines(config)] };
    }),
  );
  return command;
}

function modeGetCommand(): Command {
  const command = new Command('get').description('Print the mode: global, or of SUBJECT').argument('[subject]').addOption(defaultToGlobal());
  addClientOptions(command, MODE_GET_EXAMPLES);
  command.action(
    clientAction(command, async (client, options: ClientOptions & { defaultToGlobal?: boolean }, subject?: string) => {
      const query = options.defaultToGlobal ? { defaultToGlobal: true } : {};
      const answer =
        subject === undefined
          ? await request(client.http.GET('/mode', { params: { query } }))
          : await request(client.http.GET('/mode/{subject}', { params: { path: { subject }, query } }));
      const hint = `subject ${subject} has no mode of its own: the global one applies (creg mode get, or add --default-to-global)`;
      const mode = dataOf(answer, answer.error?.kind === 'http' && answer.error.errorCode === 40409 ? hint : undefined);
      return { json: mode, text: [mode.mode] };
    }),
  );
  return command;
}

function modeSetCommand(): Command {
  const command = new Command('set')
    .description(`Set the mode, global or of SUBJECT: ${MODES.join(', ')}`)
    .usage('[options] [subject] <mode>')
    .argument('<subject-or-mode>', 'SUBJECT then MODE; MODE alone sets the global mode')
    .argument('[mode]', 'MODE, after SUBJECT')
    .addOption(new Option('--force', 'IMPORT even when the subject (or registry) already holds schemas'));
  addClientOptions(command, MODE_SET_EXAMPLES);
  command.action(
    clientAction(command, async (client, options: ClientOptions & { force?: boolean }, first: string, second?: string) => {
      const [subject, text] = second === undefined ? [undefined, first] : [first, second];
      const mode = MODES.find((m) => m === text.toUpperCase());
      if (mode === undefined) throw new UsageError(`not a mode: ${text} (${MODES.join(', ')})`);
      const body = { mode };
      const query = options.force ? { force: true } : {};
      const headers = { 'Content-Type': 'application/vnd.schemaregistry.v1+json' };
      const answer =
        subject === undefined
          ? await request(client.http.PUT('/mode', { params: { query }, body, headers }))
          : await request(client.http.PUT('/mode/{subject}', { params: { path: { subject }, query }, body, headers }));
      const set = dataOf(answer);
      return { json: set, text: [`${scope(subject)} mode set: ${set.mode}`] };
    }),
  );
  return command;
}

export function configCommand(): Command {
  return exitOnUsageError(
    new Command('config').description('Get or set the compatibility config (global, or of a subject)').addCommand(configGetCommand()).addCommand(configSetCommand()),
  );
}

export function modeCommand(): Command {
  return exitOnUsageError(
    new Command('mode').description('Get or set the mode (global, or of a subject)').addCommand(modeGetCommand()).addCommand(modeSetCommand()),
  );
}
