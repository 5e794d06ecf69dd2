/**
 * `/compatibility` (Confluent's CompatibilityResource): would this schema be
 * accepted against one version, or against all the subject's versions?
 */
import { Router, type Request, type Response } from 'express';
import { parseVersion, type Registry, type VersionRef } from '../../contracts/registry/index.js';
import { methodNotAllowed } from '../middleware/errors.js';
import { flag } from '../query.js';
import { registerRequest } from '../request-bodies.js';
import { sendJson } from '../respond.js';

export function compatibilityRoutes(registry: Registry): Router {
  const router = Router();

  const check = (version: (req: Request) => VersionRef | undefined) => async (req: Request, res: Response) => {
    const subject = String(req.params.subject);
    const verbose = flag(req.query, 'verbose');
    const verdict = await registry.checkCompatibility(subject, version(req), registerRequest(req.body), {
      normalize: flag(req.query, 'normalize'),
      verbose,
    });
    sendJson(res, { is_compatible: verdict.isCompatible, ...(verbose && { messages: verdict.messages }) });
  };

  router
    .route('/compatibility/subjects/:subject/versions')
    .post(check(() => undefined))
    .all(methodNotAllowed());

  router
    .route('/compatibility/subjects/:subject/versions/:version')
    .post(check((req) => parseVersion(String(req.params.version))))
    .all(methodNotAllowed());

  return router;
}
