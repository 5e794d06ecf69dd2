/**
 * Message descriptors for Confluent's Protobuf serializer, which works on
 * `@bufbuild/protobuf` descriptors rather than `.proto` text: the text is
 * parsed with protobufjs and carried over as a FileDescriptorSet.
 */
import { createFileRegistry, fromBinary, type DescMessage } from '@bufbuild/protobuf';
import { FileDescriptorSetSchema } from '@bufbuild/protobuf/wkt';
import protobuf from 'protobufjs';
import 'protobufjs/ext/descriptor';

interface DescriptorRoot {
  toDescriptor(syntax: string): protobuf.Message & { file?: { name?: string }[]; $type: protobuf.Type };
}

export function messageDescriptor(protoText: string, fileName: string, messageName: string): DescMessage {
  const root = protobuf.parse(protoText, { keepCase: true }).root;
  // The descriptor extension adds toDescriptor to Root at run time; its typings are not wired to this import.
  const set = (root as unknown as DescriptorRoot).toDescriptor('proto3');
  for (const file of set.file ?? []) file.name = fileName;
  const bytes = set.$type.encode(set).finish();
  const registry = createFileRegistry(fromBinary(FileDescriptorSetSchema, bytes));
  const message = registry.getMessage(messageName);
  if (!message) throw new Error(`${messageName} is not in the descriptor set`);
  return message;
}
