/**
 * The options that name one contract on the command line (`creg register`,
 * `creg check --schema`): `--subject`, `--schema FILE`, `--type`,
 * `--reference name=subject:version` and `--metadata key=value` (both
 * repeatable), `--normalize`; and the local contract they make.
 */
import { Option, type Command } from 'commander';
import type { SchemaType } from '../../contracts/schema.js';
import { UsageError } from '../command-exit.js';
import {
  parseMetadataProperty,
  parseReference,
  parseSchemaType,
  readSchemaFile,
  schemaTypeOf,
  type LocalContract,
  type LocalReference,
} from './local-contract.js';

export interface ContractOptions {
  subject?: string;
  schema?: string;
  type?: SchemaType;
  reference: LocalReference[];
  metadata: Record<string, string>;
  normalize?: boolean;
}

export function addContractOptions<C extends Command>(command: C): C {
  command
    .option('--subject <subject>', 'the subject, e.g. customer-value')
    .option('--schema <file>', 'the schema file: .avsc (Avro), .proto (Protobuf) or .json (JSON Schema)')
    .addOption(new Option('--type <type>', 'AVRO, JSON or PROTOBUF (default: from the file extension)').argParser(parseSchemaType))
    .addOption(
      new Option('--reference <name=subject:version>', 'a schema reference; repeatable; without :version, the latest')
        .argParser(parseReference)
        .default([], 'none'),
    )
    .addOption(
      new Option('--metadata <key=value>', 'a metadata property, e.g. ecst.key=customer_id; repeatable')
        .argParser(parseMetadataProperty)
        .default({}, 'none'),
    )
    .option('--normalize', "normalize the schema first (Confluent's normalize=true)");
  return command;
}

export async function contractFromOptions(options: ContractOptions): Promise<LocalContract> {
  if (options.subject === undefined || options.schema === undefined) throw new UsageError('give both --subject and --schema');
  return {
    subject: options.subject,
    file: options.schema,
    schemaType: schemaTypeOf(options.schema, options.type),
    schema: await readSchemaFile(options.schema),
    references: options.reference,
    ...(Object.keys(options.metadata).length > 0 && { metadata: { properties: options.metadata } }),
    ...(options.normalize && { normalize: true }),
  };
}
