/**
 * `type` → TypeScript, each listed type a member of a union (`integer` is a
 * `number`); without `type`, the keywords imply it (`properties` an object,
 * `items` an array). Objects and arrays have their own transforms.
 */
import type ts from 'typescript';
import { booleanType, nullType, numberType, stringType, unionType } from '../ts/ast.js';
import { arrayTypeNode } from './array.js';
import type { JsonContext } from './context.js';
import { objectTypeNode } from './object.js';

type SchemaObject = { [keyword: string]: unknown };

const OBJECT_KEYWORDS = ['properties', 'additionalProperties', 'patternProperties', 'required'];
const ARRAY_KEYWORDS = ['items', 'prefixItems', 'additionalItems'];

export function typeKeywordNode(schema: SchemaObject, context: JsonContext): ts.TypeNode | undefined {
  const declared = schema['type'];
  const types = Array.isArray(declared) ? declared : typeof declared === 'string' ? [declared] : implied(schema);
  if (types.length === 0) return undefined;
  return unionType(types.map((type) => typeNode(String(type), schema, context)));
}

function implied(schema: SchemaObject): string[] {
  if (OBJECT_KEYWORDS.some((k) => k in schema)) return ['object'];
  if (ARRAY_KEYWORDS.some((k) => k in schema)) return ['array'];
  return [];
}

function typeNode(type: string, schema: SchemaObject, context: JsonContext): ts.TypeNode {
  switch (type) {
    case 'string':
      return stringType();
    case 'number':
    case 'integer':
      return numberType();
    case 'boolean':
      return booleanType();
    case 'null':
      return nullType();
    case 'object':
      return objectTypeNode(schema, context);
    case 'array':
      return arrayTypeNode(schema, context);
    default:
      throw new Error(`unknown JSON Schema type ${JSON.stringify(type)}`);
  }
}
