/**
 * The registry's data: schemas (immutable, by id and guid) and the subject
 * versions that point at them. Field names follow Confluent's REST entities
 * (`client/.../rest/entities/Schema.java`, `Metadata.java`, `RuleSet.java`).
 */

export const SCHEMA_TYPES = ['AVRO', 'JSON', 'PROTOBUF'] as const;
export type SchemaType = (typeof SCHEMA_TYPES)[number];

/** A named dependency on a version of another subject; version -1 means latest. */
export interface SchemaReference {
  name: string;
  subject: string;
  version: number;
}

export interface Metadata {
  tags?: Record<string, string[]>;
  properties?: Record<string, string>;
  sensitive?: string[];
}

export interface Rule {
  name: string;
  doc?: string;
  kind?: 'TRANSFORM' | 'CONDITION';
  mode?: 'UPGRADE' | 'DOWNGRADE' | 'UPDOWN' | 'WRITE' | 'READ' | 'WRITEREAD';
  type: string;
  tags?: string[];
  params?: Record<string, string>;
  expr?: string;
  onSuccess?: string;
  onFailure?: string;
  disabled?: boolean;
}

export interface RuleSet {
  migrationRules?: Rule[];
  domainRules?: Rule[];
  encodingRules?: Rule[];
  enableAt?: unknown;
}

/** A schema as stored: immutable once written; `id` and `guid` never change meaning. */
export interface StoredSchema {
  id: number;
  /** Confluent's identity: MD5 over schema text, references, metadata and ruleSet, rendered as a UUID. */
  guid: string;
  schemaType: SchemaType;
  /** The canonical text the registry serves. */
  schema: string;
  references: SchemaReference[];
  metadata?: Metadata;
  ruleSet?: RuleSet;
  /** Creation time, epoch milliseconds. */
  ts: number;
}

/** One version of a subject. Soft-deleted versions keep their number and their schema id. */
export interface SubjectVersion {
  subject: string;
  version: number;
  schemaId: number;
  deleted: boolean;
  ts: number;
}

/** A schema that a reference resolved to, with its own references resolved in turn. */
export interface ResolvedReference {
  name: string;
  subject: string;
  version: number;
  schemaType: SchemaType;
  schema: string;
  references: ResolvedReference[];
}

/**
 * A schema id in a path as JAX-RS converts an `int` parameter: a decimal in
 * Java's int range, or undefined (which Confluent answers 404).
 */
export function parseSchemaId(raw: string): number | undefined {
  if (!/^-?\d{1,10}$/.test(raw)) return undefined;
  const id = Number(raw);
  return id >= -(2 ** 31) && id < 2 ** 31 ? id : undefined;
}
