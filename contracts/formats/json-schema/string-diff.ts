/**
 * String schemas: Confluent's `diff/StringSchemaDiff.java` — the length limits
 * (`keyword-bounds.ts`) and the pattern, compared as written.
 */
import type { Context } from './context.js';
import { compareBounds } from './keyword-bounds.js';
import type { StringNode } from './model.js';

export function compareStrings(ctx: Context, original: StringNode, update: StringNode): void {
  compareBounds(ctx, 'String', original.bounds, update.bounds);
  if (original.pattern === undefined && update.pattern !== undefined) ctx.add('PATTERN_ADDED', 'pattern');
  else if (original.pattern !== undefined && update.pattern === undefined) ctx.add('PATTERN_REMOVED', 'pattern');
  else if (original.pattern !== update.pattern) ctx.add('PATTERN_CHANGED', 'pattern');
}
