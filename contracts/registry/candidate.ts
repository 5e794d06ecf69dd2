/**
 * A schema as a request submits it (register, lookup, compatibility), parsed
 * with its references resolved, and the text the registry would store for it.
 */
import { errors } from '../errors.js';
import type { ParsedSchema, SchemaFormat } from '../formats/format.js';
import { formatFor } from '../formats/index.js';
import { SCHEMA_TYPES, type SchemaReference } from '../schema.js';
import type { StoreReader } from '../store.js';
import type { RegistryContext } from './context.js';
import { pinReferences, resolveReferences } from './references.js';

export interface SchemaInput {
  schema?: string;
  schemaType?: string;
  references?: SchemaReference[];
}

export interface Candidate {
  format: SchemaFormat;
  parsed: ParsedSchema;
  /** The text stored for it: canonical, or normalised when asked to. */
  text: string;
  /** References with -1 pinned to the version it means now. */
  references: SchemaReference[];
}

export async function parseCandidate(
  ctx: RegistryContext,
  reader: StoreReader,
  input: SchemaInput,
  normalize: boolean,
): Promise<Candidate> {
  if (typeof input.schema !== 'string' || input.schema.trim() === '') throw errors.invalidSchema('Empty schema');
  // Confluent looks the type up as it is written: `avro` is no type.
  if (input.schemaType !== undefined && !(SCHEMA_TYPES as readonly string[]).includes(input.schemaType)) {
    throw errors.invalidSchema(`Invalid schema type ${input.schemaType}`);
  }
  const format = formatFor(input.schemaType);
  const references = await pinReferences(reader, input.references ?? []);
  const parsed = format.parse(input.schema, await resolveReferences(ctx, reader, references));
  const sorted = normalize ? sortReferences(references) : references;
  return { format, parsed, text: normalize ? parsed.normalized() : parsed.canonical(), references: sorted };
}

// Normalisation sorts and de-duplicates references, as Confluent's normalize does.
function sortReferences(references: SchemaReference[]): SchemaReference[] {
  const unique = new Map(references.map((r) => [`${r.name}\u0000${r.subject}\u0000${r.version}`, r]));
  return [...unique.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

export function sameReferences(a: SchemaReference[], b: SchemaReference[]): boolean {
  return a.length === b.length && a.every((r, i) => r.name === b[i]!.name && r.subject === b[i]!.subject && r.version === b[i]!.version);
}
