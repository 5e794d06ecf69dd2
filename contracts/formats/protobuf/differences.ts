/**
 * Protobuf compatibility differences as data, whether each is compatible,
 * and the message each renders to: Confluent's `diff/Difference.java` (the
 * `Type` enum and `toString`, `{errorType:"…", description:"…"}`) and
 * `diff/SchemaDiff.COMPATIBLE_CHANGES`. A description names the two schemas
 * through `%s` slots that `SchemaValidatorBuilder.formatErrorMessages` fills
 * with (reader, writer): ('new', 'old') when the new schema reads the old one.
 * Compatible types have no description: Confluent never reports them.
 */
import type { Difference } from '../format.js';

export const PROTOBUF_DIFFERENCE_TYPES = [
  'PACKAGE_CHANGED',
  'MESSAGE_ADDED',
  'MESSAGE_REMOVED',
  'MESSAGE_MOVED',
  'ENUM_ADDED',
  'ENUM_REMOVED',
  'ENUM_CONST_ADDED',
  'ENUM_CONST_CHANGED',
  'ENUM_CONST_REMOVED',
  'FIELD_ADDED',
  'FIELD_REMOVED',
  'FIELD_NAME_CHANGED',
  'FIELD_KIND_CHANGED',
  'FIELD_SCALAR_KIND_CHANGED',
  'FIELD_NAMED_TYPE_CHANGED',
  'FIELD_NUMERIC_LABEL_CHANGED',
  'FIELD_STRING_OR_BYTES_LABEL_CHANGED',
  'REQUIRED_FIELD_ADDED',
  'REQUIRED_FIELD_REMOVED',
  'ONEOF_ADDED',
  'ONEOF_REMOVED',
  'ONEOF_FIELD_ADDED',
  'ONEOF_FIELD_REMOVED',
  'ONEOF_FIELD_MOVED_TO_TOP_LEVEL',
  'MULTIPLE_FIELDS_MOVED_TO_ONEOF',
  'FIELD_MOVED_TO_EXISTING_ONEOF',
] as const;
export type ProtobufDifferenceType = (typeof PROTOBUF_DIFFERENCE_TYPES)[number];

export interface ProtobufDifference extends Difference {
  type: ProtobufDifferenceType;
}

type Describe = (path: string, reader: string, writer: string) => string;

interface Verdict {
  compatible: boolean;
  describe?: Describe;
}

const COMPATIBLE: Verdict = { compatible: true };

const VERDICTS: Record<ProtobufDifferenceType, Verdict> = {
  PACKAGE_CHANGED: {
    compatible: false,
    describe: (p, r, w) => `The package at '${p}' in the ${r} schema does not match the package in the ${w} schema`,
  },
  MESSAGE_ADDED: COMPATIBLE,
  MESSAGE_REMOVED: {
    compatible: false,
    describe: (p, r, w) => `The ${r} schema is missing a MESSAGE type at path '${p}' in the ${w} schema`,
  },
  MESSAGE_MOVED: COMPATIBLE,
  ENUM_ADDED: COMPATIBLE,
  ENUM_REMOVED: COMPATIBLE,
  ENUM_CONST_ADDED: COMPATIBLE,
  ENUM_CONST_CHANGED: COMPATIBLE,
  ENUM_CONST_REMOVED: COMPATIBLE,
  FIELD_ADDED: COMPATIBLE,
  FIELD_REMOVED: COMPATIBLE,
  FIELD_NAME_CHANGED: COMPATIBLE,
  FIELD_KIND_CHANGED: {
    compatible: false,
    describe: (p, r, w) => `The type of a field at path '${p}' in the ${r} schema does not match the ${w} schema`,
  },
  FIELD_SCALAR_KIND_CHANGED: {
    compatible: false,
    describe: (p, r, w) => `The kind of a SCALAR field at path '${p}' in the ${r} schema does not match its kind in the ${w} schema`,
  },
  FIELD_NAMED_TYPE_CHANGED: {
    compatible: false,
    describe: (p, r, w) => `The type of a MESSAGE field at path '${p}' in the ${r} schema does not match its type in the ${w} schema`,
  },
  FIELD_NUMERIC_LABEL_CHANGED: {
    compatible: false,
    describe: (p, r, w) => `The label for a NUMERIC field at path '${p}' in the ${r} schema does not match its label in the ${w} schema`,
  },
  FIELD_STRING_OR_BYTES_LABEL_CHANGED: COMPATIBLE,
  REQUIRED_FIELD_ADDED: {
    compatible: false,
    // Two spaces after "field" in Confluent's template.
    describe: (p, r, w) => `A required field  at path '${p}' in the ${r} schema is missing in the ${w} schema`,
  },
  REQUIRED_FIELD_REMOVED: {
    compatible: false,
    describe: (p, r, w) => `The ${r} schema is missing a required field at path: '${p}' in the ${w} schema`,
  },
  ONEOF_ADDED: COMPATIBLE,
  ONEOF_REMOVED: COMPATIBLE,
  ONEOF_FIELD_ADDED: COMPATIBLE,
  ONEOF_FIELD_REMOVED: {
    compatible: false,
    describe: (p, r, w) => `The ${r} schema is missing a oneof field at path '${p}' in the ${w} schema`,
  },
  ONEOF_FIELD_MOVED_TO_TOP_LEVEL: {
    compatible: true,
    describe: (p, r, w) => `The oneof field at path '${p}' in the ${r} schema was moved out of its oneof to a top-level field in the ${w} schema`,
  },
  MULTIPLE_FIELDS_MOVED_TO_ONEOF: {
    compatible: false,
    describe: (p, r, w) => `Multiple fields in the oneof at path '${p}' in the ${r} schema are outside a oneof in the ${w} schema`,
  },
  FIELD_MOVED_TO_EXISTING_ONEOF: {
    compatible: false,
    describe: (p, r, w) => `A field in the oneof at path '${p}' in the ${r} schema is outside an existing oneof in the ${w} schema`,
  },
};

const TYPES: ReadonlySet<string> = new Set(PROTOBUF_DIFFERENCE_TYPES);

export function isProtobufDifference(difference: Difference): difference is ProtobufDifference {
  return TYPES.has(difference.type);
}

/** Confluent's `SchemaDiff.COMPATIBLE_CHANGES`. */
export function isCompatibleChange(type: ProtobufDifferenceType): boolean {
  return VERDICTS[type].compatible;
}

/** Confluent's verbose message, the reader and writer named by their roles ('new'/'old'). */
export function renderProtobufDifference(
  difference: Pick<ProtobufDifference, 'type' | 'path'>,
  readerRole: string,
  writerRole: string,
): string {
  const description = VERDICTS[difference.type].describe?.(difference.path, readerRole, writerRole) ?? '';
  return `{errorType:"${difference.type}", description:"${description}"}`;
}

/** A difference whose `message` is the BACKWARD wording: the new schema reads the old one. */
export function protobufDifference(type: ProtobufDifferenceType, path: string): ProtobufDifference {
  return { type, path, message: renderProtobufDifference({ type, path }, 'new', 'old') };
}
