/**
 * A request's id: the caller's `X-Request-Id` when it is a sane token (a
 * gateway's or a client's, so one call can be followed across services),
 * else a new UUID. Answered in the same header; logs and the audit trail
 * carry it.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

export const REQUEST_ID_HEADER = 'X-Request-Id';

const SANE = /^[\w.:-]{1,128}$/;

export function requestIdOf(headers: IncomingHttpHeaders): string {
  const given = headers['x-request-id'];
  return typeof given === 'string' && SANE.test(given) ? given : randomUUID();
}
