/**
 * Object schemas → type literals (or interfaces, when named): `properties`
 * in written order, optional unless `required`; a required property without
 * a schema is `unknown`. `additionalProperties` (and `patternProperties`)
 * with a schema become an index signature wide enough for the declared
 * properties too; `additionalProperties: true`, or absent, adds none when
 * properties are declared: the extra properties are kept at run time but
 * left out of the type, so a misspelt property stays a compile error (the
 * common complaint about generators that add `[k: string]: unknown`
 * everywhere). An object without declared properties is a dictionary.
 */
import ts from 'typescript';
import { indexSignature, neverType, propertySignature, typeLiteral, undefinedType, unionType, unknownType } from '../ts/ast.js';
import type { JsonContext } from './context.js';
import { schemaDoc } from './docs.js';
import type { JsonSchema } from './documents.js';

type SchemaObject = { [keyword: string]: unknown };

export function objectTypeNode(schema: SchemaObject, context: JsonContext): ts.TypeNode {
  const members = objectMembers(schema, context);
  return typeLiteral(members, members.length === 1 && ts.isIndexSignatureDeclaration(members[0]!));
}

export function objectMembers(schema: SchemaObject, context: JsonContext): ts.TypeElement[] {
  const properties = (typeof schema['properties'] === 'object' && schema['properties'] !== null ? schema['properties'] : {}) as Record<string, JsonSchema>;
  const required = new Set(Array.isArray(schema['required']) ? (schema['required'] as string[]) : []);
  const members: ts.TypeElement[] = [];
  const types: ts.TypeNode[] = [];
  let anyOptional = false;
  for (const [name, property] of Object.entries(properties)) {
    const type = context.typeNode(property, context);
    types.push(type);
    anyOptional ||= !required.has(name);
    members.push(propertySignature({ name, type, optional: !required.has(name), doc: schemaDoc(property) }));
  }
  for (const name of required) {
    if (!(name in properties)) members.push(propertySignature({ name, type: context.typeNode(true, context) }));
  }
  const extra: ts.TypeNode[] = [];
  const additional = schema['additionalProperties'];
  if (typeof additional === 'object' && additional !== null) extra.push(context.typeNode(additional as JsonSchema, context));
  const patterns = schema['patternProperties'];
  if (typeof patterns === 'object' && patterns !== null && additional !== false) {
    extra.push(...Object.values(patterns as Record<string, JsonSchema>).map((p) => context.typeNode(p, context)));
  }
  if (extra.length > 0) members.push(indexSignature(unionType([...extra, ...types, ...(anyOptional ? [undefinedType()] : [])])));
  // Without declared properties an object is a dictionary: closed and empty, or open to anything.
  else if (members.length === 0) members.push(indexSignature(additional === false ? neverType() : unknownType()));
  return members;
}

/** Whether a schema is a plain object shape, declared as an interface rather than a type alias. */
export function isPlainObject(schema: JsonSchema): schema is SchemaObject {
  if (typeof schema !== 'object') return false;
  const shaping = ['$ref', 'allOf', 'anyOf', 'oneOf', 'enum', 'const'];
  return schema['type'] === 'object' && typeof schema['properties'] === 'object' && !shaping.some((k) => k in schema);
}
