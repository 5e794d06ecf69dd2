/**
 * Generated Avro serializers: avsc types built with the options the
 * generator typed the code with (`AVRO_TYPE_OPTIONS`: avsc's own
 * `wrapUnions: 'auto'` rule, the logical types of `avro-logical-types.ts`),
 * the latest version as the reader, and a resolver from every other writer
 * version, built once; the latest version's own bytes are read by a reader
 * compiled for its schema (`avro-reader.ts`), and by avsc when that one
 * cannot read them. Encoding writes straight after the frame header in a
 * reused buffer; avsc refuses an invalid value as it writes it, and only
 * then is the value walked again (`isValid`) to name every invalid field.
 * `long` is avsc's: a JavaScript number, refused beyond ±(2^53 − 1) both
 * ways; or, generated with `longs: 'bigint'`, a `bigint` (`BIGINT_LONG`,
 * avsc's custom long type), every 64-bit value. Part of the codegen runtime,
 * copied into every generated folder.
 */
import avro, { type Type } from 'avsc';
import { BIGINT_LONG, LOGICAL_TYPES, LONG_LOGICAL_TYPES, describeLogical } from './avro-logical-types.js';
import { compileReader } from './avro-reader.js';
import { encodingId, latestVersion, ReaderTable, type Codec, type Reader, type VersionInfo } from './codec.js';
import { DecodeError, describeValue, EncodeError, type Issue } from './errors.js';
import type { RegisteredSchema } from './registry.js';
import { HEADER_LENGTH, writeHeader } from './wire.js';

/** One version: the schemas of its references, dependencies first, then its own (canonical text). */
export interface AvroVersion extends VersionInfo {
  schemas: readonly string[];
}

/** How `long` is read and written: avsc's `number` (the default), or `bigint`. */
export type AvroLongs = 'number' | 'bigint';

export interface AvroCodecSpec {
  subject: string;
  /** Absent: `number`. */
  longs?: AvroLongs;
  /** Oldest first; the last is the latest, which encoders write and decoders read into. */
  versions: readonly AvroVersion[];
}

/** The encoding buffer is reused across calls, unless a large value made it grow beyond this. */
const MAX_KEPT_SCRATCH = 1 << 20;

/** How generated code builds avsc types; the generator derives the TypeScript types from types built the same way. */
export const AVRO_TYPE_OPTIONS = { wrapUnions: 'auto', logicalTypes: LOGICAL_TYPES, omitRecordMethods: true } as const;

/**
 * The avsc options for `longs`: with `bigint`, a type hook puts `BIGINT_LONG`
 * wherever the schema says `long`. A logical type of ours on a long is built
 * by avsc as usual, and its underlying type (the same schema object, asked
 * for again from the logical type's constructor) is then `BIGINT_LONG`; any
 * other logical type on a long is ignored, as the Avro specification says
 * of one a reader does not know.
 */
export function avroTypeOptions(longs: AvroLongs = 'number'): avro.ForSchemaOptions {
  const options: Partial<avro.ForSchemaOptions> = { ...AVRO_TYPE_OPTIONS, registry: {} };
  if (longs === 'bigint') {
    const pending = new WeakSet<object>();
    options.typeHook = (schema: avro.Schema) => {
      if (schema === 'long') return BIGINT_LONG;
      if (typeof schema !== 'object' || schema === null || Array.isArray(schema) || (schema as { type?: unknown }).type !== 'long') return undefined;
      const logical = (schema as { logicalType?: unknown }).logicalType;
      if (typeof logical === 'string' && LONG_LOGICAL_TYPES.has(logical) && !pending.has(schema)) {
        pending.add(schema);
        return undefined;
      }
      pending.delete(schema);
      return BIGINT_LONG;
    };
  }
  return options as avro.ForSchemaOptions;
}

/** The avsc type of one version, its references registered first under their names. */
export function avroType(schemas: readonly string[], longs: AvroLongs = 'number'): Type {
  const options = avroTypeOptions(longs);
  let type: Type | undefined;
  for (const schema of schemas) type = avro.Type.forSchema(JSON.parse(schema) as avro.schema.AvroSchema, options);
  if (type === undefined) throw new Error('no schema');
  return type;
}

export function createAvroCodec<State, Input>(spec: AvroCodecSpec): Codec<State, Input> {
  const { subject } = spec;
  const latest = latestVersion(subject, spec.versions);
  const longs = spec.longs ?? 'number';
  const reader = avroType(latest.schemas, longs);
  const readerOf = (writer: Type | undefined, id: number, label: string): Reader<State> => {
    try {
      return readerWith<State>(subject, reader, writer === undefined ? undefined : reader.createResolver(writer), id);
    } catch (error) {
      const failure = new DecodeError(subject, `${label} cannot be read as version ${latest.version}: ${(error as Error).message}`, { cause: error });
      return () => {
        throw failure;
      };
    }
  };
  const table = new ReaderTable<State>(subject, spec.versions, (fetched: RegisteredSchema) => {
    if (fetched.schemaType !== 'AVRO') throw new Error(`schema id ${fetched.id} is ${fetched.schemaType}, not AVRO`);
    const writer = avroType([...fetched.references.map((r) => r.schema), fetched.schema], longs);
    return readerOf(writer, fetched.id, `schema id ${fetched.id}`);
  });
  for (const version of spec.versions) {
    if (version.id === undefined) continue;
    const writer = version === latest ? undefined : avroType(version.schemas, longs);
    table.add(version.id, readerOf(writer, version.id, `version ${version.version} (schema id ${version.id})`));
  }

  let scratch = Buffer.allocUnsafe(1024);
  return {
    subject,
    encode(value: Input): Buffer {
      const id = encodingId(subject, latest);
      for (;;) {
        let end: number;
        try {
          end = reader.encode(value, scratch, HEADER_LENGTH);
        } catch (error) {
          throw new EncodeError(subject, issuesOf(reader, value, error));
        }
        if (end < 0) {
          scratch = Buffer.allocUnsafe(Math.max(2 * scratch.length, scratch.length - end));
          continue;
        }
        writeHeader(scratch, id);
        const bytes = Buffer.allocUnsafe(end);
        scratch.copy(bytes, 0, 0, end);
        if (scratch.length > MAX_KEPT_SCRATCH) scratch = Buffer.allocUnsafe(1024);
        return bytes;
      }
    },
    decode: (bytes) => table.decode(bytes),
    decodeAsync: (bytes) => table.decodeAsync(bytes),
    field(value, name) {
      const given = (value as Record<string, unknown>)[name];
      if (given !== undefined) return given;
      const field = reader.typeName === 'record' ? (reader as avro.types.RecordType).field(name) : undefined;
      return field?.defaultValue();
    },
  };
}

/**
 * The reader of one writer id. The latest version's own bytes go to the reader compiled for its schema, and to
 * avsc only when that one cannot read them, so that bad bytes get avsc's error as before.
 */
function readerWith<State>(subject: string, reader: Type, resolver: Parameters<Type['decode']>[2], id: number): Reader<State> {
  const avscRead = avscReader<State>(subject, reader, resolver, id);
  if (resolver !== undefined) return avscRead;
  const compiled = compileReader(reader);
  return (bytes, offset) => {
    try {
      return compiled(bytes, offset) as State;
    } catch {
      return avscRead(bytes, offset);
    }
  };
}

/** avsc's `decode` at the payload's offset, through the resolver of an older writer. */
function avscReader<State>(subject: string, reader: Type, resolver: Parameters<Type['decode']>[2], id: number): Reader<State> {
  return (bytes, offset) => {
    let decoded: { value: unknown; offset: number };
    try {
      decoded = reader.decode(bytes, offset, resolver);
    } catch (error) {
      throw new DecodeError(subject, `cannot decode bytes of schema id ${id}: ${explain(error)}`, { cause: error });
    }
    if (decoded.offset !== bytes.length) {
      throw new DecodeError(
        subject,
        decoded.offset < 0
          ? `bytes of schema id ${id} end before the value does (truncated)`
          : `bytes of schema id ${id} go on ${bytes.length - decoded.offset} byte(s) after the value`,
      );
    }
    return decoded.value as State;
  };
}

function explain(error: unknown): string {
  const message = (error as Error).message;
  return message === 'potential precision loss'
    ? 'a long beyond ±(2^53 − 1) cannot be read as a JavaScript number without losing precision'
    : message;
}

/** Every invalid field of a value avsc refused, by path; the original error when avsc's own check finds none. */
function issuesOf(type: Type, value: unknown, error: unknown): Issue[] {
  const issues: Issue[] = [];
  type.isValid(value, {
    errorHook(path: string[], found: unknown, at: Type) {
      issues.push({ path: pathText(path), message: `expected ${expectation(at)}, got ${describeValue(found)}` });
    },
  });
  return issues.length > 0 ? issues : [{ path: '', message: (error as Error).message }];
}

function pathText(path: readonly string[]): string {
  return path.map((part, i) => (/^\d+$/.test(part) ? `[${part}]` : i === 0 ? part : `.${part}`)).join('');
}

function expectation(type: Type): string {
  const logical = describeLogical(type);
  if (logical !== undefined) return logical;
  const named = type as Type & { symbols?: string[]; size?: number; types?: Type[] };
  switch (type.typeName) {
    case 'null':
      return 'null';
    case 'int':
      return 'a 32-bit integer (int)';
    case 'long':
      return 'an integer within ±(2^53 − 1) (long)';
    case 'abstract:long':
      return 'a bigint from -(2^63) to 2^63 − 1 (long)';
    case 'float':
    case 'double':
      return `a number (${type.typeName})`;
    case 'bytes':
      return 'a Buffer (bytes)';
    case 'fixed':
      return `a Buffer of ${named.size} bytes (${type.name})`;
    case 'enum':
      return `one of ${named.symbols?.map((s) => `'${s}'`).join(', ')} (${type.name})`;
    case 'record':
    case 'error':
      return `an object (record ${type.name})`;
    case 'array':
      return 'an array';
    case 'map':
      return 'an object (map)';
    case 'union:unwrapped':
      return (named.types ?? []).map(expectation).join(' or ');
    case 'union:wrapped':
      return `null or an object with one key of ${named.types?.filter((t) => t.typeName !== 'null').map((t) => `'${t.branchName}'`).join(', ')}`;
    default:
      return `a ${type.typeName}`;
  }
}
