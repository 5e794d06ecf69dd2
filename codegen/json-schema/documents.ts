/**
 * A version's JSON Schema documents as codegen walks them: the schema and
 * the documents of its references (by the name its `$ref`s use), as plain
 * JSON, and its draft as the registry's format reads it.
 */
import { parseJsonSchema } from '../../contracts/formats/json-schema/json-schema-format.js';
import type { Draft } from '../../contracts/formats/json-schema/drafts.js';
import { flattenReferences } from '../../contracts/formats/references.js';
import type { ContractVersion } from '../model.js';

export type JsonSchema = boolean | { [keyword: string]: unknown };

export interface JsonDocuments {
  draft: Draft;
  root: JsonSchema;
  /** Referenced documents by reference name. */
  references: Map<string, JsonSchema>;
}

export function jsonDocuments(subject: string, version: ContractVersion): JsonDocuments {
  let draft: Draft;
  try {
    draft = parseJsonSchema(version.schema, version.references).draft;
  } catch (error) {
    throw new Error(`${subject} version ${version.version}: ${(error as Error).message}`, { cause: error });
  }
  const references = new Map(flattenReferences(version.references).map((r) => [r.name, JSON.parse(r.schema) as JsonSchema]));
  return { draft, root: JSON.parse(version.schema) as JsonSchema, references };
}

/** A schema object without `$schema` (ajv's class stands for the draft), as JSON text. */
export function withoutDialect(schema: JsonSchema): string {
  if (typeof schema === 'boolean') return JSON.stringify(schema);
  const { $schema: _dialect, ...rest } = schema;
  return JSON.stringify(rest);
}

/** Whether `format` appears anywhere as a keyword with a string value. */
export function usesFormat(schema: unknown): boolean {
  if (Array.isArray(schema)) return schema.some(usesFormat);
  if (typeof schema !== 'object' || schema === null) return false;
  return Object.entries(schema).some(([key, value]) => (key === 'format' && typeof value === 'string') || usesFormat(value));
}
