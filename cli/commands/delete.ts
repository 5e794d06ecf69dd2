/**
 * `creg delete SUBJECT[@VERSION]`: a soft delete by default (`DELETE
 * /subjects/{subject}[/versions/{version}]`), a hard one with `--permanent`.
 * Confluent hard-deletes only what was soft-deleted first (40405, 40407
 * otherwise), so `--permanent` soft-deletes what is still live first and says
 * so; what is already soft-deleted (40404, 40406) goes straight to the hard
 * delete. With `latest`, the hard delete is of the version the soft delete
 * answered, which is no longer "latest" once soft-deleted.
 */
import { Command, Option } from 'commander';
import type { RegistryClient, Result } from '../../client/registry-client.js';
import { addClientOptions, clientAction, dataOf, request, subjectAndVersion, type ClientOptions } from './client-command.js';

const EXAMPLES = `
Examples:
  creg delete customer-value@3 --registry http://localhost:8081   # soft-deletes version 3
  creg delete customer-value                                       # soft-deletes every version
  creg delete customer-value --permanent                           # soft delete first if needed, then hard delete`;

/** Already soft-deleted: the subject (40404), the version (40406). */
const ALREADY_SOFT_DELETED = new Set([40404, 40406]);

/** Deletes the subject (every version) or one version, answering the version numbers deleted. */
async function deleteVersions(client: RegistryClient, subject: string, version: number | 'latest' | undefined, permanent: boolean): Promise<Result<number[]>> {
  const query = permanent ? { permanent: true } : {};
  if (version === undefined) return request(client.http.DELETE('/subjects/{subject}', { params: { path: { subject }, query } }));
  const deleted = await request(client.http.DELETE('/subjects/{subject}/versions/{version}', { params: { path: { subject, version }, query } }));
  return deleted.error ? deleted : { data: [deleted.data] };
}

const what = (subject: string, versions: number[], whole: boolean) =>
  whole ? `subject ${subject} (versions ${versions.join(', ')})` : `${subject} version ${versions.join(', ')}`;

export function deleteCommand(): Command {
  const command = new Command('delete')
    .description('Delete a subject, or one version of it: soft by default, hard with --permanent')
    .argument('<subject[@version]>', 'VERSION a number or latest; without it, every version of the subject')
    .addOption(new Option('--permanent', 'hard delete (after a soft delete of what is still live)'));
  addClientOptions(command, EXAMPLES);
  command.action(
    clientAction(command, async (client, options: ClientOptions & { permanent?: boolean }, argument: string) => {
      const parsed = subjectAndVersion(argument);
      const { subject } = parsed;
      const whole = !parsed.explicit;
      let version = whole ? undefined : parsed.version;
      if (!options.permanent) {
        const versions = dataOf(await deleteVersions(client, subject, version, false));
        return { json: { subject, permanent: false, versions }, text: [`soft-deleted ${what(subject, versions, whole)}`] };
      }
      const text: string[] = [];
      const soft = await deleteVersions(client, subject, version, false);
      const already = soft.error?.kind === 'http' && ALREADY_SOFT_DELETED.has(soft.error.errorCode);
      const softDeletedFirst = already ? [] : dataOf(soft);
      if (softDeletedFirst.length > 0) {
        text.push(`soft-deleted ${what(subject, softDeletedFirst, whole)} first (the registry hard-deletes only what was soft-deleted)`);
        if (version === 'latest') version = softDeletedFirst[0];
      }
      const versions = dataOf(await deleteVersions(client, subject, version, true));
      text.push(`permanently deleted ${what(subject, versions, whole)}`);
      return { json: { subject, permanent: true, softDeletedFirst, versions }, text };
    }),
  );
  return command;
}
