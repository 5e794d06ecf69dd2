/**
 * Array schemas → `T[]`, or tuples: `prefixItems` (2020-12) or an `items`
 * array (earlier drafts) give the leading elements, optional beyond
 * `minItems`, then `items` (2020-12) or `additionalItems` the rest, unless
 * that is `false`.
 */
import ts from 'typescript';
import { arrayType, factory, unknownType } from '../ts/ast.js';
import type { JsonContext } from './context.js';
import type { JsonSchema } from './documents.js';

type SchemaObject = { [keyword: string]: unknown };

export function arrayTypeNode(schema: SchemaObject, context: JsonContext): ts.TypeNode {
  const modern = context.draft === '2020-12';
  const prefix = modern ? schema['prefixItems'] : schema['items'];
  if (!Array.isArray(prefix)) {
    const items = schema['items'];
    return arrayType(items === undefined || Array.isArray(items) ? unknownType() : context.typeNode(items as JsonSchema, context));
  }
  const minItems = typeof schema['minItems'] === 'number' ? schema['minItems'] : 0;
  const elements: ts.TypeNode[] = (prefix as JsonSchema[]).map((item, i) => {
    const type = context.typeNode(item, context);
    return i < minItems ? type : factory.createOptionalTypeNode(type);
  });
  const rest = modern ? schema['items'] : schema['additionalItems'];
  if (rest !== false) {
    const restType = rest === undefined || rest === true ? unknownType() : context.typeNode(rest as JsonSchema, context);
    elements.push(factory.createRestTypeNode(arrayType(restType)));
  }
  return factory.createTupleTypeNode(elements);
}
