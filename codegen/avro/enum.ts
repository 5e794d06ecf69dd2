/**
 * Avro enum → a union of its symbols as string literals (what avsc reads
 * and writes). The input pass reuses the latest state's alias.
 */
import type { Type, types } from 'avsc';
import type ts from 'typescript';
import { exportTypeAlias, literalType, typeRef, unionType } from '../ts/ast.js';
import { namedType, type AvroContext } from './context.js';

export function enumTypeNode(type: Type, context: AvroContext): ts.TypeNode {
  const stateName = context.stateNames?.get(type.name!);
  if (stateName !== undefined) return typeRef(stateName);
  const symbols = (type as types.EnumType).symbols;
  return namedType(type, context, (name) =>
    exportTypeAlias(name, unionType(symbols.map((s) => literalType(s))), [type.doc ?? '', '', `Avro enum ${type.name}, version ${context.version}.`]),
  );
}
