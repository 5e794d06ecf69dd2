/**
 * The one table of codecs, keyed by `schemaType` like the registry's own
 * table of formats (`contracts/formats/index.ts`): a schema type added
 * without a codec fails the type check.
 */
import type { ParsedSchema } from '../../contracts/formats/format.js';
import type { SchemaType } from '../../contracts/schema.js';
import { avroCodec } from './avro/avro-codec.js';
import type { SchemaCodec } from './codec.js';
import { jsonSchemaCodec } from './json-schema/json-schema-codec.js';
import { protobufCodec } from './protobuf/protobuf-codec.js';

const CODECS: Record<SchemaType, (parsed: ParsedSchema) => SchemaCodec> = {
  AVRO: avroCodec,
  PROTOBUF: protobufCodec,
  JSON: jsonSchemaCodec,
};

export function codecFor(parsed: ParsedSchema): SchemaCodec {
  return CODECS[parsed.schemaType](parsed);
}

export type { FutureWriter, Mismatch, SchemaCodec } from './codec.js';
