/**
 * Inline schema tags for Avro: Confluent's `AvroSchema.copy(tagsToAdd,
 * tagsToRemove)` / `modifySchemaTags` and `AvroSchemaUtils.findMatchingEntity`
 * (client/.../avro/). A tag lives in the schema JSON as an entry of a
 * `confluent:tags` array on a record or on a field. Like Confluent, the edit
 * is made on the JSON tree of the canonical text and the result is parsed
 * again by the caller, so Java Avro's key order decides where the property
 * lands (after a record's fields, after a field's aliases).
 */
import { errors } from '../../errors.js';
import { noMatchingPath, type SchemaEntity, type SchemaTagsChange } from '../../schema-tags.js';
import { isJsonNumber, isJsonObject, readJson, writeJson, type JsonObject, type JsonValue } from './json.js';
import { invalidAvro } from './invalid.js';

/** Confluent's `AvroSchema.TAGS`. */
export const TAGS_PROPERTY = 'confluent:tags';

/** The canonical text with each change applied: tags added, then removed; an emptied list is dropped. */
export function withAvroTags(canonical: string, changes: SchemaTagsChange[]): string {
  const root = readJson(canonical).value as JsonValue;
  for (const change of changes) {
    const node = findMatchingEntity(root, change.entity);
    const tags = new Set(inlineTags(node, change.entity));
    for (const tag of change.add) tags.add(tag);
    for (const tag of change.remove) tags.delete(tag);
    // An existing key keeps its place (Jackson's `replace`); a new one goes last.
    if (tags.size === 0) node.delete(TAGS_PROPERTY);
    else node.set(TAGS_PROPERTY, [...tags]);
  }
  return writeJson(root);
}

interface Visit {
  node: JsonValue | undefined;
  namespace: string | undefined;
}

/**
 * Confluent's breadth-first search for a record or field by path. The path is
 * cut on dots: the last part (record) or the last two (record, field) are
 * names, the rest the namespace, which may be left out to match any. A node's
 * namespace is its own `namespace` key or its parent's. A record that does not
 * match is searched through its fields; one that matches by name but lacks the
 * field ends that branch.
 */
function findMatchingEntity(root: JsonValue, entity: SchemaEntity): JsonObject {
  const identifiers = splitOnDots(entity.entityPath);
  const names = entity.entityType === 'sr_record' ? 1 : 2;
  // Java's `Arrays.copyOfRange(identifiers, 0, length - names)` throws before any search.
  if (identifiers.length < names) {
    throw errors.invalidSchema(`java.lang.IllegalArgumentException: 0 > ${identifiers.length - names}`);
  }
  const namespace = identifiers.slice(0, identifiers.length - names).join('.');
  const recordName = identifiers[identifiers.length - names];
  const fieldName = names === 2 ? identifiers.at(-1) : undefined;

  const queue: Visit[] = [visit(root, undefined)];
  for (let next = queue.shift(); next; next = queue.shift()) {
    const { node, namespace: current } = next;
    const type = isJsonObject(node) ? node.get('type') : undefined;
    if (!isJsonObject(node) || type === undefined) {
      // A union (or anything without a type): search its members.
      for (const member of members(node)) queue.push(visit(member, current));
      continue;
    }
    switch (asText(type)) {
      case 'record':
        if ((namespace === '' || namespace === current) && asText(node.get('name')) === recordName) {
          if (fieldName === undefined) return node;
          const field = members(node.get('fields')).find((f) => isJsonObject(f) && asText(f.get('name')) === fieldName);
          if (isJsonObject(field)) return field;
        } else {
          for (const field of members(node.get('fields'))) queue.push(visit(field, current));
        }
        break;
      case 'array':
        queue.push(visit(node.get('items'), current));
        break;
      case 'map':
        queue.push(visit(node.get('values'), current));
        break;
      default:
        // A field, or a type with a nested type.
        queue.push(visit(type, current));
    }
  }
  throw noMatchingPath(entity);
}

function visit(node: JsonValue | undefined, parentNamespace: string | undefined): Visit {
  const own = isJsonObject(node) ? node.get('namespace') : undefined;
  return { node, namespace: own === undefined ? parentNamespace : asText(own) };
}

/** Jackson's `elements()`: an object's values, an array's items, nothing for a scalar. */
function members(node: JsonValue | undefined): JsonValue[] {
  if (isJsonObject(node)) return [...node.values()];
  return Array.isArray(node) ? node : [];
}

function inlineTags(node: JsonObject, entity: SchemaEntity): string[] {
  const tags = node.get(TAGS_PROPERTY);
  if (tags === undefined) return [];
  // Confluent casts to an array node and fails with a server error; a client error says more.
  if (!Array.isArray(tags)) throw invalidAvro(`${TAGS_PROPERTY} of '${entity.entityPath}' is not an array`);
  return tags.map(asText);
}

/** Jackson's `asText()`: a string's value, a scalar's text, "" for a container. */
function asText(value: JsonValue | undefined): string {
  if (typeof value === 'string') return value;
  if (value === null || typeof value === 'boolean') return String(value);
  if (isJsonNumber(value)) return value.toJson();
  return '';
}

/** Java's `String.split("\\.")`: trailing empty parts are dropped, unless there is no dot at all. */
function splitOnDots(path: string): string[] {
  const parts = path.split('.');
  if (parts.length === 1) return parts;
  while (parts.at(-1) === '') parts.pop();
  return parts;
}
