/**
 * Writing responses: every body is JSON with Confluent's content type; raw
 * schema text (the `/schema` sub-resources) goes out as it is stored.
 */
import type { Response } from 'express';
import { SCHEMA_REGISTRY_V1_JSON } from './media-types.js';

export function sendJson(res: Response, body: unknown, status = 200): void {
  sendBytes(res, Buffer.from(JSON.stringify(body)), status);
}

export function sendBytes(res: Response, body: Buffer | string, status = 200): void {
  res.status(status).set('Content-Type', SCHEMA_REGISTRY_V1_JSON).send(body);
}
