/**
 * JSON as Java Avro reads and writes schemas (Jackson with comments allowed, as
 * `org.apache.avro.Schema.FACTORY` is configured): object keys keep their order
 * (a repeated key keeps its first place and takes its last value), numbers keep
 * their Jackson kind (int, long, big integer, double, float), and text is
 * written back compactly with Jackson's escapes. `JSON.parse` cannot stand in:
 * it moves integer-like keys first and reads `1.0` as `1`, which would change
 * the canonical text the registry stores.
 */
import { javaDoubleToString, javaFloatToString } from './java-numbers.js';

export type JsonValue = null | boolean | string | JsonNumber | JsonValue[] | JsonObject;
export type JsonObject = Map<string, JsonValue>;

type NumberKind = 'int' | 'long' | 'bigint' | 'double' | 'float';

const INT_MIN = -(2n ** 31n);
const INT_MAX = 2n ** 31n - 1n;
const LONG_MIN = -(2n ** 63n);
const LONG_MAX = 2n ** 63n - 1n;

/** A number with the node kind Jackson gives it: `IntNode`, `LongNode`, `BigIntegerNode`, `DoubleNode`, `FloatNode`. */
export class JsonNumber {
  private constructor(
    readonly kind: NumberKind,
    readonly value: number,
    private readonly integer: bigint | undefined,
  ) {}

  static integral(value: bigint): JsonNumber {
    const kind = value >= INT_MIN && value <= INT_MAX ? 'int' : value >= LONG_MIN && value <= LONG_MAX ? 'long' : 'bigint';
    return new JsonNumber(kind, Number(value), value);
  }

  static double(value: number): JsonNumber {
    return new JsonNumber('double', value, undefined);
  }

  static float(value: number): JsonNumber {
    return new JsonNumber('float', Math.fround(value), undefined);
  }

  get isIntegral(): boolean {
    return this.integer !== undefined;
  }

  /** Jackson's text for the node; non-finite values are quoted (QUOTE_NON_NUMERIC_NUMBERS). */
  toJson(): string {
    if (this.integer !== undefined) return this.integer.toString();
    if (!Number.isFinite(this.value)) return `"${javaDoubleToString(this.value)}"`;
    return this.kind === 'float' ? javaFloatToString(this.value) : javaDoubleToString(this.value);
  }

  equals(other: JsonNumber): boolean {
    if (this.kind !== other.kind) return false;
    // Double.compare semantics: NaN equals NaN, 0.0 differs from -0.0.
    return this.integer !== undefined ? this.integer === other.integer : Object.is(this.value, other.value);
  }
}

export const isJsonObject = (value: JsonValue | undefined): value is JsonObject => value instanceof Map;
export const isJsonNumber = (value: JsonValue | undefined): value is JsonNumber => value instanceof JsonNumber;

/** Jackson's `JsonNode.equals`: objects compare as maps (key order ignored), numbers by node kind and value. */
export function jsonEquals(a: JsonValue, b: JsonValue): boolean {
  if (a === b) return true;
  if (a instanceof JsonNumber) return b instanceof JsonNumber && a.equals(b);
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((v, i) => jsonEquals(v, b[i]!));
  if (a instanceof Map) {
    if (!(b instanceof Map) || a.size !== b.size) return false;
    for (const [key, value] of a) {
      const other = b.get(key);
      if (other === undefined || !jsonEquals(value, other)) return false;
    }
    return true;
  }
  return false;
}

export class JsonSyntaxError extends Error {}

/** Compact JSON as Jackson's generator writes it. */
export function writeJson(value: JsonValue): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'string') return quoteJson(value);
  if (value instanceof JsonNumber) return value.toJson();
  if (Array.isArray(value)) return `[${value.map(writeJson).join(',')}]`;
  const members: string[] = [];
  for (const [key, member] of value) members.push(`${quoteJson(key)}:${writeJson(member)}`);
  return `{${members.join(',')}}`;
}

const SHORT_ESCAPES: Record<number, string> = { 8: '\\b', 9: '\\t', 10: '\\n', 12: '\\f', 13: '\\r', 34: '\\"', 92: '\\\\' };

/** Jackson escapes quote, backslash and control characters only; its `\u00XX` hex is upper case. */
export function quoteJson(text: string): string {
  let out = '"';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const short = SHORT_ESCAPES[code];
    if (short !== undefined) out += short;
    else if (code < 0x20) out += `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
    else out += text[i];
  }
  return `${out}"`;
}

/**
 * Reads one JSON value. Returns `undefined` for text holding no value (Jackson's
 * `readTree` gives null); `rest` is what follows the value, trimmed, for Avro's
 * "dangling content" check.
 */
export function readJson(text: string): { value: JsonValue | undefined; rest: string } {
  const reader = new Reader(text);
  reader.skipBlank();
  if (reader.atEnd()) return { value: undefined, rest: '' };
  const value = reader.value();
  return { value, rest: text.slice(reader.position).trim() };
}

class Reader {
  position = 0;

  constructor(private readonly text: string) {}

  atEnd(): boolean {
    return this.position >= this.text.length;
  }

  value(): JsonValue {
    this.skipBlank();
    const c = this.text[this.position];
    switch (c) {
      case '{':
        return this.object();
      case '[':
        return this.array();
      case '"':
        return this.string();
      case 't':
        return this.literal('true', true);
      case 'f':
        return this.literal('false', false);
      case 'n':
        return this.literal('null', null);
      default:
        if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return this.number();
        throw this.unexpected(c === undefined ? 'end of input' : `character '${c}'`, 'a JSON value');
    }
  }

  skipBlank(): void {
    for (;;) {
      const c = this.text[this.position];
      if (c === ' ' || c === '\t' || c === '\n' || c === '\r') this.position++;
      else if (c === '/' && this.text[this.position + 1] === '/') {
        const end = this.text.indexOf('\n', this.position);
        this.position = end < 0 ? this.text.length : end + 1;
      } else if (c === '/' && this.text[this.position + 1] === '*') {
        const end = this.text.indexOf('*/', this.position + 2);
        if (end < 0) throw this.unexpected('end of input', "the end of a comment ('*/')");
        this.position = end + 2;
      } else return;
    }
  }

  private object(): JsonObject {
    const result: JsonObject = new Map();
    this.position++;
    this.skipBlank();
    if (this.text[this.position] === '}') {
      this.position++;
      return result;
    }
    for (;;) {
      this.skipBlank();
      if (this.text[this.position] !== '"') throw this.unexpected(this.describeHere(), 'a double-quoted field name');
      const key = this.string();
      this.expect(':');
      result.set(key, this.value());
      this.skipBlank();
      const c = this.text[this.position++];
      if (c === '}') return result;
      if (c !== ',') throw this.unexpected(this.describe(c), "',' or '}' in an object");
    }
  }

  private array(): JsonValue[] {
    const result: JsonValue[] = [];
    this.position++;
    this.skipBlank();
    if (this.text[this.position] === ']') {
      this.position++;
      return result;
    }
    for (;;) {
      result.push(this.value());
      this.skipBlank();
      const c = this.text[this.position++];
      if (c === ']') return result;
      if (c !== ',') throw this.unexpected(this.describe(c), "',' or ']' in an array");
    }
  }

  private string(): string {
    let out = '';
    this.position++;
    for (;;) {
      const c = this.text[this.position++];
      if (c === undefined) throw this.unexpected('end of input', 'the end of a string');
      if (c === '"') return out;
      if (c === '\\') out += this.escape();
      else if (c.charCodeAt(0) < 0x20) throw this.unexpected(`control character (code ${c.charCodeAt(0)})`, 'an escaped character in a string');
      else out += c;
    }
  }

  private escape(): string {
    const c = this.text[this.position++];
    const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
    if (c !== undefined && simple[c] !== undefined) return simple[c];
    if (c === 'u') {
      const hex = this.text.slice(this.position, this.position + 4);
      if (!/^[0-9a-fA-F]{4}$/.test(hex)) throw this.unexpected(`'\\u${hex}'`, 'four hex digits');
      this.position += 4;
      return String.fromCharCode(parseInt(hex, 16));
    }
    throw this.unexpected(`escape '\\${c ?? ''}'`, 'a valid JSON escape');
  }

  private number(): JsonNumber {
    const match = /^-?(?:0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(this.text.slice(this.position));
    const next = match ? this.text[this.position + match[0].length] : undefined;
    if (!match || (next !== undefined && /[0-9.eE+\-a-zA-Z]/.test(next))) {
      throw this.unexpected('malformed number', 'a JSON number');
    }
    this.position += match[0].length;
    const isFloating = match[1] !== undefined || match[2] !== undefined;
    return isFloating ? JsonNumber.double(Number(match[0])) : JsonNumber.integral(BigInt(match[0]));
  }

  private literal<T extends JsonValue>(word: string, value: T): T {
    if (this.text.startsWith(word, this.position)) {
      this.position += word.length;
      return value;
    }
    throw this.unexpected(`token '${/^\w*/.exec(this.text.slice(this.position))![0]}'`, "'true', 'false' or 'null'");
  }

  private expect(char: string): void {
    this.skipBlank();
    const c = this.text[this.position++];
    if (c !== char) throw this.unexpected(this.describe(c), `'${char}'`);
  }

  private describeHere(): string {
    return this.describe(this.text[this.position]);
  }

  private describe(c: string | undefined): string {
    return c === undefined ? 'end of input' : `character '${c}'`;
  }

  private unexpected(found: string, expected: string): JsonSyntaxError {
    const before = this.text.slice(0, Math.min(this.position, this.text.length));
    const line = before.split('\n').length;
    const column = before.length - before.lastIndexOf('\n');
    return new JsonSyntaxError(`Unexpected ${found}: expected ${expected} at line ${line}, column ${column}`);
  }
}
