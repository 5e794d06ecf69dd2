/**
 * Protobuf message → interface, one property per field under its name in
 * the `.proto` file. What each field's property looks like is `field.ts`'s.
 */
import type protobuf from 'protobufjs';
import type ts from 'typescript';
import { exportInterface } from '../ts/ast.js';
import { fullNameOf, namedType, type ProtobufContext } from './context.js';
import { fieldSignature } from './field.js';

export function messageTypeNode(type: protobuf.Type, context: ProtobufContext): ts.TypeNode {
  return namedType(type, context, (name) => {
    const members = type.fieldsArray.map((field) => fieldSignature(field, context));
    const doc = [type.comment ?? '', ''];
    if (type === context.root) doc.push(context.rootDoc);
    doc.push(context.mode === 'input' ? `What the encoder accepts for ${fullNameOf(type)}: every field may be left out.` : `Protobuf message ${fullNameOf(type)}, version ${context.version}.`);
    return exportInterface(name, members, doc);
  });
}
