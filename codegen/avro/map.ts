/** Avro map → `{ [key: string]: T }` (avsc reads maps as plain objects). */
import type { Type, types } from 'avsc';
import type ts from 'typescript';
import { indexSignature, typeLiteral } from '../ts/ast.js';
import type { AvroContext } from './context.js';

export function mapTypeNode(type: Type, context: AvroContext): ts.TypeNode {
  return typeLiteral([indexSignature(context.typeNode((type as types.MapType).valuesType as Type, context))], true);
}
