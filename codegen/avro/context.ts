/**
 * The state of one pass over one version's avsc type: which named types it
 * has declared, under which TypeScript names, in which order. A pass is
 * either `state` (what decoders return: `CustomerV2`, `AddressV2`) or, for
 * the latest version only, `input` (what the encoder accepts: fields with
 * defaults optional; `CustomerInput`, `AddressInput`).
 */
import type { Type } from 'avsc';
import ts from 'typescript';
import { factory, typeRef } from '../ts/ast.js';
import type { BaseNames, NameAllocator } from '../ts/names.js';

export interface AvroContext {
  readonly mode: 'state' | 'input';
  readonly version: number;
  readonly root: Type;
  readonly rootName: string;
  /** The root type's doc line: which version of which subject. */
  readonly rootDoc: string;
  readonly baseNames: BaseNames;
  readonly names: NameAllocator;
  /** Full name → TypeScript name, for the named types declared in this pass. */
  readonly declared: Map<string, string>;
  readonly declarations: ts.Statement[];
  /** In the input pass: the latest state pass's names, used for enums and fixed (they need no input form). */
  readonly stateNames?: ReadonlyMap<string, string>;
  /** The dispatcher (`type-node.ts`), passed along so transforms need not import it. */
  typeNode(type: Type, context: AvroContext): ts.TypeNode;
}

/**
 * A reference to a named type, declaring it first when this pass has not:
 * its slot is taken before its members are built, so a record comes before
 * the types it uses and recursion ends at the reference.
 */
export function namedType(type: Type, context: AvroContext, build: (name: string) => ts.Statement): ts.TypeNode {
  const fullName = type.name!;
  let name = context.declared.get(fullName);
  if (name === undefined) {
    const base = context.baseNames.of(fullName);
    name = type === context.root ? context.rootName : context.names.claim(context.mode === 'input' ? `${base}Input` : `${base}V${context.version}`);
    context.declared.set(fullName, name);
    const slot = context.declarations.push(factory.createEmptyStatement()) - 1;
    context.declarations[slot] = build(name);
  }
  return typeRef(name);
}
