/** Avro fixed → `Buffer` (avsc's value), under the fixed's own name to keep its size documented. */
import type { Type, types } from 'avsc';
import type ts from 'typescript';
import { exportTypeAlias, typeRef } from '../ts/ast.js';
import { namedType, type AvroContext } from './context.js';

export function fixedTypeNode(type: Type, context: AvroContext): ts.TypeNode {
  const stateName = context.stateNames?.get(type.name!);
  if (stateName !== undefined) return typeRef(stateName);
  const size = (type as types.FixedType).size;
  return namedType(type, context, (name) =>
    exportTypeAlias(name, typeRef('Buffer'), [type.doc ?? '', '', `Avro fixed ${type.name}: exactly ${size} bytes, version ${context.version}.`]),
  );
}
