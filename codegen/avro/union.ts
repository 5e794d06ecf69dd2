/**
 * Avro union → TypeScript union, as avsc decided for this very union with
 * `wrapUnions: 'auto'`: unwrapped (`string | null`) unless two branches
 * would land in one JavaScript bucket (two records, `int` and `float`,
 * `string` and an enum…), then wrapped: `null` stays `null`, every other
 * branch is an object with one key, the branch's name (`{ int: number }`,
 * `{ 'com.example.Card': CardV2 }`), as avsc reads and writes it.
 */
import type { Type } from 'avsc';
import type ts from 'typescript';
import { nullType, propertySignature, typeLiteral, unionType } from '../ts/ast.js';
import type { AvroContext } from './context.js';

export function unionTypeNode(type: Type, context: AvroContext): ts.TypeNode {
  const branches = (type as Type & { types: Type[] }).types;
  if (type.typeName === 'union:unwrapped') return unionType(branches.map((branch) => context.typeNode(branch, context)));
  return unionType(
    branches.map((branch) =>
      branch.typeName === 'null'
        ? nullType()
        : typeLiteral([propertySignature({ name: branch.branchName!, type: context.typeNode(branch, context) })], true),
    ),
  );
}
