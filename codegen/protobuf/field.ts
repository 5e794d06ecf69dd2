/**
 * A Protobuf field → a property, shaped as protobufjs `toObject` with
 * `{ longs: String, enums: String, defaults: true, oneofs: false }` returns
 * it: repeated fields are arrays and maps objects (always present); a
 * singular message is the message or `null`; a member of a `oneof` (proto3
 * `optional` included) is optional; any other scalar is always present,
 * its zero value when unset. In the input pass every field is optional.
 * Scalars: 64-bit integers are decimal strings (numbers accepted on input),
 * `bytes` a `Uint8Array`, other numbers `number`.
 */
import protobuf from 'protobufjs';
import type ts from 'typescript';
import { booleanType, indexSignature, nullType, numberType, propertySignature, stringType, typeLiteral, typeRef, unionType, arrayType } from '../ts/ast.js';
import type { ProtobufContext } from './context.js';
import { enumTypeNode } from './enum.js';
import { messageTypeNode } from './message.js';

const LONGS = new Set(['int64', 'uint64', 'sint64', 'fixed64', 'sfixed64']);
const NUMBERS = new Set(['double', 'float', 'int32', 'uint32', 'sint32', 'fixed32', 'sfixed32']);

export function fieldSignature(field: protobuf.Field, context: ProtobufContext): ts.PropertySignature {
  const value = valueTypeNode(field, context);
  const isMessage = field.resolvedType instanceof protobuf.Type;
  let type: ts.TypeNode;
  if (field.map) type = typeLiteral([indexSignature(value)], true);
  else if (field.repeated) type = arrayType(value);
  else type = isMessage ? unionType([value, nullType()]) : value;
  const inOneof = field.partOf !== null && field.partOf !== undefined;
  const optional = context.mode === 'input' || (inOneof && !field.repeated && !field.map);
  const doc = [field.comment ?? '', '', `Field ${field.id}${inOneof && !field.partOf!.name.startsWith('_') ? `, one of ${field.partOf!.name}` : ''}.`];
  return propertySignature({ name: field.name, type, optional, doc });
}

function valueTypeNode(field: protobuf.Field, context: ProtobufContext): ts.TypeNode {
  const resolved = field.resolvedType;
  if (resolved instanceof protobuf.Type) return messageTypeNode(resolved, context);
  if (resolved instanceof protobuf.Enum) return unionType([enumTypeNode(resolved, context), numberType()]);
  if (LONGS.has(field.type)) return context.mode === 'input' ? unionType([stringType(), numberType()]) : stringType();
  if (NUMBERS.has(field.type)) return numberType();
  switch (field.type) {
    case 'bool':
      return booleanType();
    case 'string':
      return stringType();
    case 'bytes':
      return typeRef('Uint8Array');
    default:
      throw new Error(`unexpected Protobuf field type ${field.type} (${field.fullName})`);
  }
}
