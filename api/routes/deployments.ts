/**
 * `/contract-registry/v1/deployments`: which participant versions run in
 * which environment (`creg record-deployment`, read by `creg can-i-deploy`).
 * `POST` records one, undeploying the participant's previous version there;
 * `GET` lists the current ones, newest first, filtered by `environment` and
 * `participant` (`includeUndeployed=true` adds the history); `GET …/{id}`
 * reads one; `DELETE …/{id}` records its undeployment and answers it (the
 * record is kept, as a soft delete).
 */
import { Router } from 'express';
import type { Registry } from '../../contracts/registry/index.js';
import { createDeployments } from '../../contracts/registry/deployments.js';
import { deploymentRequest } from '../deployment-bodies.js';
import { readableSubjects } from '../middleware/access-control.js';
import { methodNotAllowed } from '../middleware/errors.js';
import { flag, text } from '../query.js';
import { sendJson } from '../respond.js';

export const DEPLOYMENTS_PATH = '/contract-registry/v1/deployments';

export function deploymentsRoutes(registry: Registry): Router {
  const router = Router();
  const deployments = createDeployments(registry.store);

  router
    .route(DEPLOYMENTS_PATH)
    .get(async (req, res) => {
      const filter = {
        environment: text(req.query, 'environment'),
        participant: text(req.query, 'participant'),
        includeUndeployed: flag(req.query, 'includeUndeployed'),
      };
      // A deployment is listed to whoever may read one of the subjects it writes or reads.
      const visible = readableSubjects(res);
      const found = await deployments.list(filter);
      const shown = (d: (typeof found)[number]) => [...d.produces.map((p) => p.subject), ...d.consumes].some((s) => visible!(s));
      sendJson(res, visible ? found.filter(shown) : found);
    })
    .post(async (req, res) => sendJson(res, await deployments.record(deploymentRequest(req.body))))
    .all(methodNotAllowed());

  router
    .route(`${DEPLOYMENTS_PATH}/:id`)
    .get(async (req, res) => sendJson(res, await deployments.get(req.params.id)))
    .delete(async (req, res) => sendJson(res, await deployments.undeploy(req.params.id)))
    .all(methodNotAllowed());

  return router;
}
