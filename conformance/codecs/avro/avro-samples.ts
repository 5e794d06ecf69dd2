/**
 * Seeded Avro samples, walking the registry's schema tree (which keeps
 * logical types) beside avsc's type (which knows how unions are wrapped).
 * A typical sample draws each leaf at random; edge sample `i` takes option
 * `i` (modulo their number) at every leaf, so that the `edgeCount` samples
 * together hold every edge value, every union branch and every enum symbol.
 * Recursive types stop at `MAX_DEPTH`: a union takes its null branch,
 * arrays and maps stay empty.
 */
import { logicalTypeOf } from '../../../contracts/formats/avro/logical-types.js';
import type { AvroSchema } from '../../../contracts/formats/avro/model.js';
import type { Prng } from '../../samples/prng.js';
import type { AvscNode } from './avsc-node.js';
import { unionValue } from './avsc-node.js';
import {
  decimalBytes,
  decimalEdges,
  EDGE_BYTES,
  EDGE_STRINGS,
  EDGES,
  randomBytes,
  typicalLeaf,
  typicalString,
} from './avro-edges.js';

const MAX_DEPTH = 4;
const MAX_EDGE_SAMPLES = 64;

/** `edge` undefined: a typical sample; a number: that edge sample. */
export interface SampleOptions {
  rng: Prng;
  edge?: number;
}

export function sampleAvro(schema: AvroSchema, node: AvscNode, options: SampleOptions, depth = 0): unknown {
  const { rng, edge } = options;
  const pick = <T>(values: readonly T[]): T => (edge === undefined ? rng.pick(values) : values[edge % values.length]!);
  const logical = logicalTypeOf(schema);
  switch (schema.kind) {
    case 'null':
      return null;
    case 'boolean':
    case 'int':
    case 'long':
    case 'float':
    case 'double':
    case 'string': {
      const kind = logical && EDGES[logical.name] ? logical.name : schema.kind;
      return edge === undefined ? typicalLeaf(kind, rng) : pick(EDGES[kind]!);
    }
    case 'bytes':
    case 'fixed': {
      const size = schema.kind === 'fixed' ? schema.size : undefined;
      if (logical?.decimal) {
        const { precision } = logical.decimal;
        const unscaled =
          edge === undefined ? BigInt(rng.int(0, 10 ** Math.min(precision, 9) - 1)) * (rng.bool() ? 1n : -1n) : pick(decimalEdges(precision));
        return decimalBytes(unscaled, size);
      }
      if (size !== undefined) {
        return edge === undefined ? randomBytes(rng, size) : Buffer.alloc(size, edge % 2 === 0 ? 0x00 : 0xff);
      }
      return edge === undefined ? randomBytes(rng, rng.int(0, 8)) : pick(EDGE_BYTES);
    }
    case 'enum':
      return pick(schema.symbols);
    case 'array': {
      const count = depth >= MAX_DEPTH ? 0 : edge === undefined ? rng.int(0, 3) : [0, 1, 3][edge % 3]!;
      return Array.from({ length: count }, (_, i) =>
        sampleAvro(schema.items, node.itemsType!, { rng, edge: edge === undefined ? undefined : edge + i }, depth + 1),
      );
    }
    case 'map': {
      const keys =
        depth >= MAX_DEPTH ? [] : edge === undefined ? Array.from({ length: rng.int(0, 2) }, () => typicalString(rng)) : [[], [''], ['ключ 🔑', 'k']][edge % 3]!;
      return Object.fromEntries(
        keys.map((key, i) => [key, sampleAvro(schema.values, node.valuesType!, { rng, edge: edge === undefined ? undefined : edge + i }, depth + 1)]),
      );
    }
    case 'union': {
      const nullIndex = schema.types.findIndex((t) => t.kind === 'null');
      const index =
        depth >= MAX_DEPTH && nullIndex >= 0
          ? nullIndex
          : edge === undefined
            ? rng.int(0, schema.types.length - 1)
            : edge % schema.types.length;
      return unionValue(node, index, sampleAvro(schema.types[index]!, node.types![index]!, options, depth + 1));
    }
    case 'record':
      return Object.fromEntries(
        schema.fields.map((field, i) => [field.name, sampleAvro(field.type, node.fields![i]!.type, options, depth + 1)]),
      );
  }
}

/** How many edge samples it takes for every leaf to show each of its options once. */
export function edgeCount(schema: AvroSchema, seen = new Set<AvroSchema>()): number {
  if (seen.has(schema)) return 1;
  const logical = logicalTypeOf(schema);
  switch (schema.kind) {
    case 'record':
      seen.add(schema);
      return Math.min(MAX_EDGE_SAMPLES, Math.max(1, ...schema.fields.map((f) => edgeCount(f.type, seen))));
    case 'union':
      return Math.max(schema.types.length, ...schema.types.map((t) => edgeCount(t, seen)));
    case 'array':
      return Math.max(3, edgeCount(schema.items, seen));
    case 'map':
      return Math.max(3, edgeCount(schema.values, seen));
    case 'enum':
      return schema.symbols.length;
    case 'bytes':
      return logical?.decimal ? 4 : EDGE_BYTES.length;
    case 'fixed':
      return logical?.decimal ? 4 : 2;
    case 'string':
      return logical && EDGES[logical.name] ? EDGES[logical.name]!.length : EDGE_STRINGS.length;
    default:
      return (logical && EDGES[logical.name]?.length) || EDGES[schema.kind]?.length || 1;
  }
}
