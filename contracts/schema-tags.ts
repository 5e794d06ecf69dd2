/**
 * Schema tags as a tag request names them: an entity (a record or a field,
 * by dotted path) and the tags to add to it or remove from it. Mirrors
 * Confluent's `SchemaEntity.java`, `SchemaTags.java` and
 * `TagSchemaRequest.schemaTagsListToMap` (client/.../rest/entities/).
 */
import { errors, type RegistryError } from './errors.js';

/** Confluent's `SchemaEntity.EntityType`, spelled as its JSON spells it. */
export const SCHEMA_ENTITY_TYPES = ['sr_record', 'sr_field'] as const;
export type SchemaEntityType = (typeof SCHEMA_ENTITY_TYPES)[number];

export interface SchemaEntity {
  /** `namespace.Record` or `namespace.Record.field`; a leading `.` is ignored when entities are compared. */
  entityPath: string;
  entityType: SchemaEntityType;
}

export interface SchemaTags {
  schemaEntity: SchemaEntity;
  tags: string[];
}

/** What to do to one entity: add, then remove (Confluent's `addBeforeRemove`). */
export interface SchemaTagsChange {
  entity: SchemaEntity;
  add: string[];
  remove: string[];
}

/**
 * One change per entity, in Confluent's order: the entities to add to first,
 * then those only removed from. Entities are the same when their types match
 * and their paths do once a leading `.` is dropped; the first spelling seen is
 * the one a format resolves, and their tags are merged.
 */
export function tagChanges(toAdd: SchemaTags[] = [], toRemove: SchemaTags[] = []): SchemaTagsChange[] {
  const changes = new Map<string, SchemaTagsChange>();
  const changeFor = (entity: SchemaEntity) => {
    const key = `${entity.entityType}:${entity.entityPath.startsWith('.') ? entity.entityPath.slice(1) : entity.entityPath}`;
    let change = changes.get(key);
    if (!change) changes.set(key, (change = { entity, add: [], remove: [] }));
    return change;
  };
  for (const { schemaEntity, tags } of toAdd) changeFor(schemaEntity).add.push(...tags);
  for (const { schemaEntity, tags } of toRemove) changeFor(schemaEntity).remove.push(...tags);
  return [...changes.values()];
}

/**
 * A path that names nothing in the schema. Confluent wraps the format's
 * `IllegalArgumentException` in an `InvalidSchemaException`, whose message is
 * the cause's `toString()`, class name included.
 */
export function noMatchingPath(entity: SchemaEntity): RegistryError {
  return errors.invalidSchema(`java.lang.IllegalArgumentException: No matching path '${entity.entityPath}' found in the schema`);
}
