/**
 * Field readers for the bodies of this registry's own resources
 * (verifications, deployments), with Confluent's statuses: the wrong JSON
 * shape is 400, a missing body or required field 422.
 */
import { errors } from '../contracts/errors.js';

export type Json = Record<string, unknown>;

export const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The body as an object: 422 when it is missing, 400 when it is another JSON value. */
export function bodyObject(body: unknown, entity: string): Json {
  if (body === undefined) throw errors.unprocessable(`The ${entity} request body is missing`);
  if (!isObject(body)) throw errors.badRequest(`The ${entity} request body must be a JSON object`);
  return body;
}

export function required(json: Json, name: string): unknown {
  const value = json[name];
  if (value === undefined || value === null) throw errors.unprocessable(`Field '${name}' is required`);
  return value;
}

/** A required field that must be a string with something in it. */
export function requiredText(json: Json, name: string): string {
  const value = required(json, name);
  if (typeof value !== 'string' || value.trim() === '') throw errors.badRequest(`Field '${name}' must be a non-empty string`);
  return value;
}
