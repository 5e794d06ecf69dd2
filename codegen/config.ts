/**
 * `creg.config.json`: what `creg codegen` generates when run without
 * subjects on the command line. Paths are relative to the file's folder.
 *
 *   {
 *     "registry": "http://localhost:8081",
 *     "out": "src/contracts",
 *     "subjects": [
 *       "customer-value",
 *       { "subject": "order-value", "name": "Order" },
 *       {
 *         "subject": "audit-value",
 *         "files": ["contracts/audit.v1.avsc", "contracts/audit.v2.avsc"],
 *         "ids": [7, 9],
 *         "metadata": { "properties": { "ecst.key": "audit_id", "ecst.sequence": "header:ecst-sequence" } }
 *       },
 *       { "subject": "ledger-value", "avroLong": "bigint" }
 *     ]
 *   }
 *
 * A subject given by name is read from the registry, every version; one
 * with `files` is read from those files (oldest first), its ids given or
 * looked up in the registry when one is configured, and `metadata` (what
 * the registry would hold for its latest version: the ECST properties)
 * given here. `avroLong: "bigint"` types an Avro subject's `long`s as
 * `bigint` (every 64-bit value) instead of avsc's `number`.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Metadata, SchemaType } from '../contracts/schema.js';
import { parseSchemaType } from './sources/contract-files.js';

export interface SubjectEntry {
  subject: string;
  name?: string;
  files?: string[];
  type?: SchemaType;
  ids?: number[];
  metadata?: Metadata;
  /** Avro: `long` as `number` (the default) or `bigint`. */
  avroLong?: 'number' | 'bigint';
}

export interface CodegenConfig {
  registry?: string;
  out?: string;
  subjects: SubjectEntry[];
}

export const DEFAULT_CONFIG_FILE = 'creg.config.json';

export function readConfig(path: string): CodegenConfig {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`cannot read ${path}: ${(error as Error).message}`, { cause: error });
  }
  const fail = (what: string): never => {
    throw new Error(`${path}: ${what}`);
  };
  if (!isObject(json)) return fail('expected a JSON object');
  const base = dirname(resolve(path));
  for (const key of Object.keys(json)) if (!['registry', 'out', 'subjects', '$comment'].includes(key)) fail(`unknown key "${key}" (registry, out, subjects)`);
  const registry = optionalString(json['registry'], 'registry', fail);
  const out = optionalString(json['out'], 'out', fail);
  const subjects = json['subjects'] ?? [];
  if (!Array.isArray(subjects)) return fail('"subjects" must be an array');
  return {
    ...(registry === undefined ? {} : { registry }),
    ...(out === undefined ? {} : { out: resolve(base, out) }),
    subjects: subjects.map((entry, i) => subjectEntry(entry, `subjects[${i}]`, base, fail)),
  };
}

function subjectEntry(entry: unknown, where: string, base: string, fail: (what: string) => never): SubjectEntry {
  if (typeof entry === 'string') return { subject: entry };
  if (!isObject(entry)) return fail(`${where}: a subject name or an object`);
  for (const key of Object.keys(entry)) if (!['subject', 'name', 'files', 'type', 'ids', 'metadata', 'avroLong'].includes(key)) fail(`${where}: unknown key "${key}"`);
  const subject = entry['subject'];
  if (typeof subject !== 'string' || subject === '') return fail(`${where}: "subject" must be a non-empty string`);
  const name = optionalString(entry['name'], `${where}.name`, fail);
  const files = entry['files'];
  if (files !== undefined && (!Array.isArray(files) || files.length === 0 || !files.every((f) => typeof f === 'string'))) {
    fail(`${where}: "files" must be a non-empty array of paths`);
  }
  const ids = entry['ids'];
  if (ids !== undefined && (!Array.isArray(ids) || !ids.every((id) => Number.isInteger(id)))) fail(`${where}: "ids" must be an array of schema ids`);
  const type = optionalString(entry['type'], `${where}.type`, fail);
  const avroLong = optionalString(entry['avroLong'], `${where}.avroLong`, fail);
  if (avroLong !== undefined && avroLong !== 'number' && avroLong !== 'bigint') fail(`${where}: "avroLong" is "number" or "bigint"`);
  const metadata = entry['metadata'];
  if (metadata !== undefined && (files === undefined || !isObject(metadata) || (metadata['properties'] !== undefined && !isObject(metadata['properties'])))) {
    fail(`${where}: "metadata" is an object ({ "properties": { … } }) and goes with "files"`);
  }
  return {
    subject,
    ...(name === undefined ? {} : { name }),
    ...(files === undefined ? {} : { files: (files as string[]).map((f) => resolve(base, f)) }),
    ...(type === undefined ? {} : { type: parseSchemaType(type) }),
    ...(ids === undefined ? {} : { ids: ids as number[] }),
    ...(metadata === undefined ? {} : { metadata: metadata as Metadata }),
    ...(avroLong === undefined ? {} : { avroLong: avroLong as 'number' | 'bigint' }),
  };
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function optionalString(value: unknown, where: string, fail: (what: string) => never): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string') return fail(`"${where}" must be a string`);
  return value;
}
