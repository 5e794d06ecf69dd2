/**
 * The differences from an original schema to its update: Confluent's
 * `diff/SchemaDiff.java`. References are followed; each pair of schemas is
 * compared once (`context.ts`), and the whole comparison is repeated until the
 * pairs found incompatible stop changing, so that a recursive cycle first
 * assumed compatible cannot hide a real incompatibility.
 *
 * Before the types are compared: an update that is a oneOf/anyOf of which one
 * member takes the original is SUM_TYPE_EXTENDED, an original allOf of which
 * one member the update takes is PRODUCT_TYPE_NARROWED, and a one-member
 * combination stands for its member. Schemas of different kinds differ
 * (TYPE_CHANGED) unless the original accepts nothing, the update anything, or
 * both are Kafka Connect `bytes`.
 *
 * Defaults are compared as JSON values; Confluent compares the org.json
 * objects, so an object or array default there differs even from an equal
 * one (DEFAULT_CHANGED, which is compatible either way).
 */
import { compareCombined } from './combined-diff.js';
import { Context, samePairs, type Found, type PairSet } from './context.js';
import type { JsonDifferenceType } from './differences.js';
import { compareConsts, compareEnums } from './enum-diff.js';
import { jsonEquals } from './json-text.js';
import { acceptsAnything, dereference, sameKind, type CombinedNode, type SchemaNode } from './model.js';
import { compareNots } from './not-diff.js';
import { compareNumbers } from './number-diff.js';
import { compareObjects } from './object-diff.js';
import { compareArrays } from './array-diff.js';
import { compareStrings } from './string-diff.js';

/** Every difference (compatible or not) from `original` to `update`, judged against `compatible` where a branch needs it. */
export function schemaDifferences(original: SchemaNode, update: SchemaNode, compatible: ReadonlySet<JsonDifferenceType>): Found[] {
  let seed: PairSet = new Map();
  for (;;) {
    const ctx = Context.root(compatible, seed);
    compareSchemas(ctx, original, update);
    const incompatible = ctx.incompatiblePairs();
    if (!ctx.usedOptimism || samePairs(incompatible, seed)) return ctx.differences;
    seed = incompatible;
  }
}

/** `SchemaDiff.compare(ctx, original, update)`: a schema only on one side is added or removed. */
export function compareSchemas(ctx: Context, original: SchemaNode | undefined, update: SchemaNode | undefined): void {
  if (original === undefined && update === undefined) return;
  if (original === undefined) return ctx.add('SCHEMA_ADDED');
  if (update === undefined) return ctx.add('SCHEMA_REMOVED');
  const before = dereference(original);
  const after = dereference(update);
  ctx.addRebased(ctx.compareMemoized(before, after, (pair) => compareTypes(pair, before, after)));
}

/** Tries each member against the other side; the first compatible one settles the pair. */
function matchesMember(ctx: Context, members: SchemaNode[], compare: (sub: Context, member: SchemaNode) => void, type?: JsonDifferenceType): boolean {
  for (const member of members) {
    const sub = ctx.sub();
    compare(sub, member);
    if (sub.isCompatible()) {
      ctx.addAll(sub.differences);
      if (type) ctx.add(type);
      return true;
    }
  }
  return false;
}

function unwrapCombined(ctx: Context, original: SchemaNode, update: SchemaNode): boolean {
  if (original.kind !== 'Combined' && update.kind === 'Combined') {
    const members = update.subschemas;
    const compare = (sub: Context, member: SchemaNode) => compareSchemas(sub, original, member);
    if (members.length === 1) return matchesMember(ctx, members, compare);
    if (update.criterion !== 'allOf') return matchesMember(ctx, members, compare, 'SUM_TYPE_EXTENDED');
  } else if (original.kind === 'Combined' && update.kind !== 'Combined') {
    const members = original.subschemas;
    const compare = (sub: Context, member: SchemaNode) => compareSchemas(sub, member, update);
    if (members.length === 1) return matchesMember(ctx, members, compare);
    if (original.criterion === 'allOf') return matchesMember(ctx, members, compare, 'PRODUCT_TYPE_NARROWED');
  }
  return false;
}

function compareTypes(ctx: Context, original: SchemaNode, update: SchemaNode): void {
  if (unwrapCombined(ctx, original, update)) return;
  if (!sameKind(original, update)) {
    if (original.kind === 'False' || acceptsAnything(update)) return;
    // Two Kafka Connect `bytes` schemas match whatever JSON type each uses (the decimal converter fix).
    if (original.connectType === 'bytes' && update.connectType === 'bytes') return;
    return ctx.add('TYPE_CHANGED');
  }
  if (original.id !== update.id) ctx.add('ID_CHANGED');
  if (original.title !== update.title) ctx.add('TITLE_CHANGED');
  if (original.description !== update.description) ctx.add('DESCRIPTION_CHANGED');
  const [before, after] = [original.defaultValue, update.defaultValue];
  if (before === undefined ? after !== undefined : after === undefined || !jsonEquals(before, after)) ctx.add('DEFAULT_CHANGED');
  switch (original.kind) {
    case 'String':
      return compareStrings(ctx, original, update as typeof original);
    case 'Number':
      return compareNumbers(ctx, original, update as typeof original);
    case 'Const':
      return compareConsts(ctx, original, update as typeof original);
    case 'Enum':
      return compareEnums(ctx, original, update as typeof original);
    case 'Combined':
      return compareCombined(ctx, original, update as CombinedNode);
    case 'Not':
      return compareNots(ctx, original, update as typeof original);
    case 'Object':
      return compareObjects(ctx, original, update as typeof original);
    case 'Array':
      return compareArrays(ctx, original, update as typeof original);
    default:
      return;
  }
}
