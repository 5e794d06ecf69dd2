/**
 * `creg get` and `creg references`: one registered schema, by subject and
 * version (`GET /subjects/{subject}/versions/{version}`) or by id
 * (`GET /schemas/ids/{id}`), and the ids of the schemas that reference a
 * version (`GET /subjects/{subject}/versions/{version}/referencedby`). `get`
 * prints the schema text as the registry stores it, so that it can be piped
 * to a file; `--json` the registry's whole entity.
 */
import { Command, InvalidArgumentError, Option } from 'commander';
import { UsageError } from '../command-exit.js';
import { addClientOptions, clientAction, dataOf, request, subjectAndVersion, type ClientOptions } from './client-command.js';

const GET_EXAMPLES = `
Examples:
  creg get customer-value --registry http://localhost:8081   # the latest version's schema text
  creg get customer-value@2 > customer.avsc
  creg get --id 42 --json                                     # the whole entity: schemaType, schema, references…`;

const REFERENCES_EXAMPLES = `
Examples:
  creg references address-value@1 --registry http://localhost:8081
  creg references address-value@latest --json`;

function schemaId(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new InvalidArgumentError('a schema id is a positive integer');
  return Number(value);
}

export function getCommand(): Command {
  const command = new Command('get')
    .description('Print a registered schema: SUBJECT[@VERSION] (VERSION a number or latest, the default), or --id N')
    .argument('[subject@version]')
    .addOption(new Option('--id <id>', 'the schema with this id').argParser(schemaId))
    .addOption(new Option('--deleted', 'a soft-deleted version too'));
  addClientOptions(command, GET_EXAMPLES);
  command.action(
    clientAction(command, async (client, options: ClientOptions & { id?: number; deleted?: boolean }, argument?: string) => {
      if ((argument === undefined) === (options.id === undefined)) throw new UsageError('give SUBJECT[@VERSION] or --id N');
      if (options.id !== undefined) {
        const entity = dataOf(await request(client.http.GET('/schemas/ids/{id}', { params: { path: { id: options.id } } })));
        return { json: { id: options.id, ...entity }, text: [entity.schema] };
      }
      const { subject, version } = subjectAndVersion(argument!);
      const params = { path: { subject, version }, query: options.deleted ? { deleted: true } : {} };
      const entity = dataOf(await request(client.http.GET('/subjects/{subject}/versions/{version}', { params })));
      return { json: entity, text: [entity.schema] };
    }),
  );
  return command;
}

export function referencesCommand(): Command {
  const command = new Command('references')
    .description('List the ids of the schemas that reference SUBJECT@VERSION (VERSION a number or latest)')
    .argument('<subject@version>');
  addClientOptions(command, REFERENCES_EXAMPLES);
  command.action(
    clientAction(command, async (client, _options: ClientOptions, argument: string) => {
      const { subject, version } = subjectAndVersion(argument);
      const params = { path: { subject, version } };
      const ids = dataOf(await request(client.http.GET('/subjects/{subject}/versions/{version}/referencedby', { params })));
      if (ids.length === 0) process.stderr.write(`no schema references ${subject} version ${version}\n`);
      return { json: ids, text: ids.map(String) };
    }),
  );
  return command;
}
