/**
 * A version's Protobuf schema as codegen reads it: parsed by the registry's
 * format (references and well-known imports resolved), the subject's
 * message (Confluent's `name()`: the file's first message), its message
 * indexes, and protobufjs's reflection of it.
 */
import type protobuf from 'protobufjs';
import { parseProtobufSchema } from '../../contracts/formats/protobuf/protobuf-format.js';
import type { ContractVersion } from '../model.js';

export interface ProtobufVersionSchema {
  root: protobuf.Root;
  /** Full name, without a leading dot. */
  messageName: string;
  message: protobuf.Type;
  indexes: number[];
}

const cache = new WeakMap<ContractVersion, ProtobufVersionSchema>();

export function protobufVersionSchema(subject: string, version: ContractVersion): ProtobufVersionSchema {
  const cached = cache.get(version);
  if (cached !== undefined) return cached;
  try {
    const parsed = parseProtobufSchema(version.schema, version.references, { lenient: true });
    const messageName = parsed.name();
    const root = parsed.root();
    const message = messageName === undefined ? undefined : root.lookupType(messageName);
    if (messageName === undefined || message === undefined) throw new Error('the schema has no message');
    const result = { root, messageName, message, indexes: parsed.messageIndexes(messageName) };
    cache.set(version, result);
    return result;
  } catch (error) {
    throw new Error(`${subject} version ${version.version}: ${(error as Error).message}`, { cause: error });
  }
}
