/**
 * Request bodies: only Confluent's media types are accepted (415 otherwise),
 * a body without a Content-Type is read as JSON as Confluent does, and the
 * size is bounded (413).
 */
import express, { type RequestHandler } from 'express';
import { errors } from '../../contracts/errors.js';
import { ACCEPTED_REQUEST_TYPES } from '../media-types.js';

export function acceptedContentType(): RequestHandler {
  return (req, _res, next) => {
    const type = req.headers['content-type']?.split(';')[0]?.trim().toLowerCase();
    if (hasBody(req.headers) && type && !(ACCEPTED_REQUEST_TYPES as readonly string[]).includes(type)) {
      next(errors.unsupportedMediaType());
      return;
    }
    next();
  };
}

/** Parses JSON bodies of any accepted type; an empty body stays `undefined` (body-parser would make it `{}`). */
export function jsonBody(limit: string): RequestHandler {
  const parse = express.json({ type: () => true, limit });
  return (req, res, next) => (req.headers['content-length'] === '0' ? next() : parse(req, res, next));
}

function hasBody(headers: Record<string, string | string[] | undefined>): boolean {
  return headers['transfer-encoding'] !== undefined || (headers['content-length'] !== undefined && headers['content-length'] !== '0');
}
