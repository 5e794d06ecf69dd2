/**
 * Two versions of one message compared, as Confluent's
 * `diff/MessageSchemaDiff.java` does: fields matched by number across the
 * whole message, oneof members included, so that moving a field into, out of
 * or between oneofs never hides a change of its type or its removal; oneofs
 * compared by name; fields that were independent and now share a oneof are
 * incompatible (old data may set several of them), and so is a member
 * leaving a oneof that stays (as released versions say; a oneof dissolved
 * into top-level fields is compatible). Nested types follow.
 */
import type { DiffContext } from './diff-context.js';
import type { FieldElement, MessageElement, OneOfElement } from './elements.js';
import { compareFields } from './field-diff.js';
import { compareTypeElements } from './schema-diff.js';

interface Fields {
  byTag: Map<number, FieldElement>;
  oneOfOfTag: Map<number, string>;
  oneOfs: Map<string, OneOfElement>;
}

export function compareMessages(ctx: DiffContext, original: MessageElement, update: MessageElement): void {
  ctx.inSchema(original, () => compareFieldsOf(ctx, original, update));
  compareTypeElements(ctx, original.nestedTypes, update.nestedTypes);
}

function compareFieldsOf(ctx: DiffContext, original: MessageElement, update: MessageElement): void {
  const before = collectFields(original);
  const after = collectFields(update);

  // A oneof gone by name with none of its members left anywhere is a compatible deletion.
  const deletedOneOfs = new Set<string>();
  for (const [name, oneOf] of before.oneOfs) {
    if (!after.oneOfs.has(name) && !oneOf.fields.some((f) => after.byTag.has(f.tag))) deletedOneOfs.add(name);
  }

  // Members of an update oneof were exclusive before only if they came from one original oneof;
  // each original top-level field is a group of its own; new fields do not count.
  for (const oneOf of update.oneOfs) {
    const origins = new Set<string>();
    let movedFromTopLevel = 0;
    for (const field of oneOf.fields) {
      const originalOneOf = before.oneOfOfTag.get(field.tag);
      if (originalOneOf !== undefined) {
        origins.add(`oneof:${originalOneOf}`);
      } else if (before.byTag.has(field.tag)) {
        origins.add(`field:${field.tag}`);
        movedFromTopLevel++;
      }
    }
    if (origins.size > 1) ctx.add(movedFromTopLevel > 1 ? 'MULTIPLE_FIELDS_MOVED_TO_ONEOF' : 'FIELD_MOVED_TO_EXISTING_ONEOF', oneOf.name);
  }

  for (const name of [...new Set([...before.oneOfs.keys(), ...after.oneOfs.keys()])].sort(compareStrings)) {
    if (!after.oneOfs.has(name)) ctx.add('ONEOF_REMOVED', name);
    else if (!before.oneOfs.has(name)) ctx.add('ONEOF_ADDED', name);
  }

  for (const tag of [...new Set([...before.byTag.keys(), ...after.byTag.keys()])].sort((a, b) => a - b)) {
    const was = before.byTag.get(tag);
    const is = after.byTag.get(tag);
    const originalOneOf = before.oneOfOfTag.get(tag);
    const updateOneOf = after.oneOfOfTag.get(tag);
    const at = String(tag);
    if (is === undefined) {
      if (originalOneOf === undefined) ctx.add(was!.label === 'REQUIRED' ? 'REQUIRED_FIELD_REMOVED' : 'FIELD_REMOVED', at);
      else if (!deletedOneOfs.has(originalOneOf)) ctx.inPath(originalOneOf, () => ctx.add('ONEOF_FIELD_REMOVED', at));
    } else if (was === undefined) {
      if (updateOneOf === undefined) ctx.add(is.label === 'REQUIRED' ? 'REQUIRED_FIELD_ADDED' : 'FIELD_ADDED', at);
      else ctx.inPath(updateOneOf, () => ctx.add('ONEOF_FIELD_ADDED', at));
    } else {
      if (originalOneOf !== undefined && updateOneOf === undefined) {
        // Released Confluent (8.3) reports a member leaving a oneof that survives as removed from it, which is
        // incompatible (old data may set it beside another member); its master calls it a compatible move.
        if (after.oneOfs.has(originalOneOf)) {
          ctx.inPath(originalOneOf, () => ctx.add('ONEOF_FIELD_REMOVED', at));
          ctx.add('FIELD_ADDED', at);
        } else ctx.add('ONEOF_FIELD_MOVED_TO_TOP_LEVEL', at);
      }
      // Reported where the field is now: inside its oneof, or at the top level.
      const compare = () => ctx.inPath(at, () => compareFields(ctx, was, is));
      if (updateOneOf === undefined) compare();
      else ctx.inPath(updateOneOf, compare);
    }
  }
}

function collectFields(message: MessageElement): Fields {
  const fields: Fields = { byTag: new Map(), oneOfOfTag: new Map(), oneOfs: new Map() };
  for (const field of message.fields) fields.byTag.set(field.tag, field);
  for (const oneOf of message.oneOfs) {
    fields.oneOfs.set(oneOf.name, oneOf);
    for (const field of oneOf.fields) {
      fields.byTag.set(field.tag, field);
      fields.oneOfOfTag.set(field.tag, oneOf.name);
    }
  }
  return fields;
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
