/**
 * Can a reader schema read what a writer schema wrote? Apache Avro's
 * `SchemaCompatibility.checkReaderWriterCompatibility(reader, writer)`
 * (lang/java/avro/.../SchemaCompatibility.java), which Confluent's
 * `AvroSchema.isBackwardCompatible` calls with the new schema as reader.
 *
 * Every incompatibility is collected, in Java's order, with Java's location
 * (`/fields/1/type/symbols`). Results are memoised per (reader, writer) object
 * pair and a pair met again while still being checked counts as compatible,
 * which is how recursive types end. Java's quirks are kept because they show
 * in Confluent's messages: a memoised result keeps the locations of the place
 * it was first computed, and union branches are checked from a fresh root, so
 * what they find is reported only as MISSING_UNION_BRANCH at the union.
 */
import { avroDifference, type AvroDifference, type AvroDifferenceType } from './differences.js';
import { aliasStrings, javaTypeName, type AvroSchema, type EnumSchema, type FixedSchema, type NamedSchema, type RecordSchema } from './model.js';

interface Incompatibility {
  type: AvroDifferenceType;
  /** Location tokens from the root token "" down. */
  location: string[];
  message: string;
}

type Result = Incompatibility[];

const IN_PROGRESS: Result = Object.freeze([]) as unknown as Result;

/** The incompatibilities that stop `reader` from reading data written with `writer`; empty when compatible. */
export function readerWriterDifferences(reader: AvroSchema, writer: AvroSchema): AvroDifference[] {
  return new Checker().check(reader, writer).map((i) => avroDifference(i.type, jsonPointer(i.location), i.message));
}

/** Java's `Incompatibility.getLocation`: the tokens after the root, JSON-pointer escaped. */
function jsonPointer(location: string[]): string {
  return `/${location
    .slice(1)
    .map((token) => token.replaceAll('~', '~0').replaceAll('/', '~1'))
    .join('/')}`;
}

const PROMOTIONS: Partial<Record<AvroSchema['kind'], ReadonlySet<AvroSchema['kind']>>> = {
  long: new Set(['int']),
  float: new Set(['int', 'long']),
  double: new Set(['int', 'long', 'float']),
  bytes: new Set(['string']),
  string: new Set(['bytes']),
};

class Checker {
  private readonly memo = new Map<AvroSchema, Map<AvroSchema, Result>>();

  /** Java's public `getCompatibility(reader, writer)`: a fresh location, sharing the memo. */
  check(reader: AvroSchema, writer: AvroSchema): Result {
    return this.at('', reader, writer, []);
  }

  private at(token: string, reader: AvroSchema, writer: AvroSchema, location: string[]): Result {
    location.push(token);
    let byWriter = this.memo.get(reader);
    if (byWriter === undefined) this.memo.set(reader, (byWriter = new Map()));
    let result = byWriter.get(writer);
    if (result === IN_PROGRESS) result = [];
    else if (result === undefined) {
      byWriter.set(writer, IN_PROGRESS);
      result = this.calculate(reader, writer, location);
      byWriter.set(writer, result);
    }
    location.pop();
    return result;
  }

  private calculate(reader: AvroSchema, writer: AvroSchema, location: string[]): Result {
    if (reader.kind === writer.kind) {
      switch (reader.kind) {
        case 'array':
          return this.at('items', reader.items, (writer as typeof reader).items, location);
        case 'map':
          return this.at('values', reader.values, (writer as typeof reader).values, location);
        case 'fixed':
          return [...this.names(reader, writer as FixedSchema, location), ...this.fixedSize(reader, writer as FixedSchema, location)];
        case 'enum':
          return [...this.names(reader, writer as EnumSchema, location), ...this.enumSymbols(reader, writer as EnumSchema, location)];
        case 'record':
          return [...this.names(reader, writer as RecordSchema, location), ...this.fields(reader, writer as RecordSchema, location)];
        case 'union': {
          // Each writer branch must be readable by the reader union.
          const result: Result = [];
          (writer as typeof reader).types.forEach((branch, i) => {
            location.push(String(i));
            if (this.check(reader, branch).length > 0) {
              result.push(incompatible('MISSING_UNION_BRANCH', location, `reader union lacking writer type: ${javaTypeName(branch)}`));
            }
            location.pop();
          });
          return result;
        }
        default:
          return [];
      }
    }
    if (writer.kind === 'union') {
      // A reader that reads every branch of the writer union is compatible.
      return writer.types.flatMap((branch, i) => this.at(String(i), reader, branch, location));
    }
    if (reader.kind === 'union') {
      if (reader.types.some((branch) => this.check(branch, writer).length === 0)) return [];
      return [incompatible('MISSING_UNION_BRANCH', location, `reader union lacking writer type: ${javaTypeName(writer)}`)];
    }
    if (PROMOTIONS[reader.kind]?.has(writer.kind)) return [];
    const message = `reader type: ${javaTypeName(reader)} not compatible with writer type: ${javaTypeName(writer)}`;
    return [incompatible('TYPE_MISMATCH', location, message)];
  }

  private fields(reader: RecordSchema, writer: RecordSchema, location: string[]): Result {
    const result: Result = [];
    location.push('fields');
    for (const readerField of reader.fields) {
      location.push(String(readerField.pos));
      const writerField = lookupWriterField(writer, readerField.name, readerField.aliases);
      if (writerField !== undefined) {
        result.push(...this.at('type', readerField.type, writerField.type, location));
      } else if (readerField.defaultValue === undefined) {
        if (readerField.type.kind === 'enum' && readerField.type.enumDefault !== undefined) {
          // Java compares the enum with the writer record here, which is always a TYPE_MISMATCH.
          result.push(...this.at('type', readerField.type, writer, location));
        } else {
          result.push(incompatible('READER_FIELD_MISSING_DEFAULT_VALUE', location, readerField.name));
        }
      }
      location.pop();
    }
    location.pop();
    return result;
  }

  private enumSymbols(reader: EnumSchema, writer: EnumSchema, location: string[]): Result {
    const missing = [...new Set(writer.symbols)].filter((symbol) => !reader.symbols.includes(symbol)).sort();
    if (missing.length === 0) return [];
    if (reader.enumDefault !== undefined && reader.symbols.includes(reader.enumDefault)) return [];
    return [incompatible('MISSING_ENUM_SYMBOLS', [...location, 'symbols'], `[${missing.join(', ')}]`)];
  }

  private fixedSize(reader: FixedSchema, writer: FixedSchema, location: string[]): Result {
    if (reader.size === writer.size) return [];
    return [incompatible('FIXED_SIZE_MISMATCH', [...location, 'size'], `expected: ${writer.size}, found: ${reader.size}`)];
  }

  private names(reader: NamedSchema, writer: NamedSchema, location: string[]): Result {
    if (schemaNameEquals(reader, writer)) return [];
    return [incompatible('NAME_MISMATCH', [...location, 'name'], `expected: ${writer.name.full}`)];
  }
}

/** Java's `schemaNameEquals`: same unqualified name, or a reader alias equal to the writer's full name. */
export function schemaNameEquals(reader: NamedSchema, writer: NamedSchema): boolean {
  return reader.name.name === writer.name.name || aliasStrings(reader).includes(writer.name.full);
}

/**
 * Java's `lookupWriterField`: the writer field named like the reader field or
 * one of its aliases. Java throws when several match (Confluent then reports an
 * unexpected exception); here the first match, by name then alias, is taken.
 */
function lookupWriterField(writer: RecordSchema, name: string, aliases: string[]) {
  for (const candidate of [name, ...aliases]) {
    const field = writer.fields.find((f) => f.name === candidate);
    if (field !== undefined) return field;
  }
  return undefined;
}

function incompatible(type: AvroDifferenceType, location: string[], message: string): Incompatibility {
  return { type, location: [...location], message };
}
