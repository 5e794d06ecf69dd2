/**
 * The statements inside a message, oneof, extend or enum, after Square
 * Wire's `ProtoParser.kt` (`readField`, `readGroup`, `readReserved`,
 * `readExtensions`, `readEnumConstant`): a label as written or none (proto3
 * and editions; `map<K, V>` never takes one), `default` and `json_name` taken
 * out of the options, single tags kept apart from ranges.
 */
import {
  MAX_TAG_VALUE,
  type EnumConstantElement,
  type ExtensionsElement,
  type FieldElement,
  type GroupElement,
  type IntRange,
  type Label,
  type OptionElement,
  type Position,
  type ReservedValue,
  type SyntaxDeclaration,
} from './elements.js';
import { readOptions } from './option-reader.js';
import { ProtoSyntaxError, type SyntaxReader } from './syntax-reader.js';

const LABELS: Record<string, Label> = { optional: 'OPTIONAL', required: 'REQUIRED', repeated: 'REPEATED' };

export type Member = { is: 'field'; field: FieldElement } | { is: 'group'; group: GroupElement };

/** A field or group whose first word (`word`, at `position`) has been read. */
export function readMember(reader: SyntaxReader, word: string, position: Position, syntax: SyntaxDeclaration | undefined): Member {
  const label: Label | undefined = LABELS[word];
  if (label === 'REQUIRED' && syntax?.value === 'proto3') {
    throw new ProtoSyntaxError("'required' label forbidden in proto3 field declarations", position);
  }
  let type: string;
  if (label !== undefined) {
    type = reader.readDataType();
  } else {
    const labelsOptional = syntax?.keyword === 'edition' || syntax?.value === 'proto3';
    if (!labelsOptional && !(word === 'map' && reader.peekChar() === '<')) {
      throw new ProtoSyntaxError(`expected a label (optional, required or repeated) but found '${word}'`, position);
    }
    type = reader.readDataType(word);
  }
  if (type.startsWith('map<') && label !== undefined) throw new ProtoSyntaxError("'map' type cannot have label", position);
  if (type === 'group') return { is: 'group', group: readGroup(reader, label, syntax) };
  return { is: 'field', field: readField(reader, position, label, type) };
}

/** The rest of a field once its label and type are read: `name = tag [options];`. */
export function readField(reader: SyntaxReader, position: Position, label: Label | undefined, type: string): FieldElement {
  const name = reader.readName();
  reader.require('=');
  const tag = reader.readInt();
  const options = readOptions(reader);
  const defaultValue = stripValue('default', options);
  const jsonName = stripValue('json_name', options);
  reader.require(';');
  return {
    position,
    ...(label && { label }),
    type,
    name,
    tag,
    ...(defaultValue !== undefined && { defaultValue }),
    ...(jsonName !== undefined && { jsonName }),
    options,
  };
}

/** `group Name = tag { fields }` once `group` is read. */
export function readGroup(reader: SyntaxReader, label: Label | undefined, syntax: SyntaxDeclaration | undefined): GroupElement {
  const name = reader.readWord();
  reader.require('=');
  const tag = reader.readInt();
  const fields: FieldElement[] = [];
  reader.require('{');
  while (!reader.blockEnds()) {
    const position = reader.position();
    const member = readMember(reader, reader.readWord(), position, syntax);
    if (member.is !== 'field') throw new ProtoSyntaxError('expected a field declaration in a group', position);
    fields.push(member.field);
  }
  return { ...(label && { label }), name, tag, fields };
}

/** `reserved 1, 5 to 9, 20 to max, "a";` once `reserved` is read. */
export function readReserved(reader: SyntaxReader): ReservedValue[] {
  return readRanges(reader, true);
}

/** `extensions 100 to 199 [options];` once `extensions` is read. */
export function readExtensions(reader: SyntaxReader): ExtensionsElement {
  const values = readRanges(reader, false) as (number | IntRange)[];
  if (reader.peekChar() !== '[') return { values, options: [] };
  const options = readOptions(reader);
  reader.require(';');
  return { values, options };
}

/** `= tag [options];` after an enum constant's name. */
export function readEnumConstant(reader: SyntaxReader, name: string): EnumConstantElement {
  reader.require('=');
  const tag = reader.readInt();
  const options = readOptions(reader);
  reader.require(';');
  return { name, tag, options };
}

/** Tags, ranges and (when `names`) quoted names; extension ranges stop before their options. */
function readRanges(reader: SyntaxReader, names: boolean): ReservedValue[] {
  const values: ReservedValue[] = [];
  for (;;) {
    const next = reader.peekChar();
    if (names && (next === '"' || next === "'")) {
      values.push(reader.readQuotedString());
    } else {
      const start = reader.readInt();
      const after = reader.peekChar();
      if (after === ',' || after === ';' || after === '[') {
        values.push(start);
      } else {
        const to = reader.readWord();
        if (to !== 'to') throw reader.error(`expected ',', ';' or 'to' but found '${to}'`);
        values.push({ start, end: reader.readInt(MAX_TAG_VALUE) });
      }
    }
    if (!names && reader.peekChar() === '[') return values;
    const separator = reader.readChar();
    if (separator === ';') return values;
    if (separator !== ',') throw reader.error(`expected ',' or ';' but found '${separator}'`);
  }
}

/** Takes `name` out of `options` and returns its (last) value as text, as Wire does for `default` and `json_name`. */
function stripValue(name: string, options: OptionElement[]): string | undefined {
  let result: string | undefined;
  for (let i = options.length - 1; i >= 0; i--) {
    const option = options[i]!;
    if (option.name !== name || option.parenthesized) continue;
    result ??= typeof option.value === 'string' ? option.value : String(option.value);
    options.splice(i, 1);
  }
  return result;
}
