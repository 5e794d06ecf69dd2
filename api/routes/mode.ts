/**
 * `/mode` (Confluent's ModeResource): READWRITE, READONLY, IMPORT, FORWARD,
 * global and per subject.
 */
import { Router } from 'express';
import type { Registry } from '../../contracts/registry/index.js';
import { methodNotAllowed } from '../middleware/errors.js';
import { flag } from '../query.js';
import { modeUpdate } from '../request-bodies.js';
import { sendJson } from '../respond.js';

export function modeRoutes(registry: Registry): Router {
  const router = Router();

  router
    .route('/mode')
    .get(async (req, res) => sendJson(res, { mode: await registry.getMode(undefined, flag(req.query, 'defaultToGlobal')) }))
    .put(async (req, res) => {
      sendJson(res, { mode: await registry.setMode(undefined, modeUpdate(req.body), flag(req.query, 'force')) });
    })
    .delete(async (_req, res) => sendJson(res, { mode: await registry.deleteMode(undefined) }))
    .all(methodNotAllowed());

  router
    .route('/mode/:subject')
    .get(async (req, res) => {
      sendJson(res, { mode: await registry.getMode(req.params.subject, flag(req.query, 'defaultToGlobal')) });
    })
    .put(async (req, res) => {
      sendJson(res, { mode: await registry.setMode(req.params.subject, modeUpdate(req.body), flag(req.query, 'force')) });
    })
    .delete(async (req, res) => sendJson(res, { mode: await registry.deleteMode(req.params.subject) }))
    .all(methodNotAllowed());

  return router;
}
