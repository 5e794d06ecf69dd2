/**
 * Reading options — `option x = 1;`, `[deprecated = true, (my.ext).a = "b"]`,
 * aggregate values `{ key: value … }` and lists — into Wire's `OptionElement`
 * shape, after Square Wire's `OptionReader.kt`: a dotted name nests options
 * (`(foo).bar = 1` is `(foo)` holding `bar = 1`), a key repeated in an
 * aggregate collects its values into a list, a key without `:` before `{`
 * is accepted, numbers keep their written text.
 */
import type { OptionElement, OptionKind, OptionMap, OptionValue } from './elements.js';
import type { SyntaxReader } from './syntax-reader.js';

/** Bracketed options after a field, enum constant or range; empty when there are none. */
export function readOptions(reader: SyntaxReader): OptionElement[] {
  if (!reader.peekChar('[')) return [];
  const result: OptionElement[] = [];
  for (;;) {
    result.push(readOption(reader, '='));
    if (reader.peekChar(']')) return result;
    if (!reader.peekChar(',')) throw reader.error(`expected ',' or ']' but found '${reader.peekChar()}'`);
  }
}

/** One `name = value` (or `name: value` inside an aggregate). */
export function readOption(reader: SyntaxReader, separator: '=' | ':'): OptionElement {
  const first = reader.peekChar();
  const isExtension = first === '[';
  const parenthesized = first === '(';
  let name = reader.readName();
  if (isExtension) name = `[${name}]`;
  const subNames: string[] = [];
  let c = reader.readChar();
  while (c === '.') {
    // `(foo).bar.baz`: the words after the closing parenthesis name nested fields.
    const subName = reader.readName(true);
    if (subName.startsWith('(')) subNames.push(subName);
    else subNames.push(...subName.split('.'));
    c = reader.readChar();
  }
  if (separator === ':' && c === '{') {
    reader.pushBack();
  } else if (c !== separator) {
    throw reader.error(`expected '${separator}' in option but found '${c}'`);
  }
  let { kind, value } = readKindAndValue(reader);
  for (const subName of subNames.reverse()) {
    const nestedParenthesized = subName.startsWith('(');
    value = { name: nestedParenthesized ? subName.slice(1, -1) : subName, kind, value, parenthesized: nestedParenthesized };
    kind = 'OPTION';
  }
  return { name, kind, value, parenthesized };
}

function readKindAndValue(reader: SyntaxReader): { kind: OptionKind; value: OptionValue } {
  const peeked = reader.peekChar();
  if (peeked === '{') return { kind: 'MAP', value: readMap(reader) };
  if (peeked === '[') return { kind: 'LIST', value: readList(reader) };
  if (peeked === '"' || peeked === "'") return { kind: 'STRING', value: reader.readQuotedString() };
  const word = reader.readWord();
  if (/^(?:[0-9-]|\.[0-9])/.test(word)) return { kind: 'NUMBER', value: word };
  if (word === 'true' || word === 'false') return { kind: 'BOOLEAN', value: word };
  return { kind: 'ENUM', value: word };
}

/** Booleans, enums and numbers inside aggregates become primitives, as in Wire. */
function toValue(kind: OptionKind, value: OptionValue): OptionValue {
  return kind === 'BOOLEAN' || kind === 'ENUM' || kind === 'NUMBER' ? { primitive: kind, value: value as string } : value;
}

function readMap(reader: SyntaxReader): OptionMap {
  reader.require('{');
  const result: OptionMap = new Map();
  for (;;) {
    if (reader.peekChar('}')) return result;
    const option = readOption(reader, ':');
    const value = toValue(option.kind, option.value);
    if (option.kind === 'OPTION') {
      const inner = value as OptionElement;
      let nested = result.get(option.name);
      if (!(nested instanceof Map)) {
        nested = new Map();
        result.set(option.name, nested);
      }
      nested.set(inner.name, inner.value);
    } else {
      const previous = result.get(option.name);
      if (previous === undefined) result.set(option.name, value);
      else if (Array.isArray(previous)) addToList(previous, value);
      else result.set(option.name, addToList([previous], value));
    }
    if (!reader.peekChar(',')) reader.peekChar(';');
  }
}

function addToList(list: OptionValue[], value: OptionValue): OptionValue[] {
  if (Array.isArray(value)) list.push(...value);
  else list.push(value);
  return list;
}

function readList(reader: SyntaxReader): OptionValue[] {
  reader.require('[');
  const result: OptionValue[] = [];
  for (;;) {
    if (reader.peekChar(']')) return result;
    const { kind, value } = readKindAndValue(reader);
    result.push(toValue(kind, value));
    if (reader.peekChar(',')) continue;
    if (reader.peekChar() !== ']') throw reader.error(`expected ',' or ']' but found '${reader.peekChar()}'`);
  }
}
