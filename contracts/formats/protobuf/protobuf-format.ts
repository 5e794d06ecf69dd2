/**
 * The Protobuf schema format: Confluent's `ProtobufSchemaProvider` and
 * `ProtobufSchema` (protobuf-provider/.../protobuf/) over the pieces of this
 * folder — parse (`.proto` text or a base64 descriptor), canonical text,
 * normalised text, other formats, name, message indexes, compatibility and
 * its messages.
 */
import type { Difference, ParsedSchema, SchemaFormat } from '../format.js';
import type { ResolvedReference } from '../../schema.js';
import type protobuf from 'protobufjs';
import { serializedDescriptor } from './descriptor-output.js';
import { isCompatibleChange, isProtobufDifference, renderProtobufDifference, type ProtobufDifference } from './differences.js';
import type { ProtoFileElement } from './elements.js';
import { FormatContext } from './format-context.js';
import { messageIndexesOf, messageNameOf } from './message-indexes.js';
import { invalidProtobuf, parseProtobuf, type ParseOptions, type ParsedProtobuf } from './parse.js';
import { protoText, UnresolvedTypeError } from './proto-text.js';
import { schemaDifferences } from './schema-diff.js';
import type { ReferenceKey, SchemaFiles } from './type-context.js';

export class ProtobufParsedSchema implements ParsedSchema, SchemaFiles {
  readonly schemaType = 'PROTOBUF' as const;
  private canonicalText: string | undefined;
  private normalizedText: string | undefined;

  constructor(
    private readonly parsed: ParsedProtobuf,
    /** The references it was parsed with. */
    readonly resolvedReferences: ResolvedReference[],
  ) {}

  get file(): ProtoFileElement {
    return this.parsed.file;
  }

  get references(): ReadonlyMap<string, ReferenceKey> {
    return this.parsed.references;
  }

  get dependencies(): ReadonlyMap<string, ProtoFileElement> {
    return this.parsed.dependencies;
  }

  /** protobufjs's reflection of the schema and its dependencies, for encoding and decoding. */
  root(): protobuf.Root {
    return this.parsed.root();
  }

  /** Confluent's `canonicalString()`: `ProtobufSchemaUtils.toString` of the parsed file. */
  canonical(): string {
    return (this.canonicalText ??= protoText(new FormatContext(false), this.parsed.file));
  }

  /** Confluent's `normalize().canonicalString()`: `ProtobufSchemaUtils.toNormalizedString`. */
  normalized(): string {
    if (this.normalizedText === undefined) {
      const ctx = new FormatContext(true);
      ctx.collectTypeInfo(this, 'original');
      try {
        this.normalizedText = protoText(ctx, this.parsed.file);
      } catch (error) {
        throw error instanceof UnresolvedTypeError ? invalidProtobuf(error.message) : error;
      }
    }
    return this.normalizedText;
  }

  /**
   * Confluent's `formattedString(format)`, for the `format` query parameter:
   * `serialized` is a base64 `FileDescriptorProto` (what Confluent's
   * JavaScript serializers ask for), `ignore_extensions` the canonical text
   * without custom options, extension ranges and extends; anything else is
   * the canonical text, as Confluent answers unknown formats.
   */
  formatted(format: string | undefined): string {
    switch (format?.toLowerCase()) {
      case 'serialized':
        return serializedDescriptor(this);
      case 'ignore_extensions':
        return protoText(new FormatContext(false, true), this.parsed.file);
      default:
        return this.canonical();
    }
  }

  /**
   * The differences Confluent's `SchemaDiff.compare(writer, this)` finds that
   * are not in `COMPATIBLE_CHANGES`. Protobuf ignores the compatibility policy.
   */
  readerDifferences(writer: ParsedSchema): ProtobufDifference[] {
    return this.differencesFrom(writer).filter((d) => !isCompatibleChange(d.type));
  }

  /** All the differences from `original` to this schema, compatible ones included. */
  differencesFrom(original: ParsedSchema): ProtobufDifference[] {
    if (!(original instanceof ProtobufParsedSchema)) {
      throw new TypeError(`A Protobuf schema cannot be compared with a ${original.schemaType} schema`);
    }
    return schemaDifferences(original, this);
  }

  /** The full name of the first message, else of the first enum (Confluent's `name()`). */
  hasTopLevelField(name: string): boolean {
    return this.parsed.file.types.some((type) => type.kind === 'message' && type.fields.some((field) => field.name === name));
  }

  name(): string | undefined {
    const { file } = this.parsed;
    const type = file.types.find((t) => t.kind === 'message') ?? file.types[0];
    if (type === undefined) return undefined;
    return file.packageName ? `${file.packageName}.${type.name}` : type.name;
  }

  /** The message indexes of the wire format for a message, by full name. */
  messageIndexes(messageName: string): number[] {
    return messageIndexesOf(this, messageName);
  }

  /** The full name of the message the wire format's indexes point at. */
  messageName(indexes: readonly number[]): string {
    return messageNameOf(this, indexes);
  }
}

/** `protobufFormat.parse`; `{ lenient: true }` re-reads a stored schema without checking its type names. */
export function parseProtobufSchema(text: string, references: ResolvedReference[] = [], options: ParseOptions = {}): ProtobufParsedSchema {
  return new ProtobufParsedSchema(parseProtobuf(text, references, options), references);
}

export const protobufFormat: SchemaFormat = {
  schemaType: 'PROTOBUF',
  parse: parseProtobufSchema,
  describe(difference: Difference, readerRole: string, writerRole: string): string {
    return isProtobufDifference(difference) ? renderProtobufDifference(difference, readerRole, writerRole) : difference.message;
  },
};
