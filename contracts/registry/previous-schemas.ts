/**
 * The registered versions a new schema is compared with: live versions,
 * oldest first, parsed; with a `compatibilityGroup`, only those whose
 * metadata property of that name equals the new schema's.
 */
import type { PreviousSchema } from '../compatibility.js';
import type { Metadata, SubjectVersion } from '../schema.js';
import type { StoreReader } from '../store.js';
import { parsedSchemaOf, schemaById, type RegistryContext } from './context.js';

export async function previousSchemas(
  ctx: RegistryContext,
  reader: StoreReader,
  live: SubjectVersion[],
  scope: { group?: string; metadata?: Metadata } = {},
): Promise<PreviousSchema[]> {
  const previous: PreviousSchema[] = [];
  for (const version of live) {
    const schema = await schemaById(ctx, version.schemaId, reader);
    if (scope.group !== undefined && schema.metadata?.properties?.[scope.group] !== scope.metadata?.properties?.[scope.group]) continue;
    previous.push({ version: version.version, parsed: await parsedSchemaOf(ctx, schema, reader) });
  }
  return previous;
}
