/**
 * Parses and validates Avro schema text as Confluent's AvroSchemaProvider does
 * for a new schema: Java Avro 1.12's `Schema.Parser` (lang/java/avro/.../
 * Schema.java `parse*`, ParseContext.java) with the strict name validator and
 * default validation on. References are parsed first, dependencies before
 * dependants, by the same parser, so the main schema can use their names.
 *
 * As in Avro 1.12, a name may be used before its definition in the same text
 * (it is resolved once the text is parsed); a record is known by name only
 * once its fields are parsed. A second, identical definition of a name is
 * accepted; a different one is "Can't redefine". Logical types are not
 * checked: Java ignores an invalid one and keeps its attributes.
 *
 * Errors are 42201 with Java's exception text as the reason. avsc is not the
 * judge here: it rejects schemas Java accepts (union defaults off the first
 * branch) and does not keep the attributes the canonical text needs.
 */
import type { ResolvedReference } from '../../schema.js';
import { toJavaString } from './canonical.js';
import { fail } from './invalid.js';
import { flattenReferences } from '../references.js';
import { isValidDefault, parseJavaDouble } from './defaults.js';
import { schemasEqual } from './equality.js';
import { isJsonNumber, isJsonObject, JsonSyntaxError, readJson, writeJson, type JsonObject, type JsonValue } from './json.js';
import {
  fullNameOf,
  isNamed,
  isPrimitiveName,
  makeName,
  nameError,
  type AvroSchema,
  type Field,
  type FieldOrder,
  type Name,
  type NamedSchema,
  type Props,
  type RecordSchema,
  type UnionSchema,
} from './model.js';

export interface ParsedAvro {
  readonly root: AvroSchema;
  /** The top-level schema of each reference, dependencies first. */
  readonly references: AvroSchema[];
  /** Full names of the references' top-level schemas: the names Confluent's canonical text writes by name only. */
  readonly referenceNames: string[];
}

/**
 * `lenient` parses as Confluent re-reads a schema it already stores
 * (`validateAsNew=false`): defaults unchecked, namespaces and aliases
 * unchecked, names only held to Java's Unicode rule (`UTF_VALIDATOR`).
 */
export interface ParseOptions {
  lenient?: boolean;
}

export function parseAvro(text: string, references: ResolvedReference[], options: ParseOptions = {}): ParsedAvro {
  const context = new ParseContext(options.lenient === true);
  const referenced = flattenReferences(references).map((reference) => context.parseText(reference.schema));
  const root = context.parseText(text);
  return { root, references: referenced, referenceNames: referenced.map(fullNameOf) };
}

const SCHEMA_RESERVED = new Set(['doc', 'fields', 'items', 'name', 'namespace', 'size', 'symbols', 'values', 'type', 'aliases']);
const ENUM_RESERVED = new Set([...SCHEMA_RESERVED, 'default']);
const FIELD_RESERVED = new Set(['default', 'doc', 'name', 'order', 'type', 'aliases']);
const ORDERS: Record<string, FieldOrder> = { ASCENDING: 'ascending', DESCENDING: 'descending', IGNORE: 'ignore' };

/** Jackson's `textValue()`: the text of a string node, else nothing. */
const textOf = (node: JsonValue | undefined): string | undefined => (typeof node === 'string' ? node : undefined);

function requiredText(node: JsonValue, key: string, error: string): string {
  const text = isJsonObject(node) ? textOf(node.get(key)) : undefined;
  if (text === undefined) fail(`${error}: ${writeJson(node)}`);
  return text;
}

function validName(name: string | null, lenient = false): string {
  const error = nameError(name, lenient);
  if (error !== undefined) fail(error);
  return name!;
}

function propsOf(node: JsonObject, reserved: Set<string>): Props {
  return new Map([...node].filter(([key]) => !reserved.has(key)));
}

function aliasesOf(node: JsonObject): string[] {
  const aliases = node.get('aliases');
  if (aliases === undefined) return [];
  if (!Array.isArray(aliases)) fail(`aliases not an array: ${writeJson(node)}`);
  return [
    ...new Set(
      aliases.map((alias) => {
        if (typeof alias !== 'string') fail(`alias not a string: ${writeJson(alias)}`);
        return alias;
      }),
    ),
  ];
}

class ParseContext {
  constructor(private readonly lenient: boolean) {}

  private readonly named = new Map<string, NamedSchema>();
  /** Stand-ins for names used before their definition, with the full name they stand for. */
  private readonly unresolved = new Map<AvroSchema, string>();

  parseText(text: string): AvroSchema {
    let read: ReturnType<typeof readJson>;
    try {
      read = readJson(text);
    } catch (error) {
      if (error instanceof JsonSyntaxError) fail(error.message);
      throw error;
    }
    if (read.value === undefined) fail('Cannot parse <null> schema');
    if (read.rest !== '') fail(`dangling content after end of schema: ${read.rest}`);
    const visited = new Set<AvroSchema>();
    const root = this.resolve(this.parse(read.value, undefined), visited);
    for (const schema of this.named.values()) this.resolve(schema, visited);
    return isNamed(root) ? this.named.get(root.name.full)! : root;
  }

  private parse(node: JsonValue, namespace: string | undefined): AvroSchema {
    if (typeof node === 'string') return this.find(node, namespace);
    if (Array.isArray(node)) return this.union(node, namespace);
    if (!isJsonObject(node)) fail(`Schema not yet supported: ${writeJson(node)}`);
    const type = requiredText(node, 'type', 'No type');
    if (isPrimitiveName(type)) return { kind: type, props: propsOf(node, SCHEMA_RESERVED) };
    switch (type) {
      case 'record':
      case 'error':
        return this.record(node, namespace, type === 'error');
      case 'enum':
        return this.enumeration(node, namespace);
      case 'fixed':
        return this.fixed(node, namespace);
      case 'array': {
        const items = node.get('items');
        if (items === undefined) fail(`Array has no items type: ${writeJson(node)}`);
        return { kind: 'array', items: this.parse(items, namespace), props: propsOf(node, SCHEMA_RESERVED) };
      }
      case 'map': {
        const values = node.get('values');
        if (values === undefined) fail(`Map has no values type: ${writeJson(node)}`);
        return { kind: 'map', values: this.parse(values, namespace), props: propsOf(node, SCHEMA_RESERVED) };
      }
      default:
        // Avro 1.12 reads `{"type": "SomeName"}` as a use of that name.
        return this.find(type, namespace);
    }
  }

  private record(node: JsonObject, namespace: string | undefined, isError: boolean): RecordSchema {
    const name = this.nameOf(node, namespace);
    const doc = textOf(node.get('doc'));
    this.notPrimitive(name);
    const fieldNodes = node.get('fields');
    if (!Array.isArray(fieldNodes)) fail(`Record has no fields: ${writeJson(node)}`);
    const fields = fieldNodes.map((field, pos) => this.field(field, name.space, pos));
    const byName = new Map<string, Field>();
    for (const field of fields) {
      const existing = byName.get(field.name);
      if (existing) {
        const describe = (f: Field) => `${f.name} type:${f.type.kind.toUpperCase()} pos:${f.pos}`;
        fail(`Duplicate field ${field.name} in record ${name.full}: ${describe(field)} and ${describe(existing)}.`);
      }
      byName.set(field.name, field);
    }
    const props = propsOf(node, SCHEMA_RESERVED);
    const record: RecordSchema = { kind: 'record', name, doc, isError, fields, props, aliases: this.namedAliases(node, name) };
    return this.put(record);
  }

  private field(node: JsonValue, namespace: string | undefined, pos: number): Field {
    const name = requiredText(node, 'name', 'No field name');
    const fieldNode = node as JsonObject;
    const doc = textOf(fieldNode.get('doc'));
    const typeNode = fieldNode.get('type');
    if (typeNode === undefined) fail(`No field type: ${writeJson(node)}`);
    const type = this.parse(typeNode, namespace);
    let order: FieldOrder = 'ascending';
    const orderNode = fieldNode.get('order');
    if (orderNode !== undefined) {
      const constant = typeof orderNode === 'string' ? orderNode.toUpperCase() : writeJson(orderNode);
      order = ORDERS[constant] ?? fail(`No enum constant org.apache.avro.Schema.Field.Order.${constant}`);
    }
    let defaultValue = fieldNode.get('default');
    if (typeof defaultValue === 'string' && (type.kind === 'float' || type.kind === 'double')) {
      const parsed = parseJavaDouble(defaultValue);
      defaultValue = 'error' in parsed ? fail(parsed.error) : parsed;
    }
    validName(name, this.lenient);
    if (!this.lenient && defaultValue !== undefined && !isValidDefault(type, defaultValue)) {
      fail(`Invalid default for field ${name}: ${writeJson(defaultValue)} not a ${toJavaString(type)}`);
    }
    return { name, type, doc, defaultValue, order, aliases: aliasesOf(fieldNode), props: propsOf(fieldNode, FIELD_RESERVED), pos };
  }

  private enumeration(node: JsonObject, namespace: string | undefined): NamedSchema {
    const name = this.nameOf(node, namespace);
    const doc = textOf(node.get('doc'));
    const symbolNodes = node.get('symbols');
    if (!Array.isArray(symbolNodes)) fail(`Enum has no symbols: ${writeJson(node)}`);
    const enumDefault = textOf(node.get('default'));
    this.notPrimitive(name);
    const symbols: string[] = [];
    for (const symbolNode of symbolNodes) {
      const symbol = validName(textOf(symbolNode) ?? null, this.lenient);
      if (symbols.includes(symbol)) fail(`Duplicate enum symbol: ${symbol}`);
      symbols.push(symbol);
    }
    if (enumDefault !== undefined && !symbols.includes(enumDefault)) {
      fail(`The Enum Default: ${enumDefault} is not in the enum symbol set: [${symbols.join(', ')}]`);
    }
    const props = propsOf(node, ENUM_RESERVED);
    return this.put({ kind: 'enum', name, doc, symbols, enumDefault, props, aliases: this.namedAliases(node, name) });
  }

  private fixed(node: JsonObject, namespace: string | undefined): NamedSchema {
    const name = this.nameOf(node, namespace);
    const doc = textOf(node.get('doc'));
    const size = node.get('size');
    if (!isJsonNumber(size) || size.kind !== 'int') fail(`Invalid or no size: ${writeJson(node)}`);
    this.notPrimitive(name);
    if (size.value < 0) fail(`Malformed data. Length is negative: ${size.value}`);
    const props = propsOf(node, SCHEMA_RESERVED);
    return this.put({ kind: 'fixed', name, doc, size: size.value, props, aliases: this.namedAliases(node, name) });
  }

  private union(nodes: JsonValue[], namespace: string | undefined): UnionSchema {
    const union: UnionSchema = { kind: 'union', types: nodes.map((node) => this.parse(node, namespace)) };
    if (union.types.some((branch) => branch.kind === 'union')) fail(`Nested union: ${toJavaString(union)}`);
    this.checkUnionNames(union);
    return union;
  }

  private checkUnionNames(union: UnionSchema): void {
    const seen = new Set<string>();
    for (const branch of union.types) {
      if (this.unresolved.has(branch)) continue;
      const name = fullNameOf(branch);
      if (seen.has(name)) fail(`Duplicate in union:${name}`);
      seen.add(name);
    }
  }

  private nameOf(node: JsonObject, namespace: string | undefined): Name {
    const space = textOf(node.get('namespace')) ?? namespace;
    return makeName(requiredText(node, 'name', 'No name in schema'), space, (simple) => validName(simple, this.lenient));
  }

  private namedAliases(node: JsonObject, name: Name): Name[] {
    const aliases = new Map<string, Name>();
    for (const alias of aliasesOf(node)) {
      const aliasName = makeName(alias, name.space, (simple) => this.lenient || validName(simple));
      if (!aliases.has(aliasName.full)) aliases.set(aliasName.full, aliasName);
    }
    return [...aliases.values()];
  }

  private notPrimitive(name: Name): void {
    if (isPrimitiveName(name.full)) fail(`Schemas may not be named after primitives: ${name.full}`);
  }

  /** ParseContext.put: checks every part of the full name, then defines it (or accepts an equal repeat). */
  private put<T extends NamedSchema>(schema: T): T {
    const parts = schema.name.full.split('.');
    parts.forEach((part, i) => {
      const error = this.lenient ? undefined : nameError(part);
      if (error !== undefined) fail(`${i < parts.length - 1 ? 'Namespace part' : 'Name'} "${part}" is invalid: ${error}`);
    });
    const existing = this.named.get(schema.name.full);
    if (existing === undefined) this.named.set(schema.name.full, schema);
    else if (!schemasEqual(existing, schema)) fail(`Can't redefine: ${schema.name.full}`);
    return schema;
  }

  /** ParseContext.find: a primitive, a known name (in the namespace, then as written), or a stand-in. */
  private find(name: string, namespace: string | undefined): AvroSchema {
    if (isPrimitiveName(name)) return { kind: name, props: new Map() };
    const full = namespace !== undefined && !name.includes('.') ? `${namespace}.${name}` : name;
    const known = this.named.get(full) ?? this.named.get(name);
    if (known) return known;
    // Java's stand-in is an empty record, so a default given for it must be a JSON object. Java numbers
    // stand-ins with a counter global to the JVM; they only show in error messages.
    const simple = `UnresolvedSchema_${this.unresolved.size}`;
    const standIn: RecordSchema = {
      kind: 'record',
      name: { name: simple, space: 'org.apache.avro.compiler', full: `org.apache.avro.compiler.${simple}` },
      doc: 'unresolved schema',
      isError: false,
      fields: [],
      props: new Map([['org.apache.avro.idl.unresolved.name', full]]),
      aliases: [],
    };
    this.unresolved.set(standIn, full);
    return standIn;
  }

  /** Replaces stand-ins by the types they name, once the whole text is parsed. */
  private resolve(schema: AvroSchema, visited: Set<AvroSchema>): AvroSchema {
    const target = this.unresolved.get(schema);
    if (target !== undefined) return this.named.get(target) ?? fail(`Undefined schema: ${target}`);
    if (visited.has(schema)) return schema;
    visited.add(schema);
    switch (schema.kind) {
      case 'record':
        for (const field of schema.fields) field.type = this.resolve(field.type, visited);
        break;
      case 'array':
        schema.items = this.resolve(schema.items, visited);
        break;
      case 'map':
        schema.values = this.resolve(schema.values, visited);
        break;
      case 'union': {
        const hadStandIns = schema.types.some((branch) => this.unresolved.has(branch));
        schema.types = schema.types.map((branch) => this.resolve(branch, visited));
        if (hadStandIns) this.checkUnionNames(schema);
        break;
      }
    }
    return schema;
  }
}
