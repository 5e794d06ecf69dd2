/**
 * Avro record → interface. Field docs become TSDoc; in the input pass a
 * field with a default is optional (avsc writes the default for a field
 * left `undefined`) and its doc says what the default is, as written in the
 * schema.
 */
import type { Type, types } from 'avsc';
import type ts from 'typescript';
import { exportInterface, propertySignature } from '../ts/ast.js';
import { namedType, type AvroContext } from './context.js';

interface ExportedRecord {
  fields: { name: string; default?: unknown }[];
}

export function recordTypeNode(type: Type, context: AvroContext): ts.TypeNode {
  const record = type as types.RecordType;
  return namedType(type, context, (name) => {
    const exported = record.schema({ exportAttrs: true }) as ExportedRecord;
    const members = record.fields.map((field, i) => {
      const fieldDoc = (field as types.Field & { doc?: string }).doc;
      const hasDefault = context.mode === 'input' && field.defaultValue() !== undefined;
      const doc = [fieldDoc ?? ''];
      if (hasDefault) doc.push('', `Defaults to \`${JSON.stringify(exported.fields[i]?.default)}\` when left out.`);
      return propertySignature({ name: field.name, type: context.typeNode(field.type, context), optional: hasDefault, doc });
    });
    return exportInterface(name, members, docOf(type, context));
  });
}

function docOf(type: Type, context: AvroContext): string[] {
  const lines = [type.doc ?? '', ''];
  if (type === context.root) lines.push(context.rootDoc);
  if (context.mode === 'input') lines.push(`What the encoder accepts for ${type.name}: fields with a default may be left out.`);
  else lines.push(`Avro record ${type.name}, version ${context.version}.`);
  return lines;
}
