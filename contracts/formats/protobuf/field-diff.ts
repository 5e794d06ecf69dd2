/**
 * Two versions of one field compared, as Confluent's `diff/FieldSchemaDiff.java`
 * does: name; kind (scalar — enums included —, message or map); within
 * scalars the wire-compatible groups protobuf's "updating a message type"
 * rules allow; labels, where a changed label matters for numbers and not for
 * strings and bytes; message types by local name, compared field by field
 * when they come from different referenced schemas (or versions of one).
 */
import type { DiffContext } from './diff-context.js';
import { SCALAR_TYPES, mapTypes, type FieldElement, type Label, type MessageElement } from './elements.js';
import type { Side } from './type-context.js';
import { compareMessages } from './message-diff.js';

type Kind = 'SCALAR' | 'MESSAGE' | 'MAP';

type ScalarKind = 'GENERAL_NUMBER' | 'SIGNED_NUMBER' | 'STRING_OR_BYTES' | 'FIXED32' | 'FIXED64' | 'FLOAT' | 'DOUBLE';

const SCALAR_KINDS: Record<string, ScalarKind> = {
  int32: 'GENERAL_NUMBER',
  int64: 'GENERAL_NUMBER',
  uint32: 'GENERAL_NUMBER',
  uint64: 'GENERAL_NUMBER',
  bool: 'GENERAL_NUMBER',
  sint32: 'SIGNED_NUMBER',
  sint64: 'SIGNED_NUMBER',
  string: 'STRING_OR_BYTES',
  bytes: 'STRING_OR_BYTES',
  fixed32: 'FIXED32',
  sfixed32: 'FIXED32',
  fixed64: 'FIXED64',
  sfixed64: 'FIXED64',
  float: 'FLOAT',
  double: 'DOUBLE',
};

export function compareFields(ctx: DiffContext, original: FieldElement, update: FieldElement): void {
  if (original.name !== update.name) ctx.add('FIELD_NAME_CHANGED');
  compareLabelsAndTypes(ctx, original.label, update.label, original.type, update.type);
}

function compareLabelsAndTypes(
  ctx: DiffContext,
  originalLabel: Label | undefined,
  updateLabel: Label | undefined,
  originalType: string,
  updateType: string,
): void {
  // A message protoc synthesised for a map field stands for the map.
  const before = ctx.getType(originalType, 'original')?.mapType ?? originalType;
  const after = ctx.getType(updateType, 'update')?.mapType ?? updateType;
  const kind = kindOf(ctx, before, 'original');
  if (kind !== kindOf(ctx, after, 'update')) {
    ctx.add('FIELD_KIND_CHANGED');
  } else if (kind === 'SCALAR') {
    compareScalars(ctx, originalLabel, updateLabel, before, after);
  } else if (kind === 'MESSAGE') {
    compareMessageTypes(ctx, before, after);
  } else {
    const beforeMap = mapTypes(before)!;
    const afterMap = mapTypes(after)!;
    compareLabelsAndTypes(ctx, undefined, undefined, beforeMap.key, afterMap.key);
    compareLabelsAndTypes(ctx, undefined, undefined, beforeMap.value, afterMap.value);
  }
}

function compareScalars(
  ctx: DiffContext,
  originalLabel: Label | undefined,
  updateLabel: Label | undefined,
  originalType: string,
  updateType: string,
): void {
  const kind = scalarKind(ctx, originalType, 'original');
  if (kind !== scalarKind(ctx, updateType, 'update')) {
    ctx.add('FIELD_SCALAR_KIND_CHANGED');
  } else if (originalLabel !== undefined && updateLabel !== undefined && originalLabel !== updateLabel) {
    ctx.add(kind === 'STRING_OR_BYTES' ? 'FIELD_STRING_OR_BYTES_LABEL_CHANGED' : 'FIELD_NUMERIC_LABEL_CHANGED');
  }
}

function compareMessageTypes(ctx: DiffContext, original: string, update: string): void {
  const originalFullName = ctx.resolve(original, 'original');
  const updateFullName = ctx.resolve(update, 'update');
  if (originalFullName === undefined || updateFullName === undefined) {
    // Unresolvable: compare the names as written.
    if (original !== update) ctx.add('FIELD_NAMED_TYPE_CHANGED');
    return;
  }
  const before = ctx.getTypeForFullName(originalFullName, 'original')!;
  const after = ctx.getTypeForFullName(updateFullName, 'update')!;
  const originalLocalName = localName(originalFullName, before.packageName);
  if (originalLocalName !== localName(updateFullName, after.packageName)) {
    ctx.add('FIELD_NAMED_TYPE_CHANGED');
    return;
  }
  const [originalRef, updateRef] = [before.reference, after.reference];
  // Both local, or the same version of one referenced subject: compared where they are declared.
  if (originalRef && updateRef && originalRef.subject === updateRef.subject && originalRef.version === updateRef.version) return;
  const sub = ctx.subcontext();
  sub.setPackageName(before.packageName, 'original');
  sub.setPackageName(after.packageName, 'update');
  sub.setFullName(originalLocalName);
  compareMessages(sub, before.type as MessageElement, after.type as MessageElement);
  ctx.differences.push(...sub.differences);
  if (!sub.isCompatible()) ctx.add('FIELD_NAMED_TYPE_CHANGED');
}

function localName(fullName: string, packageName: string): string {
  return fullName.startsWith(`${packageName}.`) ? fullName.slice(packageName.length + 1) : fullName;
}

function kindOf(ctx: DiffContext, type: string, side: Side): Kind {
  if (SCALAR_TYPES.has(type)) return 'SCALAR';
  if (mapTypes(type) !== undefined) return 'MAP';
  return ctx.getType(type, side)?.type.kind === 'enum' ? 'SCALAR' : 'MESSAGE';
}

function scalarKind(ctx: DiffContext, type: string, side: Side): ScalarKind {
  if (ctx.getType(type, side)?.type.kind === 'enum') return 'GENERAL_NUMBER';
  const kind = SCALAR_KINDS[type];
  if (kind === undefined) throw new Error(`Unknown type ${type}`);
  return kind;
}
