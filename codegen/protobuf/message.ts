/**
 * Protobuf message → interface, one property per field under its name in
 * the `.proto` file, and one per real `oneof` under the oneof's name, where
 * its first member is. What each property looks like is `field.ts`'s and
 * `oneof.ts`'s.
 */
import protobuf from 'protobufjs';
import type ts from 'typescript';
import { exportInterface } from '../ts/ast.js';
import { fullNameOf, namedType, type ProtobufContext } from './context.js';
import { fieldSignature } from './field.js';
import { oneofSignature, realOneofOf } from './oneof.js';

export function messageTypeNode(type: protobuf.Type, context: ProtobufContext): ts.TypeNode {
  return namedType(type, context, (name) => {
    const members = propertiesOf(type).map((p) => (p instanceof protobuf.OneOf ? oneofSignature(p, context) : fieldSignature(p, context)));
    const doc = [type.comment ?? '', ''];
    if (type === context.root) doc.push(context.rootDoc);
    doc.push(context.mode === 'input' ? `What the encoder accepts for ${fullNameOf(type)}: every field may be left out.` : `Protobuf message ${fullNameOf(type)}, version ${context.version}.`);
    return exportInterface(name, members, doc);
  });
}

/** The message's properties in field order: a field, or a real oneof where its first member is. */
export function propertiesOf(type: protobuf.Type): (protobuf.Field | protobuf.OneOf)[] {
  const seen = new Set<protobuf.OneOf>();
  return type.fieldsArray.flatMap((field): (protobuf.Field | protobuf.OneOf)[] => {
    const oneof = realOneofOf(field);
    if (oneof === undefined) return [field];
    if (seen.has(oneof)) return [];
    seen.add(oneof);
    return [oneof];
  });
}
