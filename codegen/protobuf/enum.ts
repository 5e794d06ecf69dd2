/**
 * Protobuf enum → a union of its value names. A field of an enum type is
 * that union or a `number`: protobufjs leaves a value the reader does not
 * know as its number (open enums). The input pass reuses the state alias.
 */
import type protobuf from 'protobufjs';
import type ts from 'typescript';
import { exportTypeAlias, literalType, typeRef, unionType } from '../ts/ast.js';
import { fullNameOf, namedType, type ProtobufContext } from './context.js';

export function enumTypeNode(type: protobuf.Enum, context: ProtobufContext): ts.TypeNode {
  const stateName = context.stateNames?.get(fullNameOf(type));
  if (stateName !== undefined) return typeRef(stateName);
  return namedType(type, context, (name) =>
    exportTypeAlias(name, unionType(Object.keys(type.values).map((v) => literalType(v))), [
      type.comment ?? '',
      '',
      `Protobuf enum ${fullNameOf(type)}, version ${context.version}.`,
    ]),
  );
}
