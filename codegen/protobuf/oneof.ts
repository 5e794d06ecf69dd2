/**
 * A Protobuf `oneof` → one property under the oneof's name, a discriminated
 * union as protobuf-es has it (`features.md`: `{ case: 'email'; value:
 * string } | … | { case: undefined; value?: undefined }`): narrowing on
 * `case` types `value`, and "none set" is a member of its own rather than
 * every member optional. Always present in the state (`{ case: undefined }`
 * when none is set), optional on input. Proto3 `optional` fields are
 * synthetic oneofs of one field and stay plain optional fields.
 */
import type protobuf from 'protobufjs';
import type ts from 'typescript';
import { literalType, propertySignature, typeLiteral, undefinedType, unionType } from '../ts/ast.js';
import { realOneofOf } from '../runtime/protobuf-values.js';
import type { ProtobufContext } from './context.js';
import { timestampNote, valueTypeNode } from './field.js';

export { realOneofOf };

export function oneofSignature(oneof: protobuf.OneOf, context: ProtobufContext): ts.PropertySignature {
  const members = oneof.fieldsArray.map((field) =>
    typeLiteral([propertySignature({ name: 'case', type: literalType(field.name) }), propertySignature({ name: 'value', type: valueTypeNode(field, context) })], true),
  );
  const none = typeLiteral([propertySignature({ name: 'case', type: undefinedType() }), propertySignature({ name: 'value', type: undefinedType(), optional: true })], true);
  const doc = [
    oneof.comment ?? '',
    '',
    `Oneof ${oneof.name}: ${oneof.fieldsArray.map((f) => `${f.name} (field ${f.id})`).join(', ')}; \`case\` says which is set, \`{ case: undefined }\` none.`,
    ...oneof.fieldsArray.map((f) => timestampNote(f).trim()).filter((n) => n !== '').slice(0, 1),
  ];
  return propertySignature({ name: oneof.name, type: unionType([...members, none]), optional: context.mode === 'input', doc });
}
