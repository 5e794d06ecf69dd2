/**
 * The model of a draft-04, -06 or -07 schema object as everit's
 * `SchemaLoader.loadSchemaObject` builds it (everit-org/json-schema,
 * core/.../loader/SchemaLoader.java, SchemaExtractor.java,
 * ObjectSchemaLoader.java, ArraySchemaLoader.java), which Confluent's
 * `JsonSchema.loadPreviousDraft` uses:
 *
 * - `$ref` makes a reference and nothing else is read but the annotations;
 * - otherwise extractors run in order, each on the keys the earlier ones left:
 *   `enum`, the combinators (in Java's hash order: allOf, oneOf, anyOf),
 *   `not`, `const` (not draft-04), `type` (a `type` array is an anyOf of one
 *   schema per type; each typed schema takes its type's keywords), then any
 *   keyword left sniffs an untyped array, object, number or string schema,
 *   and draft-07 `if`/`then`/`else` a conditional one;
 * - none makes an empty schema, one is the schema, several are an allOf;
 * - `minContains`/`maxContains` are unknown to everit and stay unprocessed
 *   properties, which `ArraySchemaDiff` still reads.
 */
import { idKeyword, type Draft } from './drafts.js';
import { isJsonNumber, isJsonObject, type JsonObject, type JsonValue } from './json-text.js';
import type { Loader } from './load-schema.js';
import {
  emptyArray,
  emptyObject,
  type ArrayNode,
  type Bounds,
  type BoundKeyword,
  type Criterion,
  type NumberNode,
  type ObjectNode,
  type SchemaNode,
  type StringNode,
} from './model.js';

const COMBINATORS: Criterion[] = ['allOf', 'oneOf', 'anyOf'];
const NUMBER_KEYWORDS = ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf'];
const STRING_KEYWORDS = ['minLength', 'maxLength', 'pattern', 'format'];
const CONDITIONAL_KEYWORDS = ['if', 'then', 'else'];

const objectKeywords = (draft: Draft): string[] => [
  'properties', 'required', 'minProperties', 'maxProperties', 'dependencies', 'patternProperties', 'additionalProperties',
  ...(draft === 'draft-04' ? [] : ['propertyNames']),
];
const arrayKeywords = (draft: Draft): string[] => [
  'items', 'additionalItems', 'minItems', 'maxItems', 'uniqueItems', ...(draft === 'draft-04' ? [] : ['contains']),
];

export function buildLegacy(json: JsonObject, loader: Loader): SchemaNode {
  const consumed = new Set<string>();
  const left = (key: string) => json.has(key) && !consumed.has(key);
  const take = (keys: string[]) => keys.forEach((key) => consumed.add(key));
  const extracted: SchemaNode[] = [];
  const ref = json.get('$ref');
  if (typeof ref === 'string') {
    take(['$ref']);
    extracted.push(loader.reference(ref, json));
  } else {
    const { draft } = loader;
    const typed = (type: JsonValue): SchemaNode => {
      switch (type) {
        case 'string':
          take(STRING_KEYWORDS);
          return stringNode(json);
        case 'integer':
        case 'number':
          take(NUMBER_KEYWORDS);
          return numberNode(json, draft, type === 'integer');
        case 'array':
          take(arrayKeywords(draft));
          return arrayNode(json, loader);
        case 'object':
          take(objectKeywords(draft));
          return objectNode(json, loader);
        default:
          return { kind: type === 'boolean' ? 'Boolean' : type === 'null' ? 'Null' : 'Empty' };
      }
    };
    const value = (key: string) => (take([key]), json.get(key)!);
    if (left('enum')) extracted.push({ kind: 'Enum', values: asArray(value('enum')) });
    for (const criterion of COMBINATORS) {
      if (left(criterion)) {
        const subschemas = asArray(value(criterion)).map((member) => loader.load(member));
        extracted.push({ kind: 'Combined', criterion, subschemas, generated: false });
      }
    }
    if (left('not')) extracted.push({ kind: 'Not', mustNotMatch: loader.load(value('not')) });
    if (draft !== 'draft-04' && left('const')) extracted.push({ kind: 'Const', value: value('const') });
    if (left('type')) {
      const type = value('type');
      if (Array.isArray(type)) {
        extracted.push({ kind: 'Combined', criterion: 'anyOf', subschemas: type.map(typed), generated: true });
      } else extracted.push(typed(type));
    }
    const sniff = (keys: string[], build: () => SchemaNode) => {
      if (keys.some(left)) {
        take(keys);
        extracted.push(build());
      }
    };
    sniff(arrayKeywords(draft), () => arrayNode(json, loader));
    sniff(objectKeywords(draft), () => objectNode(json, loader));
    sniff(NUMBER_KEYWORDS, () => numberNode(json, draft, false));
    sniff(STRING_KEYWORDS, () => stringNode(json));
    if (draft === 'draft-07') sniff(CONDITIONAL_KEYWORDS, () => ({ kind: 'Conditional' }));
  }
  const node: SchemaNode =
    extracted.length === 0
      ? { kind: 'Empty' }
      : extracted.length === 1
        ? extracted[0]!
        : { kind: 'Combined', criterion: 'allOf', subschemas: extracted, generated: true };
  readAnnotations(json, loader.draft, node, consumed);
  return node;
}

/** `loadCommonSchemaProperties`, and the unprocessed properties the comparison reads. */
function readAnnotations(json: JsonObject, draft: Draft, node: SchemaNode, consumed: Set<string>): void {
  const text = (key: string) => {
    const value = json.get(key);
    return typeof value === 'string' ? value : undefined;
  };
  const id = text(idKeyword(draft));
  if (id !== undefined) node.id = id;
  const title = text('title');
  if (title !== undefined) node.title = title;
  const description = text('description');
  if (description !== undefined) node.description = description;
  if (json.has('default')) node.defaultValue = json.get('default')!;
  const connectType = text('connect.type');
  if (connectType !== undefined) node.connectType = connectType;
  if (node.kind === 'Array') {
    for (const key of ['maxContains', 'minContains'] as const) {
      const limit = json.get(key);
      if (!consumed.has(key) && isJsonNumber(limit)) node.bounds[key] = limit;
    }
  }
}

const asArray = (value: JsonValue): JsonValue[] => (Array.isArray(value) ? value : []);

function readBounds(json: JsonObject, keys: readonly BoundKeyword[]): Bounds {
  const bounds: Bounds = {};
  for (const key of keys) {
    const value = json.get(key);
    if (isJsonNumber(value)) bounds[key] = value;
  }
  return bounds;
}

function stringNode(json: JsonObject): StringNode {
  const pattern = json.get('pattern');
  return { kind: 'String', bounds: readBounds(json, ['maxLength', 'minLength']), ...(typeof pattern === 'string' && { pattern }) };
}

/** Draft-04's boolean `exclusiveMaximum`/`exclusiveMinimum` are flags, not limits: the comparison ignores them. */
function numberNode(json: JsonObject, draft: Draft, requiresInteger: boolean): NumberNode {
  const limits: BoundKeyword[] = ['maximum', 'minimum', 'exclusiveMaximum', 'exclusiveMinimum'];
  const multipleOf = json.get('multipleOf');
  return {
    kind: 'Number',
    bounds: readBounds(json, draft === 'draft-04' ? limits.slice(0, 2) : limits),
    requiresInteger,
    ...(isJsonNumber(multipleOf) && { multipleOf }),
  };
}

function arrayNode(json: JsonObject, loader: Loader): ArrayNode {
  const node = emptyArray();
  node.bounds = readBounds(json, ['maxItems', 'minItems']);
  node.uniqueItems = json.get('uniqueItems') === true;
  const additional = json.get('additionalItems');
  if (typeof additional === 'boolean') node.additionalItems = additional;
  else if (isJsonObject(additional)) node.additionalItemsSchema = loader.load(additional);
  const items = json.get('items');
  if (Array.isArray(items)) node.items = items.map((item) => loader.load(item));
  else if (items !== undefined) node.allItems = loader.load(items);
  return node;
}

function objectNode(json: JsonObject, loader: Loader): ObjectNode {
  const node = emptyObject();
  node.bounds = readBounds(json, ['maxProperties', 'minProperties']);
  const properties = json.get('properties');
  if (isJsonObject(properties)) {
    for (const [key, value] of properties) {
      // everit skips a property named like the id keyword whose value is not a schema object.
      if (key !== idKeyword(loader.draft) || isJsonObject(value)) node.properties.set(key, loader.load(value));
    }
  }
  const additional = json.get('additionalProperties');
  if (typeof additional === 'boolean') node.additionalProperties = additional;
  else if (isJsonObject(additional)) node.additionalPropertiesSchema = loader.load(additional);
  node.required = asArray(json.get('required') ?? []).filter((name): name is string => typeof name === 'string');
  const patterns = json.get('patternProperties');
  if (isJsonObject(patterns)) {
    for (const [pattern, schema] of patterns) node.patternProperties.push({ pattern, schema: loader.load(schema) });
  }
  const dependencies = json.get('dependencies');
  if (isJsonObject(dependencies)) {
    for (const [key, value] of dependencies) {
      if (Array.isArray(value)) node.propertyDependencies.set(key, new Set(value.filter((v): v is string => typeof v === 'string')));
      else node.schemaDependencies.set(key, loader.load(value));
    }
  }
  return node;
}
