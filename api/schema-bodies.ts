/**
 * The JSON body of `GET /schemas/ids/{id}` for a schema, built once: schemas
 * are immutable, so their bytes are too.
 */
import type { StoredSchema } from '../contracts/schema.js';
import { schemaStringEntity } from './entities.js';

const bodies = new WeakMap<StoredSchema, Buffer>();

export function schemaByIdBody(schema: StoredSchema): Buffer {
  let body = bodies.get(schema);
  if (!body) bodies.set(schema, (body = Buffer.from(JSON.stringify(schemaStringEntity(schema)))));
  return body;
}
