/**
 * The JSON Schema format (`schemaType: "JSON"`): Confluent's
 * `JsonSchemaProvider` and `JsonSchema` (json-schema-provider/.../json/) over
 * the pieces of this folder — JSON text read and written as Jackson does
 * (`json-text.ts`), validation per draft (`validation.ts`), the compared model
 * (`load-schema.ts`), the differences (`schema-diff.ts`), their verdicts
 * (`policy.ts`) and messages (`differences.ts`).
 *
 * Canonical text: the schema re-serialised compactly, keys in written order
 * (`JsonSchema.canonicalString`); numbers keep Jackson's form (`1.0` stays
 * `1.0`, `1e3` becomes `1E+3`). Normalised text: the same with every object's
 * keys sorted (`JsonSchema.normalize` re-reads the canonical text with its
 * ordered-properties mapper); sorting the references is the registry's part.
 */
import { errors } from '../../errors.js';
import type { ResolvedReference } from '../../schema.js';
import type { CompatibilityPolicy, Difference, ParsedSchema, SchemaFormat } from '../format.js';
import { draftOf, type Draft } from './drafts.js';
import { isJsonDifference, jsonDifference, renderJsonDifference, type JsonDifference } from './differences.js';
import { invalidJsonSchema } from './invalid.js';
import { isJsonObject, JsonSyntaxError, readJsonText, writeJsonText, type JsonValue } from './json-text.js';
import { loadSchemaModel } from './load-schema.js';
import type { SchemaNode } from './model.js';
import { compatibleChanges } from './policy.js';
import { referencedDocuments, type ReferencedDocument } from './references.js';
import { schemaDifferences } from './schema-diff.js';
import { validateJsonSchema } from './validation.js';

export class JsonParsedSchema implements ParsedSchema {
  readonly schemaType = 'JSON' as const;
  private canonicalText: string | undefined;
  private model: SchemaNode | undefined;

  constructor(
    /** The schema document as read. */
    readonly json: JsonValue,
    readonly draft: Draft,
    private readonly references: ReferencedDocument[],
  ) {}

  canonical(): string {
    return (this.canonicalText ??= writeJsonText(this.json));
  }

  normalized(): string {
    return writeJsonText(this.json, true);
  }

  /** The compared model, built on first use. */
  get root(): SchemaNode {
    return (this.model ??= loadSchemaModel(this.json, this.references, this.draft));
  }

  /** Confluent's `SchemaDiff.compare(policy, original, this)`: every difference, compatible or not. */
  differencesFrom(original: JsonParsedSchema, policy: CompatibilityPolicy = 'STRICT'): JsonDifference[] {
    return schemaDifferences(original.root, this.root, compatibleChanges(policy)).map((d) => jsonDifference(d.type, d.path));
  }

  /** `JsonSchema.isBackwardCompatible`: the differences from the writer (the original) the policy does not allow. */
  readerDifferences(writer: ParsedSchema, policy: CompatibilityPolicy): JsonDifference[] {
    if (!(writer instanceof JsonParsedSchema)) {
      throw new TypeError(`A JSON schema cannot be compared with a ${writer.schemaType} schema`);
    }
    const allowed = compatibleChanges(policy);
    return this.differencesFrom(writer, policy).filter((d) => !allowed.has(d.type));
  }

  /** `JsonSchema.name()`: the top-level `title`. */
  hasTopLevelField(name: string): boolean {
    return this.rootProperties().includes(name);
  }

  checkFieldNames(): void {
    if (this.rootProperties().some((name) => name.startsWith('$$'))) throw errors.invalidSchema('Field names cannot start with $$ prefix');
  }

  private rootProperties(): string[] {
    const properties = isJsonObject(this.json) ? this.json.get('properties') : undefined;
    return isJsonObject(properties) ? [...properties.keys()] : [];
  }

  name(): string | undefined {
    const title = isJsonObject(this.json) ? this.json.get('title') : undefined;
    return typeof title === 'string' ? title : undefined;
  }
}

const JACKSON_NODE_TYPES = (json: JsonValue): string =>
  json === null ? 'NULL' : Array.isArray(json) ? 'ARRAY' : typeof json === 'string' ? 'STRING' : 'NUMBER';

/** `jsonSchemaFormat.parse`: reads, checks and keeps a schema with the documents of its references. */
export function parseJsonSchema(text: string, references: ResolvedReference[] = []): JsonParsedSchema {
  let json: JsonValue;
  try {
    json = readJsonText(text);
  } catch (error) {
    if (error instanceof JsonSyntaxError) throw invalidJsonSchema(`Invalid JSON schema: ${error.message}`);
    throw error;
  }
  if (!isJsonObject(json) && typeof json !== 'boolean') {
    throw invalidJsonSchema(`Invalid JSON schema: expected an object or boolean at the root, found ${JACKSON_NODE_TYPES(json)}`);
  }
  const draft = draftOf(json);
  const documents = referencedDocuments(references);
  // `true` and `false` are whole schemas in every draft Confluent reads; there is nothing to compile.
  if (isJsonObject(json)) validateJsonSchema(json, draft, documents);
  return new JsonParsedSchema(json, draft, documents);
}

export const jsonSchemaFormat: SchemaFormat = {
  schemaType: 'JSON',
  parse: (text, references) => parseJsonSchema(text, references),
  describe(difference: Difference, readerRole: string, writerRole: string): string {
    return isJsonDifference(difference) ? renderJsonDifference(difference, readerRole, writerRole) : difference.message;
  },
};
