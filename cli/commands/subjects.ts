/**
 * `creg subjects` and `creg versions`: what the registry holds, one name or
 * version number a line (`GET /subjects`, `GET /subjects/{subject}/versions`),
 * soft-deleted ones too with `--deleted`.
 */
import { Command, Option } from 'commander';
import { addClientOptions, clientAction, dataOf, request, type ClientOptions } from './client-command.js';

const SUBJECTS_EXAMPLES = `
Examples:
  creg subjects --registry http://localhost:8081
  creg subjects --prefix customer- --deleted --json`;

const VERSIONS_EXAMPLES = `
Examples:
  creg versions customer-value --registry http://localhost:8081
  creg versions customer-value --deleted --json`;

export function subjectsCommand(): Command {
  const command = new Command('subjects')
    .description('List the subjects')
    .addOption(new Option('--prefix <prefix>', 'only the subjects whose name starts so'))
    .addOption(new Option('--deleted', 'soft-deleted subjects too'));
  addClientOptions(command, SUBJECTS_EXAMPLES);
  command.action(
    clientAction(command, async (client, options: ClientOptions & { prefix?: string; deleted?: boolean }) => {
      const query = { ...(options.prefix !== undefined && { subjectPrefix: options.prefix }), ...(options.deleted && { deleted: true }) };
      const subjects = dataOf(await request(client.http.GET('/subjects', { params: { query } })));
      return { json: subjects, text: subjects };
    }),
  );
  return command;
}

export function versionsCommand(): Command {
  const command = new Command('versions')
    .description("List a subject's version numbers")
    .argument('<subject>')
    .addOption(new Option('--deleted', 'soft-deleted versions too'));
  addClientOptions(command, VERSIONS_EXAMPLES);
  command.action(
    clientAction(command, async (client, options: ClientOptions & { deleted?: boolean }, subject: string) => {
      const params = { path: { subject }, query: options.deleted ? { deleted: true } : {} };
      const versions = dataOf(await request(client.http.GET('/subjects/{subject}/versions', { params })));
      return { json: versions, text: versions.map(String) };
    }),
  );
  return command;
}
