/**
 * A reader compiled from an avsc type for bytes written with that same
 * schema (the latest version's own bytes, which decoders read most). It
 * reads the values avsc's `Type#decode` reads, with less work: a function
 * per type of the schema calling the next directly, where avsc calls each
 * type's `_read` through call sites that every type in the process shares;
 * and short ASCII strings decoded in JavaScript, where avsc calls into C++
 * (`Buffer#utf8Slice`) for every string, which costs more than decoding a
 * short one. Records are built by avsc's record constructors and logical
 * types by their `_fromValue`, and a wrapped union is read by avsc itself,
 * so the values are avsc's.
 *
 * It does not explain bad bytes: where the bytes are not a value of the
 * schema (or hold a long avsc refuses), it throws, and the codec has avsc
 * read them again, which gives the value or the error it always did. Part
 * of the codegen runtime, copied into every generated folder.
 */
import avro, { type Type } from 'avsc';
import { BIGINT_LONG } from './avro-logical-types.js';

/** Reads the value at `offset`; throws unless it ends exactly at the end of `bytes`. */
export type CompiledReader = (bytes: Buffer, offset: number) => unknown;

/** Where the reader is in the bytes; made as a literal (`{ buf, pos }`) in the compiled source. */
interface Cursor {
  readonly buf: Buffer;
  pos: number;
}

/** Thrown where the bytes cannot be the schema's; avsc reads them again and says why. */
const MISREAD = new Error('not a value of this schema');

function misread(): never {
  throw MISREAD;
}

/** Avro's variable-length zig-zag integer, as avsc's `Tap#readLong` decodes it (beyond 28 bits in floating point). */
function readInt(c: Cursor): number {
  const { buf } = c;
  let n = 0;
  let shift = 0;
  let byte: number;
  do {
    byte = buf[c.pos++]!;
    n |= (byte & 0x7f) << shift;
    shift += 7;
  } while (byte & 0x80 && shift < 28);
  if (!(byte & 0x80)) return (n >> 1) ^ -(n & 1);
  let f = n;
  let scale = 268_435_456; // 2^28
  do {
    byte = buf[c.pos++]!;
    f += (byte & 0x7f) * scale;
    scale *= 128;
  } while (byte & 0x80);
  return (f % 2 ? -(f + 1) : f) / 2;
}

/** A `long` within the bounds avsc reads without 'potential precision loss'. */
function readLong(c: Cursor): number {
  const n = readInt(c);
  if (!(n >= -9_007_199_254_740_990 && n <= 9_007_199_254_740_990)) misread();
  return n;
}

/** A `long` as a `bigint` (`BIGINT_LONG`), to 64 bits as avsc's own unpacking keeps them. */
function readBigLong(c: Cursor): bigint {
  const { buf } = c;
  let n = 0n;
  let shift = 0n;
  let byte: number;
  do {
    byte = buf[c.pos++] ?? misread();
    n |= BigInt(byte & 0x7f) << shift;
    shift += 7n;
  } while (byte & 0x80);
  return BigInt.asIntN(64, (n >> 1n) ^ -(n & 1n));
}

function readBoolean(c: Cursor): boolean {
  return !!c.buf[c.pos++];
}

function readFloat(c: Cursor): number {
  const start = c.pos;
  if ((c.pos += 4) > c.buf.length) misread();
  return c.buf.readFloatLE(start);
}

function readDouble(c: Cursor): number {
  const start = c.pos;
  if ((c.pos += 8) > c.buf.length) misread();
  return c.buf.readDoubleLE(start);
}

/** The end of the next `length` bytes, which must be there. */
function claim(c: Cursor, length: number): number {
  const end = c.pos + length;
  if (length < 0 || end > c.buf.length) misread();
  return end;
}

/** A copy, as avsc's (the value must not change with the bytes it was read from). */
function readFixed(c: Cursor, size: number): Buffer {
  const end = claim(c, size);
  const bytes = Buffer.from(c.buf.subarray(c.pos, end));
  c.pos = end;
  return bytes;
}

function readBytes(c: Cursor): Buffer {
  return readFixed(c, readInt(c));
}

/**
 * Strings of at most this many bytes are decoded in JavaScript: V8 makes a
 * concatenation this short a flat string, and a longer one a cons string
 * that every later use would have to flatten.
 */
const SHORT_STRING = 12;

const { fromCharCode } = String;

/** A string, as avsc's (`Buffer#utf8Slice`); in JavaScript when it is short and ASCII. */
function readString(c: Cursor): string {
  const end = claim(c, readInt(c));
  const start = c.pos;
  c.pos = end;
  return decodeUtf8(c.buf as Utf8Buffer, start, end);
}

/** Node's `Buffer#toString('utf8', start, end)` without its argument checks, as avsc calls it. */
type Utf8Buffer = Buffer & { utf8Slice(start: number, end: number): string };

/** The UTF-8 text of `buf` from `start` to `end`. */
function decodeUtf8(buf: Utf8Buffer, start: number, end: number): string {
  if (end - start > SHORT_STRING) return buf.utf8Slice(start, end);
  let text = '';
  let i = start;
  // Four characters a call: a call of `fromCharCode` costs more than a character does.
  for (; i + 4 <= end; i += 4) {
    const a = buf[i]!;
    const b = buf[i + 1]!;
    const c = buf[i + 2]!;
    const d = buf[i + 3]!;
    if ((a | b | c | d) & 0x80) return buf.utf8Slice(start, end);
    text += fromCharCode(a, b, c, d);
  }
  for (; i < end; i++) {
    const a = buf[i]!;
    if (a & 0x80) return buf.utf8Slice(start, end);
    text += fromCharCode(a);
  }
  return text;
}

/**
 * The number of items in the next block of an array or map; a negative
 * count is followed by the block's size in bytes. Every item takes a byte
 * at least (arrays of items that can take none are left to avsc), so more
 * items than bytes left are bad bytes, which must not keep the reader
 * looping.
 */
function blockCount(c: Cursor): number {
  let n = readInt(c);
  if (n < 0) {
    n = -n;
    readInt(c);
  }
  if (n > c.buf.length - c.pos) misread();
  return n;
}

function symbolAt(symbols: readonly string[], index: number): string {
  return symbols[index] ?? misread();
}

/** A value read by avsc itself, for the types this reader leaves to it. */
function readWith(c: Cursor, type: Type): unknown {
  const { value, offset } = type.decode(c.buf, c.pos);
  if (offset < 0) misread();
  c.pos = offset;
  return value;
}

/** Whether a value of `t` can take no bytes at all: null, an empty fixed, a record of such fields. */
function takesNoBytes(t: Type, within: ReadonlySet<Type> = new Set()): boolean {
  if (within.has(t)) return false; // a record within itself: no value of it is finite
  const inside = new Set(within).add(t);
  switch (t.typeName) {
    case 'null':
      return true;
    case 'fixed':
      return (t as avro.types.FixedType).size === 0;
    case 'record':
    case 'error':
      return (t as avro.types.RecordType).fields.every((f) => takesNoBytes(f.type, inside));
    default:
      return avro.Type.isType(t, 'logical') && takesNoBytes((t as avro.types.LogicalType).underlyingType, inside);
  }
}

const HELPERS = { misread, readInt, readLong, readBigLong, readBoolean, readFloat, readDouble, readFixed, readBytes, readString, blockCount, symbolAt, readWith };

/**
 * The reader of `type`, compiled: the source of one function per named or
 * composite type (recursive types call themselves), whose constants (record
 * constructors, enum symbols, logical and wrapped-union types) are the
 * arguments `$0`, `$1`, …
 */
export function compileReader(type: Type): CompiledReader {
  const constants: unknown[] = [];
  const functions = new Map<Type, string>();
  const sources: string[] = [];

  const constant = (value: unknown): string => `$${constants.push(value) - 1}`;

  /** The expression reading a value of `t` from the cursor `c`. */
  const read = (t: Type): string => {
    switch (t.typeName) {
      case 'null':
        return 'null';
      case 'boolean':
        return 'readBoolean(c)';
      case 'int':
        return 'readInt(c)';
      case 'long':
        return 'readLong(c)';
      case 'abstract:long':
        return t === BIGINT_LONG ? 'readBigLong(c)' : `${functionOf(t)}(c)`;
      case 'float':
        return 'readFloat(c)';
      case 'double':
        return 'readDouble(c)';
      case 'string':
        return 'readString(c)';
      case 'bytes':
        return 'readBytes(c)';
      case 'fixed':
        return `readFixed(c, ${(t as avro.types.FixedType).size})`;
      default:
        return `${functionOf(t)}(c)`;
    }
  };

  const functionOf = (t: Type): string => {
    let name = functions.get(t);
    if (name === undefined) {
      name = `read${functions.size}`;
      functions.set(t, name); // before its body, which may refer to it
      sources.push(`function ${name}(c) {\n  ${body(t)}\n}`);
    }
    return name;
  };

  const body = (t: Type): string => {
    switch (t.typeName) {
      case 'record':
      case 'error': {
        const { fields, recordConstructor } = t as avro.types.RecordType;
        // Arguments are evaluated left to right, which is the fields' order in the bytes.
        return `return new ${constant(recordConstructor)}(${fields.map((f) => read(f.type)).join(', ')});`;
      }
      case 'enum':
        return `return symbolAt(${constant((t as avro.types.EnumType).symbols)}, readInt(c));`;
      case 'array':
        if (takesNoBytes((t as avro.types.ArrayType).itemsType)) return `return readWith(c, ${constant(t)});`;
        return `const items = [];
  for (let n = blockCount(c); n !== 0; n = blockCount(c)) for (; n > 0; n--) items.push(${read((t as avro.types.ArrayType).itemsType)});
  return items;`;
      case 'map':
        return `const map = {};
  for (let n = blockCount(c); n !== 0; n = blockCount(c)) for (; n > 0; n--) { const key = readString(c); map[key] = ${read((t as avro.types.MapType).valuesType as Type)}; }
  return map;`;
      case 'union:unwrapped': {
        const branches = (t as avro.types.UnwrappedUnionType).types.map((branch, i) => `case ${i}: return ${read(branch)};`);
        return `switch (readInt(c)) {\n    ${branches.join('\n    ')}\n    default: return misread();\n  }`;
      }
      default:
        if (avro.Type.isType(t, 'logical')) return `return ${constant(t)}._fromValue(${read((t as avro.types.LogicalType).underlyingType)});`;
        return `return readWith(c, ${constant(t)});`;
    }
  };

  const top = read(type);
  const source = `"use strict";
const { ${Object.keys(HELPERS).join(', ')} } = helpers;
${sources.join('\n')}
return function read(bytes, offset) {
  const c = { buf: bytes, pos: offset };
  const value = ${top};
  if (c.pos !== bytes.length) misread();
  return value;
};`;
  // Compiled once per codec, as avsc compiles its own record readers.
  const params = ['helpers', ...constants.map((_, i) => `$${i}`)];
  return new Function(...params, source)(HELPERS, ...constants) as CompiledReader;
}
