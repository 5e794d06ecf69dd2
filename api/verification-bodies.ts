/**
 * The body of `POST /contract-registry/v1/verifications`, checked for shape
 * as `request-bodies.ts` checks Confluent's: the wrong JSON shape is 400, a
 * missing body or required field 422. Unknown properties are ignored.
 */
import { errors } from '../contracts/errors.js';
import type { VerificationRequest } from '../contracts/registry/verifications.js';
import { SCENARIO_STATUSES, type ScenarioVerdict } from '../contracts/verifications.js';

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const isVersion = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 1;

function required(json: Json, name: string): unknown {
  const value = json[name];
  if (value === undefined || value === null) throw errors.unprocessable(`Field '${name}' is required`);
  return value;
}

function text(json: Json, name: string, optional = false): string | undefined {
  const value = optional ? json[name] : required(json, name);
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string' || (!optional && value.trim() === '')) {
    throw errors.badRequest(`Field '${name}' must be a non-empty string`);
  }
  return value;
}

function scenarioVerdict(value: unknown, where: string): ScenarioVerdict {
  if (!isObject(value) || typeof value.scenario !== 'string' || value.scenario === '') {
    throw errors.badRequest(`${where} must be an object with a 'scenario' name`);
  }
  if (!(SCENARIO_STATUSES as readonly unknown[]).includes(value.status)) {
    throw errors.badRequest(`${where}.status must be one of ${SCENARIO_STATUSES.join(', ')}`);
  }
  return { scenario: value.scenario, status: value.status as ScenarioVerdict['status'] };
}

export function verificationRequest(body: unknown): VerificationRequest {
  if (body === undefined) throw errors.unprocessable('The verification request body is missing');
  if (!isObject(body)) throw errors.badRequest('The verification request body must be a JSON object');
  const versions = required(body, 'versions');
  if (!Array.isArray(versions) || versions.length === 0) throw errors.unprocessable(`Field 'versions' must be a non-empty list`);
  const seed = body.seed;
  return {
    subject: text(body, 'subject')!,
    consumer: text(body, 'consumer')!,
    consumerVersion: text(body, 'consumerVersion')!,
    ...(seed !== undefined && seed !== null && { seed: String(seed) }),
    ...(typeof body.tool === 'string' && { tool: body.tool }),
    versions: versions.map((entry, i) => {
      const where = `versions[${i}]`;
      if (!isObject(entry) || !isVersion(entry.version) || !Number.isInteger(entry.schemaId)) {
        throw errors.badRequest(`${where} must be an object with an integer 'version' (1 or more) and 'schemaId'`);
      }
      if (!Array.isArray(entry.scenarios) || entry.scenarios.length === 0) {
        throw errors.unprocessable(`${where}.scenarios must be a non-empty list`);
      }
      return {
        version: entry.version,
        schemaId: entry.schemaId as number,
        scenarios: entry.scenarios.map((s, j) => scenarioVerdict(s, `${where}.scenarios[${j}]`)),
      };
    }),
  };
}
