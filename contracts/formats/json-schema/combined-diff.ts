/**
 * allOf/anyOf/oneOf against allOf/anyOf/oneOf: Confluent's
 * `diff/CombinedSchemaDiff.java`. The criterion may only widen (to anyOf, or
 * between one-member combinations, or from a one-member one to oneOf, or to a
 * one-member one from allOf); duplicate members count once; more members
 * extend the combination, fewer narrow it (a sum or a product, as the
 * criterion says); and every member of the smaller side must be matched, one
 * to one, with a member of the other it is compatible with, or the members
 * changed. The differences reported are those of the matched pairs.
 */
import type { Context, Found } from './context.js';
import type { JsonDifferenceType } from './differences.js';
import { fingerprint } from './fingerprint.js';
import { maximumMatching, type Edge } from './matching.js';
import type { CombinedNode, SchemaNode } from './model.js';
import { compareSchemas } from './schema-diff.js';

export function compareCombined(ctx: Context, original: CombinedNode, update: CombinedNode): void {
  const criterionChange = compareCriteria(original, update);
  if (criterionChange) ctx.add(criterionChange);
  if (criterionChange === 'COMBINED_TYPE_CHANGED') return;
  const before = distinct(original.subschemas);
  const after = distinct(update.subschemas);
  if (before.length < after.length) ctx.add(update.criterion === 'allOf' ? 'PRODUCT_TYPE_EXTENDED' : 'SUM_TYPE_EXTENDED');
  else if (before.length > after.length) ctx.add(original.criterion === 'allOf' ? 'PRODUCT_TYPE_NARROWED' : 'SUM_TYPE_NARROWED');
  const edges: Edge<Found[]>[] = [];
  before.forEach((member, left) => {
    ctx.at(`${original.criterion}/${left}`, () => {
      after.forEach((candidate, right) => {
        const sub = ctx.sub();
        compareSchemas(sub, member, candidate);
        if (sub.isCompatible()) edges.push({ left, right, value: sub.differences });
      });
    });
  });
  const matching = maximumMatching(edges, before.length);
  for (const edge of matching) ctx.addAll(edge.value);
  if (matching.length < Math.min(before.length, after.length)) ctx.add('COMBINED_TYPE_SUBSCHEMAS_CHANGED');
}

function compareCriteria(original: CombinedNode, update: CombinedNode): JsonDifferenceType | undefined {
  if (original.criterion === update.criterion) return undefined;
  const single = (node: CombinedNode) => node.subschemas.length === 1;
  const widens =
    update.criterion === 'anyOf' ||
    (single(original) && single(update)) ||
    (single(original) && update.criterion === 'oneOf') ||
    (single(update) && original.criterion === 'allOf');
  return widens ? 'COMBINED_TYPE_EXTENDED' : 'COMBINED_TYPE_CHANGED';
}

function distinct(members: SchemaNode[]): SchemaNode[] {
  const seen = new Set<string>();
  return members.filter((member) => {
    const print = fingerprint(member);
    if (seen.has(print)) return false;
    seen.add(print);
    return true;
  });
}
