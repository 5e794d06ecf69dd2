/**
 * The root and server metadata (Confluent's RootResource and
 * ServerMetadataResource), and the associations lookup that
 * `@confluentinc/schemaregistry` serializers make before anything else: this
 * registry keeps no associations, so it answers an empty list, as Confluent
 * does for a topic without any.
 */
import { Router } from 'express';
import { methodNotAllowed } from '../middleware/errors.js';
import { sendJson } from '../respond.js';

export interface ServerInfo {
  version: string;
  commitId: string;
  clusterId: string;
}

export function rootRoutes(info: ServerInfo): Router {
  const router = Router();

  router
    .route('/')
    .get((_req, res) => sendJson(res, {}))
    .post((_req, res) => sendJson(res, {}))
    .all(methodNotAllowed());

  router.get('/v1/metadata/id', (_req, res) =>
    sendJson(res, { scope: { path: [], clusters: { 'schema-registry-cluster': info.clusterId } } }),
  );
  router.get('/v1/metadata/version', (_req, res) => sendJson(res, { version: info.version, commitId: info.commitId }));
  router.get('/v1/metadata/deployment', (_req, res) => sendJson(res, { attributes: [] }));

  router.get('/associations/resources/:namespace/:name', (_req, res) => sendJson(res, []));
  router.get('/associations/subjects/:subject', (_req, res) => sendJson(res, []));

  return router;
}
