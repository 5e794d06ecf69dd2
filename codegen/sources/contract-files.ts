/**
 * Contracts from files in a repository: the schema type from the extension
 * (`.avsc` Avro, `.json` JSON Schema, `.proto` Protobuf) unless given, the
 * subject from the file name (`customer-value.avsc` → `customer-value`)
 * unless given. Several files of one subject are its versions, oldest first;
 * metadata, which a file cannot carry, may be given for the latest.
 * A file's schema id is given, or looked up in the registry when there is
 * one, or absent (the generated encoder then says it needs one).
 */
import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import type { Metadata, SchemaType } from '../../contracts/schema.js';
import type { ContractVersion, SubjectContract } from '../model.js';
import type { RegistryReader } from './registry-reader.js';

export const EXTENSIONS: Record<string, SchemaType> = { '.avsc': 'AVRO', '.json': 'JSON', '.proto': 'PROTOBUF' };

/** `avro`, `json`, `protobuf` (any case; also `json-schema`, `proto`) as a schema type. */
export function parseSchemaType(text: string): SchemaType {
  const type = { AVRO: 'AVRO', JSON: 'JSON', 'JSON-SCHEMA': 'JSON', JSONSCHEMA: 'JSON', PROTOBUF: 'PROTOBUF', PROTO: 'PROTOBUF' }[text.toUpperCase()];
  if (type === undefined) throw new Error(`unknown schema type ${JSON.stringify(text)}: use avro, json or protobuf`);
  return type as SchemaType;
}

export function schemaTypeOfFile(path: string, given: SchemaType | undefined): SchemaType {
  if (given !== undefined) return given;
  const type = EXTENSIONS[extname(path).toLowerCase()];
  if (type === undefined) throw new Error(`cannot tell the schema type of ${path} from its extension (.avsc, .json, .proto): give it (--type)`);
  return type;
}

export const subjectOfFile = (path: string): string => basename(path, extname(path));

export interface FileContract {
  subject: string;
  name?: string;
  files: string[];
  type?: SchemaType;
  ids?: number[];
  /** The latest version's metadata (its ECST properties). */
  metadata?: Metadata;
}

export async function readFileContract(spec: FileContract, registry: RegistryReader | undefined): Promise<SubjectContract> {
  if (spec.ids !== undefined && spec.ids.length !== spec.files.length) {
    throw new Error(`${spec.subject}: ${spec.files.length} file(s) but ${spec.ids.length} id(s); give one id per file`);
  }
  const versions: ContractVersion[] = [];
  for (const [i, file] of spec.files.entries()) {
    const schemaType = schemaTypeOfFile(file, spec.type);
    let schema: string;
    try {
      schema = await readFile(file, 'utf8');
    } catch (error) {
      throw new Error(`cannot read contract file ${file}: ${(error as Error).message}`, { cause: error });
    }
    let id = spec.ids?.[i];
    let version = i + 1;
    if (id === undefined && registry !== undefined) {
      const found = await registry.lookup(spec.subject, schema, schemaType).catch((error: Error) => {
        throw new Error(`${file}: ${error.message}`, { cause: error });
      });
      id = found.id;
      version = found.version;
    }
    versions.push({ version, ...(id === undefined ? {} : { id }), schemaType, schema, references: [] });
  }
  versions.sort((a, b) => a.version - b.version);
  if (spec.metadata !== undefined) versions[versions.length - 1]!.metadata = spec.metadata;
  return { subject: spec.subject, ...(spec.name === undefined ? {} : { name: spec.name }), versions };
}
