/**
 * The avsc `Type` of a parsed schema, for code that encodes and decodes data
 * (codegen, conformance). Built from the canonical text, references first into
 * one registry, each named type written once so avsc sees every name defined
 * exactly once. avsc is stricter than Java Avro in places (a union default
 * must match the first branch), so a schema the registry accepts may have no
 * avsc type; that is reported here, not at parse time.
 */
import avro, { type Type } from 'avsc';
import { toJavaString } from './canonical.js';
import type { ParsedAvro } from './parse.js';

export function toAvscType(parsed: ParsedAvro): Type {
  const known = new Set<string>();
  const registry: Record<string, Type> = {};
  try {
    for (const reference of parsed.references) {
      avro.Type.forSchema(JSON.parse(toJavaString(reference, known)), { registry });
    }
    return avro.Type.forSchema(JSON.parse(toJavaString(parsed.root, known)), { registry });
  } catch (error) {
    throw new Error(`avsc cannot represent this Avro schema: ${(error as Error).message}`, { cause: error });
  }
}
