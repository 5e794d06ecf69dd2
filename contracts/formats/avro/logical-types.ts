/**
 * Which `logicalType` attributes Java Avro recognises (LogicalTypes.java
 * `fromSchemaIgnoreInvalid` and each type's `validate`), plus the two
 * Confluent registers (`map`, `variant`: avro-types/.../LogicalMap.java,
 * VariantLogicalType.java). An unknown or invalid logical type is not an
 * error: the attributes stay as plain properties. Only normalisation cares,
 * since it writes a recognised logical type before the other properties.
 */
import { isJsonNumber, type JsonValue } from './json.js';
import type { AvroSchema, Kind } from './model.js';

export interface LogicalType {
  name: string;
  /** Set for `decimal` only. */
  decimal?: { precision: number; scale: number };
}

/** Properties that Java says no logical type may be combined with (LogicalType.INCOMPATIBLE_PROPS). */
const INCOMPATIBLE_PROPS = ['avro.java.string', 'java-class', 'java-key-class', 'java-element-class'];

const UNDERLYING: Record<string, (schema: AvroSchema) => boolean> = {
  'big-decimal': (s) => s.kind === 'bytes',
  duration: (s) => s.kind === 'fixed' && s.size === 12,
  uuid: (s) => s.kind === 'string' || (s.kind === 'fixed' && s.size === 16),
  date: kindIs('int'),
  'time-millis': kindIs('int'),
  'time-micros': kindIs('long'),
  'timestamp-millis': kindIs('long'),
  'timestamp-micros': kindIs('long'),
  'timestamp-nanos': kindIs('long'),
  'local-timestamp-millis': kindIs('long'),
  'local-timestamp-micros': kindIs('long'),
  'local-timestamp-nanos': kindIs('long'),
  map: (s) =>
    s.kind === 'array' &&
    s.items.kind === 'record' &&
    s.items.fields.length === 2 &&
    s.items.fields[0]!.name === 'key' &&
    s.items.fields[1]!.name === 'value',
  variant: (s) =>
    s.kind === 'record' &&
    s.fields.length === 2 &&
    s.fields.some((f) => f.name === 'metadata' && f.type.kind === 'bytes') &&
    s.fields.some((f) => f.name === 'value' && f.type.kind === 'bytes'),
};

function kindIs(kind: Kind): (schema: AvroSchema) => boolean {
  return (schema) => schema.kind === kind;
}

export function logicalTypeOf(schema: AvroSchema): LogicalType | undefined {
  if (schema.kind === 'union') return undefined;
  const name = schema.props.get('logicalType');
  if (typeof name !== 'string') return undefined;
  if (INCOMPATIBLE_PROPS.some((prop) => typeof schema.props.get(prop) === 'string')) return undefined;
  if (name === 'decimal') return decimalOf(schema);
  const valid = UNDERLYING[name];
  return valid !== undefined && valid(schema) ? { name } : undefined;
}

function decimalOf(schema: AvroSchema): LogicalType | undefined {
  if (schema.kind !== 'bytes' && schema.kind !== 'fixed') return undefined;
  const precision = javaInt(schema.props.get('precision'));
  const scaleProp = schema.props.get('scale');
  const scale = scaleProp === undefined ? 0 : javaInt(scaleProp);
  if (precision === undefined || scale === undefined) return undefined;
  const maxPrecision = schema.kind === 'fixed' ? Math.round(Math.floor(Math.log10(2) * (8 * schema.size - 1))) : Infinity;
  if (precision <= 0 || precision > maxPrecision || scale < 0 || scale > precision) return undefined;
  return { name: 'decimal', decimal: { precision, scale } };
}

/** Java requires an `Integer` property: a JSON integer within int range. */
function javaInt(value: JsonValue | undefined): number | undefined {
  return isJsonNumber(value) && value.kind === 'int' ? value.value : undefined;
}
