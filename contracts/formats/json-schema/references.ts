/**
 * The schemas a JSON schema refers to: Confluent's
 * `AbstractSchemaProvider.resolveReferences` flattens the transitive closure,
 * each reference name once, and hands every referenced schema to the loader
 * under its name, the `$ref` URL the schema uses (e.g. `other.json` or
 * `https://example.com/other.json`).
 */
import type { ResolvedReference } from '../../schema.js';
import { invalidJsonSchema } from './invalid.js';
import { JsonSyntaxError, readJsonText, type JsonValue } from './json-text.js';

export interface ReferencedDocument {
  /** The `$ref` URL the referring schema uses. */
  name: string;
  json: JsonValue;
}

export function referencedDocuments(references: ResolvedReference[]): ReferencedDocument[] {
  const result: ReferencedDocument[] = [];
  const seen = new Set<string>();
  const visit = (list: ResolvedReference[]) => {
    for (const reference of list) {
      if (seen.has(reference.name)) continue;
      seen.add(reference.name);
      visit(reference.references);
      result.push({ name: reference.name, json: readReference(reference) });
    }
  };
  visit(references);
  return result;
}

function readReference(reference: ResolvedReference): JsonValue {
  try {
    return readJsonText(reference.schema);
  } catch (error) {
    if (error instanceof JsonSyntaxError) {
      throw invalidJsonSchema(`Invalid JSON schema in reference '${reference.name}': ${error.message}`);
    }
    throw error;
  }
}
