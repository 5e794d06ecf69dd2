/**
 * `/contract-registry/v1/audit`: the audit trail, for those granted `audit`
 * on the global scope. Filters `subject`, `principal`, `from` and `to` (ISO
 * 8601 times or epoch milliseconds; `to` exclusive); paged by `limit`
 * (default 100, at most 1,000) and `after`, the `seq` of the last record of
 * the previous page, so pages stay stable while records are appended.
 */
import { Router } from 'express';
import { isAuditStore } from '../../contracts/audit.js';
import { errors } from '../../contracts/errors.js';
import type { Registry } from '../../contracts/registry/index.js';
import { AUDIT_PATH } from '../../security/route-table.js';
import { methodNotAllowed } from '../middleware/errors.js';
import { text } from '../query.js';
import { sendJson } from '../respond.js';

function time(raw: string | undefined, name: string): number | undefined {
  if (raw === undefined || raw === '') return undefined;
  const value = /^\d+$/.test(raw) ? Number(raw) : Date.parse(raw);
  if (!Number.isFinite(value)) throw errors.badRequest(`Invalid ${name} '${raw}': an ISO 8601 time or epoch milliseconds`);
  return value;
}

function count(raw: string | undefined, name: string, fallback: number, max: number): number {
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d{1,10}$/.test(raw)) throw errors.badRequest(`Invalid ${name} '${raw}'`);
  return Math.min(Number(raw), max);
}

export function auditRoutes(registry: Registry): Router {
  const router = Router();
  router
    .route(AUDIT_PATH)
    .get(async (req, res) => {
      const store = registry.store;
      if (!isAuditStore(store)) throw errors.notFound('This store keeps no audit trail');
      const filter = {
        subject: text(req.query, 'subject'),
        principal: text(req.query, 'principal'),
        from: time(text(req.query, 'from'), 'from'),
        to: time(text(req.query, 'to'), 'to'),
        afterSeq: req.query.after === undefined ? undefined : count(text(req.query, 'after'), 'after', 0, Number.MAX_SAFE_INTEGER),
        limit: count(text(req.query, 'limit'), 'limit', 100, 1000),
      };
      sendJson(res, await store.auditEvents(filter));
    })
    .all(methodNotAllowed());
  return router;
}
