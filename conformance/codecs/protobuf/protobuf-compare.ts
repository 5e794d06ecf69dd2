/**
 * Protobuf states as plain JSON, and a replica's state compared with the
 * expected one (protobufjs `toObject` of the reader's decoding, defaults
 * included), directed by the reader's message type. Leniencies, as for
 * Avro: bytes in any form, 64-bit integers as numbers, bigints or decimal
 * strings, enum values by name or number, maps as Maps, field names as
 * written or in lowerCamelCase (proto3's JSON names, protobufjs's default
 * when it parses without `keepCase`); and proto3's own: a
 * field left out equals its default (a proto3 replica cannot tell them
 * apart), an unset message field or `optional` field is null or left out.
 * A oneof may also be given as one property under its name,
 * `{ case: '<member>', value }` (protobuf-es's shape, and the generated
 * code's).
 */
import protobuf from 'protobufjs';
import type { Mismatch } from '../codec.js';
import { bytesOf, isBytes, memberPath, toJson, type Json } from '../json.js';

export function protobufCanonical(value: unknown, fields?: readonly string[]): Json {
  const json = toJson(value);
  if (!fields || typeof json !== 'object' || json === null || Array.isArray(json)) return json;
  return Object.fromEntries(Object.entries(json).filter(([key]) => fields.includes(key)));
}

export function protobufCompare(type: protobuf.Type, expected: unknown, actual: unknown, fields?: readonly string[], path = '$'): Mismatch | undefined {
  if (!isObject(actual)) return { path, expected: toJson(expected), actual: toJson(actual) };
  const wanted = expected as Record<string, unknown>;
  for (const field of type.fieldsArray) {
    if (fields && !fields.includes(field.name)) continue;
    const value = fieldValue(field, actual);
    const found = compareField(field, wanted[field.name], value, `${path}${memberPath(field.name)}`);
    if (found) return found;
  }
  return undefined;
}

function compareField(field: protobuf.Field, expected: unknown, actual: unknown, path: string): Mismatch | undefined {
  const differ = (): Mismatch => ({ path, expected: toJson(expected), actual: toJson(actual) });
  if (expected === undefined || expected === null) return actual === undefined || actual === null ? undefined : differ();
  if (field instanceof protobuf.MapField) {
    const entries = actual instanceof Map ? Object.fromEntries(actual) : (actual ?? {});
    const wanted = expected as Record<string, unknown>;
    if (!isObject(entries) || Object.keys(entries).length !== Object.keys(wanted).length) return differ();
    for (const [key, value] of Object.entries(wanted)) {
      const found = compareValue(field, value, entries[key], `${path}${memberPath(key)}`);
      if (found) return found;
    }
    return undefined;
  }
  if (field.repeated) {
    const items = expected as unknown[];
    const got = actual ?? [];
    if (!Array.isArray(got) || got.length !== items.length) return differ();
    for (let i = 0; i < items.length; i++) {
      const found = compareValue(field, items[i], got[i], `${path}[${i}]`);
      if (found) return found;
    }
    return undefined;
  }
  return compareValue(field, expected, actual, path);
}

function compareValue(field: protobuf.Field, expected: unknown, actual: unknown, path: string): Mismatch | undefined {
  const differ = (): Mismatch => ({ path, expected: toJson(expected), actual: toJson(actual) });
  const resolved = field.resolvedType;
  if (resolved instanceof protobuf.Type) return protobufCompare(resolved, expected, actual ?? {}, undefined, path);
  if (actual === undefined || actual === null) return isDefault(field, expected) ? undefined : differ();
  if (resolved instanceof protobuf.Enum) {
    const name = typeof actual === 'number' ? (resolved.valuesById[actual] ?? actual) : actual;
    return name === expected || actual === expected ? undefined : differ();
  }
  if (field.type === 'bytes') {
    const bytes = bytesOf(actual);
    return bytes && isBytes(expected) && bytes.equals(expected) ? undefined : differ();
  }
  if (typeof expected === 'number') {
    const n = typeof actual === 'bigint' ? Number(actual) : typeof actual === 'string' && /^-?\d+$/.test(actual) ? Number(actual) : actual;
    if (field.type === 'float') return typeof n === 'number' && Math.fround(n) === Math.fround(expected) ? undefined : differ();
    return n === expected ? undefined : differ();
  }
  return actual === expected ? undefined : differ();
}

function fieldValue(field: protobuf.Field, actual: Record<string, unknown>): unknown {
  if (field.name in actual) return actual[field.name];
  if (jsonName(field.name) in actual) return actual[jsonName(field.name)];
  // proto3 `optional` fields sit in synthetic oneofs named `_<field>`: those are plain fields.
  const oneOf = field.partOf && !field.partOf.name.startsWith('_') ? field.partOf.name : undefined;
  const union = oneOf === undefined ? undefined : (actual[oneOf] ?? actual[jsonName(oneOf)]);
  if (!isObject(union) || !('case' in union)) return undefined;
  return union.case === field.name || union.case === jsonName(field.name) ? union.value : undefined;
}

/** protoc's default `json_name`: lowerCamelCase of the field name. */
const jsonName = (name: string) => name.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/** proto3's zero values: what a field left out of a state means. */
function isDefault(field: protobuf.Field, value: unknown): boolean {
  if (field.resolvedType instanceof protobuf.Enum) return value === Object.keys(field.resolvedType.values)[0] || value === 0;
  if (isBytes(value)) return value.length === 0;
  return value === 0 || value === '' || value === false;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !isBytes(value);
}
