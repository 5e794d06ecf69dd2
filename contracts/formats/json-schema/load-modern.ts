/**
 * The model of a 2019-09 or 2020-12 schema object as Confluent builds it in
 * `JsonSchema.loadLatestDraft`: json-sKema loads one schema per keyword, in the
 * order the keywords are written (erosb/json-sKema `SchemaLoader`
 * `createCompositeSchema`), and `schema/SchemaTranslator.java` turns each into
 * an everit schema and joins them (`modern-join.ts`): first the keywords,
 * then `properties` (one object schema per property), `patternProperties`,
 * `unevaluatedItems`, `unevaluatedProperties`.
 *
 * What follows from that, and differs from drafts 4-7: an empty `properties`
 * makes no object schema; `$id` is not compared (json-sKema does not pass it
 * on); `contains` carries `minContains` 1 unless written; `items` is the
 * schema of all items, or of the items after `prefixItems`; `format`,
 * `readOnly`, `writeOnly`, `definitions`, `dependencies` are not compared;
 * a JSON `null` default counts as no default.
 *
 * One extension: json-sKema cannot load a 2019-09 tuple (`items: [...]` with
 * `additionalItems`) and Confluent refuses it; here it reads as `prefixItems`
 * with `items`.
 */
import { isJsonNumber, isJsonObject, JsonNumber, type JsonObject, type JsonValue } from './json-text.js';
import type { Loader } from './load-schema.js';
import { emptyArray, emptyObject, type ArrayNode, type Criterion, type SchemaNode } from './model.js';
import { accumulate, finish, generated } from './modern-join.js';

const STRING_LIMITS = new Set(['minLength', 'maxLength']);
const NUMBER_LIMITS = new Set(['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum']);
const ONE = JsonNumber.fromSource('1');

export function buildModern(json: JsonObject, loader: Loader): SchemaNode {
  let product: SchemaNode | undefined;
  const add = (fragment: SchemaNode | undefined) => (product = accumulate('keywords', product, fragment));
  for (const [keyword, value] of json) add(keywordSchema(keyword, value, json, loader));
  for (const keyword of ['properties', 'patternProperties'] as const) {
    const members = json.get(keyword);
    if (!isJsonObject(members)) continue;
    let joined: SchemaNode | undefined;
    for (const [name, schema] of members) {
      const fragment = emptyObject();
      if (keyword === 'properties') fragment.properties.set(name, loader.load(schema));
      else fragment.patternProperties.push({ pattern: name, schema: loader.load(schema) });
      joined = accumulate('keywords', joined, fragment);
    }
    add(joined);
  }
  if (json.has('unevaluatedItems')) add({ ...emptyArray(), unevaluatedItems: loader.load(json.get('unevaluatedItems')!) });
  if (json.has('unevaluatedProperties')) add({ ...emptyObject(), unevaluatedProperties: loader.load(json.get('unevaluatedProperties')!) });
  const node = finish(product);
  for (const key of ['title', 'description', 'connect.type'] as const) {
    const text = json.get(key);
    if (typeof text === 'string') node[key === 'connect.type' ? 'connectType' : key] = text;
  }
  const defaultValue = json.get('default');
  if (defaultValue !== undefined && defaultValue !== null) node.defaultValue = defaultValue;
  return node;
}

function typeSchema(type: JsonValue): SchemaNode {
  switch (type) {
    case 'string':
      return { kind: 'String', bounds: {} };
    case 'integer':
    case 'number':
      return { kind: 'Number', bounds: {}, requiresInteger: type === 'integer' };
    case 'array':
      return emptyArray();
    case 'object':
      return emptyObject();
    default:
      return { kind: type === 'boolean' ? 'Boolean' : type === 'null' ? 'Null' : 'Empty' };
  }
}

/** The everit schema one keyword translates to; undefined for keywords that translate to nothing. */
function keywordSchema(keyword: string, value: JsonValue, json: JsonObject, loader: Loader): SchemaNode | undefined {
  if (STRING_LIMITS.has(keyword) && isJsonNumber(value)) return { kind: 'String', bounds: { [keyword]: value } };
  if (NUMBER_LIMITS.has(keyword) && isJsonNumber(value)) return { kind: 'Number', bounds: { [keyword]: value }, requiresInteger: false };
  switch (keyword) {
    case '$ref':
    case '$dynamicRef':
      return typeof value === 'string' ? loader.reference(value, json) : undefined;
    case 'type':
      return Array.isArray(value) ? generated('anyOf', value.map(typeSchema)) : typeSchema(value);
    case 'pattern':
      return typeof value === 'string' ? { kind: 'String', bounds: {}, pattern: value } : undefined;
    case 'multipleOf':
      return isJsonNumber(value) ? { kind: 'Number', bounds: {}, requiresInteger: false, multipleOf: value } : undefined;
    case 'enum':
      return { kind: 'Enum', values: Array.isArray(value) ? value : [] };
    case 'const':
      return { kind: 'Const', value };
    case 'not':
      return { kind: 'Not', mustNotMatch: loader.load(value) };
    case 'if':
      return { kind: 'Conditional' };
    case 'allOf':
    case 'anyOf':
    case 'oneOf':
      return combinator(keyword, Array.isArray(value) ? value : [], loader);
    case 'minItems':
    case 'maxItems':
      return isJsonNumber(value) ? { ...emptyArray(), bounds: { [keyword]: value } } : undefined;
    case 'uniqueItems':
      return { ...emptyArray(), uniqueItems: value === true };
    case 'contains':
      return containsSchema(json);
    case 'prefixItems':
      return { ...emptyArray(), items: Array.isArray(value) ? value.map((item) => loader.load(item)) : [] };
    case 'items':
      if (Array.isArray(value)) return { ...emptyArray(), items: value.map((item) => loader.load(item)) };
      return itemsSchema(loader.load(value), tupleLength(json) > 0);
    case 'additionalItems':
      return loader.draft === '2019-09' && Array.isArray(json.get('items')) ? itemsSchema(loader.load(value), true) : undefined;
    default:
      return objectKeywordSchema(keyword, value, loader);
  }
}

function objectKeywordSchema(keyword: string, value: JsonValue, loader: Loader): SchemaNode | undefined {
  const node = emptyObject();
  switch (keyword) {
    case 'minProperties':
    case 'maxProperties':
      if (!isJsonNumber(value)) return undefined;
      node.bounds[keyword] = value;
      return node;
    case 'required':
      node.required = Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
      return node;
    case 'additionalProperties': {
      const schema = loader.load(value);
      if (schema.kind === 'False') node.additionalProperties = false;
      else if (schema.kind !== 'True') node.additionalPropertiesSchema = schema;
      return node;
    }
    case 'dependentRequired':
      for (const [name, names] of isJsonObject(value) ? value : []) {
        node.propertyDependencies.set(name, new Set(Array.isArray(names) ? names.filter((v): v is string => typeof v === 'string') : []));
      }
      return node;
    case 'dependentSchemas':
      for (const [name, schema] of isJsonObject(value) ? value : []) node.schemaDependencies.set(name, loader.load(schema));
      return node;
    case 'propertyNames':
      return node;
    default:
      return undefined;
  }
}

function combinator(criterion: Criterion, members: JsonValue[], loader: Loader): SchemaNode {
  let product: SchemaNode = { kind: 'Combined', criterion, subschemas: [], generated: false };
  for (const member of members) product = accumulate(criterion, product, loader.load(member))!;
  return product;
}

/** `visitItemsSchema`: false closes the array, true says nothing, a schema covers all items or those after the tuple. */
function itemsSchema(schema: SchemaNode, afterTuple: boolean): ArrayNode {
  const node = emptyArray();
  if (schema.kind === 'False') node.additionalItems = false;
  else if (schema.kind !== 'True') node[afterTuple ? 'additionalItemsSchema' : 'allItems'] = schema;
  return node;
}

const tupleLength = (json: JsonObject): number => {
  const prefix = json.get('prefixItems');
  return Array.isArray(prefix) ? prefix.length : 0;
};

/** `visitContainsSchema`: the contained schema itself is not compared, its counts are. */
function containsSchema(json: JsonObject): ArrayNode {
  const node = emptyArray();
  const min = json.get('minContains');
  const max = json.get('maxContains');
  node.bounds.minContains = isJsonNumber(min) ? min : ONE;
  if (isJsonNumber(max)) node.bounds.maxContains = max;
  return node;
}
