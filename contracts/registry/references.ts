/**
 * Resolving a schema's references to the schemas they name, depth first, as
 * Confluent's `AbstractSchemaProvider.resolveReferences` does. Version -1 means
 * the subject's latest version; soft-deleted versions still resolve, so that
 * old schemas keep parsing after their dependencies are soft-deleted.
 */
import { errors } from '../errors.js';
import type { ResolvedReference, SchemaReference } from '../schema.js';
import type { StoreReader } from '../store.js';
import { schemaById, type RegistryContext } from './context.js';
import { isLive } from './versions.js';

/** References with version -1 replaced by the number it stands for now. */
export async function pinReferences(reader: StoreReader, references: SchemaReference[]): Promise<SchemaReference[]> {
  return Promise.all(
    references.map(async (reference) => {
      validateReference(reference);
      if (reference.version !== -1) return reference;
      const versions = await reader.subjectVersions(reference.subject);
      const latest = versions.filter(isLive).at(-1);
      if (!latest) throw missing(reference);
      return { ...reference, version: latest.version };
    }),
  );
}

export async function resolveReferences(
  ctx: RegistryContext,
  reader: StoreReader,
  references: SchemaReference[],
  visiting: ReadonlySet<string> = new Set(),
): Promise<ResolvedReference[]> {
  const resolved: ResolvedReference[] = [];
  for (const reference of await pinReferences(reader, references)) {
    const key = `${reference.subject}\u0000${reference.version}`;
    if (visiting.has(key)) throw errors.invalidSchema(`Circular reference to subject "${reference.subject}" version ${reference.version}`);
    const version = (await reader.subjectVersions(reference.subject)).find((v) => v.version === reference.version);
    if (!version) throw missing(reference);
    const schema = await schemaById(ctx, version.schemaId, reader);
    resolved.push({
      ...reference,
      schemaType: schema.schemaType,
      schema: schema.schema,
      references: await resolveReferences(ctx, reader, schema.references, new Set([...visiting, key])),
    });
  }
  return resolved;
}

function validateReference(reference: SchemaReference): void {
  const { name, subject, version } = reference as Partial<SchemaReference>;
  if (typeof name !== 'string' || typeof subject !== 'string' || typeof version !== 'number' || !Number.isInteger(version)) {
    throw errors.invalidSchema(`Invalid reference: ${JSON.stringify(reference)}`);
  }
}

function missing(reference: SchemaReference) {
  return errors.invalidSchema(`No schema reference found for subject "${reference.subject}" and version ${reference.version}`);
}
