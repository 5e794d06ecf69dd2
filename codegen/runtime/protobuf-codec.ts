/**
 * Generated Protobuf serializers, as Confluent's Protobuf serializer frames
 * them: the frame header, the message indexes of the subject's message in
 * the writer's schema, then the message. Decoding needs no writer schema
 * beyond those indexes (fields are matched by number), so every version is
 * read with the latest version's descriptor; a field the reader does not
 * know is skipped. Decoded values are protobufjs `toObject` with
 * `{ longs: String, enums: String, defaults: true }`: 64-bit integers as
 * decimal strings (as Protobuf's JSON mapping has them), enums by name (a
 * number the reader does not know stays a number), absent scalars as their
 * zero values, absent messages as `null`; then reshaped by
 * `protobuf-values.ts` (a real `oneof` a discriminated union under its
 * name, `google.protobuf.Timestamp` a `Date`), and the encoder's input the
 * other way.
 *
 * Bytes without message indexes, as `@kafkajs/confluent-schema-registry`
 * writes them, are read too when the subject's message is the schema's
 * first (indexes `[0]`, which Confluent writes as one 0 byte): a message
 * starts with a tag of field 1 or more, a byte of at least 8, while the
 * indexes of any message nested less than four deep start with a count
 * byte of 2, 4 or 6. Part of the codegen runtime, copied into every
 * generated folder.
 */
import protobuf from 'protobufjs';
import { encodingId, latestVersion, ReaderTable, type Codec, type VersionInfo } from './codec.js';
import { DecodeError, EncodeError, type Issue } from './errors.js';
import { checkMessage } from './protobuf-check.js';
import { fromProtobufjs, toProtobufjs } from './protobuf-values.js';
import type { RegisteredSchema } from './registry.js';
import { decodeMessageIndexes, encodeMessageIndexes, HEADER_LENGTH, writeHeader } from './wire.js';

/** One version and where the subject's message sits in it. */
export interface ProtobufVersion extends VersionInfo {
  indexes: readonly number[];
}

export interface ProtobufCodecSpec {
  subject: string;
  /** Full name of the subject's message, without a leading dot. */
  messageName: string;
  /** The latest version and everything it imports, as protobufjs JSON (`Root#toJSON`). */
  descriptor: string;
  versions: readonly ProtobufVersion[];
}

const TO_OBJECT: protobuf.IConversionOptions = { longs: String, enums: String, defaults: true, arrays: true, objects: true, oneofs: false };

export function createProtobufCodec<State, Input>(spec: ProtobufCodecSpec): Codec<State, Input> {
  const { subject, messageName } = spec;
  const latest = latestVersion(subject, spec.versions);
  const type = protobuf.Root.fromJSON(JSON.parse(spec.descriptor) as protobuf.INamespace).resolveAll().lookupType(messageName);

  const readerFor = (id: number, indexes: readonly number[]) => {
    const expected = indexes.length === 0 ? '0' : indexes.join('.');
    const firstMessage = expected === '0';
    return (bytes: Buffer, offset: number): State => {
      const found = decodeMessageIndexes(bytes, offset);
      let start: number;
      if (found !== undefined && found.indexes.join('.') === expected) start = offset + found.length;
      else if (firstMessage && (bytes[offset] ?? 0) >= 0x08) start = offset;
      else {
        const what = found === undefined ? 'unreadable message indexes' : `message indexes [${found.indexes.join(', ')}]`;
        throw new DecodeError(subject, `bytes of schema id ${id} carry ${what}, not those of ${messageName} ([${expected.split('.').join(', ')}])`);
      }
      try {
        return fromProtobufjs(type, type.toObject(type.decode(bytes.subarray(start)), TO_OBJECT)) as State;
      } catch (error) {
        throw new DecodeError(subject, `cannot decode bytes of schema id ${id}: ${(error as Error).message}`, { cause: error });
      }
    };
  };
  const table = new ReaderTable<State>(subject, spec.versions, (fetched: RegisteredSchema) => {
    if (fetched.schemaType !== 'PROTOBUF') throw new Error(`schema id ${fetched.id} is ${fetched.schemaType}, not PROTOBUF`);
    return readerFor(fetched.id, indexesIn(fetched.schema, messageName));
  });
  for (const version of spec.versions) if (version.id !== undefined) table.add(version.id, readerFor(version.id, version.indexes));

  let prefix: Buffer | undefined;
  return {
    subject,
    encode(value: Input): Buffer {
      prefix ??= Buffer.concat([header(encodingId(subject, latest)), encodeMessageIndexes(latest.indexes)]);
      const issues: Issue[] = [];
      checkMessage(type, value, '', issues);
      if (issues.length > 0) throw new EncodeError(subject, issues);
      const payload = type.encode(type.fromObject(toProtobufjs(type, value as { [key: string]: unknown }))).finish();
      const bytes = Buffer.allocUnsafe(prefix.length + payload.length);
      prefix.copy(bytes, 0);
      bytes.set(payload, prefix.length);
      return bytes;
    },
    decode: (bytes) => table.decode(bytes),
    decodeAsync: (bytes) => table.decodeAsync(bytes),
    field: (value, name) => (value as Record<string, unknown>)[name],
  };
}

function header(id: number): Buffer {
  const bytes = Buffer.alloc(HEADER_LENGTH);
  writeHeader(bytes, id);
  return bytes;
}

/**
 * Where a message sits in a schema's text (Confluent's
 * `ProtobufSchema.toMessageIndexes`): its index among the file's top-level
 * messages, then among its parent's nested messages; enums do not count.
 */
export function indexesIn(text: string, messageName: string): number[] {
  const parsed = protobuf.parse(text, { keepCase: true });
  const prefix = parsed.package ? `${parsed.package}.` : '';
  if (prefix !== '' && !messageName.startsWith(prefix)) throw new Error(`${messageName} is not in package ${parsed.package}`);
  let scope: protobuf.NamespaceBase | null = prefix === '' ? parsed.root : parsed.root.lookup(parsed.package!) as protobuf.Namespace | null;
  const indexes: number[] = [];
  for (const part of messageName.slice(prefix.length).split('.')) {
    const messages = (scope?.nestedArray ?? []).filter((n): n is protobuf.Type => n instanceof protobuf.Type);
    const index = messages.findIndex((m) => m.name === part);
    if (index < 0) throw new Error(`no message ${messageName} in the schema`);
    indexes.push(index);
    scope = messages[index]!;
  }
  return indexes;
}
