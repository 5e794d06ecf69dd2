/**
 * The hot path of every deserializer, `GET /schemas/ids/{id}` without query,
 * answered before Express when the schema is already in memory. Express's
 * per-request work (request/response prototypes, router walk) costs several
 * times what writing cached bytes does; everything else, cache misses and
 * errors included, goes through the app as usual.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Registry } from '../contracts/registry/index.js';
import { SCHEMA_REGISTRY_V1_JSON } from './media-types.js';
import { REQUEST_ID_HEADER, requestIdOf } from './request-id.js';
import { schemaByIdBody } from './schema-bodies.js';

const PATH = /^\/schemas\/ids\/(\d{1,10})$/;
/** The route-table template of what this answers, for metrics. */
export const SCHEMA_BY_ID_ROUTE = '/schemas/ids/:id';

/** Whether the caller may be answered here (auth on: its right is already known); the app decides otherwise. */
export type FastPathGate = (req: IncomingMessage, id: number) => boolean;

/** Answers and returns true when it can; returns false to let the app answer. */
export function serveCachedSchemaById(registry: Registry, req: IncomingMessage, res: ServerResponse, allowed?: FastPathGate): boolean {
  if (req.method !== 'GET') return false;
  const match = PATH.exec(req.url ?? '');
  if (!match) return false;
  const id = Number(match[1]);
  if (allowed && !allowed(req, id)) return false;
  const schema = registry.cachedSchema(id);
  if (!schema) return false;
  const body = schemaByIdBody(schema);
  res.writeHead(200, { 'Content-Type': SCHEMA_REGISTRY_V1_JSON, 'Content-Length': body.length, [REQUEST_ID_HEADER]: requestIdOf(req.headers) });
  res.end(body);
  return true;
}
