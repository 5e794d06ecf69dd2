/**
 * The state of one pass over one version's message: `state` (what decoders
 * return, protobufjs `toObject` with defaults) or, for the latest only,
 * `input` (what the encoder accepts: every field optional, as Protobuf
 * allows). Named types are declared once per pass, named by their path
 * inside their package (`com.example.Order.Item` → `OrderItemV2`,
 * `google.protobuf.Timestamp` → `TimestampV2`), by the full name where two
 * such paths meet.
 */
import protobuf from 'protobufjs';
import type ts from 'typescript';
import { factory, typeRef } from '../ts/ast.js';
import type { BaseNames, NameAllocator } from '../ts/names.js';

export interface ProtobufContext {
  readonly mode: 'state' | 'input';
  readonly version: number;
  readonly root: protobuf.Type;
  readonly rootName: string;
  readonly rootDoc: string;
  readonly baseNames: BaseNames;
  readonly names: NameAllocator;
  readonly declared: Map<string, string>;
  readonly declarations: ts.Statement[];
  /** In the input pass: the latest state pass's names, used for enums. */
  readonly stateNames?: ReadonlyMap<string, string>;
}

/** A full name without its leading dot. */
export const fullNameOf = (type: protobuf.ReflectionObject): string => type.fullName.replace(/^\./, '');

export function namedType(type: protobuf.Type | protobuf.Enum, context: ProtobufContext, build: (name: string) => ts.Statement): ts.TypeNode {
  const fullName = fullNameOf(type);
  let name = context.declared.get(fullName);
  if (name === undefined) {
    const base = context.baseNames.of(fullName, nestedName(type));
    name = type === context.root ? context.rootName : context.names.claim(context.mode === 'input' ? `${base}Input` : `${base}V${context.version}`);
    context.declared.set(fullName, name);
    const slot = context.declarations.push(factory.createEmptyStatement()) - 1;
    context.declarations[slot] = build(name);
  }
  return typeRef(name);
}

/** The type's name inside its package: the names of the messages it is nested in, then its own. */
function nestedName(type: protobuf.ReflectionObject): string {
  const parts = [type.name];
  for (let parent = type.parent; parent instanceof protobuf.Type; parent = parent.parent) parts.unshift(parent.name);
  return parts.join('.');
}
