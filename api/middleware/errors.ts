/**
 * The one place errors become responses: a `RegistryError` carries its code
 * and status; body-parser's errors map to 400/413/415; anything else is a bug,
 * logged, and answered 500 with code 50001.
 */
import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from 'pino';
import { errors, RegistryError } from '../../contracts/errors.js';
import { sendJson } from '../respond.js';
import type { RequestContext } from './request-context.js';

export function notFound(): RequestHandler {
  return (_req, _res, next) => next(errors.notFound());
}

export function methodNotAllowed(): RequestHandler {
  return (_req, _res, next) => next(errors.methodNotAllowed());
}

export function errorHandler(logger: Logger, bodyLimit: string): ErrorRequestHandler {
  return (error: unknown, req, res, _next) => {
    const known = toRegistryError(error, bodyLimit);
    const reply = known ?? errors.storeError('Internal Server Error');
    // The request's logger carries its id and route; the stack is logged here and nowhere else.
    const log = (res.locals as { context?: RequestContext }).context?.log ?? logger;
    const fields = { method: req.method, status: reply.status, errorCode: reply.errorCode };
    if (!known) log.error({ ...fields, err: error }, 'unhandled error');
    else if (known.status >= 500) log.error({ ...fields, message: known.message }, 'request failed');
    else log.info({ ...fields, message: known.message }, 'request refused');
    if (res.headersSent) return;
    sendJson(res, { error_code: reply.errorCode, message: reply.message }, reply.status);
  };
}

function toRegistryError(error: unknown, bodyLimit: string): RegistryError | undefined {
  if (error instanceof RegistryError) return error;
  const type = (error as { type?: unknown })?.type;
  switch (type) {
    case 'entity.too.large':
      return errors.payloadTooLarge(bodyLimit);
    case 'entity.parse.failed':
      return errors.badRequest(`Unexpected JSON in request body: ${(error as Error).message}`);
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return errors.unsupportedMediaType();
    case 'request.aborted':
      return errors.badRequest('Request aborted');
    default:
      return undefined;
  }
}
