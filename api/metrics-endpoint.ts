/**
 * `GET /metrics`: the Prometheus text exposition, on the main port (a row of
 * the route table, open to anyone) or on a port of its own; with a token
 * configured, only for `Authorization: Bearer <token>` (compared in
 * constant time). A plain Node handler, so that it serves both.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RegistryMetrics } from '../observability/metrics.js';
import { SCHEMA_REGISTRY_V1_JSON } from './media-types.js';

export const METRICS_PATH = '/metrics';

const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();

export function metricsEndpoint(metrics: RegistryMetrics, token?: string): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  const expected = token === undefined ? undefined : digest(`Bearer ${token}`);
  const refuse = (res: ServerResponse, status: number, body: object, headers: Record<string, string> = {}): void => {
    res.writeHead(status, { 'Content-Type': SCHEMA_REGISTRY_V1_JSON, ...headers }).end(JSON.stringify(body));
  };
  return async (req, res) => {
    if (expected && !timingSafeEqual(digest(req.headers.authorization ?? ''), expected)) {
      refuse(res, 401, { error_code: 401, message: 'Unauthorized' }, { 'WWW-Authenticate': 'Bearer realm="metrics"' });
      return;
    }
    try {
      const text = await metrics.text();
      res.writeHead(200, { 'Content-Type': metrics.contentType }).end(req.method === 'HEAD' ? undefined : text);
    } catch (error) {
      refuse(res, 500, { error_code: 500, message: `Metrics could not be collected: ${(error as Error).message}` });
    }
  };
}
