/**
 * The Avro schema format: Confluent's `AvroSchemaProvider` and `AvroSchema`
 * (client/.../avro/) over the pieces of this folder — parse, canonical text,
 * normalised text, reader/writer compatibility and its messages, inline tags.
 */
import type { Difference, ParsedSchema, SchemaFormat } from '../format.js';
import type { ResolvedReference } from '../../schema.js';
import type { SchemaTagsChange } from '../../schema-tags.js';
import type { Type } from 'avsc';
import { toAvscType } from './avsc-type.js';
import { toJavaString } from './canonical.js';
import { readerWriterDifferences } from './compatibility.js';
import { isAvroDifference, renderAvroDifference, type AvroDifference } from './differences.js';
import { isNamed, type AvroSchema } from './model.js';
import { toNormalizedString } from './normalize.js';
import { parseAvro, type ParseOptions, type ParsedAvro } from './parse.js';
import { withAvroTags } from './tags.js';

export class AvroParsedSchema implements ParsedSchema {
  readonly schemaType = 'AVRO' as const;
  private canonicalText: string | undefined;
  private normalizedText: string | undefined;
  private type: Type | undefined;

  constructor(
    private readonly parsed: ParsedAvro,
    /** The references it was parsed with, kept to parse its normalised text the same way. */
    readonly references: ResolvedReference[],
    private readonly options: ParseOptions = {},
  ) {}

  /** The schema tree, named types shared as in Java Avro. */
  get schema(): AvroSchema {
    return this.parsed.root;
  }

  /** Confluent's `canonicalString()`: `Schema.toString` with the referenced names known. */
  canonical(): string {
    return (this.canonicalText ??= toJavaString(this.parsed.root, new Set(this.parsed.referenceNames)));
  }

  /**
   * The text Confluent stores for `normalize=true`: `AvroSchema.normalize()`
   * parses `toNormalizedString` again, and the registry keeps that schema's
   * canonical text. `normalizedString()` gives the intermediate text.
   */
  normalized(): string {
    return (this.normalizedText ??= parseAvroSchema(this.normalizedString(), this.references, this.options).canonical());
  }

  /** Confluent's `AvroSchemaUtils.toNormalizedString`. */
  normalizedString(): string {
    return toNormalizedString(this.parsed.root, this.parsed.referenceNames);
  }

  /** Avro ignores the compatibility policy. The writer must be Avro: compare schema types first. */
  readerDifferences(writer: ParsedSchema): AvroDifference[] {
    if (!(writer instanceof AvroParsedSchema)) {
      throw new TypeError(`An Avro schema cannot be compared with a ${writer.schemaType} schema`);
    }
    return readerWriterDifferences(this.parsed.root, writer.parsed.root);
  }

  /** The full name of a named top-level type (Confluent answers only for records). */
  hasTopLevelField(name: string): boolean {
    const root = this.parsed.root;
    return root.kind === 'record' && root.fields.some((field) => field.name === name);
  }

  name(): string | undefined {
    return isNamed(this.parsed.root) ? this.parsed.root.name.full : undefined;
  }

  /** Confluent's `copy(tagsToAdd, tagsToRemove)`, as text: see `tags.ts`. */
  withTags(changes: SchemaTagsChange[]): string {
    return withAvroTags(this.canonical(), changes);
  }

  /** The avsc `Type` for encoding and decoding, built on first use (see `avsc-type.ts`). */
  avscType(): Type {
    return (this.type ??= toAvscType(this.parsed));
  }
}

/** `avroFormat.parse`; `{ lenient: true }` re-reads a stored schema as Confluent does (see `ParseOptions`). */
export function parseAvroSchema(text: string, references: ResolvedReference[] = [], options: ParseOptions = {}): AvroParsedSchema {
  return new AvroParsedSchema(parseAvro(text, references, options), references, options);
}

export const avroFormat: SchemaFormat = {
  schemaType: 'AVRO',
  parse: (text, references) => parseAvroSchema(text, references),
  describe(difference: Difference, readerRole: string, writerRole: string): string {
    return isAvroDifference(difference) ? renderAvroDifference(difference, readerRole, writerRole) : difference.message;
  },
};
