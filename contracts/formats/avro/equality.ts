/**
 * Java Avro's `Schema.equals` (Schema.java, each subclass's `equals`), which
 * decides whether a second definition of a name is a harmless repeat or a
 * "Can't redefine" error. Documentation and aliases do not count; properties,
 * field defaults and field order do. Recursion through records is cut by
 * treating a pair already being compared as equal, as Java's SEEN_EQUALS does.
 */
import { jsonEquals, type JsonValue } from './json.js';
import type { AvroSchema, Field, Props } from './model.js';

export function schemasEqual(a: AvroSchema, b: AvroSchema, seen = new Map<AvroSchema, Set<AvroSchema>>()): boolean {
  if (a === b) return true;
  if (a.kind !== b.kind) return false;
  switch (a.kind) {
    case 'union': {
      const other = b as typeof a;
      return a.types.length === other.types.length && a.types.every((t, i) => schemasEqual(t, other.types[i]!, seen));
    }
    case 'array': {
      const other = b as typeof a;
      return schemasEqual(a.items, other.items, seen) && propsEqual(a.props, other.props);
    }
    case 'map': {
      const other = b as typeof a;
      return schemasEqual(a.values, other.values, seen) && propsEqual(a.props, other.props);
    }
    case 'enum': {
      const other = b as typeof a;
      return (
        a.name.full === other.name.full &&
        a.symbols.length === other.symbols.length &&
        a.symbols.every((s, i) => s === other.symbols[i]) &&
        propsEqual(a.props, other.props)
      );
    }
    case 'fixed': {
      const other = b as typeof a;
      return a.name.full === other.name.full && a.size === other.size && propsEqual(a.props, other.props);
    }
    case 'record': {
      const other = b as typeof a;
      if (a.name.full !== other.name.full || !propsEqual(a.props, other.props)) return false;
      const pairs = seen.get(a) ?? new Set<AvroSchema>();
      if (pairs.has(other)) return true;
      seen.set(a, pairs.add(other));
      return a.fields.length === other.fields.length && a.fields.every((f, i) => fieldsEqual(f, other.fields[i]!, seen));
    }
    default:
      return propsEqual(a.props, (b as typeof a).props);
  }
}

function fieldsEqual(a: Field, b: Field, seen: Map<AvroSchema, Set<AvroSchema>>): boolean {
  return (
    a.name === b.name &&
    schemasEqual(a.type, b.type, seen) &&
    defaultsEqual(a.defaultValue, b.defaultValue) &&
    a.order === b.order &&
    propsEqual(a.props, b.props)
  );
}

function defaultsEqual(a: JsonValue | undefined, b: JsonValue | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return jsonEquals(a, b);
}

function propsEqual(a: Props, b: Props): boolean {
  return jsonEquals(a, b);
}
