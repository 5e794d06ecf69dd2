/**
 * `oneOf` and `anyOf` → a union of their branches (TypeScript cannot say
 * "exactly one"; ajv checks it); `allOf` → an intersection.
 */
import type ts from 'typescript';
import { intersectionType, unionType } from '../ts/ast.js';
import type { JsonContext } from './context.js';
import type { JsonSchema } from './documents.js';

export function unionOfTypeNode(branches: JsonSchema[], context: JsonContext): ts.TypeNode {
  return unionType(branches.map((branch) => context.typeNode(branch, context)));
}

export function allOfTypeNode(parts: JsonSchema[], context: JsonContext): ts.TypeNode {
  return intersectionType(parts.map((part) => context.typeNode(part, context)));
}
