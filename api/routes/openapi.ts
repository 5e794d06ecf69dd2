/**
 * `GET /openapi.json`: the API's OpenAPI document, `api/openapi.yaml`, as
 * JSON. The file is found from the package root, as the Prisma migrations
 * are, so the same lookup works from the sources and from `dist/` (which
 * holds no copy of it); it is read and converted once, on first request.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Router } from 'express';
import { parse } from 'yaml';
import { methodNotAllowed } from '../middleware/errors.js';

export const OPENAPI_PATH = '/openapi.json';

/** Absolute path of `api/openapi.yaml`, from the nearest folder above this file that has a package.json. */
export function openApiDocumentFile(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${fileURLToPath(import.meta.url)}`);
    dir = parent;
  }
  return join(dir, 'api', 'openapi.yaml');
}

export function loadOpenApiDocument(file = openApiDocumentFile()): Record<string, unknown> {
  return parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
}

export function openApiRoutes(): Router {
  const router = Router();
  let body: Buffer | undefined;
  router
    .route(OPENAPI_PATH)
    .get((_req, res) => {
      body ??= Buffer.from(JSON.stringify(loadOpenApiDocument()));
      res.status(200).set('Content-Type', 'application/json').send(body);
    })
    .all(methodNotAllowed());
  return router;
}
