/**
 * A contract as the CLI reads it from local files, before it is published:
 * a subject, a schema file, its type, its references (by subject, the
 * version fixed or left to be resolved) and its metadata. The parsers of
 * `--reference name=subject[:version]` and `--metadata key=value` live here,
 * as commander argument parsers that fail with a usage error.
 */
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { InvalidArgumentError } from 'commander';
import { SCHEMA_TYPES, type SchemaType } from '../../contracts/schema.js';
import type { Metadata } from '../../client/registry-client.js';
import { UsageError } from '../command-exit.js';

/** A reference before publishing: without a version, the referenced subject's version is resolved at run time. */
export interface LocalReference {
  name: string;
  subject: string;
  version?: number;
  /** The subject is another contract of the same manifest. */
  local?: boolean;
}

export interface LocalContract {
  subject: string;
  /** The schema file, as the user named it. */
  file: string;
  schemaType: SchemaType;
  schema: string;
  references: LocalReference[];
  metadata?: Metadata;
  normalize?: boolean;
}

const BY_EXTENSION: Record<string, SchemaType> = { '.avsc': 'AVRO', '.proto': 'PROTOBUF', '.json': 'JSON' };

export function parseSchemaType(value: string): SchemaType {
  const upper = value.toUpperCase();
  if (!(SCHEMA_TYPES as readonly string[]).includes(upper)) {
    throw new InvalidArgumentError(`expected one of ${SCHEMA_TYPES.join(', ')}`);
  }
  return upper as SchemaType;
}

/** The declared type, else the file's extension: `.avsc` Avro, `.proto` Protobuf, `.json` JSON Schema. */
export function schemaTypeOf(file: string, declared?: SchemaType): SchemaType {
  const type = declared ?? BY_EXTENSION[extname(file).toLowerCase()];
  if (!type) throw new UsageError(`cannot tell the schema type of ${file} from its extension: give it (AVRO, JSON or PROTOBUF)`);
  return type;
}

export async function readSchemaFile(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read the schema file ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

const REFERENCE = /^([^=]+)=([^=]+?)(?::(\d+|latest))?$/;

/** `name=subject:version`, `name=subject:latest` or `name=subject` (both resolve the latest version when run). */
export function parseReference(value: string, previous: LocalReference[] = []): LocalReference[] {
  const match = REFERENCE.exec(value.trim());
  if (!match) throw new InvalidArgumentError('expected name=subject:version, e.g. com.example.Address=address-value:3');
  const [, name, subject, version] = match;
  const reference: LocalReference = { name: name!, subject: subject! };
  if (version !== undefined && version !== 'latest') reference.version = Number(version);
  if (reference.version === 0) throw new InvalidArgumentError('versions start at 1');
  return [...previous, reference];
}

/** `key=value`, collected into Confluent's `metadata.properties`. */
export function parseMetadataProperty(value: string, previous: Record<string, string> = {}): Record<string, string> {
  const at = value.indexOf('=');
  if (at <= 0) throw new InvalidArgumentError('expected key=value, e.g. ecst.key=customer_id');
  return { ...previous, [value.slice(0, at)]: value.slice(at + 1) };
}
