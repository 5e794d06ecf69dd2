/**
 * Permitted values: Confluent's `diff/EnumSchemaDiff.java` (the `enum` values
 * as sets: more values extend, fewer narrow, others change) and
 * `diff/ConstSchemaDiff.java` (a different `const` is ENUM_ARRAY_CHANGED).
 * Values are equal as Jackson nodes are (`json-text.ts`).
 */
import type { Context } from './context.js';
import { jsonEquals, type JsonValue } from './json-text.js';
import type { ConstNode, EnumNode } from './model.js';

const containsAll = (values: JsonValue[], wanted: JsonValue[]) => wanted.every((w) => values.some((v) => jsonEquals(v, w)));

export function compareEnums(ctx: Context, original: EnumNode, update: EnumNode): void {
  const extended = containsAll(update.values, original.values);
  const narrowed = containsAll(original.values, update.values);
  if (extended && narrowed) return;
  ctx.add(extended ? 'ENUM_ARRAY_EXTENDED' : narrowed ? 'ENUM_ARRAY_NARROWED' : 'ENUM_ARRAY_CHANGED', 'enum');
}

export function compareConsts(ctx: Context, original: ConstNode, update: ConstNode): void {
  if (!jsonEquals(original.value, update.value)) ctx.add('ENUM_ARRAY_CHANGED', 'const');
}
