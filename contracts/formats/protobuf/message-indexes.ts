/**
 * Where a message sits in its schema, as the message indexes of Confluent's
 * Protobuf wire format give it (`ProtobufSchema.toMessageIndexes`,
 * `toMessageName`): the index of the top-level message among the file's
 * messages, then of each nested message among its parent's messages; enums
 * do not count. The bytes are written by `wire-format.ts`.
 */
import type { MessageElement, ProtoFileElement, TypeElement } from './elements.js';

/** A parsed Protobuf schema, or anything else that holds a file's element tree. */
interface HasFile {
  readonly file: ProtoFileElement;
}

/** The indexes of a message by its full name (`pkg.Outer.Inner`) or its name within the package. */
export function messageIndexesOf({ file }: HasFile, messageName: string): number[] {
  const prefix = file.packageName ? `${file.packageName}.` : '';
  const local = prefix !== '' && messageName.startsWith(prefix) ? messageName.slice(prefix.length) : messageName;
  const indexes: number[] = [];
  let types: TypeElement[] = file.types;
  for (const part of local.split('.')) {
    const messages = messagesOf(types);
    const index = messages.findIndex((message) => message.name === part);
    if (index < 0) throw new Error(`No message named '${messageName}' in the schema`);
    indexes.push(index);
    types = messages[index]!.nestedTypes;
  }
  return indexes;
}

/** The full name of the message at `indexes`; no indexes means the first message, as in Confluent. */
export function messageNameOf({ file }: HasFile, indexes: readonly number[]): string {
  const names: string[] = [];
  let types: TypeElement[] = file.types;
  for (const index of indexes.length === 0 ? [0] : indexes) {
    const message = messagesOf(types)[index];
    if (message === undefined) throw new Error(`Invalid message indexes: [${indexes.join(', ')}]`);
    names.push(message.name);
    types = message.nestedTypes;
  }
  return file.packageName ? `${file.packageName}.${names.join('.')}` : names.join('.');
}

function messagesOf(types: TypeElement[]): MessageElement[] {
  return types.filter((type): type is MessageElement => type.kind === 'message');
}
