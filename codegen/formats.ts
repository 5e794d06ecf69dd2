/** The one table of codegen formats, keyed by the registry's `schemaType`. */
import type { SchemaType } from '../contracts/schema.js';
import { avroGenerator } from './avro/avro-module.js';
import type { FormatGenerator } from './format.js';
import { jsonSchemaGenerator } from './json-schema/json-schema-module.js';
import { protobufGenerator } from './protobuf/protobuf-module.js';

export const FORMATS: Record<SchemaType, FormatGenerator> = {
  AVRO: avroGenerator,
  JSON: jsonSchemaGenerator,
  PROTOBUF: protobufGenerator,
};
