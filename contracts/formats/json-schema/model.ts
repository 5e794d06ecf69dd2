/**
 * The schema model compatibility is computed on: the classes of the everit
 * JSON Schema library that Confluent's `diff/*.java` switch on (`ObjectSchema`,
 * `ArraySchema`, `CombinedSchema`, …), one `kind` per class. A keyword the
 * comparison never reads is not kept. Both of Confluent's loaders end in this
 * model (`load-legacy.ts`, `load-modern.ts`).
 */
import type { JsonNumber, JsonValue } from './json-text.js';

/** Paired limits, compared by one table (`keyword-bounds.ts`). */
export const BOUND_KEYWORDS = [
  'maxLength',
  'minLength',
  'maximum',
  'minimum',
  'exclusiveMaximum',
  'exclusiveMinimum',
  'maxProperties',
  'minProperties',
  'maxItems',
  'minItems',
  'maxContains',
  'minContains',
] as const;
export type BoundKeyword = (typeof BOUND_KEYWORDS)[number];
export type Bounds = Partial<Record<BoundKeyword, JsonNumber>>;

export type Criterion = 'allOf' | 'anyOf' | 'oneOf';

/** What every everit schema carries (`Schema.getId()`, `getTitle()`, …, `getUnprocessedProperties()`). */
export interface Annotations {
  id?: string;
  title?: string;
  description?: string;
  /** Absent when the schema has no default; JSON `null` is a default. */
  defaultValue?: JsonValue;
  /** `connect.type`, which lets two `bytes` types of different JSON types match. */
  connectType?: string;
}

type Base = Annotations;

export interface LeafNode extends Base {
  kind: 'Empty' | 'True' | 'False' | 'Boolean' | 'Null' | 'Conditional';
}

export interface StringNode extends Base {
  kind: 'String';
  bounds: Bounds;
  pattern?: string;
}

export interface NumberNode extends Base {
  kind: 'Number';
  bounds: Bounds;
  multipleOf?: JsonNumber;
  requiresInteger: boolean;
}

export interface ConstNode extends Base {
  kind: 'Const';
  value: JsonValue;
}

export interface EnumNode extends Base {
  kind: 'Enum';
  values: JsonValue[];
}

export interface CombinedNode extends Base {
  kind: 'Combined';
  criterion: Criterion;
  subschemas: SchemaNode[];
  /** Made by a loader (several keywords, a `type` array) rather than written as `allOf`/`anyOf`/`oneOf`. */
  generated: boolean;
}

export interface NotNode extends Base {
  kind: 'Not';
  mustNotMatch: SchemaNode;
}

export interface ObjectNode extends Base {
  kind: 'Object';
  properties: Map<string, SchemaNode>;
  required: string[];
  additionalProperties: boolean;
  additionalPropertiesSchema?: SchemaNode;
  patternProperties: { pattern: string; schema: SchemaNode }[];
  propertyDependencies: Map<string, Set<string>>;
  schemaDependencies: Map<string, SchemaNode>;
  unevaluatedProperties?: SchemaNode;
  bounds: Bounds;
}

export interface ArrayNode extends Base {
  kind: 'Array';
  allItems?: SchemaNode;
  /** Tuple items (`items: [...]`, `prefixItems`). */
  items: SchemaNode[];
  additionalItems: boolean;
  additionalItemsSchema?: SchemaNode;
  uniqueItems: boolean;
  unevaluatedItems?: SchemaNode;
  bounds: Bounds;
}

export interface RefNode extends Base {
  kind: 'Ref';
  ref: string;
  /** The referred schema, loaded on first use so that recursive schemas terminate. */
  target(): SchemaNode;
}

export type SchemaNode =
  | LeafNode
  | StringNode
  | NumberNode
  | ConstNode
  | EnumNode
  | CombinedNode
  | NotNode
  | ObjectNode
  | ArrayNode
  | RefNode;

export type Kind = SchemaNode['kind'];

export const emptyObject = (): ObjectNode => ({
  kind: 'Object',
  properties: new Map(),
  required: [],
  additionalProperties: true,
  patternProperties: [],
  propertyDependencies: new Map(),
  schemaDependencies: new Map(),
  bounds: {},
});

export const emptyArray = (): ArrayNode => ({ kind: 'Array', items: [], additionalItems: true, uniqueItems: false, bounds: {} });

/** `SchemaDiff.schemaTypesEqual`: same class, any two combined schemas alike. */
export const sameKind = (a: SchemaNode, b: SchemaNode): boolean => a.kind === b.kind;

/** True is a subclass of Empty in everit: both accept anything. */
export const acceptsAnything = (node: SchemaNode): boolean => node.kind === 'Empty' || node.kind === 'True';

const MAX_REFERENCE_HOPS = 64;

/** `SchemaDiff.normalizeSchema`: a reference stands for what it refers to (followed through chains). */
export function dereference(node: SchemaNode): SchemaNode {
  let current = node;
  for (let hops = 0; current.kind === 'Ref'; hops++) {
    if (hops === MAX_REFERENCE_HOPS) return { kind: 'Empty' };
    current = current.target();
  }
  return current;
}
