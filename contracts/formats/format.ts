/**
 * What a schema format (Avro, JSON Schema, Protobuf) must provide. Each format
 * lives in its own folder and is listed once, in `formats/index.ts`.
 * Model: Confluent's `ParsedSchema` (client/.../ParsedSchema.java).
 */
import type { SchemaTagsChange } from '../schema-tags.js';
import type { ResolvedReference, SchemaType } from '../schema.js';

/** One way a reader schema fails to read data written with a writer schema. */
export interface Difference {
  /** The difference type, spelled exactly as Confluent / Apache Avro spell it. */
  type: string;
  /** JSON-pointer-like location, e.g. `/fields/1/type` (Avro) or `#/properties/foo` (JSON). */
  path: string;
  /** Confluent's verbose message for this difference. */
  message: string;
}

export interface ParsedSchema {
  readonly schemaType: SchemaType;
  /** The text the registry stores and serves (Avro: Java `Schema.toString()` form). */
  canonical(): string;
  /** The normalised text used when `normalize=true` (Confluent `toNormalizedString`). */
  normalized(): string;
  /** Differences that stop `this` (the reader) from reading data written with `writer`; empty = compatible. */
  readerDifferences(writer: ParsedSchema, policy: CompatibilityPolicy): Difference[];
  /**
   * Whether `name` is a top-level field (Confluent's `hasTopLevelField`, what a
   * reserved field may not be): a field of a top-level Avro record, a key of
   * the root `properties` of a JSON Schema, a direct field (not a oneof
   * member) of any top-level Protobuf message.
   */
  hasTopLevelField(name: string): boolean;
  /** What `validateFields` also asks of the schema (Confluent's `validate(true)`); throws 42201. Absent: nothing more. */
  checkFieldNames?(): void;
  /** The schema's fully-qualified name where it has one (record, message, title). */
  name(): string | undefined;
  /**
   * The schema text with its inline tags changed, entity by entity (Confluent's
   * `ParsedSchema.copy(tagsToAdd, tagsToRemove)`), for the registry to parse
   * and canonicalise like any submitted schema. A path that names nothing is
   * 42201 (`noMatchingPath`). Optional: a format without it cannot be tagged.
   */
  withTags?(changes: SchemaTagsChange[]): string;
  /**
   * Confluent's `formattedString(format)` for the `format` query parameter
   * (Protobuf: `serialized` is the base64 FileDescriptorProto that
   * `@confluentinc/schemaregistry` reads). Absent: the canonical text.
   */
  formatted?(format: string): string;
}

/** Confluent's `compatibilityPolicy`; only JSON Schema distinguishes LENIENT. */
export type CompatibilityPolicy = 'STRICT' | 'LENIENT';

export interface SchemaFormat {
  readonly schemaType: SchemaType;
  /**
   * Parses and validates schema text with its resolved references.
   * Throws a `RegistryError` with code 42201 (see `errors.ts`) naming the problem.
   * `lenient` re-reads a stored schema the way Confluent does, without the
   * checks that only new schemas must pass.
   */
  parse(text: string, references: ResolvedReference[], options?: { lenient?: boolean }): ParsedSchema;
  /**
   * Confluent's verbose message for a difference, with the two schemas named by
   * their roles: `('new', 'old')` when the new schema reads the old one.
   */
  describe(difference: Difference, readerRole: string, writerRole: string): string;
}
