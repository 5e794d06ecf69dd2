/**
 * Avro compatibility differences as data, and the message each renders to.
 * Types are Apache Avro's `SchemaCompatibility.SchemaIncompatibilityType`;
 * messages are Confluent's `client/.../avro/Difference.java`, whose
 * descriptions name the two schemas by role through `%s` slots that
 * `SchemaValidatorBuilder.formatErrorMessages` fills with (reader, writer):
 * ('new', 'old') when the new schema reads the old one (BACKWARD), ('old',
 * 'new') when the old one reads the new one (FORWARD). The quoting is
 * Confluent's: single quotes around values that may themselves hold quotes.
 */
import type { Difference } from '../format.js';

export const AVRO_DIFFERENCE_TYPES = [
  'NAME_MISMATCH',
  'FIXED_SIZE_MISMATCH',
  'MISSING_ENUM_SYMBOLS',
  'READER_FIELD_MISSING_DEFAULT_VALUE',
  'TYPE_MISMATCH',
  'MISSING_UNION_BRANCH',
] as const;
export type AvroDifferenceType = (typeof AVRO_DIFFERENCE_TYPES)[number];

export interface AvroDifference extends Difference {
  type: AvroDifferenceType;
  /** Avro's incompatibility message (`expected: 8, found: 4`, `[B, D]`, the field name…). */
  additionalInfo: string;
}

interface DescriptionInput {
  path: string;
  info: string;
  reader: string;
  writer: string;
}

const DESCRIPTIONS: Record<AvroDifferenceType, (d: DescriptionInput) => string> = {
  FIXED_SIZE_MISMATCH: ({ path, reader, writer }) =>
    `The size of FIXED type field at path '${path}' in the ${reader} schema does not match with the ${writer} schema`,
  TYPE_MISMATCH: ({ path, reader, writer }) =>
    `The type (path '${path}') of a field in the ${reader} schema does not match with the ${writer} schema`,
  NAME_MISMATCH: ({ path }) => `The name of the schema has changed (path '${path}')`,
  MISSING_ENUM_SYMBOLS: ({ path, info, reader, writer }) =>
    `The ${reader} schema is missing enum symbols '${info}' at path '${path}' in the ${writer} schema`,
  MISSING_UNION_BRANCH: ({ path, reader, writer }) =>
    `The ${reader} schema is missing a type inside a union field at path '${path}' in the ${writer} schema`,
  READER_FIELD_MISSING_DEFAULT_VALUE: ({ path, info, reader, writer }) =>
    `The field '${info}' at path '${path}' in the ${reader} schema has no default value and is missing in the ${writer} schema`,
};

const TYPES: ReadonlySet<string> = new Set(AVRO_DIFFERENCE_TYPES);

export function isAvroDifference(difference: Difference): difference is AvroDifference {
  return TYPES.has(difference.type) && typeof (difference as Partial<AvroDifference>).additionalInfo === 'string';
}

/** Confluent's verbose message, the reader and writer named by their roles ('new'/'old'). */
export function renderAvroDifference(
  difference: Pick<AvroDifference, 'type' | 'path' | 'additionalInfo'>,
  readerRole: string,
  writerRole: string,
): string {
  const description = DESCRIPTIONS[difference.type]({
    path: difference.path,
    info: difference.additionalInfo,
    reader: readerRole,
    writer: writerRole,
  });
  return `{errorType:'${difference.type}', description:'${description}', additionalInfo:'${difference.additionalInfo}'}`;
}

/** A difference whose `message` is the BACKWARD wording: the new schema reads the old one. */
export function avroDifference(type: AvroDifferenceType, path: string, additionalInfo: string): AvroDifference {
  return { type, path, additionalInfo, message: renderAvroDifference({ type, path, additionalInfo }, 'new', 'old') };
}
