/**
 * Avro values as plain JSON, and a replica's state compared with the
 * expected one, both directed by the reader schema, so that what is the
 * same datum compares equal whatever the replica's storage made of it:
 * bytes as a Buffer, a byte array or base64; a long as a number, a bigint
 * or a decimal string; a timestamp-millis as a Date; a union value wrapped
 * (`{ "string": "x" }`) or not; an optional field left out or null. Fields
 * a replica keeps beyond the reader schema (bookkeeping) are ignored.
 */
import { logicalTypeOf } from '../../../contracts/formats/avro/logical-types.js';
import type { AvroSchema } from '../../../contracts/formats/avro/model.js';
import type { Mismatch } from '../codec.js';
import { base64, bytesOf, isBytes, memberPath, toJson, type Json } from '../json.js';
import { unionBranch, type AvscNode } from './avsc-node.js';

const DATE_LOGICAL = new Set(['timestamp-millis', 'local-timestamp-millis']);

export function avroCanonical(schema: AvroSchema, node: AvscNode, value: unknown, fields?: readonly string[]): Json {
  switch (schema.kind) {
    case 'bytes':
    case 'fixed':
      return isBytes(value) ? base64(value) : toJson(value);
    case 'array':
      return Array.isArray(value) ? value.map((item) => avroCanonical(schema.items, node.itemsType!, item)) : toJson(value);
    case 'map':
      return isObject(value)
        ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, avroCanonical(schema.values, node.valuesType!, v)]))
        : toJson(value);
    case 'union': {
      const branch = unionBranch(node, value);
      return branch ? avroCanonical(schema.types[branch.index]!, node.types![branch.index]!, branch.inner) : toJson(value);
    }
    case 'record':
      if (!isObject(value)) return toJson(value);
      return Object.fromEntries(
        schema.fields
          .map((field, i) => [field, i] as const)
          .filter(([field]) => !fields || fields.includes(field.name))
          .map(([field, i]) => [field.name, avroCanonical(field.type, node.fields![i]!.type, value[field.name])]),
      );
    default:
      return toJson(value);
  }
}

export function avroCompare(
  schema: AvroSchema,
  node: AvscNode,
  expected: unknown,
  actual: unknown,
  fields?: readonly string[],
  path = '$',
): Mismatch | undefined {
  const differ = (): Mismatch => ({ path, expected: avroCanonical(schema, node, expected), actual: toJson(actual) });
  switch (schema.kind) {
    case 'null':
      return actual === null || actual === undefined ? undefined : differ();
    case 'boolean':
    case 'string':
    case 'enum':
      return actual === expected ? undefined : differ();
    case 'int':
    case 'long':
    case 'double':
      return numberOf(actual, schema) === expected ? undefined : differ();
    case 'float': {
      const n = numberOf(actual, schema);
      return n !== undefined && Math.fround(n) === Math.fround(expected as number) ? undefined : differ();
    }
    case 'bytes':
    case 'fixed': {
      const bytes = bytesOf(actual);
      return bytes && isBytes(expected) && bytes.equals(expected) ? undefined : differ();
    }
    case 'array': {
      const items = expected as unknown[];
      if (!Array.isArray(actual) || actual.length !== items.length) return differ();
      for (let i = 0; i < items.length; i++) {
        const found = avroCompare(schema.items, node.itemsType!, items[i], actual[i], undefined, `${path}[${i}]`);
        if (found) return found;
      }
      return undefined;
    }
    case 'map': {
      const entries = actual instanceof Map ? Object.fromEntries(actual) : actual;
      const wanted = expected as Record<string, unknown>;
      if (!isObject(entries) || Object.keys(entries).length !== Object.keys(wanted).length) return differ();
      for (const [key, value] of Object.entries(wanted)) {
        if (!(key in entries)) return differ();
        const found = avroCompare(schema.values, node.valuesType!, value, entries[key], undefined, `${path}${memberPath(key)}`);
        if (found) return found;
      }
      return undefined;
    }
    case 'union': {
      const branch = unionBranch(node, expected);
      if (!branch) return differ();
      const branchNode = node.types![branch.index]!;
      if (branch.inner === null) return actual === null || actual === undefined ? undefined : differ();
      const inner = unwrapped(actual, branchNode);
      return avroCompare(schema.types[branch.index]!, branchNode, branch.inner, inner, undefined, path);
    }
    case 'record': {
      if (!isObject(actual)) return differ();
      const wanted = expected as Record<string, unknown>;
      for (const [i, field] of schema.fields.entries()) {
        if (fields && !fields.includes(field.name)) continue;
        const found = avroCompare(field.type, node.fields![i]!.type, wanted[field.name], actual[field.name], undefined, `${path}${memberPath(field.name)}`);
        if (found) return found;
      }
      return undefined;
    }
  }
}

/** `{ "<branch name>": value }` as a replica may keep a union value; records and maps keep their own single key. */
function unwrapped(actual: unknown, branch: AvscNode): unknown {
  if (!isObject(actual) || isBytes(actual)) return actual;
  const keys = Object.keys(actual);
  if (keys.length !== 1 || keys[0] !== branch.branchName) return actual;
  if (branch.typeName === 'map' || (branch.typeName === 'record' && branch.fields?.some((f) => f.name === keys[0]))) return actual;
  return actual[keys[0]!];
}

function numberOf(value: unknown, schema: AvroSchema): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  if (schema.kind === 'long' && typeof value === 'string' && /^-?\d+$/.test(value)) return Number(value);
  if (value instanceof Date && DATE_LOGICAL.has(logicalTypeOf(schema)?.name ?? '')) return value.getTime();
  return undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
