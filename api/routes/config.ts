/**
 * `/config` (Confluent's ConfigResource): compatibility config, global and per
 * subject. GET answers `compatibilityLevel`; PUT answers `compatibility`.
 */
import { Router } from 'express';
import type { Registry } from '../../contracts/registry/index.js';
import { configEntity, configUpdateEntity } from '../entities.js';
import { methodNotAllowed } from '../middleware/errors.js';
import { flag } from '../query.js';
import { configUpdate } from '../request-bodies.js';
import { sendJson } from '../respond.js';

export function configRoutes(registry: Registry): Router {
  const router = Router();

  router
    .route('/config')
    .get(async (req, res) => sendJson(res, configEntity(await registry.getConfig(undefined, flag(req.query, 'defaultToGlobal')))))
    .put(async (req, res) => sendJson(res, configUpdateEntity(await registry.updateConfig(undefined, configUpdate(req.body)))))
    .delete(async (_req, res) => sendJson(res, configEntity(await registry.deleteConfig(undefined))))
    .all(methodNotAllowed());

  router
    .route('/config/:subject')
    .get(async (req, res) => {
      sendJson(res, configEntity(await registry.getConfig(req.params.subject, flag(req.query, 'defaultToGlobal'))));
    })
    .put(async (req, res) => {
      sendJson(res, configUpdateEntity(await registry.updateConfig(req.params.subject, configUpdate(req.body))));
    })
    .delete(async (req, res) => sendJson(res, configEntity(await registry.deleteConfig(req.params.subject))))
    .all(methodNotAllowed());

  return router;
}
