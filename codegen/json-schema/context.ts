/**
 * The state of one pass over one version's JSON Schema: the document being
 * read (`''` for the version's own, else a reference name), which `$ref`
 * targets are declared under which names, in which order.
 */
import type ts from 'typescript';
import type { Draft } from '../../contracts/formats/json-schema/drafts.js';
import { factory, typeRef } from '../ts/ast.js';
import type { BaseNames, NameAllocator } from '../ts/names.js';
import type { JsonSchema } from './documents.js';

export interface JsonContext {
  readonly version: number;
  readonly draft: Draft;
  /** The document `$ref`s without a document part point into. */
  readonly document: string;
  readonly documents: ReadonlyMap<string, JsonSchema>;
  readonly rootName: string;
  readonly rootDoc: string;
  readonly baseNames: BaseNames;
  readonly names: NameAllocator;
  /** `document#pointer` → TypeScript name. */
  readonly declared: Map<string, string>;
  readonly declarations: ts.Statement[];
  readonly warnings: string[];
  /** The dispatcher (`schema-node.ts`), passed along so transforms need not import it. */
  typeNode(schema: JsonSchema, context: JsonContext): ts.TypeNode;
}

export const keyOf = (document: string, pointer: string): string => `${document}#${pointer}`;

/** A reference to a declared schema, declaring it first (slot before members, so recursion ends here). */
export function namedSchema(
  key: string,
  simple: string,
  context: JsonContext,
  build: (name: string) => ts.Statement,
): ts.TypeNode {
  let name = context.declared.get(key);
  if (name === undefined) {
    name = key === keyOf('', '') ? context.rootName : context.names.claim(`${context.baseNames.of(key, simple)}V${context.version}`);
    context.declared.set(key, name);
    const slot = context.declarations.push(factory.createEmptyStatement()) - 1;
    context.declarations[slot] = build(name);
  }
  return typeRef(name);
}
