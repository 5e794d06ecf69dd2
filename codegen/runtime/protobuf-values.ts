/**
 * Between the values generated Protobuf code types and protobufjs's plain
 * objects (`toObject` / `fromObject`), both ways:
 *
 * - a real `oneof` is one property under the oneof's name, a discriminated
 *   union as protobuf-es has it: `{ case: 'email', value: 'a@b.c' }`, or
 *   `{ case: undefined }` when none is set; protobufjs has its members as
 *   properties of their own. Proto3 `optional` fields (synthetic oneofs of
 *   one field) stay plain fields.
 * - `google.protobuf.Timestamp` is a `Date`: `seconds` and `nanos` on the
 *   wire, milliseconds in JavaScript, so nanoseconds below the millisecond
 *   are dropped on decode (truncated towards the past, as
 *   `Math.floor`); a `Date` encodes exactly.
 *
 * Messages that have neither, anywhere inside, are passed through as they
 * are. Part of the codegen runtime, copied into every generated folder.
 */
import protobuf from 'protobufjs';

export const TIMESTAMP = '.google.protobuf.Timestamp';

/** Timestamp's range, 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999Z (`timestamp.proto`), in milliseconds. */
export const TIMESTAMP_RANGE = { min: -62_135_596_800_000, max: 253_402_300_799_999 };

/** Whether a oneof is a proto3 `optional` field's synthetic one. */
export const isSyntheticOneof = (oneof: protobuf.OneOf): boolean =>
  oneof.fieldsArray.length === 1 && (oneof.fieldsArray[0]!.options as { proto3_optional?: unknown } | undefined)?.['proto3_optional'] === true;

/** The real oneof a field is a member of, if any. */
export function realOneofOf(field: protobuf.Field): protobuf.OneOf | undefined {
  const oneof = field.partOf;
  return oneof === null || oneof === undefined || isSyntheticOneof(oneof) ? undefined : oneof;
}

export const realOneofs = (type: protobuf.Type): protobuf.OneOf[] => type.oneofsArray.filter((o) => !isSyntheticOneof(o));

export const isTimestamp = (type: unknown): type is protobuf.Type => type instanceof protobuf.Type && type.fullName === TIMESTAMP;

type Plain = Record<string, unknown>;

const reshaped = new WeakMap<protobuf.Type, boolean>();

/** Whether values of `type` differ from protobufjs's: a real oneof or a Timestamp, in it or in a message it holds. */
function needsReshaping(type: protobuf.Type, within: Set<protobuf.Type> = new Set()): boolean {
  const known = reshaped.get(type);
  if (known !== undefined) return known;
  if (within.has(type)) return false;
  within.add(type);
  const result =
    realOneofs(type).length > 0 ||
    type.fieldsArray.some((f) => {
      const resolved = f.resolve().resolvedType;
      return isTimestamp(resolved) || (resolved instanceof protobuf.Type && needsReshaping(resolved, within));
    });
  within.delete(type);
  if (within.size === 0 || result) reshaped.set(type, result);
  return result;
}

/** A field's values, one by one: a map's values, a repeated field's elements, or the value itself. */
function eachValue(field: protobuf.Field, value: unknown, convert: (v: unknown) => unknown): unknown {
  if (value === undefined || value === null) return value;
  if (field.map) return Object.fromEntries(Object.entries(value as Plain).map(([k, v]) => [k, convert(v)]));
  if (field.repeated) return (value as unknown[]).map(convert);
  return convert(value);
}

/** protobufjs `toObject` output (`longs: String`) → the generated state type. */
export function fromProtobufjs(type: protobuf.Type, object: Plain): Plain {
  if (!needsReshaping(type)) return object;
  const convert = (field: protobuf.Field) => (v: unknown) => {
    const resolved = field.resolvedType;
    if (isTimestamp(resolved)) return timestampToDate(v as Plain);
    return resolved instanceof protobuf.Type ? fromProtobufjs(resolved, v as Plain) : v;
  };
  for (const field of type.fieldsArray) {
    if (field.resolvedType instanceof protobuf.Type && object[field.name] !== undefined) object[field.name] = eachValue(field, object[field.name], convert(field));
  }
  for (const oneof of realOneofs(type)) {
    const set = oneof.fieldsArray.find((f) => object[f.name] !== undefined && object[f.name] !== null);
    const value = set === undefined ? { case: undefined } : { case: set.name, value: object[set.name] };
    for (const member of oneof.fieldsArray) delete object[member.name];
    object[oneof.name] = value;
  }
  return object;
}

/** A value of the generated input type (already checked) → what protobufjs `fromObject` takes. */
export function toProtobufjs(type: protobuf.Type, value: Plain): Plain {
  if (!needsReshaping(type)) return value;
  const object: Plain = { ...value };
  const convert = (field: protobuf.Field) => (v: unknown) => {
    const resolved = field.resolvedType;
    if (isTimestamp(resolved)) return dateToTimestamp(v as Date);
    return resolved instanceof protobuf.Type ? toProtobufjs(resolved, v as Plain) : v;
  };
  for (const oneof of realOneofs(type)) {
    const chosen = value[oneof.name] as { case?: string; value?: unknown } | null | undefined;
    delete object[oneof.name];
    if (chosen?.case !== undefined) object[chosen.case] = chosen.value;
  }
  for (const field of type.fieldsArray) {
    if (field.resolvedType instanceof protobuf.Type && object[field.name] !== undefined) object[field.name] = eachValue(field, object[field.name], convert(field));
  }
  return object;
}

/** `{ seconds, nanos }` (seconds a decimal string, a number or a Long) → a `Date`, to the millisecond. */
export function timestampToDate(timestamp: Plain): Date {
  const seconds = Number(String(timestamp['seconds'] ?? 0));
  const nanos = Number(timestamp['nanos'] ?? 0);
  return new Date(seconds * 1000 + Math.floor(nanos / 1_000_000));
}

export function dateToTimestamp(date: Date): { seconds: number; nanos: number } {
  const ms = date.getTime();
  const seconds = Math.floor(ms / 1000);
  return { seconds, nanos: (ms - seconds * 1000) * 1_000_000 };
}
