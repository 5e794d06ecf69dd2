/** Registering test contracts on a running registry over plain HTTP. */
import type { Metadata, SchemaReference, SchemaType } from '../../../contracts/schema.js';

export async function register(
  url: string,
  subject: string,
  schema: string,
  schemaType: SchemaType = 'AVRO',
  metadata?: Metadata,
  references: SchemaReference[] = [],
): Promise<number> {
  const response = await fetch(`${url}/subjects/${encodeURIComponent(subject)}/versions`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/vnd.schemaregistry.v1+json' },
    body: JSON.stringify({ schema, schemaType, references, ...(metadata === undefined ? {} : { metadata }) }),
  });
  const body = (await response.json()) as { id?: number; message?: string };
  if (!response.ok || body.id === undefined) throw new Error(`registering ${subject}: ${response.status} ${body.message}`);
  return body.id;
}
