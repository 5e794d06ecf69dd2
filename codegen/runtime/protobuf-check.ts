/**
 * Checks a value before a generated Protobuf encoder hands it to
 * protobufjs, whose `fromObject` would quietly coerce what it cannot use
 * (`"abc"` into an int32 becomes 0) and whose `verify` wants enums as
 * numbers and 64-bit integers as `Long`s. Every field may be absent (or
 * `null`), as Protobuf allows; what is present must fit the field. A real
 * `oneof` is checked as the generated code types it (`{ case, value }`,
 * `protobuf-values.ts`), a `google.protobuf.Timestamp` as a `Date`. Part of
 * the codegen runtime, copied into every generated folder.
 */
import protobuf from 'protobufjs';
import { describeValue, type Issue } from './errors.js';
import { isTimestamp, realOneofOf, realOneofs, TIMESTAMP_RANGE } from './protobuf-values.js';

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
  if (typeof value !== 'object' || value === null || Array.isArray(value) || value instanceof Uint8Array || value instanceof Date) {
    issues.push({ path, message: `expected an object (message ${type.fullName.slice(1)}), got ${describeValue(value)}` });
    return;
  }
  const record = value as Record<string, unknown>;
  const oneofs = realOneofs(type);
  for (const key of Object.keys(record)) {
    if (record[key] === undefined || oneofs.some((o) => o.name === key)) continue;
    const field = type.fields[key];
    const oneof = field === undefined ? undefined : realOneofOf(field);
    if (field === undefined) issues.push({ path: join(path, key), message: `is not a field of ${type.fullName.slice(1)}` });
    else if (oneof !== undefined) issues.push({ path: join(path, key), message: `is one of ${oneof.name}: set it as ${oneof.name}: { case: '${key}', value }` });
  }
  for (const field of type.fieldsArray) {
    if (realOneofOf(field) !== undefined) continue;
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
  for (const oneof of oneofs) checkOneof(oneof, record[oneof.name], join(path, oneof.name), issues);
}

/** A real oneof's value: absent, or `{ case, value }` with `case` one of its members (or `undefined`, none). */
function checkOneof(oneof: protobuf.OneOf, value: unknown, path: string, issues: Issue[]): void {
  if (value === undefined || value === null) return;
  const cases = oneof.fieldsArray.map((f) => `'${f.name}'`).join(', ');
  const expected = `{ case, value } with case one of ${cases} or undefined (oneof ${oneof.name})`;
  if (typeof value !== 'object' || Array.isArray(value) || value instanceof Uint8Array || value instanceof Date) {
    issues.push({ path, message: `expected ${expected}, got ${describeValue(value)}` });
    return;
  }
  const chosen = value as Record<string, unknown>;
  const extra = Object.keys(chosen).filter((k) => k !== 'case' && k !== 'value' && chosen[k] !== undefined);
  if (extra.length > 0) issues.push({ path, message: `expected ${expected}, got the keys ${extra.join(', ')} too` });
  const name = chosen['case'];
  if (name === undefined) {
    if (chosen['value'] !== undefined) issues.push({ path: `${path}.value`, message: 'must be left out when case is undefined (none set)' });
    return;
  }
  const member = oneof.fieldsArray.find((f) => f.name === name);
  if (member === undefined) {
    issues.push({ path: `${path}.case`, message: `expected one of ${cases} or undefined, got ${describeValue(name)}` });
    return;
  }
  if (chosen['value'] === undefined || chosen['value'] === null) issues.push({ path: `${path}.value`, message: `is required when case is '${member.name}'` });
  else checkSingle(member, chosen['value'], `${path}.value`, issues);
}

function checkSingle(field: protobuf.Field, value: unknown, path: string, issues: Issue[]): void {
  const resolved = field.resolvedType;
  if (isTimestamp(resolved)) {
    const ms = value instanceof Date ? value.getTime() : NaN;
    if (!(ms >= TIMESTAMP_RANGE.min && ms <= TIMESTAMP_RANGE.max)) {
      issues.push({ path, message: `expected a valid Date from 0001-01-01 to 9999-12-31 (google.protobuf.Timestamp), got ${describeValue(value)}` });
    }
    return;
  }
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
