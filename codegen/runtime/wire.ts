/**
 * Confluent's wire format, as generated serializers read and write it: a
 * magic byte 0 and the schema id as a big-endian signed 32-bit integer
 * before the payload (schema-serializer/.../SchemaId.java), and for Protobuf
 * the message indexes after the id (protobuf-provider/.../MessageIndexes.java:
 * a count then each index, zig-zag varints; `[0]` as the single byte 0).
 * Part of the codegen runtime, copied into every generated folder; the
 * registry's own `contracts/wire-format.ts` is the reference it is tested
 * against.
 */
import { DecodeError } from './errors.js';

export const MAGIC_BYTE = 0;

/** Magic byte and schema id. */
export const HEADER_LENGTH = 5;

/** Writes the magic byte and the schema id at the start of `target`. */
export function writeHeader(target: Buffer, schemaId: number): void {
  target[0] = MAGIC_BYTE;
  target.writeInt32BE(schemaId, 1);
}

/**
 * Bytes to decode as a Buffer over the same memory (avsc and protobufjs
 * read Buffers); a `null` value, a Kafka tombstone, is refused with a
 * `DecodeError` that says so (both JavaScript registry clients fail on it
 * with a bare "Invalid buffer").
 */
export function asBuffer(subject: string, bytes: Uint8Array | null | undefined): Buffer {
  if (bytes === null || bytes === undefined) {
    throw new DecodeError(subject, 'a tombstone (null value) carries no payload to decode; handle it before decoding (fromMessage does)');
  }
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** The schema id of framed bytes; throws a `DecodeError` when they are not in the wire format. */
export function readSchemaId(subject: string, bytes: Buffer): number {
  if (bytes.length < HEADER_LENGTH) {
    throw new DecodeError(subject, `${bytes.length} byte(s) are not in Confluent's wire format, which needs at least ${HEADER_LENGTH} (magic byte and schema id)`);
  }
  if (bytes[0] !== MAGIC_BYTE) {
    throw new DecodeError(subject, `unknown magic byte ${bytes[0]}; Confluent's wire format starts with ${MAGIC_BYTE}`);
  }
  // `readInt32BE(1)` without its bounds checks, which the length check above makes redundant (decoding is hot).
  return (bytes[1]! << 24) | (bytes[2]! << 16) | (bytes[3]! << 8) | bytes[4]!;
}

/** The Protobuf message indexes; `[]` and `[0]` are both the single byte 0. */
export function encodeMessageIndexes(indexes: readonly number[]): Buffer {
  if (indexes.length === 0 || (indexes.length === 1 && indexes[0] === 0)) return Buffer.from([0]);
  return Buffer.from([indexes.length, ...indexes].flatMap(zigZagVarint));
}

/** The message indexes at `offset` and the bytes they took, or undefined when the bytes cannot be indexes. */
export function decodeMessageIndexes(bytes: Uint8Array, offset: number): { indexes: number[]; length: number } | undefined {
  let position = offset;
  const next = (): number | undefined => {
    const read = readZigZagVarint(bytes, position);
    if (read === undefined) return undefined;
    position += read.length;
    return read.value;
  };
  const count = next();
  if (count === undefined || count < 0) return undefined;
  if (count === 0) return { indexes: [0], length: position - offset };
  const indexes: number[] = [];
  for (let i = 0; i < count; i++) {
    const index = next();
    if (index === undefined || index < 0) return undefined;
    indexes.push(index);
  }
  return { indexes, length: position - offset };
}

function zigZagVarint(value: number): number[] {
  let v = ((value << 1) ^ (value >> 31)) >>> 0;
  const out: number[] = [];
  while (v > 0x7f) {
    out.push((v & 0x7f) | 0x80);
    v >>>= 7;
  }
  out.push(v);
  return out;
}

function readZigZagVarint(bytes: Uint8Array, offset: number): { value: number; length: number } | undefined {
  let raw = 0;
  for (let i = 0; i < 5; i++) {
    const byte = bytes[offset + i];
    if (byte === undefined) return undefined;
    raw |= (byte & 0x7f) << (7 * i);
    if ((byte & 0x80) === 0) return { value: (raw >>> 1) ^ -(raw & 1), length: i + 1 };
  }
  return undefined;
}
