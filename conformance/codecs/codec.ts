/**
 * What the checker needs from a schema format, for one version's schema:
 * seeded samples written with it, their payload bytes, what a reader of it
 * makes of bytes another version wrote (the expected state), and a
 * comparison of that with whatever a replica returned. One implementation
 * per format (`avro/`, `protobuf/`, `json-schema/`), listed in `index.ts`.
 */
import type { Prng } from '../samples/prng.js';
import type { Json } from './json.js';

/** Where a replica's state differs from the expected one. */
export interface Mismatch {
  /** JSON-path-like location, `$` for the whole state. */
  path: string;
  expected: Json;
  actual: Json;
}

export interface SchemaCodec {
  /** Top-level fields of the state, in schema order (what `fields` projections name). */
  fieldNames(): string[];
  /** A plain seeded sample: ASCII text, ordinary numbers, every branch and optional field possible. */
  typical(rng: Prng): unknown;
  /**
   * Seeded samples that together hold every edge value of every leaf:
   * empty strings, arrays and maps, unicode, minimum and maximum numbers,
   * each union branch (null included), each enum symbol, logical-type edges.
   */
  edges(rng: Prng): unknown[];
  /** What a top-level field can hold of an entity key or a sequence: text, an integer, neither; undefined when absent. */
  fieldKind(name: string): 'string' | 'integer' | 'other' | undefined;
  /** The sample with a top-level field set: the entity key or the sequence. Throws a `ToolError` when it cannot be. */
  withField(sample: unknown, field: string, value: string | number): unknown;
  /** The payload after the magic byte and schema id (Protobuf: message indexes first). */
  encode(sample: unknown): Buffer;
  /** What this schema, as the reader, makes of a payload `writer` wrote. Throws when it cannot read it. */
  read(writer: SchemaCodec, payload: Buffer): unknown;
  /** A value of this schema as plain JSON for reports (bytes as base64), only `fields` when given. */
  canonical(value: unknown, fields?: readonly string[]): Json;
  /** The first place where a replica's state differs from `expected` (a value of this schema); undefined when equal. */
  compare(expected: unknown, actual: unknown, fields?: readonly string[]): Mismatch | undefined;
  /** Schemas a newer producer could write that this one, as the reader, must cope with. */
  futures(rng: Prng): FutureWriter[];
}

/** A writer schema newer than any registered one, and a sample that uses what is new in it. */
export interface FutureWriter {
  /** What is new, for reports: "a new optional field `x`", "a new symbol `Y` of enum `Status`". */
  change: string;
  /** The schema text, given to module replicas under a scratch schema id. */
  schema: string;
  codec: SchemaCodec;
  sample: unknown;
}
