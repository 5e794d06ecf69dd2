/**
 * What a node answers between listening and having its database open and
 * migrated: alive, not ready, and a clear 503 for everything else, so that
 * nothing is half-served while migrations run.
 */
import type { RequestListener } from 'node:http';
import { SCHEMA_REGISTRY_V1_JSON } from './media-types.js';
import { REQUEST_ID_HEADER, requestIdOf } from './request-id.js';

const UP = Buffer.from(JSON.stringify({ status: 'UP' }));
const STARTING = Buffer.from(JSON.stringify({ error_code: 503, message: 'The registry is starting: its database is not ready yet' }));

export const startingHandler: RequestListener = (req, res) => {
  const alive = req.url === '/health/live' && (req.method === 'GET' || req.method === 'HEAD');
  const body = alive ? UP : STARTING;
  res.writeHead(alive ? 200 : 503, {
    'Content-Type': SCHEMA_REGISTRY_V1_JSON,
    'Content-Length': body.length,
    [REQUEST_ID_HEADER]: requestIdOf(req.headers),
    ...(alive ? {} : { 'Retry-After': '1' }),
  });
  // The body may not have been read; it is drained by Node before the next request on the connection.
  res.end(req.method === 'HEAD' ? undefined : body);
};
