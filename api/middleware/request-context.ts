/**
 * The first thing every request meets: its id (answered in `X-Request-Id`),
 * its route template (a row of the route table, never the raw path, so that
 * logs and metrics stay bounded whatever clients send), and a logger that
 * carries both. At debug level one line per request is logged when it is
 * answered; the hot path skips all of this (see schema-by-id-fast-path.ts)
 * unless debug is on.
 */
import type { RequestHandler, Response } from 'express';
import type { Logger } from 'pino';
import { findRoute } from '../../security/route-table.js';
import { REQUEST_ID_HEADER, requestIdOf } from '../request-id.js';

export interface RequestContext {
  id: string;
  /** The route table's path for the request (`/subjects/:subject/versions`), `unmatched` when none. */
  readonly route: string;
  /** The process logger with `requestId` and `route` on every line. */
  readonly log: Logger;
}

export const UNMATCHED_ROUTE = 'unmatched';

export function routeOf(method: string, path: string): string {
  try {
    return findRoute(method, path).row?.path ?? UNMATCHED_ROUTE;
  } catch {
    return UNMATCHED_ROUTE;
  }
}

export function requestContext(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const id = requestIdOf(req.headers);
    res.setHeader(REQUEST_ID_HEADER, id);
    let route: string | undefined;
    let log: Logger | undefined;
    const context: RequestContext = {
      id,
      get route() {
        return (route ??= routeOf(req.method, req.path));
      },
      get log() {
        return (log ??= logger.child({ requestId: id, route: this.route }));
      },
    };
    (res.locals as { context?: RequestContext }).context = context;
    if (logger.isLevelEnabled('debug')) {
      const started = process.hrtime.bigint();
      res.on('finish', () => {
        const ms = Number(process.hrtime.bigint() - started) / 1e6;
        context.log.debug({ method: req.method, url: req.originalUrl, status: res.statusCode, ms }, 'request');
      });
    }
    next();
  };
}

export function contextOf(res: Response): RequestContext {
  const context = (res.locals as { context?: RequestContext }).context;
  if (!context) throw new Error('requestContext() is not installed in front of this handler');
  return context;
}
