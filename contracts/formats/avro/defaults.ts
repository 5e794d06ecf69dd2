/**
 * Field defaults as Java Avro accepts them (Schema.java `isValidDefault`,
 * `isValidValue`, and `parseField`'s reading of text defaults of float and
 * double fields). Java is more lenient than avsc here: a union's default may
 * match any branch, not only the first (Confluent's AvroCompatibilityTest
 * relies on `["null","string"]` accepting the default `"null"`).
 */
import { isJsonNumber, isJsonObject, JsonNumber, type JsonValue } from './json.js';
import type { AvroSchema } from './model.js';

export function isValidDefault(schema: AvroSchema, value: JsonValue | undefined): boolean {
  if (value === undefined) return false;
  switch (schema.kind) {
    case 'string':
    case 'bytes':
    case 'enum':
    case 'fixed':
      return typeof value === 'string';
    case 'int':
      return isJsonNumber(value) && value.kind === 'int';
    case 'long':
      return isJsonNumber(value) && (value.kind === 'int' || value.kind === 'long');
    case 'float':
    case 'double':
      return isJsonNumber(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'null':
      return value === null;
    case 'array':
      return Array.isArray(value) && value.every((element) => isValidDefault(schema.items, element));
    case 'map':
      return isJsonObject(value) && [...value.values()].every((member) => isValidDefault(schema.values, member));
    case 'union':
      return schema.types.some((branch) => isValidValue(branch, value));
    case 'record':
      return (
        isJsonObject(value) &&
        schema.fields.every((field) => isValidValue(field.type, value.has(field.name) ? value.get(field.name) : field.defaultValue))
      );
  }
}

function isValidValue(schema: AvroSchema, value: JsonValue | undefined): boolean {
  if (value === undefined) return false;
  if (schema.kind === 'union') return schema.types.some((branch) => isValidDefault(branch, value));
  return isValidDefault(schema, value);
}

/**
 * Java reads a text default of a float or double field with
 * `Double.parseDouble` ("1.5", "NaN", "-Infinity", "2e3", "1.5f"). Returns the
 * number, or the error Java's `NumberFormatException` carries.
 */
export function parseJavaDouble(text: string): JsonNumber | { error: string } {
  const trimmed = text.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '');
  if (trimmed === '') return { error: 'empty String' };
  const special = /^([+-]?)(NaN|Infinity)$/.exec(trimmed);
  if (special) {
    const value = special[2] === 'NaN' ? NaN : special[1] === '-' ? -Infinity : Infinity;
    return JsonNumber.double(value);
  }
  const decimal = /^([+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)[fFdD]?$/.exec(trimmed);
  if (!decimal) return { error: `For input string: "${trimmed}"` };
  return JsonNumber.double(Number(decimal[1]));
}
