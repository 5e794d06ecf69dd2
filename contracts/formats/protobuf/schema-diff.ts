/**
 * Every difference between an original Protobuf schema and an update, as
 * Confluent's `diff/SchemaDiff.java` (and `EnumSchemaDiff.java`) find them:
 * the package, then messages and enums matched by name at each level —
 * removed, added, compared, or moved to another index among their siblings —
 * and enum constants matched by number. `readerDifferences` keeps the
 * incompatible ones.
 */
import { DiffContext } from './diff-context.js';
import type { ProtobufDifference } from './differences.js';
import type { EnumElement, MessageElement, TypeElement } from './elements.js';
import { compareMessages } from './message-diff.js';
import type { SchemaFiles } from './type-context.js';

/** Confluent's `SchemaDiff.compare(original, update)`: all differences, compatible ones included. */
export function schemaDifferences(original: SchemaFiles, update: SchemaFiles): ProtobufDifference[] {
  const ctx = new DiffContext();
  ctx.collectTypeInfo(original, 'original');
  ctx.collectTypeInfo(update, 'update');
  if ((original.file.packageName ?? null) !== (update.file.packageName ?? null)) ctx.add('PACKAGE_CHANGED');
  compareTypeElements(ctx, original.file.types, update.file.types);
  return ctx.differences;
}

export function compareTypeElements(ctx: DiffContext, original: TypeElement[], update: TypeElement[]): void {
  const originalMessages = messagesByName(original);
  const updateMessages = messagesByName(update);
  for (const name of new Set([...originalMessages.keys(), ...updateMessages.keys()])) {
    ctx.inName(name, () => {
      const before = originalMessages.get(name);
      const after = updateMessages.get(name);
      if (after === undefined) {
        const info = ctx.getType(name, 'original');
        if (info !== undefined && info.mapType === undefined) ctx.add('MESSAGE_REMOVED');
      } else if (before === undefined) {
        const info = ctx.getType(name, 'update');
        if (info !== undefined && info.mapType === undefined) ctx.add('MESSAGE_ADDED');
      } else {
        compareMessages(ctx, before.message, after.message);
        // Moving a message is compatible: message indexes are relative to the writer's schema.
        if (before.index !== after.index) ctx.add('MESSAGE_MOVED');
      }
    });
  }
  const originalEnums = enumsByName(original);
  const updateEnums = enumsByName(update);
  for (const name of new Set([...originalEnums.keys(), ...updateEnums.keys()])) {
    ctx.inName(name, () => {
      const before = originalEnums.get(name);
      const after = updateEnums.get(name);
      if (after === undefined) ctx.add('ENUM_REMOVED');
      else if (before === undefined) ctx.add('ENUM_ADDED');
      else compareEnums(ctx, before, after);
    });
  }
}

function compareEnums(ctx: DiffContext, original: EnumElement, update: EnumElement): void {
  const before = new Map(original.constants.map((c) => [c.tag, c]));
  const after = new Map(update.constants.map((c) => [c.tag, c]));
  for (const tag of new Set([...before.keys(), ...after.keys()])) {
    const was = before.get(tag);
    const is = after.get(tag);
    if (is === undefined) ctx.add('ENUM_CONST_REMOVED', String(tag));
    else if (was === undefined) ctx.add('ENUM_CONST_ADDED', String(tag));
    else if (was.name !== is.name) ctx.add('ENUM_CONST_CHANGED', String(tag));
  }
}

/** Messages by name with their index among the messages of their level (enums do not count). */
function messagesByName(types: TypeElement[]): Map<string, { message: MessageElement; index: number }> {
  const messages = types.filter((t): t is MessageElement => t.kind === 'message');
  return new Map(messages.map((message, index) => [message.name, { message, index }]));
}

function enumsByName(types: TypeElement[]): Map<string, EnumElement> {
  return new Map(types.filter((t): t is EnumElement => t.kind === 'enum').map((e) => [e.name, e]));
}
