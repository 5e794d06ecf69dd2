/**
 * A Protobuf field → a property, shaped as protobufjs `toObject` with
 * `{ longs: String, enums: String, defaults: true, oneofs: false }` returns
 * it, then as the runtime reshapes it (`runtime/protobuf-values.ts`):
 * repeated fields are arrays and maps objects (always present); a singular
 * message is the message or `null`; a proto3 `optional` field is optional;
 * any other scalar is always present, its zero value when unset. Members of
 * a real `oneof` are not properties of their own: `oneof.ts` makes the
 * oneof one. In the input pass every field is optional. Scalars: 64-bit
 * integers are decimal strings (numbers accepted on input), `bytes` a
 * `Uint8Array`, other numbers `number`; `google.protobuf.Timestamp` is a
 * `Date`.
 */
import protobuf from 'protobufjs';
import type ts from 'typescript';
import { booleanType, indexSignature, nullType, numberType, propertySignature, stringType, typeLiteral, typeRef, unionType, arrayType } from '../ts/ast.js';
import { isTimestamp } from '../runtime/protobuf-values.js';
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
  const optional = context.mode === 'input' || (field.partOf !== null && field.partOf !== undefined && !field.repeated && !field.map);
  const doc = [field.comment ?? '', '', `Field ${field.id}.${timestampNote(field)}`];
  return propertySignature({ name: field.name, type, optional, doc });
}

/** The type of one value of a field: an element of a repeated field, a map's value, a oneof member's value. */
export function valueTypeNode(field: protobuf.Field, context: ProtobufContext): ts.TypeNode {
  const resolved = field.resolvedType;
  if (isTimestamp(resolved)) return typeRef('Date');
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

/** What a `Date` of a Timestamp field loses: nanoseconds below the millisecond. */
export function timestampNote(field: protobuf.Field): string {
  return isTimestamp(field.resolvedType) ? ' A google.protobuf.Timestamp, to the millisecond (nanoseconds below it are dropped on decode).' : '';
}
