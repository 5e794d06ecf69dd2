/**
 * `$ref` → the named type of its target: `#` is the version's own type;
 * `#/definitions/Address` (or `$defs`) a type named after the last pointer
 * part (`AddressV2`); `address.json#…` or `address.json` a schema of a
 * referenced document, matched by reference name. A target codegen cannot
 * find (an anchor, a remote URL) is `unknown`, with a warning: ajv still
 * checks it at run time.
 */
import type ts from 'typescript';
import { exportInterface, exportTypeAlias, unknownType } from '../ts/ast.js';
import { keyOf, namedSchema, type JsonContext } from './context.js';
import { schemaDoc } from './docs.js';
import type { JsonSchema } from './documents.js';
import { isPlainObject, objectMembers } from './object.js';

export function refTypeNode(ref: string, context: JsonContext): ts.TypeNode {
  const hash = ref.indexOf('#');
  const documentPart = hash < 0 ? ref : ref.slice(0, hash);
  const pointer = hash < 0 ? '' : ref.slice(hash + 1);
  const document = documentPart === '' ? context.document : documentOf(documentPart, context);
  const target = document === undefined ? undefined : resolvePointer(document === '' ? undefined : context.documents.get(document), pointer, context);
  if (document === undefined || target === undefined || (pointer !== '' && !pointer.startsWith('/'))) {
    context.warnings.push(`version ${context.version}: cannot follow $ref ${JSON.stringify(ref)}; typed as unknown (ajv still checks it)`);
    return unknownType();
  }
  const parts = pointer.split('/').filter((p) => p !== '').map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  const simple = parts[parts.length - 1] ?? titleOf(target) ?? document.replace(/^.*\//, '').replace(/\.[^.]*$/, '');
  const inner: JsonContext = { ...context, document };
  return namedSchema(keyOf(document, pointer), simple, context, (name) => {
    const doc = [...schemaDoc(target), ...(keyOf(document, pointer) === keyOf('', '') ? [context.rootDoc] : [])];
    return isPlainObject(target)
      ? exportInterface(name, objectMembers(target, inner), doc)
      : exportTypeAlias(name, context.typeNode(target, inner), doc);
  });
}

/**
 * The reference name a `$ref`'s document part means, as ajv resolves it at
 * run time: the reference name exactly; else the document whose URL (its
 * `$id`, or its name against the root's `$id`) the part resolves to from
 * the referring document's URL; else, for documents named by bare paths,
 * the one with that last path segment.
 */
function documentOf(part: string, context: JsonContext): string | undefined {
  if (context.documents.has(part) && part !== '') return part;
  const from = urlOf(context.document, context);
  const target = resolveUrl(part, from);
  if (target !== undefined) {
    const found = [...context.documents.keys()].find((name) => name !== '' && urlOf(name, context) === target);
    if (found !== undefined) return found;
  }
  const last = part.replace(/^.*\//, '');
  return [...context.documents.keys()].find((name) => name !== '' && (name === last || name.replace(/^.*\//, '') === last));
}

/** Stands for the root's URL when it has no `$id`, so that relative names still resolve against each other. */
const NO_BASE = 'creg-codegen:/';

/** A document's URL: its own absolute `$id`, else its reference name (or, for the root, `$id`) against the root's. */
function urlOf(document: string, context: JsonContext): string | undefined {
  const rootId = idOf(context.documents.get(''));
  const base = resolveUrl(rootId ?? '', NO_BASE) ?? NO_BASE;
  if (document === '') return base;
  const own = idOf(context.documents.get(document));
  const absolute = own === undefined ? undefined : resolveUrl(own, base);
  return absolute ?? resolveUrl(document, base);
}

function idOf(schema: JsonSchema | undefined): string | undefined {
  if (typeof schema !== 'object') return undefined;
  const id = schema['$id'] ?? schema['id'];
  return typeof id === 'string' ? id.replace(/#$/, '') : undefined;
}

function resolveUrl(reference: string, base: string | undefined): string | undefined {
  try {
    const url = new URL(reference, base);
    url.hash = '';
    return url.href;
  } catch {
    return undefined;
  }
}

function resolvePointer(document: JsonSchema | undefined, pointer: string, context: JsonContext): JsonSchema | undefined {
  let node: unknown = document ?? context.documents.get('');
  for (const part of pointer.split('/').slice(1)) {
    const key = part.replace(/~1/g, '/').replace(/~0/g, '~');
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return typeof node === 'boolean' || (typeof node === 'object' && node !== null) ? (node as JsonSchema) : undefined;
}

function titleOf(schema: JsonSchema): string | undefined {
  return typeof schema === 'object' && typeof schema['title'] === 'string' ? schema['title'] : undefined;
}
