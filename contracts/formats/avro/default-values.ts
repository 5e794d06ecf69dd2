/**
 * How normalisation re-encodes a default or a property value: Java Avro's
 * `JacksonUtils.toObject(node, schema)` (lang/java/avro/.../util/internal/
 * JacksonUtils.java) followed by Confluent's `AvroSchemaUtils.toJsonNode`.
 *
 * The quirks are Confluent's and kept on purpose: a union is read through its
 * first branch only, so a default matching a later branch becomes Java null
 * and is dropped; a number takes the field's type (`1` on a double field
 * becomes `1.0`, on a float field a float); bytes go through ISO-8859-1;
 * objects come out with their keys sorted (Confluent's SortingNodeFactory).
 * Where Java throws, normalisation fails with 42201.
 */
import { toJavaString } from './canonical.js';
import { isJsonNumber, isJsonObject, JsonNumber, type JsonValue } from './json.js';
import type { AvroSchema } from './model.js';
import { invalidAvro } from './invalid.js';

/**
 * The re-encoded value, or undefined where Java's `toObject` gives null. Java
 * takes a union's first branch before it looks at the value, so a field of an
 * empty union fails even without a default.
 */
export function toObjectValue(value: JsonValue | undefined, schema: AvroSchema | undefined): JsonValue | undefined {
  if (schema?.kind === 'union') {
    const first = schema.types[0];
    if (first === undefined) throw invalidAvro('Index 0 out of bounds for length 0');
    return toObjectValue(value, first);
  }
  if (value === undefined) return undefined;
  if (value === null || typeof value === 'boolean') return value;
  if (isJsonNumber(value)) return numberValue(value, schema);
  if (typeof value === 'string') {
    if (schema === undefined || schema.kind === 'string' || schema.kind === 'enum') return value;
    if (schema.kind === 'bytes' || schema.kind === 'fixed') return latin1(value);
    return undefined;
  }
  if (Array.isArray(value)) {
    // Java asks the schema for its element type once per element: an empty array never asks.
    if (value.length > 0 && schema !== undefined && schema.kind !== 'array') {
      throw invalidAvro(`Not an array: ${toJavaString(schema)}`);
    }
    return value.map((element) => present(toObjectValue(element, schema?.kind === 'array' ? schema.items : undefined)));
  }
  if (isJsonObject(value)) {
    const members: [string, JsonValue][] = [];
    for (const [key, member] of value) {
      let memberSchema: AvroSchema | undefined;
      if (schema?.kind === 'map') memberSchema = schema.values;
      else if (schema?.kind === 'record') {
        const field = schema.fields.find((f) => f.name === key);
        if (field === undefined) throw invalidAvro(`No field ${key} in record ${schema.name.full}`);
        memberSchema = field.type;
      }
      members.push([key, present(toObjectValue(member, memberSchema))]);
    }
    return new Map(members.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  }
  return undefined;
}

function numberValue(value: JsonNumber, schema: AvroSchema | undefined): JsonValue | undefined {
  if (value.kind === 'bigint') return undefined;
  if (value.isIntegral) {
    const kind = schema?.kind;
    if (kind === undefined || kind === 'int' || kind === 'long') return value;
    if (kind === 'float') return JsonNumber.float(value.value);
    if (kind === 'double') return JsonNumber.double(value.value);
    return undefined;
  }
  if (schema === undefined) return value;
  if (schema.kind === 'double') return JsonNumber.double(value.value);
  if (schema.kind === 'float') return JsonNumber.float(value.value);
  return undefined;
}

/** Java's `getBytes(ISO_8859_1)` read back as ISO-8859-1: characters past U+00FF become `?`. */
function latin1(text: string): string {
  let out = '';
  for (const char of text) out += char.codePointAt(0)! > 0xff ? '?' : char;
  return out;
}

/** Confluent's `genJson` cannot write a Java null inside an array or object. */
function present(value: JsonValue | undefined): JsonValue {
  if (value === undefined) throw invalidAvro('Unknown datum class: null');
  return value;
}
