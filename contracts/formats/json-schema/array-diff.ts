/**
 * Array schemas: Confluent's `diff/ArraySchemaDiff.java`. The schema of all
 * items, the tuple items position by position, `additionalItems`,
 * `unevaluatedItems`, the limits and `uniqueItems`. Tuples have content
 * models like objects (`object-diff.ts`): the items after the tuple are open
 * (`additionalItems` true or absent and `unevaluatedItems` true or absent),
 * partially open (a schema for them) or closed; an item added is judged by
 * the original's model, an item removed by the update's.
 */
import type { Context } from './context.js';
import { compareBounds } from './keyword-bounds.js';
import type { ArrayNode, SchemaNode } from './model.js';
import { compareSchemas } from './schema-diff.js';
import { compareUnevaluated } from './unevaluated.js';

export function compareArrays(ctx: Context, original: ArrayNode, update: ArrayNode): void {
  ctx.at('items', () => compareSchemas(ctx, original.allItems, update.allItems));
  compareTuples(ctx, original, update);
  compareAdditionalItems(ctx, original, update);
  compareUnevaluated(ctx, 'ITEMS', original.unevaluatedItems, update.unevaluatedItems);
  compareBounds(ctx, 'Array', original.bounds, update.bounds);
  if (original.uniqueItems && !update.uniqueItems) ctx.add('UNIQUE_ITEMS_REMOVED', 'uniqueItems');
  else if (!original.uniqueItems && update.uniqueItems) ctx.add('UNIQUE_ITEMS_ADDED', 'uniqueItems');
}

function isOpenContentModel(schema: ArrayNode): boolean {
  if (!schema.additionalItems || schema.additionalItemsSchema) return false;
  const unevaluated = schema.unevaluatedItems;
  return unevaluated === undefined || unevaluated.kind === 'Empty' || unevaluated.kind === 'True';
}

function partiallyOpenSchema(schema: ArrayNode): SchemaNode | undefined {
  if (schema.additionalItemsSchema) return schema.additionalItemsSchema;
  const unevaluated = schema.unevaluatedItems;
  if (schema.additionalItems && unevaluated && !['False', 'Empty', 'True'].includes(unevaluated.kind)) return unevaluated;
  return undefined;
}

function coveredBy(ctx: Context, before: SchemaNode, after: SchemaNode, covered: 'ITEM_ADDED' | 'ITEM_REMOVED'): void {
  const sub = ctx.sub();
  compareSchemas(sub, before, after);
  ctx.addAll(sub.differences);
  ctx.add(sub.isCompatible() ? `${covered}_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL` : `${covered}_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL`);
}

function compareTuples(ctx: Context, original: ArrayNode, update: ArrayNode): void {
  const length = Math.max(original.items.length, update.items.length);
  for (let index = 0; index < length; index++) {
    const before = original.items[index];
    const after = update.items[index];
    ctx.at(`items/${index}`, () => {
      if (before !== undefined && after !== undefined) compareSchemas(ctx, before, after);
      else if (before !== undefined) itemRemoved(ctx, before, update);
      else if (after !== undefined) itemAdded(ctx, after, original);
    });
  }
}

function itemRemoved(ctx: Context, before: SchemaNode, update: ArrayNode): void {
  if (isOpenContentModel(update)) return ctx.add('ITEM_REMOVED_FROM_OPEN_CONTENT_MODEL');
  const partial = partiallyOpenSchema(update);
  if (partial) return coveredBy(ctx, before, partial, 'ITEM_REMOVED');
  ctx.add(before.kind === 'False' ? 'ITEM_WITH_FALSE_REMOVED_FROM_CLOSED_CONTENT_MODEL' : 'ITEM_REMOVED_FROM_CLOSED_CONTENT_MODEL');
}

function itemAdded(ctx: Context, after: SchemaNode, original: ArrayNode): void {
  if (isOpenContentModel(original)) {
    // Confluent asks whether the item's schema is an EmptySchema (which `true` also is).
    const empty = after.kind === 'Empty' || after.kind === 'True';
    return ctx.add(empty ? 'ITEM_WITH_EMPTY_SCHEMA_ADDED_TO_OPEN_CONTENT_MODEL' : 'ITEM_ADDED_TO_OPEN_CONTENT_MODEL');
  }
  const partial = partiallyOpenSchema(original);
  if (partial) return coveredBy(ctx, partial, after, 'ITEM_ADDED');
  ctx.add('ITEM_ADDED_TO_CLOSED_CONTENT_MODEL');
}

function compareAdditionalItems(ctx: Context, original: ArrayNode, update: ArrayNode): void {
  ctx.at('additionalItems', () => {
    if (original.additionalItems !== update.additionalItems) {
      ctx.add(original.additionalItems ? 'ADDITIONAL_ITEMS_REMOVED' : 'ADDITIONAL_ITEMS_ADDED');
    } else if (!original.additionalItemsSchema && update.additionalItemsSchema) {
      ctx.add('ADDITIONAL_ITEMS_NARROWED');
    } else if (original.additionalItemsSchema && !update.additionalItemsSchema) {
      ctx.add('ADDITIONAL_ITEMS_EXTENDED');
    } else {
      compareSchemas(ctx, original.additionalItemsSchema, update.additionalItemsSchema);
    }
  });
}
