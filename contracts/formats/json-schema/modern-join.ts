/**
 * How Confluent's `schema/SchemaTranslator.java` puts the one-keyword schemas
 * of a 2019-09/2020-12 schema object back together (`SchemaContext.join`,
 * `accumulate`, `flatten`, and `SchemaUtils.merge`): two array, number,
 * object or string schemas merge into one; a `type` array's generated anyOf
 * absorbs a schema of a type it lists; inside an explicit allOf/anyOf/oneOf
 * each member is appended (a member that is itself a generated allOf is
 * spliced in); anything else becomes a generated allOf, merging by class.
 */
import type { Annotations, ArrayNode, CombinedNode, Criterion, NumberNode, ObjectNode, SchemaNode, StringNode } from './model.js';

/** The schema whose keywords are being joined: a schema object, or an explicit combinator. */
export type JoinParent = Criterion | 'keywords';

const MERGEABLE = new Set<SchemaNode['kind']>(['Array', 'Number', 'Object', 'String']);

export function accumulate(parent: JoinParent, previous: SchemaNode | undefined, current: SchemaNode | undefined): SchemaNode | undefined {
  if (previous === undefined) return current;
  if (current === undefined) return previous;
  return join(parent, previous, current);
}

export const generated = (criterion: Criterion, subschemas: SchemaNode[]): CombinedNode => ({
  kind: 'Combined',
  criterion,
  subschemas,
  generated: true,
});

const isGenerated = (node: SchemaNode, criterion: Criterion): node is CombinedNode =>
  node.kind === 'Combined' && node.generated && node.criterion === criterion;

const listsKindOf = (combined: CombinedNode, node: SchemaNode) => combined.subschemas.some((sub) => sub.kind === node.kind);

function join(parent: JoinParent, schema: SchemaNode, current: SchemaNode): SchemaNode {
  if (schema.kind === current.kind && MERGEABLE.has(schema.kind)) return merge(schema, current);
  if (isGenerated(schema, 'anyOf') && listsKindOf(schema, current)) return generated('anyOf', addMerging([...schema.subschemas], current));
  if (isGenerated(current, 'anyOf') && listsKindOf(current, schema)) return generated('anyOf', addMerging([...current.subschemas], schema));
  if (parent !== 'keywords' && schema.kind === 'Combined') {
    return { kind: 'Combined', criterion: parent, subschemas: [...schema.subschemas, ...flatten(current)], generated: false };
  }
  return generated('allOf', [...flatten(schema), ...flatten(current)].reduce<SchemaNode[]>(addMerging, []));
}

/** A generated allOf is unwrapped wherever it is joined. */
const flatten = (node: SchemaNode): SchemaNode[] => (isGenerated(node, 'allOf') ? node.subschemas : [node]);

/** `SchemaContext.accumulate(product, current)`: merged into the first schema of its class, else appended. */
function addMerging(product: SchemaNode[], current: SchemaNode): SchemaNode[] {
  const index = product.findIndex((node) => node.kind === current.kind && MERGEABLE.has(node.kind));
  if (index < 0) product.push(current);
  else product[index] = merge(product[index]!, current);
  return product;
}

/** What a schema object's joined keywords finally are: a generated allOf of none is empty, of one is that one. */
export function finish(product: SchemaNode | undefined): SchemaNode {
  if (product === undefined) return { kind: 'Empty' };
  if (!isGenerated(product, 'allOf')) return product;
  const [only, ...others] = product.subschemas;
  if (only === undefined) return { kind: 'Empty' };
  return others.length === 0 ? { ...only } : product;
}

function annotations(a: Annotations, b: Annotations): Annotations {
  const result: Annotations = {};
  for (const key of ['id', 'title', 'description', 'defaultValue', 'connectType'] as const) {
    const value = b[key] !== undefined ? b[key] : a[key];
    if (value !== undefined) Object.assign(result, { [key]: value });
  }
  return result;
}

/** `SchemaUtils.merge(toBuilder(a), b)`: `b`'s settings over a copy of `a`'s. */
function merge(a: SchemaNode, b: SchemaNode): SchemaNode {
  const common = { ...annotations(a, b), bounds: { ...('bounds' in a ? a.bounds : {}), ...('bounds' in b ? b.bounds : {}) } };
  if (a.kind === 'String' && b.kind === 'String') {
    const pattern = b.pattern ?? a.pattern;
    return { ...common, kind: 'String', ...(pattern !== undefined && { pattern }) } satisfies StringNode;
  }
  if (a.kind === 'Number' && b.kind === 'Number') {
    const multipleOf = b.multipleOf ?? a.multipleOf;
    return { ...common, kind: 'Number', requiresInteger: a.requiresInteger || b.requiresInteger, ...(multipleOf && { multipleOf }) } satisfies NumberNode;
  }
  if (a.kind === 'Array' && b.kind === 'Array') {
    const merged: ArrayNode = {
      ...common,
      kind: 'Array',
      items: [...a.items, ...b.items],
      additionalItems: a.additionalItems && b.additionalItems,
      uniqueItems: a.uniqueItems || b.uniqueItems,
    };
    const allItems = b.allItems ?? a.allItems;
    const additionalItemsSchema = b.additionalItemsSchema ?? a.additionalItemsSchema;
    const unevaluatedItems = b.unevaluatedItems ?? a.unevaluatedItems;
    return Object.assign(merged, allItems && { allItems }, additionalItemsSchema && { additionalItemsSchema }, unevaluatedItems && { unevaluatedItems });
  }
  if (a.kind === 'Object' && b.kind === 'Object') return mergeObjects(a, b, common);
  throw new TypeError(`cannot merge ${a.kind} with ${b.kind}`);
}

function mergeObjects(a: ObjectNode, b: ObjectNode, common: Annotations & Pick<ObjectNode, 'bounds'>): ObjectNode {
  const propertyDependencies = new Map([...a.propertyDependencies].map(([key, names]) => [key, new Set(names)]));
  for (const [key, names] of b.propertyDependencies) {
    const union = propertyDependencies.get(key) ?? new Set<string>();
    names.forEach((name) => union.add(name));
    propertyDependencies.set(key, union);
  }
  const merged: ObjectNode = {
    ...common,
    kind: 'Object',
    properties: new Map([...a.properties, ...b.properties]),
    required: [...a.required, ...b.required],
    additionalProperties: a.additionalProperties && b.additionalProperties,
    patternProperties: [...a.patternProperties, ...b.patternProperties],
    propertyDependencies,
    schemaDependencies: new Map([...a.schemaDependencies, ...b.schemaDependencies]),
  };
  const additionalPropertiesSchema = b.additionalPropertiesSchema ?? a.additionalPropertiesSchema;
  const unevaluatedProperties = b.unevaluatedProperties ?? a.unevaluatedProperties;
  return Object.assign(merged, additionalPropertiesSchema && { additionalPropertiesSchema }, unevaluatedProperties && { unevaluatedProperties });
}
