/**
 * Avro logical types → the TypeScript types of the runtime's classes
 * (`runtime/avro-logical-types.ts`, where the table of what each decodes to
 * lives). Keyed by the runtime's own `LogicalTypeName`, so a class added
 * there without a type here fails to compile. The input pass takes any
 * string for a uuid (the encoder checks its form).
 */
import type { Type } from 'avsc';
import type ts from 'typescript';
import type { LogicalTypeName } from '../runtime/avro-logical-types.js';
import { stringType, typeRef } from '../ts/ast.js';
import type { AvroContext } from './context.js';

const LOGICAL: Record<LogicalTypeName, (mode: AvroContext['mode']) => ts.TypeNode> = {
  'timestamp-millis': () => typeRef('Date'),
  'timestamp-micros': () => typeRef('Date'),
  date: () => typeRef('Date'),
  decimal: () => stringType(),
  uuid: (mode) => (mode === 'input' ? stringType() : typeRef('creg.Uuid')),
};

export function logicalTypeNode(type: Type, context: AvroContext): ts.TypeNode {
  const name = type.typeName.slice('logical:'.length) as LogicalTypeName;
  const node = LOGICAL[name];
  if (node === undefined) throw new Error(`no TypeScript type for the logical type ${name}`);
  return node(context.mode);
}
