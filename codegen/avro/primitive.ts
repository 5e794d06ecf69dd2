/**
 * Avro primitives → TypeScript, as avsc represents them: numbers for
 * `int`, `float`, `double` and `long` (avsc refuses a `long` beyond
 * ±(2^53 − 1) rather than lose precision), `bigint` for a `long` generated
 * with `avroLong: 'bigint'` (avsc's custom long type, `abstract:long`),
 * `Buffer` for `bytes`.
 */
import type { Type } from 'avsc';
import type ts from 'typescript';
import { bigintType, booleanType, nullType, numberType, stringType, typeRef } from '../ts/ast.js';

const PRIMITIVES: Record<string, () => ts.TypeNode> = {
  null: nullType,
  boolean: booleanType,
  int: numberType,
  long: numberType,
  'abstract:long': bigintType,
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
