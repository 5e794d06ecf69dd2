/**
 * Confluent's wire format for record keys and values, shared by the server,
 * generated serializers and the conformance checker: a magic byte 0 and the
 * schema id as a big-endian signed 32-bit integer before the payload
 * (schema-serializer/.../schema/id/SchemaId.java, the "prefix" form), and
 * for Protobuf the message indexes after the id
 * (protobuf-provider/.../protobuf/MessageIndexes.java): a count and then
 * each index, as Kafka's zig-zag varints (`ByteUtils.writeVarint`), with
 * `[0]` — the first top-level message — written as the single byte 0.
 */

export const MAGIC_BYTE = 0;

/** Magic byte and schema id. */
const PREFIX_LENGTH = 5;

/** Bytes that are not in the wire format, or arguments that cannot be written in it. */
export class WireFormatError extends Error {
  override readonly name = 'WireFormatError';
}

export function frame(schemaId: number, payload: Uint8Array): Buffer {
  if (!Number.isInteger(schemaId) || schemaId < -(2 ** 31) || schemaId >= 2 ** 31) {
    throw new WireFormatError(`Schema id ${schemaId} is not a 32-bit signed integer`);
  }
  const bytes = Buffer.alloc(PREFIX_LENGTH + payload.length);
  bytes.writeUInt8(MAGIC_BYTE, 0);
  bytes.writeInt32BE(schemaId, 1);
  bytes.set(payload, PREFIX_LENGTH);
  return bytes;
}

export function unframe(bytes: Uint8Array): { schemaId: number; payload: Buffer } {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer.length < PREFIX_LENGTH) {
    throw new WireFormatError(
      `Framed data is ${buffer.length} byte${buffer.length === 1 ? '' : 's'} long; the wire format needs at least ${PREFIX_LENGTH} (magic byte and schema id)`,
    );
  }
  const magic = buffer.readUInt8(0);
  if (magic !== MAGIC_BYTE) throw new WireFormatError(`Unknown magic byte ${magic}; expected ${MAGIC_BYTE}`);
  return { schemaId: buffer.readInt32BE(1), payload: buffer.subarray(PREFIX_LENGTH) };
}

/** The Protobuf message indexes; `[]` and `[0]` are both the single byte 0. */
export function encodeMessageIndexes(indexes: readonly number[]): Buffer {
  for (const index of indexes) {
    if (!Number.isInteger(index) || index < 0 || index >= 2 ** 31) {
      throw new WireFormatError(`Message index ${index} is not a non-negative 32-bit integer`);
    }
  }
  if (indexes.length === 0 || (indexes.length === 1 && indexes[0] === 0)) return Buffer.from([0]);
  return Buffer.from([indexes.length, ...indexes].flatMap(zigZagVarint));
}

/** The Protobuf message indexes at `offset`, and how many bytes they took; a count of 0 means `[0]`. */
export function decodeMessageIndexes(bytes: Uint8Array, offset = 0): { indexes: number[]; bytesRead: number } {
  let position = offset;
  const next = () => {
    const { value, length } = readZigZagVarint(bytes, position);
    position += length;
    return value;
  };
  const count = next();
  if (count < 0) throw new WireFormatError(`Message index count ${count} is negative`);
  if (count === 0) return { indexes: [0], bytesRead: position - offset };
  const indexes: number[] = [];
  for (let i = 0; i < count; i++) {
    const index = next();
    if (index < 0) throw new WireFormatError(`Message index ${index} is negative`);
    indexes.push(index);
  }
  return { indexes, bytesRead: position - offset };
}

/** Kafka's `ByteUtils.writeVarint`: zig-zag, then seven bits a byte, low bits first. */
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

/** Kafka's `ByteUtils.readVarint`: at most five bytes. */
function readZigZagVarint(bytes: Uint8Array, offset: number): { value: number; length: number } {
  let raw = 0;
  for (let i = 0; i < 5; i++) {
    const byte = bytes[offset + i];
    if (byte === undefined) throw new WireFormatError(`Message indexes end early, at byte ${offset + i}`);
    raw |= (byte & 0x7f) << (7 * i);
    if ((byte & 0x80) === 0) return { value: (raw >>> 1) ^ -(raw & 1), length: i + 1 };
  }
  throw new WireFormatError(`Varint at byte ${offset} is longer than 5 bytes`);
}
