/**
 * Reserved fields (Confluent 7.6+): names listed in a schema's metadata
 * property `confluent:reserved` ("f1, f2") that no version may use as a
 * top-level field, and that a later version may not drop from its metadata.
 * Checked only where `validateFields` is in force, as part of the
 * compatibility step (so their messages lead the 40901 details, and IMPORT,
 * FORWARD and `force` skip them), as `AbstractSchemaRegistry.validateReservedFields`
 * does; first versions included.
 */
import type { ParsedSchema } from './formats/format.js';
import type { Metadata } from './schema.js';

export const RESERVED_PROPERTY = 'confluent:reserved';

/** The reserved names of a schema's metadata: split on commas, trimmed, empties dropped. */
export function reservedFields(metadata: Metadata | undefined): string[] {
  const listed = metadata?.properties?.[RESERVED_PROPERTY];
  if (typeof listed !== 'string') return [];
  return [...new Set(listed.split(',').map((name) => name.trim()).filter((name) => name !== ''))];
}

/** Confluent's messages, removed names first: empty when the new schema keeps the rules. */
export function reservedFieldMessages(candidate: ParsedSchema, metadata: Metadata | undefined, previous: Metadata | undefined): string[] {
  const reserved = reservedFields(metadata);
  const removed = previous === undefined ? [] : reservedFields(previous).filter((name) => !reserved.includes(name));
  return [
    ...removed.map((name) => `The new schema has reserved field ${name} removed from its metadata which is present in the old schema's metadata.`),
    ...reserved.filter((name) => candidate.hasTopLevelField(name)).map((name) => `The new schema has field that conflicts with the reserved field ${name}.`),
  ];
}
