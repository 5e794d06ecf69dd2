/**
 * The TypeScript type of a JSON schema: `true`/`{}` is `unknown`, `false`
 * is `never`; otherwise the type of each constraint that shapes the value
 * — `$ref`, `const`/`enum`, `type` (or the type its keywords imply),
 * `allOf`, `oneOf`/`anyOf` — intersected. Until draft 2019-09 a `$ref`
 * replaces its siblings, as those drafts say. Keywords that only narrow
 * (`minimum`, `pattern`, `format`…) are left to ajv at run time.
 */
import type ts from 'typescript';
import { intersectionType, neverType, unknownType } from '../ts/ast.js';
import { allOfTypeNode, unionOfTypeNode } from './combinators.js';
import type { JsonContext } from './context.js';
import type { JsonSchema } from './documents.js';
import { enumTypeNode } from './enum.js';
import { refTypeNode } from './ref.js';
import { typeKeywordNode } from './type-keyword.js';

export function jsonTypeNode(schema: JsonSchema, context: JsonContext): ts.TypeNode {
  if (schema === true) return unknownType();
  if (schema === false) return neverType();
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) return unknownType();
  const ref = schema['$ref'];
  if (typeof ref === 'string' && (context.draft !== '2019-09' && context.draft !== '2020-12')) return refTypeNode(ref, context);
  const parts: ts.TypeNode[] = [];
  if (typeof ref === 'string') parts.push(refTypeNode(ref, context));
  const literals = enumTypeNode(schema);
  if (literals !== undefined) parts.push(literals);
  else {
    const typed = typeKeywordNode(schema, context);
    if (typed !== undefined) parts.push(typed);
  }
  if (Array.isArray(schema['allOf'])) parts.push(allOfTypeNode(schema['allOf'] as JsonSchema[], context));
  for (const keyword of ['oneOf', 'anyOf'] as const) {
    if (Array.isArray(schema[keyword])) parts.push(unionOfTypeNode(schema[keyword] as JsonSchema[], context));
  }
  return intersectionType(parts);
}
