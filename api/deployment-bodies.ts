/**
 * The body of `POST /contract-registry/v1/deployments`, checked for shape:
 * the wrong JSON shape is 400, a missing body or required field 422.
 * Names (participant, version, environment) are at most 255 characters
 * without control characters, as they are printed in reports and logs.
 * Unknown properties are ignored.
 */
import { errors } from '../contracts/errors.js';
import type { DeploymentRequest } from '../contracts/registry/deployments.js';
import { bodyObject, isObject, requiredText, type Json } from './body-fields.js';

const MAX_NAME_LENGTH = 255;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

function name(json: Json, field: string): string {
  const value = requiredText(json, field);
  if (value.length > MAX_NAME_LENGTH || CONTROL.test(value)) {
    throw errors.badRequest(`Field '${field}' must be at most ${MAX_NAME_LENGTH} characters, without control characters`);
  }
  return value;
}

function list(json: Json, field: string): unknown[] {
  const value = json[field];
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw errors.badRequest(`Field '${field}' must be a list`);
  return value;
}

function producedVersion(entry: unknown, where: string): DeploymentRequest['produces'][number] {
  const version = isObject(entry) ? entry.version : undefined;
  const valid = version === 'latest' || (Number.isInteger(version) && (version as number) >= 1);
  if (!isObject(entry) || typeof entry.subject !== 'string' || entry.subject === '' || !valid) {
    throw errors.badRequest(`${where} must be an object with a 'subject' and a 'version' (an integer, 1 or more, or "latest")`);
  }
  return { subject: entry.subject, version: version as number | 'latest' };
}

export function deploymentRequest(body: unknown): DeploymentRequest {
  const json = bodyObject(body, 'deployment');
  return {
    participant: name(json, 'participant'),
    version: name(json, 'version'),
    environment: name(json, 'environment'),
    produces: list(json, 'produces').map((entry, i) => producedVersion(entry, `produces[${i}]`)),
    consumes: list(json, 'consumes').map((subject, i) => {
      if (typeof subject !== 'string' || subject === '') throw errors.badRequest(`consumes[${i}] must be a subject name`);
      return subject;
    }),
  };
}
