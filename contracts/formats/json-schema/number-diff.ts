/**
 * Number schemas: Confluent's `diff/NumberSchemaDiff.java` — the limits
 * (`keyword-bounds.ts`), `multipleOf` compared exactly as `BigDecimal`s (a
 * multiple of the old factor narrows, a divisor of it widens, equal values of
 * different scale are no change), and integer versus number.
 */
import type { Context } from './context.js';
import { compareDecimals, isMultiple, isZero } from './decimal.js';
import { compareBounds } from './keyword-bounds.js';
import type { NumberNode } from './model.js';

export function compareNumbers(ctx: Context, original: NumberNode, update: NumberNode): void {
  compareBounds(ctx, 'Number', original.bounds, update.bounds);
  compareMultipleOf(ctx, original, update);
  if (original.requiresInteger && !update.requiresInteger) ctx.add('TYPE_EXTENDED');
  else if (!original.requiresInteger && update.requiresInteger) ctx.add('TYPE_NARROWED');
}

function compareMultipleOf(ctx: Context, original: NumberNode, update: NumberNode): void {
  const before = original.multipleOf?.decimal();
  const after = update.multipleOf?.decimal();
  if (before === undefined && after === undefined) return;
  if (before === undefined) return ctx.add('MULTIPLE_OF_ADDED', 'multipleOf');
  if (after === undefined) return ctx.add('MULTIPLE_OF_REMOVED', 'multipleOf');
  if (compareDecimals(before, after) === 0) return;
  if (!isZero(before) && isMultiple(after, before)) ctx.add('MULTIPLE_OF_EXPANDED', 'multipleOf');
  else if (!isZero(after) && isMultiple(before, after)) ctx.add('MULTIPLE_OF_REDUCED', 'multipleOf');
  else ctx.add('MULTIPLE_OF_CHANGED', 'multipleOf');
}
