/**
 * Between the registry's records and the table rows: JSON text columns are
 * parsed on read, times are epoch milliseconds in BIGINT columns (numbers to
 * the registry), and absent optional fields are left out of the record rather
 * than set to `undefined` or `null`.
 */
import type { ConfigValue, Mode } from '../contracts/config.js';
import type { SchemaReference, SchemaType, StoredSchema, SubjectVersion } from '../contracts/schema.js';

export interface SchemaRow {
  id: number;
  guid: string;
  schemaType: string;
  schema: string;
  references: string;
  metadata: string | null;
  ruleSet: string | null;
  ts: bigint;
}

export interface SubjectVersionRow {
  subject: string;
  version: number;
  schemaId: number;
  deleted: boolean;
  ts: bigint;
}

export function schemaFromRow(row: SchemaRow): StoredSchema {
  const schema: StoredSchema = {
    id: row.id,
    guid: row.guid,
    schemaType: row.schemaType as SchemaType,
    schema: row.schema,
    references: JSON.parse(row.references) as SchemaReference[],
    ts: Number(row.ts),
  };
  if (row.metadata !== null) schema.metadata = JSON.parse(row.metadata) as StoredSchema['metadata'];
  if (row.ruleSet !== null) schema.ruleSet = JSON.parse(row.ruleSet) as StoredSchema['ruleSet'];
  return schema;
}

export function schemaToRow(schema: StoredSchema): SchemaRow {
  return {
    id: schema.id,
    guid: schema.guid,
    schemaType: schema.schemaType,
    schema: schema.schema,
    references: JSON.stringify(schema.references),
    metadata: schema.metadata == null ? null : JSON.stringify(schema.metadata),
    ruleSet: schema.ruleSet == null ? null : JSON.stringify(schema.ruleSet),
    ts: BigInt(Math.trunc(schema.ts)),
  };
}

export function versionFromRow(row: SubjectVersionRow): SubjectVersion {
  return {
    subject: row.subject,
    version: row.version,
    schemaId: row.schemaId,
    deleted: row.deleted,
    ts: Number(row.ts),
  };
}

export function versionToRow(version: SubjectVersion): SubjectVersionRow {
  return {
    subject: version.subject,
    version: version.version,
    schemaId: version.schemaId,
    deleted: version.deleted,
    ts: BigInt(Math.trunc(version.ts)),
  };
}

export const configFromText = (text: string): ConfigValue => JSON.parse(text) as ConfigValue;
export const configToText = (value: ConfigValue): string => JSON.stringify(value);
export const modeFromText = (text: string): Mode => text as Mode;

/** Subject then version, subjects by UTF-16 code units (Java's `String.compareTo`, as Confluent sorts). */
export function bySubjectThenVersion(a: SubjectVersion, b: SubjectVersion): number {
  if (a.subject !== b.subject) return a.subject < b.subject ? -1 : 1;
  return a.version - b.version;
}
