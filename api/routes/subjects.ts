/**
 * `/subjects` (Confluent's SubjectsResource): list subjects, look a schema up
 * under a subject, delete a subject, find the latest version by metadata.
 */
import { Router } from 'express';
import type { Registry } from '../../contracts/registry/index.js';
import { schemaEntity } from '../entities.js';
import { methodNotAllowed } from '../middleware/errors.js';
import { readableSubjects } from '../middleware/access-control.js';
import { flag, list, paging, text } from '../query.js';
import { registerRequest } from '../request-bodies.js';
import { sendJson } from '../respond.js';

export function subjectsRoutes(registry: Registry): Router {
  const router = Router();

  router
    .route('/subjects')
    .get(async (req, res) => {
      const prefix = text(req.query, 'subjectPrefix') ?? '';
      const options = {
        deleted: flag(req.query, 'deleted'),
        deletedOnly: flag(req.query, 'deletedOnly'),
        visible: readableSubjects(res),
        ...paging(req.query),
      };
      // ":*:" is Confluent's "every context"; this registry has one context.
      sendJson(res, await registry.listSubjects(prefix === ':*:' ? '' : prefix, options));
    })
    .all(methodNotAllowed());

  router
    .route('/subjects/:subject')
    .post(async (req, res) => {
      const options = { normalize: flag(req.query, 'normalize'), deleted: flag(req.query, 'deleted') };
      const found = await registry.lookup(req.params.subject, registerRequest(req.body), options);
      sendJson(res, schemaEntity(await registry.withFormat(found.schema, text(req.query, 'format')), found.version));
    })
    .delete(async (req, res) => {
      sendJson(res, await registry.deleteSubject(req.params.subject, flag(req.query, 'permanent')));
    })
    .all(methodNotAllowed());

  router
    .route('/subjects/:subject/metadata')
    .get(async (req, res) => {
      const keys = list(req.query, 'key');
      const values = list(req.query, 'value');
      const properties = Object.fromEntries(keys.map((key, i) => [key, values[i] ?? '']));
      const found = await registry.latestWithMetadata(req.params.subject, properties, { deleted: flag(req.query, 'deleted') });
      sendJson(res, schemaEntity(await registry.withFormat(found.schema, text(req.query, 'format')), found.version));
    })
    .all(methodNotAllowed());

  return router;
}
