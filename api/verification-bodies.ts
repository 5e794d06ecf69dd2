/**
 * The body of `POST /contract-registry/v1/verifications`, checked for shape
 * as `request-bodies.ts` checks Confluent's: the wrong JSON shape is 400, a
 * missing body or required field 422. Unknown properties are ignored.
 */
import { errors } from '../contracts/errors.js';
import type { VerificationRequest } from '../contracts/registry/verifications.js';
import { SCENARIO_STATUSES, type ScenarioVerdict } from '../contracts/verifications.js';
import { bodyObject, isObject, required, requiredText } from './body-fields.js';

const isVersion = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 1;

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
  const json = bodyObject(body, 'verification');
  const versions = required(json, 'versions');
  if (!Array.isArray(versions) || versions.length === 0) throw errors.unprocessable(`Field 'versions' must be a non-empty list`);
  const seed = json.seed;
  return {
    subject: requiredText(json, 'subject'),
    consumer: requiredText(json, 'consumer'),
    consumerVersion: requiredText(json, 'consumerVersion'),
    ...(seed !== undefined && seed !== null && { seed: String(seed) }),
    ...(typeof json.tool === 'string' && { tool: json.tool }),
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
