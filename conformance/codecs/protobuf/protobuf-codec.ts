/**
 * The Protobuf codec: the subject's message is the schema's first message
 * (Confluent's default, `ProtobufSchema.name()`), framed with its message
 * indexes after the schema id (`contracts/wire-format.ts`); samples from
 * protobufjs's reflection (`ProtobufParsedSchema.root()`); the expected
 * state is what the reader's message of the same name decodes from the
 * writer's bytes — unknown fields skipped, unknown enum values kept as
 * numbers (proto3's open enums) — as `toObject` gives it, defaults included.
 */
import protobuf from 'protobufjs';
import { ProtobufParsedSchema } from '../../../contracts/formats/protobuf/protobuf-format.js';
import { decodeMessageIndexes, encodeMessageIndexes } from '../../../contracts/wire-format.js';
import { ToolError } from '../../errors.js';
import type { Prng } from '../../samples/prng.js';
import type { FutureWriter, Mismatch, SchemaCodec } from '../codec.js';
import type { Json } from '../json.js';
import { protobufCanonical, protobufCompare } from './protobuf-compare.js';
import { protobufFutures } from './protobuf-future.js';
import { edgeCount, sampleMessage } from './protobuf-samples.js';

const TO_OBJECT: protobuf.IConversionOptions = { defaults: true, enums: String, longs: Number };
const INTEGERS = new Set(['int32', 'sint32', 'sfixed32', 'uint32', 'fixed32', 'int64', 'sint64', 'sfixed64', 'uint64', 'fixed64']);

export class ProtobufCodec implements SchemaCodec {
  readonly type: protobuf.Type;
  readonly #indexes: Buffer;

  constructor(readonly parsed: ProtobufParsedSchema) {
    const name = parsed.name();
    const message = name === undefined ? undefined : parsed.root().lookup(name);
    if (!(message instanceof protobuf.Type)) throw new ToolError('The Protobuf schema has no message');
    this.type = message;
    this.#indexes = encodeMessageIndexes(parsed.messageIndexes(name!));
  }

  fieldNames(): string[] {
    return this.type.fieldsArray.map((f) => f.name);
  }

  typical(rng: Prng): unknown {
    return sampleMessage(this.type, rng);
  }

  edges(rng: Prng): unknown[] {
    return Array.from({ length: edgeCount(this.type) }, (_, edge) => sampleMessage(this.type, rng, edge));
  }

  fieldKind(name: string): 'string' | 'integer' | 'other' | undefined {
    const field = this.type.fields[name];
    if (!field) return undefined;
    if (field.repeated || field.resolvedType) return 'other';
    return field.type === 'string' ? 'string' : INTEGERS.has(field.type) ? 'integer' : 'other';
  }

  withField(sample: unknown, name: string, value: string | number): unknown {
    const kind = this.fieldKind(name);
    if (kind === undefined) throw new ToolError(`The message has no field ${name}`);
    if (kind === 'other') throw new ToolError(`Field ${name} must be a string or an integer to hold a key or sequence`);
    return { ...(sample as object), [name]: kind === 'string' ? String(value) : Number(value) };
  }

  encode(sample: unknown): Buffer {
    const message = this.type.fromObject(sample as Record<string, unknown>);
    const problem = this.type.verify(message);
    if (problem) throw new Error(`sample does not match its message: ${problem}`);
    const payload = Buffer.from(this.type.encode(message).finish());
    const before = JSON.stringify(this.canonical(this.type.toObject(message, TO_OBJECT)));
    const after = JSON.stringify(this.canonical(this.type.toObject(this.type.decode(payload), TO_OBJECT)));
    if (before !== after) throw new Error(`protobufjs does not round-trip this sample: ${before} came back as ${after}`);
    return Buffer.concat([this.#indexes, payload]);
  }

  read(writer: SchemaCodec, payload: Buffer): unknown {
    if (!(writer instanceof ProtobufCodec)) throw new TypeError('A Protobuf reader reads Protobuf writers only');
    const { indexes, bytesRead } = decodeMessageIndexes(payload);
    const name = writer.parsed.messageName(indexes);
    const found = this.parsed.root().lookup(name);
    const reader = found instanceof protobuf.Type ? found : this.type;
    return reader.toObject(reader.decode(payload.subarray(bytesRead)), TO_OBJECT);
  }

  canonical(value: unknown, fields?: readonly string[]): Json {
    return protobufCanonical(value, fields);
  }

  compare(expected: unknown, actual: unknown, fields?: readonly string[]): Mismatch | undefined {
    return protobufCompare(this.type, expected, actual, fields);
  }

  futures(rng: Prng): FutureWriter[] {
    return protobufFutures(this.parsed, this.type, rng).map((future) => ({
      change: future.change,
      schema: future.parsed.canonical(),
      codec: new ProtobufCodec(future.parsed),
      sample: future.sample,
    }));
  }
}

export function protobufCodec(parsed: unknown): ProtobufCodec {
  if (!(parsed instanceof ProtobufParsedSchema)) throw new TypeError('not a Protobuf schema');
  return new ProtobufCodec(parsed);
}
