/**
 * `contracts.json`: the manifest of a folder of contracts, read by
 * `creg contracts push` and `creg check`. Paths are relative to the folder.
 *
 *   { "contracts": [
 *       { "subject": "address-value", "file": "address.avsc" },
 *       { "subject": "customer-value", "file": "customer.avsc",
 *         "schemaType": "AVRO",                          // default: from the extension
 *         "references": [
 *           { "name": "com.example.Address", "subject": "address-value" },   // in this manifest
 *           { "name": "common.proto", "subject": "common-types", "version": 2 } ],
 *         "metadata": { "properties": { "ecst.key": "customer_id" } },
 *         "normalize": false } ] }
 *
 * A reference to a subject of the same manifest may leave out its version: it
 * is the version that contract has when published. Any other reference
 * without a version resolves to that subject's latest version. Unknown
 * fields are refused, so that a typo does not pass silently.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Metadata } from '../../client/registry-client.js';
import { SCHEMA_TYPES, type SchemaType } from '../../contracts/schema.js';
import { UsageError } from '../command-exit.js';
import { readSchemaFile, schemaTypeOf, type LocalContract, type LocalReference } from './local-contract.js';

export const MANIFEST_FILE = 'contracts.json';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStringRecord = (v: unknown) => isObject(v) && Object.values(v).every((x) => typeof x === 'string');
const CONTRACT_FIELDS = ['subject', 'file', 'schemaType', 'references', 'metadata', 'normalize'];

function invalid(file: string, where: string, problem: string): never {
  throw new UsageError(`${file}: ${where} ${problem}`);
}

function reference(file: string, where: string, value: unknown): LocalReference {
  if (!isObject(value) || typeof value.name !== 'string' || typeof value.subject !== 'string') {
    invalid(file, where, 'must be an object with a string "name" and "subject"');
  }
  const { name, subject, version } = value;
  if (version !== undefined && !(Number.isInteger(version) && (version as number) >= 1)) {
    invalid(file, `${where}.version`, 'must be an integer, 1 or more');
  }
  return { name, subject, ...(version !== undefined && { version: version as number }) };
}

function metadata(file: string, where: string, value: unknown): Metadata {
  if (!isObject(value)) invalid(file, where, 'must be an object ({ "properties": { … } })');
  if (value.properties !== undefined && !isStringRecord(value.properties)) {
    invalid(file, `${where}.properties`, 'must map names to strings');
  }
  return value as Metadata;
}

async function contract(dir: string, file: string, where: string, value: unknown): Promise<LocalContract> {
  if (!isObject(value)) invalid(file, where, 'must be an object');
  const unknown = Object.keys(value).filter((key) => !CONTRACT_FIELDS.includes(key));
  if (unknown.length > 0) invalid(file, where, `has unknown fields: ${unknown.join(', ')}`);
  if (typeof value.subject !== 'string' || value.subject === '') invalid(file, `${where}.subject`, 'must be a subject name');
  if (typeof value.file !== 'string' || value.file === '') invalid(file, `${where}.file`, 'must be a path relative to the folder');
  const declared = value.schemaType;
  if (declared !== undefined && !(SCHEMA_TYPES as readonly unknown[]).includes(declared)) {
    invalid(file, `${where}.schemaType`, `must be one of ${SCHEMA_TYPES.join(', ')}`);
  }
  if (value.references !== undefined && !Array.isArray(value.references)) invalid(file, `${where}.references`, 'must be a list');
  if (value.normalize !== undefined && typeof value.normalize !== 'boolean') invalid(file, `${where}.normalize`, 'must be a boolean');
  const schemaFile = join(dir, value.file);
  return {
    subject: value.subject,
    file: schemaFile,
    schemaType: schemaTypeOf(schemaFile, declared as SchemaType | undefined),
    schema: await readSchemaFile(schemaFile),
    references: ((value.references as unknown[] | undefined) ?? []).map((r, i) => reference(file, `${where}.references[${i}]`, r)),
    ...(value.metadata !== undefined && { metadata: metadata(file, `${where}.metadata`, value.metadata) }),
    ...(value.normalize !== undefined && { normalize: value.normalize }),
  };
}

/** The contracts of `dir/contracts.json`, schemas read, in manifest order. */
export async function readManifest(dir: string): Promise<LocalContract[]> {
  const file = join(dir, MANIFEST_FILE);
  let json: unknown;
  try {
    json = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new UsageError(`cannot read the manifest ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  if (!isObject(json) || !Array.isArray(json.contracts)) invalid(file, 'the manifest', 'must be { "contracts": [ … ] }');
  const contracts = await Promise.all(json.contracts.map((c, i) => contract(dir, file, `contracts[${i}]`, c)));
  const subjects = new Set<string>();
  for (const { subject } of contracts) {
    if (subjects.has(subject)) invalid(file, `subject "${subject}"`, 'is listed twice');
    subjects.add(subject);
  }
  for (const reference of contracts.flatMap((c) => c.references)) {
    if (subjects.has(reference.subject)) reference.local = true;
  }
  return contracts;
}
