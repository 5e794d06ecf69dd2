/**
 * Protobuf schemas a newer producer could write (checklist C18, C19): the
 * message with one more field (the next number above its fields and
 * reserved ranges), and, when a top-level field is an enum, that enum with
 * one more value, with a sample that uses it. Written into the schema's
 * canonical text (one definition per block, as `ProtobufSchemaUtils`
 * prints it) and parsed again by the registry's own Protobuf plug-in.
 */
import protobuf from 'protobufjs';
import { parseProtobufSchema, type ProtobufParsedSchema } from '../../../contracts/formats/protobuf/protobuf-format.js';
import type { Prng } from '../../samples/prng.js';
import { sampleMessage } from './protobuf-samples.js';

export const FUTURE_FIELD = 'conformance_future_field';
export const FUTURE_VALUE = 'CONFORMANCE_FUTURE_VALUE';

export interface ProtobufFuture {
  change: string;
  parsed: ProtobufParsedSchema;
  sample: Record<string, unknown>;
}

export function protobufFutures(parsed: ProtobufParsedSchema, type: protobuf.Type, rng: Prng): ProtobufFuture[] {
  const futures: ProtobufFuture[] = [];
  const text = parsed.canonical();
  const numbers = [...type.fieldsArray.map((f) => f.id), ...(type.reserved ?? []).flatMap((r) => (Array.isArray(r) ? r : []))];
  const number = Math.max(0, ...numbers) + 1;
  const withField = insertInBlock(text, `message ${type.name} {`, `  string ${FUTURE_FIELD} = ${number};`);
  if (withField) {
    const future = parseProtobufSchema(withField, parsed.resolvedReferences, { lenient: true });
    const sample = { ...sampleMessage(messageOf(future, type.fullName), rng), [FUTURE_FIELD]: 'written by a newer producer' };
    futures.push({ change: `a new field ${FUTURE_FIELD} = ${number}`, parsed: future, sample });
  }
  const enumField = type.fieldsArray.find((f) => f.resolvedType instanceof protobuf.Enum && !f.repeated && !f.map);
  const enumType = enumField?.resolvedType as protobuf.Enum | undefined;
  if (enumField && enumType) {
    const value = Math.max(...Object.values(enumType.values)) + 1;
    const withValue = insertInBlock(text, `enum ${enumType.name} {`, `  ${FUTURE_VALUE} = ${value};`);
    if (withValue) {
      const future = parseProtobufSchema(withValue, parsed.resolvedReferences, { lenient: true });
      const sample = { ...sampleMessage(messageOf(future, type.fullName), rng), [enumField.name]: FUTURE_VALUE };
      futures.push({ change: `a new value ${FUTURE_VALUE} = ${value} of enum ${enumType.name}`, parsed: future, sample });
    }
  }
  return futures;
}

function messageOf(parsed: ProtobufParsedSchema, fullName: string): protobuf.Type {
  return parsed.root().lookupType(fullName.replace(/^\./, ''));
}

/** The text with `line` added at the end of the one block opened by `opening`; undefined when there is not exactly one. */
function insertInBlock(text: string, opening: string, line: string): string | undefined {
  const first = text.indexOf(opening);
  if (first < 0 || text.indexOf(opening, first + 1) >= 0) return undefined;
  let depth = 0;
  for (let i = first + opening.length - 1; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return `${text.slice(0, i)}${line}\n${text.slice(i)}`;
  }
  return undefined;
}
