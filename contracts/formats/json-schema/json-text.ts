/**
 * JSON text as Confluent's JSON Schema provider reads and writes it: Jackson's
 * `ObjectMapper` as `jackson/Jackson.java` configures it, which
 * `JsonSchema.canonicalString()` uses to re-serialise the schema. Object keys
 * keep their written order (a repeated key keeps its first place and takes its
 * last value); integers are written as integers and every other number as
 * Java's `BigDecimal` prints it (`1.0` stays `1.0`, `1e3` becomes `1E+3`),
 * which `JSON.parse` would lose; strings get Jackson's escapes only.
 *
 * Two departures, both refusals: text after the value (Jackson's `readTree`
 * ignores it) and the non-numeric numbers `NaN`/`Infinity` (which Confluent's
 * mapper allows) are errors here.
 */
import { decimalToJavaString, parseDecimal, type Decimal } from './decimal.js';

export type JsonValue = null | boolean | string | JsonNumber | JsonValue[] | JsonObject;
export type JsonObject = Map<string, JsonValue>;

/** A number as Jackson keeps it: `IntNode`/`LongNode`/`BigIntegerNode` or `DecimalNode`. */
export class JsonNumber {
  private constructor(
    /** The text Jackson writes for it. */
    readonly text: string,
    readonly integral: boolean,
  ) {}

  static fromSource(source: string): JsonNumber {
    const integral = /^-?\d+$/.test(source);
    return new JsonNumber(integral ? BigInt(source).toString() : decimalToJavaString(parseDecimal(source)), integral);
  }

  /** Java's `Number.doubleValue()`. */
  get value(): number {
    return Number(this.text);
  }

  decimal(): Decimal {
    return parseDecimal(this.text);
  }
}

export const isJsonObject = (value: JsonValue | undefined): value is JsonObject => value instanceof Map;
export const isJsonNumber = (value: JsonValue | undefined): value is JsonNumber => value instanceof JsonNumber;

export class JsonSyntaxError extends Error {}

/** Jackson's default nesting limit (`StreamReadConstraints.DEFAULT_MAX_DEPTH`). */
const MAX_DEPTH = 1000;

/** Reads one JSON value that must fill the whole text. */
export function readJsonText(text: string): JsonValue {
  const reader = new Reader(text);
  reader.skipBlank();
  if (reader.atEnd()) throw reader.error('no content', 'a JSON value');
  const value = reader.value(0);
  reader.skipBlank();
  if (!reader.atEnd()) throw reader.error(reader.found(), 'the end of the input after the JSON value');
  return value;
}

/** Compact JSON as Jackson writes it; `sortKeys` is Confluent's ordered-properties mapper (`normalize`). */
export function writeJsonText(value: JsonValue, sortKeys = false): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'string') return quote(value);
  if (value instanceof JsonNumber) return value.text;
  if (Array.isArray(value)) return `[${value.map((item) => writeJsonText(item, sortKeys)).join(',')}]`;
  const keys = [...value.keys()];
  if (sortKeys) keys.sort();
  return `{${keys.map((key) => `${quote(key)}:${writeJsonText(value.get(key)!, sortKeys)}`).join(',')}}`;
}

const SHORT_ESCAPES: Record<number, string> = { 8: '\\b', 9: '\\t', 10: '\\n', 12: '\\f', 13: '\\r', 34: '\\"', 92: '\\\\' };

/** Jackson escapes the quote, the backslash and control characters; its `\u00XX` hex is upper case. */
function quote(text: string): string {
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

/** Jackson's `JsonNode.equals`: objects as maps (order ignored), numbers by kind and exact text (1.0 is not 1). */
export function jsonEquals(a: JsonValue, b: JsonValue): boolean {
  if (a === b) return true;
  if (a instanceof JsonNumber) return b instanceof JsonNumber && a.text === b.text;
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

/** A plain JavaScript value for validators that want one (numbers become doubles). */
export function toPlainJson(value: JsonValue): unknown {
  if (value instanceof JsonNumber) return value.value;
  if (Array.isArray(value)) return value.map(toPlainJson);
  if (value instanceof Map) {
    const result: Record<string, unknown> = {};
    for (const [key, member] of value) {
      // defineProperty: a "__proto__" key must stay a plain property.
      Object.defineProperty(result, key, { value: toPlainJson(member), enumerable: true, writable: true, configurable: true });
    }
    return result;
  }
  return value;
}

class Reader {
  private position = 0;

  constructor(private readonly text: string) {}

  atEnd(): boolean {
    return this.position >= this.text.length;
  }

  skipBlank(): void {
    while (/[ \t\n\r]/.test(this.text[this.position] ?? '')) this.position++;
  }

  value(depth: number): JsonValue {
    if (depth > MAX_DEPTH) throw this.error(`nesting deeper than ${MAX_DEPTH}`, 'a shallower document');
    this.skipBlank();
    const c = this.text[this.position];
    if (c === '{') return this.object(depth);
    if (c === '[') return this.array(depth);
    if (c === '"') return this.string();
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return this.number();
    for (const [word, literal] of [['true', true], ['false', false], ['null', null]] as const) {
      if (this.text.startsWith(word, this.position)) {
        this.position += word.length;
        return literal;
      }
    }
    throw this.error(this.found(), 'a JSON value');
  }

  private object(depth: number): JsonObject {
    const result: JsonObject = new Map();
    this.position++;
    this.skipBlank();
    if (this.text[this.position] === '}') {
      this.position++;
      return result;
    }
    for (;;) {
      this.skipBlank();
      if (this.text[this.position] !== '"') throw this.error(this.found(), 'a double-quoted property name');
      const key = this.string();
      this.skipBlank();
      if (this.text[this.position] !== ':') throw this.error(this.found(), "':' after a property name");
      this.position++;
      result.set(key, this.value(depth + 1));
      this.skipBlank();
      const c = this.text[this.position];
      if (c !== ',' && c !== '}') throw this.error(this.found(), "',' or '}' in an object");
      this.position++;
      if (c === '}') return result;
    }
  }

  private array(depth: number): JsonValue[] {
    const result: JsonValue[] = [];
    this.position++;
    this.skipBlank();
    if (this.text[this.position] === ']') {
      this.position++;
      return result;
    }
    for (;;) {
      result.push(this.value(depth + 1));
      this.skipBlank();
      const c = this.text[this.position];
      if (c !== ',' && c !== ']') throw this.error(this.found(), "',' or ']' in an array");
      this.position++;
      if (c === ']') return result;
    }
  }

  private string(): string {
    let out = '';
    this.position++;
    for (;;) {
      const c = this.text[this.position];
      if (c === undefined) throw this.error('end of input', 'the closing quote of a string');
      this.position++;
      if (c === '"') return out;
      if (c === '\\') out += this.escape();
      else if (c.charCodeAt(0) < 0x20) throw this.error(`control character (code ${c.charCodeAt(0)})`, 'an escape sequence', -1);
      else out += c;
    }
  }

  private escape(): string {
    const c = this.text[this.position++];
    const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
    if (c !== undefined && simple[c] !== undefined) return simple[c];
    const hex = this.text.slice(this.position, this.position + 4);
    if (c === 'u' && /^[0-9a-fA-F]{4}$/.test(hex)) {
      this.position += 4;
      return String.fromCharCode(parseInt(hex, 16));
    }
    throw this.error(`escape '\\${c ?? ''}'`, 'a valid escape', -2);
  }

  private number(): JsonNumber {
    const match = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(this.text.slice(this.position));
    const next = match ? this.text[this.position + match[0].length] : undefined;
    if (!match || (next !== undefined && /[\w.+-]/.test(next))) throw this.error('malformed number', 'a JSON number');
    this.position += match[0].length;
    return JsonNumber.fromSource(match[0]);
  }

  found(): string {
    const c = this.text[this.position];
    return c === undefined ? 'end of input' : `character '${c}'`;
  }

  error(found: string, expected: string, offset = 0): JsonSyntaxError {
    const before = this.text.slice(0, Math.max(0, Math.min(this.position + offset, this.text.length)));
    const line = before.split('\n').length;
    const column = before.length - before.lastIndexOf('\n');
    return new JsonSyntaxError(`Unexpected ${found} at line ${line}, column ${column}: expected ${expected}`);
  }
}
