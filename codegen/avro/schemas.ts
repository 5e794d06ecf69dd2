/**
 * A version's Avro schema as generated code embeds it and avsc reads it:
 * the canonical text of each referenced schema, dependencies first, each
 * named type written in full once (as `contracts/formats/avro/avsc-type.ts`
 * does), then the version's own; and the avsc type built from those texts by
 * the runtime's own `avroType`, so the types are derived from exactly what
 * the generated code will run.
 */
import type { Type } from 'avsc';
import { toJavaString } from '../../contracts/formats/avro/canonical.js';
import { parseAvro } from '../../contracts/formats/avro/parse.js';
import type { ContractVersion } from '../model.js';
import { avroType, type AvroLongs } from '../runtime/avro-codec.js';

export interface AvroVersionSchema {
  texts: string[];
  type: Type;
}

const caches: Record<AvroLongs, WeakMap<ContractVersion, AvroVersionSchema>> = { number: new WeakMap(), bigint: new WeakMap() };

export function avroVersionSchema(subject: string, version: ContractVersion, longs: AvroLongs = 'number'): AvroVersionSchema {
  const cache = caches[longs];
  const cached = cache.get(version);
  if (cached !== undefined) return cached;
  const parsed = parseAvro(version.schema, version.references, { lenient: true });
  const known = new Set<string>();
  const texts: string[] = [];
  for (const reference of parsed.references) {
    const text = toJavaString(reference, known);
    if (text.startsWith('{') || text.startsWith('[')) texts.push(text);
  }
  texts.push(toJavaString(parsed.root, known));
  let type: Type;
  try {
    type = avroType(texts, longs);
  } catch (error) {
    throw new Error(`${subject} version ${version.version}: avsc cannot read this Avro schema: ${(error as Error).message}`, { cause: error });
  }
  const result = { texts, type };
  cache.set(version, result);
  return result;
}
