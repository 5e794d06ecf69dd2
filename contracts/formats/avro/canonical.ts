/**
 * The canonical text the registry stores for an Avro schema: what Java Avro's
 * `Schema.toString()` prints (lang/java/avro/.../Schema.java, the `toJson`
 * methods), and what Confluent's `AvroSchema.canonicalString()` returns when
 * it passes the referenced schemas as already known names.
 *
 * Rules: compact JSON; a primitive without properties is a bare string; each
 * kind writes its keys in a fixed order, custom properties after them (in
 * written order) and aliases last; a field writes name, type, doc, default,
 * order (unless ascending), aliases, properties; a named type is written in
 * full once and by name afterwards (short when its namespace is the enclosing
 * one); a nested type's namespace is left out when it equals the enclosing one.
 */
import { quoteJson, writeJson } from './json.js';
import { qualifiedName, type AvroSchema, type Field, type NamedSchema, type Props } from './model.js';

/**
 * Java's `Schema.toString()`; `knownNames` (full names) are written by name
 * only, and every named type written in full is added to it.
 */
export function toJavaString(schema: AvroSchema, knownNames: Set<string> = new Set()): string {
  return write(schema, knownNames, undefined);
}

function write(schema: AvroSchema, known: Set<string>, namespace: string | undefined): string {
  switch (schema.kind) {
    case 'union':
      return `[${schema.types.map((branch) => write(branch, known, namespace)).join(',')}]`;
    case 'array':
      return object(['"type":"array"', `"items":${write(schema.items, known, namespace)}`], schema.props);
    case 'map':
      return object(['"type":"map"', `"values":${write(schema.values, known, namespace)}`], schema.props);
    case 'record':
    case 'enum':
    case 'fixed':
      return writeNamed(schema, known, namespace);
    default:
      return schema.props.size === 0 ? `"${schema.kind}"` : object([`"type":"${schema.kind}"`], schema.props);
  }
}

function writeNamed(schema: NamedSchema, known: Set<string>, namespace: string | undefined): string {
  if (known.has(schema.name.full)) return quoteJson(qualifiedName(schema.name, namespace));
  known.add(schema.name.full);
  const members = [`"type":${quoteJson(schema.kind === 'record' && schema.isError ? 'error' : schema.kind)}`];
  members.push(...nameMembers(schema, namespace));
  if (schema.doc !== undefined) members.push(`"doc":${quoteJson(schema.doc)}`);
  switch (schema.kind) {
    case 'record':
      members.push(`"fields":[${schema.fields.map((f) => writeField(f, known, schema.name.space)).join(',')}]`);
      break;
    case 'enum':
      members.push(`"symbols":[${schema.symbols.map(quoteJson).join(',')}]`);
      if (schema.enumDefault !== undefined) members.push(`"default":${quoteJson(schema.enumDefault)}`);
      break;
    case 'fixed':
      members.push(`"size":${schema.size}`);
      break;
  }
  members.push(...propMembers(schema.props));
  if (schema.aliases.length > 0) {
    const aliases = schema.aliases.map((alias) => quoteJson(qualifiedName(alias, schema.name.space)));
    members.push(`"aliases":[${aliases.join(',')}]`);
  }
  return `{${members.join(',')}}`;
}

/** Java's `Name.writeName`: a type without namespace inside a namespaced one writes `"namespace":""`. */
function nameMembers(schema: NamedSchema, namespace: string | undefined): string[] {
  const members = [`"name":${quoteJson(schema.name.name)}`];
  const space = schema.name.space;
  if (space !== undefined) {
    if (space !== namespace) members.push(`"namespace":${quoteJson(space)}`);
  } else if (namespace !== undefined) {
    members.push('"namespace":""');
  }
  return members;
}

function writeField(field: Field, known: Set<string>, namespace: string | undefined): string {
  const members = [`"name":${quoteJson(field.name)}`, `"type":${write(field.type, known, namespace)}`];
  if (field.doc !== undefined) members.push(`"doc":${quoteJson(field.doc)}`);
  if (field.defaultValue !== undefined) members.push(`"default":${writeJson(field.defaultValue)}`);
  if (field.order !== 'ascending') members.push(`"order":"${field.order}"`);
  if (field.aliases.length > 0) members.push(`"aliases":[${field.aliases.map(quoteJson).join(',')}]`);
  members.push(...propMembers(field.props));
  return `{${members.join(',')}}`;
}

function object(members: string[], props: Props): string {
  return `{${[...members, ...propMembers(props)].join(',')}}`;
}

function propMembers(props: Props): string[] {
  return [...props].map(([key, value]) => `${quoteJson(key)}:${writeJson(value)}`);
}
