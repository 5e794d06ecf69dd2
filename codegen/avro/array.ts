/** Avro array → `T[]`. */
import type { Type, types } from 'avsc';
import type ts from 'typescript';
import { arrayType } from '../ts/ast.js';
import type { AvroContext } from './context.js';

export function arrayTypeNode(type: Type, context: AvroContext): ts.TypeNode {
  return arrayType(context.typeNode((type as types.ArrayType).itemsType, context));
}
