/**
 * Avro primitives → TypeScript, as avsc represents them: numbers for
 * `int`, `float`, `double` and `long` (avsc refuses a `long` beyond
 * ±(2^53 − 1) rather than lose precision), `Buffer` for `bytes`.
 */
import type { Type } from 'avsc';
import type ts from 'typescript';
import { booleanType, nullType, numberType, stringType, typeRef } from '../ts/ast.js';

const PRIMITIVES: Record<string, () => ts.TypeNode> = {
  null: nullType,
  boolean: booleanType,
  int: numberType,
  long: numberType,
  float: numberType,
  double: numberType,
  bytes: () => typeRef('Buffer'),
  string: stringType,
};

export function primitiveTypeNode(type: Type): ts.TypeNode {
  const node = PRIMITIVES[type.typeName];
  if (node === undefined) throw new Error(`unexpected avsc type ${type.typeName}`);
  return node();
}
