/**
 * The one table of schema formats, keyed by Confluent's `schemaType`.
 */
import { errors } from '../errors.js';
import type { SchemaType } from '../schema.js';
import { avroFormat } from './avro/avro-format.js';
import type { SchemaFormat } from './format.js';
import { jsonSchemaFormat } from './json-schema/json-schema-format.js';
import { protobufFormat } from './protobuf/protobuf-format.js';

const FORMATS: Partial<Record<SchemaType, SchemaFormat>> = {
  AVRO: avroFormat,
  JSON: jsonSchemaFormat,
  PROTOBUF: protobufFormat,
};

/** The schema types this registry accepts, as `GET /schemas/types` lists them. */
export const supportedSchemaTypes = (): SchemaType[] => Object.keys(FORMATS) as SchemaType[];

/** The format for a request's `schemaType` (absent means AVRO, as in Confluent). */
export function formatFor(schemaType: string | undefined): SchemaFormat {
  const type = (schemaType ?? 'AVRO').toUpperCase();
  const format = FORMATS[type as SchemaType];
  if (!format) throw errors.invalidSchema(`Invalid schema type ${schemaType}`);
  return format;
}
