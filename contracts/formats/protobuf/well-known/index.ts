/**
 * The files every Protobuf schema may import without registering them:
 * Confluent's `ProtobufSchema.KNOWN_DEPENDENCIES` (google/protobuf, google/type
 * and Confluent's own), as text by import path and, parsed once, as element
 * trees. A reference with the same import path replaces one.
 */
import type { ProtoFileElement } from '../elements.js';
import { parseProtoFile } from '../proto-parser.js';
import { CONFLUENT_FILES } from './confluent.js';
import { googleProtobufFiles } from './google-protobuf.js';
import { GOOGLE_TYPE_FILES } from './google-type.js';

let texts: ReadonlyMap<string, string> | undefined;
let elements: ReadonlyMap<string, ProtoFileElement> | undefined;

export function wellKnownTexts(): ReadonlyMap<string, string> {
  return (texts ??= new Map(Object.entries({ ...CONFLUENT_FILES, ...GOOGLE_TYPE_FILES, ...googleProtobufFiles() })));
}

export function wellKnownFiles(): ReadonlyMap<string, ProtoFileElement> {
  return (elements ??= new Map([...wellKnownTexts()].map(([name, text]) => [name, parseProtoFile(text)])));
}
