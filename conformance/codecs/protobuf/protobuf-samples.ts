/**
 * Seeded Protobuf samples, walking protobufjs's reflection of the message,
 * as plain objects `Type.fromObject` takes (enums by name, bytes as Buffers,
 * 64-bit integers as safe numbers). As for Avro (`../avro/avro-samples.ts`),
 * edge sample `i` takes option `i` at every leaf; a oneof rotates through its
 * members and none, a proto3 `optional` field through set and unset, so the
 * edge samples together hold every edge value, member and enum value.
 */
import protobuf from 'protobufjs';
import type { Prng } from '../../samples/prng.js';
import { EDGE_BYTES, EDGE_STRINGS, EDGES, randomBytes, typicalString } from '../avro/avro-edges.js';

const MAX_DEPTH = 4;
const MAX_EDGE_SAMPLES = 64;
const UINT32 = [0, 4294967295, 1];
const UINT64 = [0, Number.MAX_SAFE_INTEGER, 1];
const INT64 = [0, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER, -1];

/** Edge values by scalar type. */
const SCALAR_EDGES: Record<string, readonly unknown[]> = {
  double: EDGES.double!,
  float: EDGES.float!,
  int32: EDGES.int!,
  sint32: EDGES.int!,
  sfixed32: EDGES.int!,
  uint32: UINT32,
  fixed32: UINT32,
  int64: INT64,
  sint64: INT64,
  sfixed64: INT64,
  uint64: UINT64,
  fixed64: UINT64,
  bool: [false, true],
  string: EDGE_STRINGS,
  bytes: EDGE_BYTES,
};

export function typicalScalar(type: string, rng: Prng): unknown {
  switch (type) {
    case 'double':
      return rng.int(0, 10000000) / 100;
    case 'float':
      return Math.fround(rng.int(0, 100000) / 8);
    case 'bool':
      return rng.bool();
    case 'string':
      return typicalString(rng);
    case 'bytes':
      return randomBytes(rng, rng.int(0, 8));
    case 'uint32':
    case 'fixed32':
    case 'uint64':
    case 'fixed64':
      return rng.int(0, 2 ** 31);
    default:
      return rng.int(-1000, 100000);
  }
}

export function sampleMessage(type: protobuf.Type, rng: Prng, edge?: number, depth = 0): Record<string, unknown> {
  const pick = <T>(values: readonly T[]): T => (edge === undefined ? rng.pick(values) : values[edge % values.length]!);
  const sample: Record<string, unknown> = {};
  const chosen = new Map<protobuf.OneOf, string | undefined>();
  for (const oneof of type.oneofsArray) {
    if (isSyntheticOneof(oneof)) continue;
    chosen.set(oneof, pick([undefined, ...oneof.fieldsArray.map((f) => f.name)]));
  }
  for (const field of type.fieldsArray) {
    const oneof = field.partOf;
    if (oneof && !isSyntheticOneof(oneof) && chosen.get(oneof) !== field.name) continue;
    if (oneof && isSyntheticOneof(oneof) && !pick([true, false])) continue; // proto3 `optional`, left unset
    const value = sampleField(field, rng, edge, depth);
    if (value !== undefined) sample[field.name] = value;
  }
  return sample;
}

function sampleField(field: protobuf.Field, rng: Prng, edge: number | undefined, depth: number): unknown {
  const count = depth >= MAX_DEPTH ? 0 : edge === undefined ? rng.int(0, 3) : [0, 1, 3][edge % 3]!;
  const at = (i: number) => (edge === undefined ? undefined : edge + i);
  if (field instanceof protobuf.MapField) {
    const keys = Array.from({ length: Math.min(count, 2) }, (_, i) => mapKey(field.keyType, rng, at(i), i));
    return Object.fromEntries(keys.map((key, i) => [key, sampleValue(field, rng, at(i), depth + 1)]));
  }
  if (field.repeated) return Array.from({ length: count }, (_, i) => sampleValue(field, rng, at(i), depth + 1));
  return sampleValue(field, rng, edge, depth + 1);
}

function sampleValue(field: protobuf.Field, rng: Prng, edge: number | undefined, depth: number): unknown {
  const resolved = field.resolvedType;
  if (resolved instanceof protobuf.Enum) {
    const names = Object.keys(resolved.values);
    return edge === undefined ? rng.pick(names) : names[edge % names.length];
  }
  if (resolved instanceof protobuf.Type) {
    return depth >= MAX_DEPTH ? undefined : sampleMessage(resolved, rng, edge, depth);
  }
  const edges = SCALAR_EDGES[field.type];
  if (!edges) throw new Error(`no samples for protobuf type ${field.type}`);
  return edge === undefined ? typicalScalar(field.type, rng) : edges[edge % edges.length];
}

function mapKey(keyType: string, rng: Prng, edge: number | undefined, i: number): string {
  if (keyType === 'string') return edge === undefined ? typicalString(rng) : ['', 'ключ 🔑', 'k'][(edge + i) % 3]!;
  if (keyType === 'bool') return String(i % 2 === 1);
  return String(edge === undefined ? rng.int(0, 1000) : i);
}

/** protobufjs's oneof for a proto3 `optional` field. */
export function isSyntheticOneof(oneof: protobuf.OneOf): boolean {
  return oneof.fieldsArray.length === 1 && oneof.fieldsArray[0]!.options?.proto3_optional === true;
}

/** How many edge samples it takes for every leaf of the message to show each of its options. */
export function edgeCount(type: protobuf.Type, seen = new Set<protobuf.Type>()): number {
  if (seen.has(type)) return 1;
  seen.add(type);
  let count = 3;
  for (const oneof of type.oneofsArray) count = Math.max(count, oneof.fieldsArray.length + 1);
  for (const field of type.fieldsArray) {
    const resolved = field.resolvedType;
    if (resolved instanceof protobuf.Enum) count = Math.max(count, Object.keys(resolved.values).length);
    else if (resolved instanceof protobuf.Type) count = Math.max(count, edgeCount(resolved, seen));
    else count = Math.max(count, SCALAR_EDGES[field.type]?.length ?? 1);
  }
  return Math.min(count, MAX_EDGE_SAMPLES);
}
