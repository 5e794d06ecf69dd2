/**
 * What every use case works with: the store, the immutable-schema cache, and
 * the small reads they share (a schema by id, its parsed form, the effective
 * config and mode of a subject).
 */
import { DEFAULT_COMPATIBILITY_LEVEL, DEFAULT_MODE, GLOBAL_SCOPE, type ConfigValue, type Mode } from '../config.js';
import { errors } from '../errors.js';
import { formatFor } from '../formats/index.js';
import type { ParsedSchema } from '../formats/format.js';
import type { StoredSchema } from '../schema.js';
import type { Store, StoreReader } from '../store.js';
import { resolveReferences } from './references.js';
import { SchemaCache } from './schema-cache.js';

export interface RegistryContext {
  store: Store;
  cache: SchemaCache;
  /** Compatibility checks run since the process started, by verdict (for metrics). */
  checks: { compatible: number; incompatible: number };
}

export function createContext(store: Store): RegistryContext {
  const cache = new SchemaCache();
  // A schema evicted here is read again on its next request, which answers 40403 if no version uses it any more.
  store.onSchemasRemoved?.((ids) => (ids ? ids.forEach((id) => cache.evict(id)) : cache.clear()));
  return { store, cache, checks: { compatible: 0, incompatible: 0 } };
}

/** The schema with this id, from the cache or the store; 40403 when unknown. */
export async function schemaById(ctx: RegistryContext, id: number, reader: StoreReader = ctx.store): Promise<StoredSchema> {
  const cached = ctx.cache.get(id);
  if (cached) return cached;
  const stored = await reader.schemaById(id);
  if (!stored) throw errors.schemaNotFound(id);
  return ctx.cache.put(stored);
}

/** The parsed form of a stored schema, its references resolved; parsed once per id. */
export async function parsedSchemaOf(ctx: RegistryContext, schema: StoredSchema, reader: StoreReader = ctx.store): Promise<ParsedSchema> {
  const cached = ctx.cache.parsed(schema.id);
  if (cached) return cached;
  const references = await resolveReferences(ctx, reader, schema.references);
  const parsed = formatFor(schema.schemaType).parse(schema.schema, references, { lenient: true });
  ctx.cache.putParsed(schema.id, parsed);
  return parsed;
}

/** Config in force for a subject: subject level over global over the server default. */
export async function effectiveConfig(reader: StoreReader, subject?: string): Promise<ConfigValue & { compatibilityLevel: NonNullable<ConfigValue['compatibilityLevel']> }> {
  const global = await reader.config(GLOBAL_SCOPE);
  const own = subject === undefined ? undefined : await reader.config(subject);
  return { ...global, ...own, compatibilityLevel: own?.compatibilityLevel ?? global?.compatibilityLevel ?? DEFAULT_COMPATIBILITY_LEVEL };
}

/** Mode in force for a subject: subject level over global over READWRITE. */
export async function effectiveMode(reader: StoreReader, subject?: string): Promise<Mode> {
  const own = subject === undefined ? undefined : await reader.mode(subject);
  return own ?? (await reader.mode(GLOBAL_SCOPE)) ?? DEFAULT_MODE;
}

export function isReadOnly(mode: Mode): boolean {
  return mode === 'READONLY' || mode === 'READONLY_OVERRIDE';
}

/** Confluent's 42205 for writes in a read-only scope. */
export async function assertWritable(reader: StoreReader, subject?: string): Promise<void> {
  if (isReadOnly(await effectiveMode(reader, subject))) {
    throw errors.operationNotPermitted(`Subject ${subject ?? ''} in context . is in read-only mode`);
  }
}
