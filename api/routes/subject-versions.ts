/**
 * `/subjects/{subject}/versions` (Confluent's SubjectVersionsResource):
 * register, list versions, read one (or its raw schema), who references it,
 * delete it, tag it (a new version with changed inline tags).
 */
import { Router } from 'express';
import { parseVersion, type Registry } from '../../contracts/registry/index.js';
import { registerResponse, schemaEntity } from '../entities.js';
import { methodNotAllowed } from '../middleware/errors.js';
import { flag, paging, text } from '../query.js';
import { registerRequest, tagSchemaRequest } from '../request-bodies.js';
import { sendBytes, sendJson } from '../respond.js';

export function subjectVersionsRoutes(registry: Registry): Router {
  const router = Router();

  router
    .route('/subjects/:subject/versions')
    .get(async (req, res) => {
      const options = {
        deleted: flag(req.query, 'deleted'),
        deletedOnly: flag(req.query, 'deletedOnly'),
        deletedAsNegative: flag(req.query, 'deletedAsNegative'),
        ...paging(req.query),
      };
      sendJson(res, await registry.listVersions(req.params.subject, options));
    })
    .post(async (req, res) => {
      const options = { normalize: flag(req.query, 'normalize'), force: flag(req.query, 'force') };
      const registered = await registry.register(req.params.subject, registerRequest(req.body), options);
      sendJson(res, registerResponse(registered.schema, registered.version));
    })
    .all(methodNotAllowed());

  router
    .route('/subjects/:subject/versions/:version')
    .get(async (req, res) => {
      const found = await registry.getSubjectVersion(req.params.subject, parseVersion(req.params.version), flag(req.query, 'deleted'));
      sendJson(res, schemaEntity(await registry.withFormat(found.schema, text(req.query, 'format')), found.version));
    })
    .delete(async (req, res) => {
      const version = parseVersion(req.params.version);
      sendJson(res, await registry.deleteVersion(req.params.subject, version, flag(req.query, 'permanent')));
    })
    .all(methodNotAllowed());

  router
    .route('/subjects/:subject/versions/:version/schema')
    .get(async (req, res) => {
      const found = await registry.getSubjectVersion(req.params.subject, parseVersion(req.params.version), flag(req.query, 'deleted'));
      sendBytes(res, (await registry.withFormat(found.schema, text(req.query, 'format'))).schema);
    })
    .all(methodNotAllowed());

  router
    .route('/subjects/:subject/versions/:version/referencedby')
    .get(async (req, res) => {
      const options = { deleted: flag(req.query, 'deleted'), ...paging(req.query) };
      sendJson(res, await registry.referencedBy(req.params.subject, parseVersion(req.params.version), options));
    })
    .all(methodNotAllowed());

  router
    .route('/subjects/:subject/versions/:version/tags')
    .post(async (req, res) => {
      // The body is read first, as Jersey reads it before the resource method runs.
      const body = tagSchemaRequest(req.body);
      const registered = await registry.tagSchema(req.params.subject, parseVersion(req.params.version), body);
      sendJson(res, registerResponse(registered.schema, registered.version));
    })
    .all(methodNotAllowed());

  return router;
}
