/**
 * `unevaluatedProperties` and `unevaluatedItems`, which Confluent's
 * `ObjectSchemaDiff.compareUnevaluatedProperties` and
 * `ArraySchemaDiff.compareUnevaluatedItems` judge alike: false is the closed
 * end, true (or absent) the open end, a schema in between.
 */
import type { Context } from './context.js';
import { acceptsAnything, type SchemaNode } from './model.js';
import { compareSchemas } from './schema-diff.js';

export function compareUnevaluated(
  ctx: Context,
  what: 'PROPERTIES' | 'ITEMS',
  original: SchemaNode | undefined,
  update: SchemaNode | undefined,
): void {
  if (original === undefined && update === undefined) return;
  const isFalse = (schema: SchemaNode) => schema.kind === 'False';
  ctx.at(what === 'PROPERTIES' ? 'unevaluatedProperties' : 'unevaluatedItems', () => {
    if (original === undefined) ctx.add(isFalse(update!) ? `UNEVALUATED_${what}_REMOVED` : `UNEVALUATED_${what}_NARROWED`);
    else if (update === undefined) ctx.add(isFalse(original) ? `UNEVALUATED_${what}_ADDED` : `UNEVALUATED_${what}_EXTENDED`);
    else if (isFalse(original) && !isFalse(update)) ctx.add(`UNEVALUATED_${what}_ADDED`);
    else if (!isFalse(original) && isFalse(update)) ctx.add(`UNEVALUATED_${what}_REMOVED`);
    else if (acceptsAnything(original) && !acceptsAnything(update)) ctx.add(`UNEVALUATED_${what}_NARROWED`);
    else if (!acceptsAnything(original) && acceptsAnything(update)) ctx.add(`UNEVALUATED_${what}_EXTENDED`);
    else compareSchemas(ctx, original, update);
  });
}
