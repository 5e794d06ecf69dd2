/**
 * The paired limits — `maxLength`/`minLength`, `maximum`/`minimum`,
 * `exclusiveMaximum`/`exclusiveMinimum`, `maxProperties`/`minProperties`,
 * `maxItems`/`minItems`, `maxContains`/`minContains` — as rows of one table,
 * compared by one function: a limit added, removed, raised or lowered is the
 * row's difference at the keyword's path. Mirrors the per-keyword blocks of
 * Confluent's `StringSchemaDiff`, `NumberSchemaDiff`, `ObjectSchemaDiff` and
 * `ArraySchemaDiff` (values compared as doubles, as `doubleValue()` does).
 *
 * One quirk is not copied: `NumberSchemaDiff` decides EXCLUSIVE_MAXIMUM_DECREASED
 * against the update's `maximum`, not its `exclusiveMaximum` (and fails when
 * the update has none); here the two exclusive maxima are compared.
 */
import type { Context } from './context.js';
import type { JsonDifferenceType } from './differences.js';
import type { BoundKeyword, Bounds, Kind } from './model.js';

interface BoundRow {
  on: Kind;
  added: JsonDifferenceType;
  removed: JsonDifferenceType;
  increased: JsonDifferenceType;
  decreased: JsonDifferenceType;
}

const row = (on: Kind, prefix: string): BoundRow =>
  ({ on, added: `${prefix}_ADDED`, removed: `${prefix}_REMOVED`, increased: `${prefix}_INCREASED`, decreased: `${prefix}_DECREASED` }) as BoundRow;

const BOUNDS: Record<BoundKeyword, BoundRow> = {
  maxLength: row('String', 'MAX_LENGTH'),
  minLength: row('String', 'MIN_LENGTH'),
  maximum: row('Number', 'MAXIMUM'),
  minimum: row('Number', 'MINIMUM'),
  exclusiveMaximum: row('Number', 'EXCLUSIVE_MAXIMUM'),
  exclusiveMinimum: row('Number', 'EXCLUSIVE_MINIMUM'),
  maxProperties: row('Object', 'MAX_PROPERTIES'),
  minProperties: row('Object', 'MIN_PROPERTIES'),
  maxItems: row('Array', 'MAX_ITEMS'),
  minItems: row('Array', 'MIN_ITEMS'),
  maxContains: row('Array', 'MAX_CONTAINS'),
  minContains: row('Array', 'MIN_CONTAINS'),
};

/** Compares the limits of one kind of schema. */
export function compareBounds(ctx: Context, kind: Kind, original: Bounds, update: Bounds): void {
  for (const [keyword, types] of Object.entries(BOUNDS) as [BoundKeyword, BoundRow][]) {
    if (types.on !== kind) continue;
    const before = original[keyword];
    const after = update[keyword];
    if (before === undefined && after === undefined) continue;
    if (before === undefined) ctx.add(types.added, keyword);
    else if (after === undefined) ctx.add(types.removed, keyword);
    else if (before.value < after.value) ctx.add(types.increased, keyword);
    else if (before.value > after.value) ctx.add(types.decreased, keyword);
  }
}
