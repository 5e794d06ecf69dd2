/**
 * Liveness (the process answers) and readiness (the database answers and
 * the node is not draining), for load balancers and orchestrators. While a
 * node drains before it stops, readiness answers 503 so that balancers send
 * new requests elsewhere, and everything else is still served.
 */
import { Router } from 'express';
import type { Registry } from '../../contracts/registry/index.js';
import { errors } from '../../contracts/errors.js';
import { sendJson } from '../respond.js';

export function healthRoutes(registry: Registry, draining: () => boolean = () => false): Router {
  const router = Router();
  router.get('/health/live', (_req, res) => sendJson(res, { status: 'UP' }));
  router.get('/health/ready', async (_req, res) => {
    if (draining()) throw errors.unavailable('Draining: this node is stopping; send requests to another');
    try {
      await registry.store.ping();
    } catch (error) {
      throw errors.unavailable(`Database not ready: ${(error as Error).message}`);
    }
    sendJson(res, { status: 'UP' });
  });
  return router;
}
