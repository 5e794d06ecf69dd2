/**
 * Checks a value before a generated Protobuf encoder hands it to
 * protobufjs, whose `fromObject` would quietly coerce what it cannot use
 * (`"abc"` into an int32 becomes 0) and whose `verify` wants enums as
 * numbers and 64-bit integers as `Long`s. Every field may be absent (or
 * `null`), as Protobuf allows; what is present must fit the field. Part of
 * the codegen runtime, copied into every generated folder.
 */
import protobuf from 'protobufjs';
import { describeValue, type Issue } from './errors.js';

const INT32 = { min: -(2 ** 31), max: 2 ** 31 - 1 };
const UINT32 = { min: 0, max: 2 ** 32 - 1 };
const LONGS = new Map([
  ['int64', { min: -(2n ** 63n), max: 2n ** 63n - 1n }],
  ['sint64', { min: -(2n ** 63n), max: 2n ** 63n - 1n }],
  ['sfixed64', { min: -(2n ** 63n), max: 2n ** 63n - 1n }],
  ['uint64', { min: 0n, max: 2n ** 64n - 1n }],
  ['fixed64', { min: 0n, max: 2n ** 64n - 1n }],
]);
const INTS = new Map([
  ['int32', INT32],
  ['sint32', INT32],
  ['sfixed32', INT32],
  ['uint32', UINT32],
  ['fixed32', UINT32],
]);

export function checkMessage(type: protobuf.Type, value: unknown, path: string, issues: Issue[]): void {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || value instanceof Uint8Array) {
    issues.push({ path, message: `expected an object (message ${type.fullName.slice(1)}), got ${describeValue(value)}` });
    return;
  }
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (type.fields[key] === undefined && record[key] !== undefined) {
      issues.push({ path: join(path, key), message: `is not a field of ${type.fullName.slice(1)}` });
    }
  }
  for (const field of type.fieldsArray) {
    const fieldValue = record[field.name];
    if (fieldValue === undefined || fieldValue === null) continue;
    const at = join(path, field.name);
    if (field.map) {
      if (typeof fieldValue !== 'object' || Array.isArray(fieldValue)) {
        issues.push({ path: at, message: `expected an object (map), got ${describeValue(fieldValue)}` });
        continue;
      }
      for (const [key, entry] of Object.entries(fieldValue)) checkSingle(field, entry, `${at}[${JSON.stringify(key)}]`, issues);
    } else if (field.repeated) {
      if (!Array.isArray(fieldValue)) {
        issues.push({ path: at, message: `expected an array, got ${describeValue(fieldValue)}` });
        continue;
      }
      fieldValue.forEach((entry, i) => checkSingle(field, entry, `${at}[${i}]`, issues));
    } else {
      checkSingle(field, fieldValue, at, issues);
    }
  }
  for (const oneof of type.oneofsArray) {
    const set = oneof.oneof.filter((name) => record[name] !== undefined && record[name] !== null);
    if (set.length > 1) issues.push({ path: join(path, oneof.name), message: `only one of ${set.join(', ')} may be set` });
  }
}

function checkSingle(field: protobuf.Field, value: unknown, path: string, issues: Issue[]): void {
  const resolved = field.resolvedType;
  if (resolved instanceof protobuf.Type) return checkMessage(resolved, value, path, issues);
  const expected = resolved instanceof protobuf.Enum ? enumProblem(resolved, value) : scalarProblem(field.type, value);
  if (expected !== undefined) issues.push({ path, message: `expected ${expected}, got ${describeValue(value)}` });
}

function enumProblem(type: protobuf.Enum, value: unknown): string | undefined {
  if (typeof value === 'string' ? type.values[value] !== undefined : Number.isInteger(value) && inRange(value as number, INT32)) return undefined;
  return `one of ${Object.keys(type.values).map((v) => `'${v}'`).join(', ')} (enum ${type.fullName.slice(1)}) or a 32-bit integer`;
}

function scalarProblem(type: string, value: unknown): string | undefined {
  const ints = INTS.get(type);
  if (ints !== undefined) return Number.isInteger(value) && inRange(value as number, ints) ? undefined : `an integer from ${ints.min} to ${ints.max} (${type})`;
  const longs = LONGS.get(type);
  if (longs !== undefined) {
    const big = typeof value === 'string' && /^-?\d+$/.test(value) ? BigInt(value) : Number.isSafeInteger(value) ? BigInt(value as number) : undefined;
    return big !== undefined && big >= longs.min && big <= longs.max ? undefined : `a decimal string or a safe integer from ${longs.min} to ${longs.max} (${type})`;
  }
  switch (type) {
    case 'double':
    case 'float':
      return typeof value === 'number' ? undefined : `a number (${type})`;
    case 'bool':
      return typeof value === 'boolean' ? undefined : 'a boolean';
    case 'string':
      return typeof value === 'string' ? undefined : 'a string';
    case 'bytes':
      return value instanceof Uint8Array ? undefined : 'a Uint8Array or Buffer (bytes)';
    default:
      return undefined;
  }
}

const inRange = (value: number, range: { min: number; max: number }) => value >= range.min && value <= range.max;
const join = (path: string, name: string) => (path === '' ? name : `${path}.${name}`);
