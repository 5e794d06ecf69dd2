/**
 * Confluent's `AvroSchemaUtils.toNormalizedString` (client/.../avro/
 * AvroSchemaUtils.java, "adapted from SchemaNormalization.java in Avro"): full
 * names instead of namespaces, `name` before `type`, every field's order
 * written, properties sorted by key, valid logical types first, aliases sorted,
 * defaults re-encoded through the field's type.
 *
 * Confluent never stores this text as is: `AvroSchema.normalize()` parses it
 * again and the registry stores that schema's canonical text (see
 * `avro-format.ts`). The text may hold a key twice (a logical type is written
 * from the logical type and again from the properties); Jackson, like
 * `json.ts`, keeps the last value in the first place.
 */
import { quoteJson, writeJson } from './json.js';
import { logicalTypeOf, type LogicalType } from './logical-types.js';
import { toObjectValue } from './default-values.js';
import { invalidAvro } from './invalid.js';
import { aliasStrings, type AvroSchema, type Field, type NamedSchema, type Props } from './model.js';

/** `toNormalizedString`: `referenceNames` are written by full name only, as Confluent seeds them. */
export function toNormalizedString(schema: AvroSchema, referenceNames: string[] = []): string {
  const env = new Map(referenceNames.map((name) => [name, quoteJson(name)]));
  return build(schema, env);
}

function build(schema: AvroSchema, env: Map<string, string>): string {
  const logical = logicalTypeOf(schema);
  switch (schema.kind) {
    case 'union':
      return `[${schema.types.map((branch) => build(branch, env)).join(',')}]`;
    case 'array':
    case 'map': {
      const inner = schema.kind === 'array' ? `"items":${build(schema.items, env)}` : `"values":${build(schema.values, env)}`;
      return `{"type":"${schema.kind}",${inner}${logicalProps(logical)}${simpleProps(schema.props)}}`;
    }
    case 'record':
    case 'enum':
    case 'fixed':
      return buildNamed(schema, env, logical);
    default:
      if (logical === undefined && schema.props.size === 0) return `"${schema.kind}"`;
      return `{"type":"${schema.kind}"${logicalProps(logical)}${simpleProps(schema.props)}}`;
  }
}

function buildNamed(schema: NamedSchema, env: Map<string, string>, logical: LogicalType | undefined): string {
  const known = env.get(schema.name.full);
  if (known !== undefined) return known;
  const qualified = quoteJson(schema.name.full);
  env.set(schema.name.full, qualified);
  let out = `{"name":${qualified},"type":"${schema.kind}"`;
  switch (schema.kind) {
    case 'enum':
      // Symbols are written raw, without escaping, as Confluent does (valid names need none).
      out += `,"symbols":[${schema.symbols.map((symbol) => `"${symbol}"`).join(',')}]`;
      break;
    case 'fixed':
      out += `,"size":${schema.size}`;
      break;
    case 'record':
      out += `,"fields":[${schema.fields.map((field) => buildField(field, env)).join(',')}]`;
      break;
  }
  out += logicalProps(logical);
  if (schema.doc !== undefined && schema.doc !== '') out += `,"doc":${quoteJson(schema.doc)}`;
  const aliases = aliasStrings(schema);
  if (aliases.length > 0) out += `,"aliases":[${sortedUnique(aliases).map(quoteJson).join(',')}]`;
  if (schema.kind === 'enum' && schema.enumDefault !== undefined) out += `,"default":${quoteJson(schema.enumDefault)}`;
  return `${out}${simpleProps(schema.props)}}`;
}

function buildField(field: Field, env: Map<string, string>): string {
  // Field names are written raw, as Confluent does.
  let out = `{"name":"${field.name}","type":${build(field.type, env)}`;
  // Java's Field.Order enum prints its constant name.
  out += `,"order":"${field.order.toUpperCase()}"`;
  if (field.doc !== undefined) out += `,"doc":${quoteJson(field.doc)}`;
  if (field.aliases.length > 0) out += `,"aliases":[${sortedUnique(field.aliases).map(quoteJson).join(',')}]`;
  // Java's Field.defaultVal() runs for every field, default or not.
  const value = toObjectValue(field.defaultValue, field.type);
  if (value !== undefined) out += `,"default":${writeJson(value)}`;
  return `${out}${simpleProps(field.props)}}`;
}

function logicalProps(logical: LogicalType | undefined): string {
  if (logical === undefined) return '';
  let out = `,"logicalType":"${logical.name}"`;
  if (logical.decimal !== undefined) {
    out += `,"precision":${logical.decimal.precision}`;
    if (logical.decimal.scale !== 0) out += `,"scale":${logical.decimal.scale}`;
  }
  return out;
}

/** Properties sorted by key (Java's TreeMap), each re-encoded as Confluent's `toJsonNode` does. */
function simpleProps(props: Props): string {
  const keys = [...props.keys()].sort(compareJavaStrings);
  return keys
    .map((key) => {
      const value = toObjectValue(props.get(key)!, undefined);
      // Java's toObject has no value for a big integer, and Confluent's toJsonNode(null).toString() throws.
      if (value === undefined) throw invalidAvro(`Cannot normalize property ${key}`);
      return `,"${key}":${writeJson(value)}`;
    })
    .join('');
}

function sortedUnique(values: string[]): string[] {
  return [...new Set(values)].sort(compareJavaStrings);
}

/** Java's `String.compareTo`: by UTF-16 code units, which is also how JavaScript compares strings. */
function compareJavaStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
