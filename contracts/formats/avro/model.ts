/**
 * The Avro schema tree the other files of this folder work on, shaped like
 * Java Avro's `org.apache.avro.Schema` (lang/java/avro/.../Schema.java): a
 * named type is one object shared by every place that uses it; primitives,
 * arrays, maps and unions are one object per occurrence. Properties keep the
 * order they were written in, as Java's `JsonProperties` does.
 */
import type { JsonObject, JsonValue } from './json.js';

export const PRIMITIVE_KINDS = ['null', 'boolean', 'int', 'long', 'float', 'double', 'bytes', 'string'] as const;
export type PrimitiveKind = (typeof PRIMITIVE_KINDS)[number];
export type Kind = PrimitiveKind | 'record' | 'enum' | 'fixed' | 'array' | 'map' | 'union';

const PRIMITIVES: ReadonlySet<string> = new Set(PRIMITIVE_KINDS);
export const isPrimitiveName = (name: string): name is PrimitiveKind => PRIMITIVES.has(name);

/** Custom properties (everything not reserved), in written order. */
export type Props = JsonObject;

/** Java's `Schema.Name`: a simple name, its namespace (undefined for none) and the full name. */
export interface Name {
  readonly name: string;
  readonly space: string | undefined;
  readonly full: string;
}

export interface PrimitiveSchema {
  readonly kind: PrimitiveKind;
  readonly props: Props;
}

export type FieldOrder = 'ascending' | 'descending' | 'ignore';

export interface Field {
  readonly name: string;
  type: AvroSchema;
  readonly doc: string | undefined;
  /** The field's default as written (a JSON `null` is a default); undefined when it has none. */
  readonly defaultValue: JsonValue | undefined;
  readonly order: FieldOrder;
  /** Field aliases as written, duplicates dropped. */
  readonly aliases: string[];
  readonly props: Props;
  readonly pos: number;
}

interface NamedBase {
  readonly name: Name;
  readonly doc: string | undefined;
  readonly aliases: Name[];
  readonly props: Props;
}

export interface RecordSchema extends NamedBase {
  readonly kind: 'record';
  readonly isError: boolean;
  fields: Field[];
}

export interface EnumSchema extends NamedBase {
  readonly kind: 'enum';
  readonly symbols: string[];
  readonly enumDefault: string | undefined;
}

export interface FixedSchema extends NamedBase {
  readonly kind: 'fixed';
  readonly size: number;
}

export interface ArraySchema {
  readonly kind: 'array';
  items: AvroSchema;
  readonly props: Props;
}

export interface MapSchema {
  readonly kind: 'map';
  values: AvroSchema;
  readonly props: Props;
}

/** Unions carry no properties in Java Avro. */
export interface UnionSchema {
  readonly kind: 'union';
  types: AvroSchema[];
}

export type NamedSchema = RecordSchema | EnumSchema | FixedSchema;
export type AvroSchema = PrimitiveSchema | NamedSchema | ArraySchema | MapSchema | UnionSchema;

export const isNamed = (schema: AvroSchema): schema is NamedSchema =>
  schema.kind === 'record' || schema.kind === 'enum' || schema.kind === 'fixed';

/** Java's `Schema.Type` constant name, as compatibility messages print it (`INT`, `RECORD`). */
export const javaTypeName = (schema: AvroSchema): string => schema.kind.toUpperCase();

/** Java's `getFullName()`: the full name of a named type, else the type's name. */
export const fullNameOf = (schema: AvroSchema): string => (isNamed(schema) ? schema.name.full : schema.kind);

/** Java's `Schema.Name(name, space)`: a dotted name carries its own namespace; "" means none. */
export function makeName(name: string, space: string | undefined, validate: (simple: string) => void): Name {
  const lastDot = name.lastIndexOf('.');
  let simple = name;
  if (lastDot >= 0) {
    space = name.slice(0, lastDot);
    simple = name.slice(lastDot + 1);
  }
  validate(simple);
  if (space === '') space = undefined;
  return { name: simple, space, full: space === undefined ? simple : `${space}.${simple}` };
}

const TYPE_NAMES: ReadonlySet<string> = new Set([...PRIMITIVE_KINDS, 'record', 'enum', 'array', 'map', 'union', 'fixed']);

/** Java's `Name.getQualified`: the short name inside its own namespace, unless it reads as a type name. */
export function qualifiedName(name: Name, defaultSpace: string | undefined): string {
  if (name.space !== undefined && name.space === defaultSpace && !TYPE_NAMES.has(name.name)) return name.name;
  return name.full;
}

/** Java's `NamedSchema.getAliases()`: an alias without namespace inside a namespaced type reads `.alias`. */
export function aliasStrings(schema: NamedSchema): string[] {
  return schema.aliases.map((alias) =>
    alias.space === undefined && schema.name.space !== undefined ? `.${alias.name}` : alias.full,
  );
}

/**
 * Java Avro's `NameValidator.STRICT_VALIDATOR`, which Confluent uses for new
 * schemas (ASCII letters, digits and `_`, not starting with a digit), or with
 * `unicode` its `UTF_VALIDATOR` (any letter or digit). Returns the
 * validator's error text, or undefined when the name is valid.
 */
export function nameError(name: string | null, unicode = false): string | undefined {
  if (name === null) return 'Null name';
  if (name.length === 0) return 'Empty name';
  const [initial, rest] = unicode ? [/^[\p{L}_]/u, /^[\p{L}_][\p{L}\p{Nd}_]*$/u] : [/^[A-Za-z_]/, /^[A-Za-z_][A-Za-z0-9_]*$/];
  if (!initial.test(name)) return `Illegal initial character: ${name}`;
  if (!rest.test(name)) return `Illegal character in: ${name}`;
  return undefined;
}
