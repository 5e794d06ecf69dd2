/**
 * Every answered request counted and timed by method, route template and
 * status (the metrics of `observability/metrics.ts`), wired in once in
 * front of the routes; the schema-by-id fast path records its own.
 */
import type { RequestHandler } from 'express';
import type { RegistryMetrics } from '../../observability/metrics.js';
import { contextOf } from './request-context.js';

export function requestMetrics(metrics: RegistryMetrics): RequestHandler {
  return (req, res, next) => {
    const started = performance.now();
    res.once('finish', () => metrics.request(req.method, contextOf(res).route, res.statusCode, (performance.now() - started) / 1000));
    next();
  };
}
