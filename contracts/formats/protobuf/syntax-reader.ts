/**
 * Character-level reading of `.proto` text, after Square Wire's
 * `SyntaxReader.kt` (wire-schema/.../internal/parser/): words, names, data
 * types, integers and quoted strings, skipping whitespace and comments, and
 * errors that name the line and column where reading stopped.
 */
import type { Position } from './elements.js';

export class ProtoSyntaxError extends Error {
  constructor(
    message: string,
    readonly position: Position,
  ) {
    super(`line ${position.line}:${position.column}: ${message}`);
    this.name = 'ProtoSyntaxError';
  }
}

const ESCAPES: Record<string, string> = { a: '\u0007', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\u000b' };

export class SyntaxReader {
  private pos = 0;
  private readonly lineStarts: number[] = [0];

  constructor(private readonly data: string) {
    for (let i = 0; i < data.length; i++) if (data[i] === '\n') this.lineStarts.push(i + 1);
  }

  /** The line and column (both from 1) of the next character to read. */
  position(offset = this.pos): Position {
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - this.lineStarts[low]! + 1 };
  }

  exhausted(): boolean {
    this.skipWhitespace();
    return this.pos >= this.data.length;
  }

  /** With `c`: consumes it if it is next and says so. Without: the next character, not consumed. */
  peekChar(): string;
  peekChar(c: string): boolean;
  peekChar(c?: string): string | boolean {
    this.skipWhitespace();
    const next = this.data[this.pos] ?? '';
    if (c === undefined) return next;
    if (next !== c) return false;
    this.pos++;
    return true;
  }

  /** Consumes the `}` that closes a block and says so; the end of the text before it is an error. */
  blockEnds(): boolean {
    if (this.peekChar('}')) return true;
    if (this.exhausted()) throw this.error("expected '}' but found the end of the text");
    return false;
  }

  readChar(): string {
    const c = this.peekChar();
    if (c === '') throw this.error('unexpected end of input');
    this.pos++;
    return c;
  }

  /** Steps back over the character `readChar` just returned. */
  pushBack(): void {
    this.pos--;
  }

  require(c: string): void {
    this.skipWhitespace();
    const start = this.pos;
    const found = this.data[this.pos];
    if (found !== c) throw this.error(`expected '${c}' but found ${describe(found)}`, start);
    this.pos++;
  }

  /** A word of letters, digits, `_`, `-`, `+` and `.` (numbers, names, dotted type names). */
  readWord(): string {
    this.skipWhitespace();
    const start = this.pos;
    while (this.pos < this.data.length && /[A-Za-z0-9_.+-]/.test(this.data[this.pos]!)) this.pos++;
    if (start === this.pos) throw this.error(`expected a word but found ${describe(this.data[start])}`, start);
    return this.data.slice(start, this.pos);
  }

  /**
   * A name, or one wrapped in `(…)` or `[…]` (an extension, or an `Any` type
   * URL such as `[type.googleapis.com/pkg.T]`); `keepWrap` keeps the wrapping.
   */
  readName(keepWrap = false): string {
    const open = this.peekChar();
    const close = open === '(' ? ')' : open === '[' ? ']' : undefined;
    if (close === undefined) return this.readWord();
    this.pos++;
    let word = this.readWord();
    while (close === ']' && this.data[this.pos] === '/') {
      this.pos++;
      word += `/${this.readWord()}`;
    }
    this.require(close);
    return keepWrap ? `${open}${word}${close}` : word;
  }

  /** A scalar, message or `map<K, V>` type name; `first` is its already-read first word. */
  readDataType(first: string = this.readWord()): string {
    if (first !== 'map' || this.peekChar() !== '<') return first;
    this.require('<');
    const key = this.readDataType();
    this.require(',');
    const value = this.readDataType();
    this.require('>');
    return `map<${key}, ${value}>`;
  }

  /**
   * A decimal, hexadecimal (`0x`) or octal (leading `0`) integer, as protoc
   * reads tags; with `max`, the word `max` stands for it (range ends).
   */
  readInt(max?: number): number {
    this.skipWhitespace();
    const start = this.pos;
    const word = this.readWord();
    if (max !== undefined && word === 'max') return max;
    const match = /^(-?)(?:0[xX]([0-9a-fA-F]+)|(0[0-7]+)|(0|[1-9][0-9]*))$/.exec(word);
    if (!match) throw this.error(`expected an integer but found '${word}'`, start);
    const [, sign, hex, octal, decimal] = match;
    const value = hex !== undefined ? parseInt(hex, 16) : octal !== undefined ? parseInt(octal, 8) : Number(decimal);
    return sign ? -value : value;
  }

  /** A quoted string, adjacent ones joined, escapes resolved as Wire resolves them. */
  readQuotedString(): string {
    this.skipWhitespace();
    let quote = this.data[this.pos];
    if (quote !== '"' && quote !== "'") throw this.error(`expected a quoted string but found ${describe(quote)}`);
    const start = this.pos++;
    let result = '';
    while (this.pos < this.data.length) {
      const c = this.data[this.pos++]!;
      if (c === quote) {
        const next = this.peekChar();
        if (next !== '"' && next !== "'") return result;
        quote = next;
        this.pos++;
      } else if (c === '\\') {
        result += this.readEscape();
      } else if (c === '\n') {
        throw this.error('unterminated string', start);
      } else {
        result += c;
      }
    }
    throw this.error('unterminated string', start);
  }

  /** A quoted string or a bare word. */
  readString(): string {
    const c = this.peekChar();
    return c === '"' || c === "'" ? this.readQuotedString() : this.readWord();
  }

  error(message: string, offset = this.pos): ProtoSyntaxError {
    return new ProtoSyntaxError(message, this.position(offset));
  }

  private readEscape(): string {
    const c = this.data[this.pos++];
    if (c === undefined) throw this.error('unexpected end of input');
    if (c in ESCAPES) return ESCAPES[c]!;
    if (c === 'x' || c === 'X') return this.readNumericEscape(/[0-9a-fA-F]/, 16, 2);
    if (c >= '0' && c <= '7') {
      this.pos--;
      return this.readNumericEscape(/[0-7]/, 8, 3);
    }
    return c;
  }

  private readNumericEscape(digit: RegExp, radix: number, maxLength: number): string {
    const start = this.pos;
    while (this.pos - start < maxLength && digit.test(this.data[this.pos] ?? '')) this.pos++;
    if (start === this.pos) throw this.error('expected a digit after \\x');
    return String.fromCharCode(parseInt(this.data.slice(start, this.pos), radix));
  }

  private skipWhitespace(): void {
    while (this.pos < this.data.length) {
      const c = this.data[this.pos]!;
      if (c === ' ' || c === '\t' || c === '\r' || c === '\n' || c === '\f' || c === '\v') {
        this.pos++;
      } else if (c === '/' && this.data[this.pos + 1] === '/') {
        const end = this.data.indexOf('\n', this.pos);
        this.pos = end < 0 ? this.data.length : end + 1;
      } else if (c === '/' && this.data[this.pos + 1] === '*') {
        const end = this.data.indexOf('*/', this.pos + 2);
        if (end < 0) throw this.error('unterminated comment');
        this.pos = end + 2;
      } else {
        return;
      }
    }
  }
}

function describe(c: string | undefined): string {
  return c === undefined || c === '' ? 'the end of the text' : `'${c}'`;
}
