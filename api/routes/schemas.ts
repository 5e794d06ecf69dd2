/**
 * `/schemas` (Confluent's SchemasResource): schemas by id and by guid, the
 * subjects and versions using an id, the supported types, and the listing.
 * `GET /schemas/ids/{id}` is the hot path of every deserializer: its body is
 * built once per schema (see also `schema-by-id-fast-path.ts`).
 */
import { Router } from 'express';
import { errors } from '../../contracts/errors.js';
import { supportedSchemaTypes } from '../../contracts/formats/index.js';
import type { Registry } from '../../contracts/registry/index.js';
import { parseSchemaId } from '../../contracts/schema.js';
import { schemaEntity, schemaStringEntity } from '../entities.js';
import { methodNotAllowed } from '../middleware/errors.js';
import { readableSubjects } from '../middleware/access-control.js';
import { flag, paging, text } from '../query.js';
import { sendBytes, sendJson } from '../respond.js';
import { schemaByIdBody } from '../schema-bodies.js';

function schemaId(raw: string): number {
  const id = parseSchemaId(raw);
  if (id === undefined) throw errors.notFound();
  return id;
}

export function schemasRoutes(registry: Registry): Router {
  const router = Router();

  router
    .route('/schemas')
    .get(async (req, res) => {
      const { offset, limit } = paging(req.query);
      const found = await registry.listSchemas({
        subjectPrefix: text(req.query, 'subjectPrefix'),
        deleted: flag(req.query, 'deleted'),
        latestOnly: flag(req.query, 'latestOnly'),
        aliases: flag(req.query, 'aliases'),
        visible: readableSubjects(res),
        offset,
        // Confluent's `schema.search.default.limit`.
        limit: limit < 0 ? 1000 : limit,
      });
      sendJson(res, found.map(({ schema, version, aliases }) => ({ ...schemaEntity(schema, version), ...(aliases && { aliases }) })));
    })
    .all(methodNotAllowed());

  router
    .route('/schemas/types')
    .get((_req, res) => sendJson(res, supportedSchemaTypes()))
    .all(methodNotAllowed());

  router
    .route('/schemas/ids/:id')
    .get(async (req, res) => {
      const id = schemaId(req.params.id);
      const format = text(req.query, 'format');
      const schema = await registry.withFormat(await registry.getSchema(id), format);
      const subject = text(req.query, 'subject');
      const fetchMaxId = flag(req.query, 'fetchMaxId');
      if (!subject && !fetchMaxId && !format) return sendBytes(res, schemaByIdBody(schema));
      const version = subject ? await registry.subjectVersionOfSchema(id, subject) : undefined;
      const maxId = fetchMaxId ? await registry.store.maxSchemaId() : undefined;
      sendJson(res, schemaStringEntity(schema, version, maxId));
    })
    .all(methodNotAllowed());

  router
    .route('/schemas/ids/:id/schema')
    .get(async (req, res) => {
      const schema = await registry.withFormat(await registry.getSchema(schemaId(req.params.id)), text(req.query, 'format'));
      sendBytes(res, schema.schema);
    })
    .all(methodNotAllowed());

  router
    .route('/schemas/ids/:id/subjects')
    .get(async (req, res) => {
      const options = { deleted: flag(req.query, 'deleted'), subject: text(req.query, 'subject') || undefined, visible: readableSubjects(res), ...paging(req.query) };
      const versions = await registry.versionsOfSchema(schemaId(req.params.id), options);
      sendJson(res, [...new Set(versions.map((v) => v.subject))]);
    })
    .all(methodNotAllowed());

  router
    .route('/schemas/ids/:id/versions')
    .get(async (req, res) => {
      const options = { deleted: flag(req.query, 'deleted'), subject: text(req.query, 'subject') || undefined, visible: readableSubjects(res), ...paging(req.query) };
      const versions = await registry.versionsOfSchema(schemaId(req.params.id), options);
      sendJson(res, versions.map((v) => ({ subject: v.subject, version: v.version })));
    })
    .all(methodNotAllowed());

  router
    .route('/schemas/guids/:guid')
    .get(async (req, res) => {
      const schema = await registry.withFormat(await registry.getSchemaByGuid(req.params.guid), text(req.query, 'format'));
      sendJson(res, schemaStringEntity(schema));
    })
    .all(methodNotAllowed());

  router
    .route('/schemas/guids/:guid/ids')
    .get(async (req, res) => {
      const schema = await registry.getSchemaByGuid(req.params.guid);
      sendJson(res, [{ context: '.', id: schema.id }]);
    })
    .all(methodNotAllowed());

  return router;
}
