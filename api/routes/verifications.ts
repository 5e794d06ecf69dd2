/**
 * `/contract-registry/v1/verifications`: replica conformance verifications
 * that `creg conform --publish` records (not a Confluent resource, hence its
 * own prefix). `POST` records a run and answers it with its id; `GET` lists
 * runs, newest first, filtered by `subject`, `version`, `consumer` and
 * `consumerVersion`; `GET …/{id}` reads one.
 */
import { Router } from 'express';
import { errors } from '../../contracts/errors.js';
import type { Registry } from '../../contracts/registry/index.js';
import { createVerifications } from '../../contracts/registry/verifications.js';
import { readableSubjects } from '../middleware/access-control.js';
import { methodNotAllowed } from '../middleware/errors.js';
import { text } from '../query.js';
import { sendJson } from '../respond.js';
import { verificationRequest } from '../verification-bodies.js';

export const VERIFICATIONS_PATH = '/contract-registry/v1/verifications';

export function verificationsRoutes(registry: Registry): Router {
  const router = Router();
  const verifications = createVerifications(registry.store);

  router
    .route(VERIFICATIONS_PATH)
    .get(async (req, res) => {
      const version = text(req.query, 'version');
      if (version !== undefined && !/^\d+$/.test(version)) throw errors.badRequest(`Invalid version '${version}'`);
      const filter = {
        subject: text(req.query, 'subject'),
        version: version === undefined ? undefined : Number(version),
        consumer: text(req.query, 'consumer'),
        consumerVersion: text(req.query, 'consumerVersion'),
      };
      const visible = readableSubjects(res);
      const found = await verifications.list(filter);
      sendJson(res, visible ? found.filter((v) => visible(v.subject)) : found);
    })
    .post(async (req, res) => sendJson(res, await verifications.record(verificationRequest(req.body))))
    .all(methodNotAllowed());

  router
    .route(`${VERIFICATIONS_PATH}/:id`)
    .get(async (req, res) => sendJson(res, await verifications.get(req.params.id)))
    .all(methodNotAllowed());

  return router;
}
