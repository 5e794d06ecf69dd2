/**
 * `creg diff SUBJECT A B`: what changed between two versions of a subject —
 * the semantic differences as the compatibility check names them
 * (Confluent's difference types, in both directions: can B read data
 * written with A, and can A read data written with B), and a unified text
 * diff of the two schemas, pretty-printed where they are JSON. Referenced
 * schemas are read from the registry, so that both versions parse as the
 * registry parses them.
 */
import { Command, InvalidArgumentError } from 'commander';
import { createTwoFilesPatch } from 'diff';
import type { RegistryClient } from '../../client/registry-client.js';
import { formatFor } from '../../contracts/formats/index.js';
import type { ParsedSchema } from '../../contracts/formats/format.js';
import { resolve, type SchemaEntity } from '../../conformance/sources/registry-source.js';
import { addClientOptions, clientAction, dataOf, request, type ClientOptions } from './client-command.js';

const EXAMPLES = `
Examples:
  creg diff customer-value 1 2 --registry http://localhost:8081
  creg diff customer-value 3 latest --json`;

function versionArgument(value: string): number | 'latest' {
  if (value === 'latest' || value === '-1') return 'latest';
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new InvalidArgumentError('a version is a positive number or latest');
  return Number(value);
}

/** One version, soft-deleted or not; a refusal is the registry's (exit 1), as for the other client commands. */
async function fetchVersion(client: RegistryClient, subject: string, version: number | 'latest'): Promise<SchemaEntity> {
  const params = { path: { subject, version }, query: { deleted: true } };
  return dataOf(await request(client.http.GET('/subjects/{subject}/versions/{version}', { params }))) as SchemaEntity;
}

/** JSON schemas (Avro, JSON Schema) pretty-printed, so that the text diff shows lines; Protobuf as written. */
function readable(text: string): string {
  try {
    return `${JSON.stringify(JSON.parse(text), null, 2)}\n`;
  } catch {
    return text.endsWith('\n') ? text : `${text}\n`;
  }
}

export function diffCommand(): Command {
  const command = new Command('diff')
    .description('Show what changed between two versions of a subject: the compatibility differences both ways, and a text diff')
    .argument('<subject>')
    .argument('<from>', 'a version number or latest', versionArgument)
    .argument('<to>', 'a version number or latest', versionArgument);
  addClientOptions(command, EXAMPLES);
  command.action(
    clientAction(command, async (client, _options: ClientOptions, subject: string, fromVersion: number | 'latest', toVersion: number | 'latest') => {
      const [from, to] = await Promise.all([fetchVersion(client, subject, fromVersion), fetchVersion(client, subject, toVersion)]);
      const reader = { version: (name: string, number: number | 'latest') => fetchVersion(client, name, number) };
      const parse = async (v: SchemaEntity): Promise<ParsedSchema> =>
        formatFor(v.schemaType ?? 'AVRO').parse(v.schema, await resolve(reader, v.references ?? []), { lenient: true });
      const [older, newer] = await Promise.all([parse(from), parse(to)]);
      const sameType = older.schemaType === newer.schemaType;
      const format = formatFor(newer.schemaType);
      const reads = (reader: ParsedSchema, writer: ParsedSchema, readerRole: string, writerRole: string) =>
        sameType ? reader.readerDifferences(writer, 'STRICT').map((d) => format.describe(d, readerRole, writerRole)) : ['Incompatible because of different schema type'];
      // "new" and "old" as the registry's compatibility messages say them: the version read with, the version written with.
      const backward = reads(newer, older, 'new', 'old');
      const forward = reads(older, newer, 'old', 'new');
      const patch = createTwoFilesPatch(`${subject}@${from.version}`, `${subject}@${to.version}`, readable(from.schema), readable(to.schema), '', '', { context: 3 });
      const text = [
        `${subject}: version ${from.version} → ${to.version}`,
        backward.length === 0 ? `version ${to.version} reads data written with ${from.version} (backward compatible)` : `version ${to.version} cannot read data written with ${from.version}:`,
        ...backward.map((m) => `  ${m}`),
        forward.length === 0 ? `version ${from.version} reads data written with ${to.version} (forward compatible)` : `version ${from.version} cannot read data written with ${to.version}:`,
        ...forward.map((m) => `  ${m}`),
        '',
        patch.trimEnd(),
      ];
      return {
        json: { subject, from: from.version, to: to.version, backward: { compatible: backward.length === 0, messages: backward }, forward: { compatible: forward.length === 0, messages: forward }, diff: patch },
        text,
      };
    }),
  );
  return command;
}
