/**
 * `const` and `enum` → literal types (`'ACTIVE' | 'BLOCKED'`, `42`,
 * `null`); an object or array value has no literal type and widens the
 * whole to `unknown`.
 */
import type ts from 'typescript';
import { literalType, unionType, unknownType } from '../ts/ast.js';

type Literal = string | number | boolean | null;
const isLiteral = (value: unknown): value is Literal => value === null || ['string', 'number', 'boolean'].includes(typeof value);

export function enumTypeNode(schema: { [keyword: string]: unknown }): ts.TypeNode | undefined {
  const values = 'const' in schema ? [schema['const']] : Array.isArray(schema['enum']) ? (schema['enum'] as unknown[]) : undefined;
  if (values === undefined) return undefined;
  return values.every(isLiteral) ? unionType(values.map(literalType)) : unknownType();
}
