/**
 * Negations: Confluent's `diff/NotSchemaDiff.java`. The negated schemas are
 * compared the other way round (what the old one excluded, the new one must
 * still exclude): compatible is NOT_TYPE_NARROWED, anything else
 * NOT_TYPE_EXTENDED; the inner differences are not reported.
 */
import type { Context } from './context.js';
import type { NotNode } from './model.js';
import { compareSchemas } from './schema-diff.js';

export function compareNots(ctx: Context, original: NotNode, update: NotNode): void {
  ctx.at('not', () => {
    const inner = ctx.sub();
    compareSchemas(inner, update.mustNotMatch, original.mustNotMatch);
    ctx.add(inner.isCompatible() ? 'NOT_TYPE_NARROWED' : 'NOT_TYPE_EXTENDED');
  });
}
