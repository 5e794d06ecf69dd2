/**
 * Liveness (the process answers) and readiness (the database answers), for
 * load balancers and orchestrators.
 */
import { Router } from 'express';
import type { Registry } from '../../contracts/registry/index.js';
import { errors } from '../../contracts/errors.js';
import { sendJson } from '../respond.js';

export function healthRoutes(registry: Registry): Router {
  const router = Router();
  router.get('/health/live', (_req, res) => sendJson(res, { status: 'UP' }));
  router.get('/health/ready', async (_req, res) => {
    try {
      await registry.store.ping();
    } catch (error) {
      throw errors.storeError(`Database not ready: ${(error as Error).message}`);
    }
    sendJson(res, { status: 'UP' });
  });
  return router;
}
