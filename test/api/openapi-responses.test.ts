/**
 * The responses of a real registry match what `api/openapi.yaml` says of
 * them, so the client types generated from it are true: one request per
 * documented operation (and per error worth showing), each body validated
 * (Ajv, JSON Schema 2020-12 as OpenAPI 3.1 uses it) against the schema the
 * document gives for that operation and status. An operation no request
 * here exercises fails the last test, naming it: add a row.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { loadOpenApiDocument } from '../../api/routes/openapi.js';
import { startTestServer, type TestServer } from '../support/registry-server.js';

const V1 = 'application/vnd.schemaregistry.v1+json';
const ADDRESS = JSON.stringify({ type: 'record', name: 'Address', namespace: 'shop', fields: [{ name: 'city', type: 'string' }] });
const CUSTOMER = JSON.stringify({ type: 'record', name: 'Customer', namespace: 'shop', fields: [{ name: 'id', type: 'string' }, { name: 'address', type: 'shop.Address' }] });
const WITH_EMAIL = JSON.stringify({ type: 'record', name: 'Address', namespace: 'shop', fields: [{ name: 'city', type: 'string' }, { name: 'email', type: 'string' }] });
const customer = { schema: CUSTOMER, references: [{ name: 'shop.Address', subject: 'address-value', version: 1 }], metadata: { properties: { 'ecst.key': 'id' } } };
const tag = { newVersion: 2, tagsToAdd: [{ schemaEntity: { entityPath: 'shop.Address.city', entityType: 'sr_field' }, tags: ['PII'] }] };

interface Row {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string | ((state: State) => string);
  body?: unknown | ((state: State) => unknown);
  status: number;
  keep?: (body: any, state: State) => void;
}
interface State {
  guid?: string;
  verification?: string;
  deployment?: string;
}

/** In order: later rows read what earlier ones created. */
const ROWS: Row[] = [
  { method: 'GET', path: '/', status: 200 },
  { method: 'POST', path: '/', body: {}, status: 200 },
  { method: 'GET', path: '/v1/metadata/id', status: 200 },
  { method: 'GET', path: '/v1/metadata/version', status: 200 },
  { method: 'GET', path: '/v1/metadata/deployment', status: 200 },
  { method: 'GET', path: '/associations/resources/topic/orders', status: 200 },
  { method: 'GET', path: '/associations/subjects/orders-value', status: 200 },
  { method: 'GET', path: '/health/live', status: 200 },
  { method: 'GET', path: '/health/ready', status: 200 },
  { method: 'GET', path: '/openapi.json', status: 200 },
  { method: 'GET', path: '/metrics', status: 200 },
  { method: 'POST', path: '/subjects/address-value/versions', body: { schema: ADDRESS }, status: 200 },
  { method: 'POST', path: '/subjects/customer-value/versions', body: customer, status: 200, keep: (b, s) => (s.guid = b.guid) },
  { method: 'POST', path: '/subjects/address-value/versions', body: { schema: WITH_EMAIL }, status: 409 },
  { method: 'POST', path: '/subjects/broken-value/versions', body: { schema: '{' }, status: 422 },
  { method: 'GET', path: '/schemas?latestOnly=true', status: 200 },
  { method: 'GET', path: '/schemas/types', status: 200 },
  { method: 'GET', path: '/schemas/ids/2', status: 200 },
  { method: 'GET', path: '/schemas/ids/2?subject=customer-value', status: 200 },
  { method: 'GET', path: '/schemas/ids/99', status: 404 },
  { method: 'GET', path: '/schemas/ids/1/schema', status: 200 },
  { method: 'GET', path: '/schemas/ids/2/subjects', status: 200 },
  { method: 'GET', path: '/schemas/ids/2/versions', status: 200 },
  { method: 'GET', path: (s) => `/schemas/guids/${s.guid}`, status: 200 },
  { method: 'GET', path: (s) => `/schemas/guids/${s.guid}/ids`, status: 200 },
  { method: 'GET', path: '/subjects', status: 200 },
  { method: 'POST', path: '/subjects/customer-value', body: customer, status: 200 },
  { method: 'POST', path: '/subjects/address-value', body: { schema: WITH_EMAIL }, status: 404 },
  { method: 'GET', path: '/subjects/customer-value/metadata?key=ecst.key&value=id', status: 200 },
  { method: 'GET', path: '/subjects/customer-value/versions', status: 200 },
  { method: 'GET', path: '/subjects/customer-value/versions/latest', status: 200 },
  { method: 'GET', path: '/subjects/customer-value/versions/abc', status: 422 },
  { method: 'GET', path: '/subjects/customer-value/versions/1/schema', status: 200 },
  { method: 'GET', path: '/subjects/address-value/versions/1/referencedby', status: 200 },
  { method: 'POST', path: '/compatibility/subjects/address-value/versions?verbose=true', body: { schema: WITH_EMAIL }, status: 200 },
  { method: 'POST', path: '/compatibility/subjects/address-value/versions/1', body: { schema: ADDRESS }, status: 200 },
  { method: 'POST', path: '/compatibility/subjects/address-value/versions/7', body: { schema: ADDRESS }, status: 404 },
  { method: 'GET', path: '/config', status: 200 },
  { method: 'PUT', path: '/config', body: { compatibility: 'FULL' }, status: 200 },
  { method: 'PUT', path: '/config', body: { compatibility: 'SIDEWAYS' }, status: 422 },
  { method: 'DELETE', path: '/config', status: 200 },
  { method: 'GET', path: '/config/customer-value', status: 404 },
  { method: 'PUT', path: '/config/customer-value', body: { compatibility: 'NONE', normalize: true }, status: 200 },
  { method: 'GET', path: '/config/customer-value', status: 200 },
  { method: 'DELETE', path: '/config/customer-value', status: 200 },
  { method: 'GET', path: '/mode', status: 200 },
  { method: 'PUT', path: '/mode', body: { mode: 'READWRITE' }, status: 200 },
  { method: 'DELETE', path: '/mode', status: 200 },
  { method: 'PUT', path: '/mode/scratch-value', body: { mode: 'READONLY' }, status: 200 },
  { method: 'GET', path: '/mode/scratch-value', status: 200 },
  { method: 'DELETE', path: '/mode/scratch-value', status: 200 },
  { method: 'GET', path: '/mode/scratch-value', status: 404 },
  {
    method: 'POST',
    path: '/contract-registry/v1/verifications',
    body: { subject: 'customer-value', consumer: 'order-service', consumerVersion: '1.0.0', versions: [{ version: 1, schemaId: 2, scenarios: [{ scenario: 'replay', status: 'pass' }] }] },
    status: 200,
    keep: (b, s) => (s.verification = b.id),
  },
  { method: 'POST', path: '/contract-registry/v1/verifications', body: { subject: 'customer-value' }, status: 422 },
  { method: 'GET', path: '/contract-registry/v1/verifications?subject=customer-value', status: 200 },
  { method: 'GET', path: '/contract-registry/v1/verifications?version=x', status: 400 },
  { method: 'GET', path: (s) => `/contract-registry/v1/verifications/${s.verification}`, status: 200 },
  { method: 'GET', path: '/contract-registry/v1/verifications/nope', status: 404 },
  {
    method: 'POST',
    path: '/contract-registry/v1/deployments',
    body: { participant: 'customer-service', version: '1.4.0', environment: 'production', produces: [{ subject: 'customer-value', version: 'latest' }] },
    status: 200,
    keep: (b, s) => (s.deployment = b.id),
  },
  { method: 'POST', path: '/contract-registry/v1/deployments', body: { participant: 'order-service' }, status: 422 },
  { method: 'POST', path: '/contract-registry/v1/deployments', body: { participant: 'order-service', version: '2', environment: 'production', consumes: ['nope-value'] }, status: 404 },
  { method: 'GET', path: '/contract-registry/v1/deployments?environment=production', status: 200 },
  { method: 'GET', path: (s) => `/contract-registry/v1/deployments/${s.deployment}`, status: 200 },
  { method: 'DELETE', path: (s) => `/contract-registry/v1/deployments/${s.deployment}`, status: 200 },
  { method: 'GET', path: '/contract-registry/v1/deployments/nope', status: 404 },
  { method: 'GET', path: '/contract-registry/v1/audit?subject=customer-value&limit=10', status: 200 },
  { method: 'GET', path: '/contract-registry/v1/audit?from=yesterday', status: 400 },
  { method: 'DELETE', path: '/contract-registry/v1/deployments/nope', status: 404 },
  { method: 'POST', path: '/subjects/address-value/versions/1/tags', body: tag, status: 200 },
  { method: 'POST', path: '/subjects/scratch-value/versions', body: { schema: ADDRESS }, status: 200 },
  { method: 'DELETE', path: '/subjects/scratch-value/versions/1', status: 200 },
  { method: 'POST', path: '/subjects/scratch-value/versions', body: { schema: ADDRESS }, status: 200 },
  { method: 'DELETE', path: '/subjects/scratch-value', status: 200 },
  { method: 'DELETE', path: '/subjects/scratch-value', status: 404 },
];

type Media = { schema?: unknown };
type Response = { $ref?: string; content?: Record<string, Media> };
type Document = {
  paths: Record<string, Record<string, { responses: Record<string, Response> }>>;
  components: { responses: Record<string, Response> };
};
const document = loadOpenApiDocument() as unknown as Document;

/** The documented path a concrete path is an instance of; literal segments win over parameters. */
function templateOf(path: string): string | undefined {
  const matches = Object.keys(document.paths).filter((template) =>
    new RegExp(`^${template.replace(/[.+]/g, '\\$&').replace(/\{\w+\}/g, '[^/]+')}$`).test(path),
  );
  return matches.sort((a, b) => (a.match(/\{/g)?.length ?? 0) - (b.match(/\{/g)?.length ?? 0))[0];
}

/** JSON pointer (as a URI fragment) of the schema documented for this answer. */
function schemaPointer(template: string, method: string, status: number): string {
  const responses = document.paths[template]![method.toLowerCase()]!.responses;
  const key = responses[String(status)] ? String(status) : 'default';
  const response = responses[key]!;
  const base = response.$ref ? response.$ref.slice(1) : `/paths/${template.replace(/\//g, '~1')}/${method.toLowerCase()}/responses/${key}`;
  const target = response.$ref ? document.components.responses[response.$ref.split('/').pop()!]! : response;
  const media = Object.keys(target.content ?? {})[0]!;
  return `${base}/content/${media.replace(/\//g, '~1')}/schema`.split('/').map(encodeURIComponent).join('/');
}

let server: TestServer;

describe('responses match api/openapi.yaml', () => {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  ajv.addSchema({ ...document, $id: 'openapi.json' });
  const exercised = new Set<string>();
  const state: State = {};

  before(async () => {
    server = await startTestServer();
  });
  after(async () => {
    await server?.dispose();
  });

  for (const row of ROWS) {
    const label = `${row.method} ${typeof row.path === 'string' ? row.path : row.path({ guid: '{guid}', verification: '{id}', deployment: '{id}' })} → ${row.status}`;
    test(label, async () => {
      const path = typeof row.path === 'string' ? row.path : row.path(state);
      const body = typeof row.body === 'function' ? (row.body as (s: State) => unknown)(state) : row.body;
      const response = await fetch(`${server.url}${path}`, {
        method: row.method,
        headers: body === undefined ? {} : { 'Content-Type': V1 },
        ...(body !== undefined && { body: JSON.stringify(body) }),
      });
      const text = await response.text();
      assert.equal(response.status, row.status, text);
      const template = templateOf(path.split('?')[0]!);
      assert.ok(template, `${path} is no documented path`);
      exercised.add(`${row.method} ${template}`);
      const pointer = schemaPointer(template, row.method, row.status);
      const validate = ajv.getSchema(`openapi.json#${pointer}`);
      assert.ok(validate, `no schema at ${pointer}`);
      const raw = (ajv.getSchema(`openapi.json#${pointer}`)!.schema as { type?: unknown }).type === 'string';
      const value = raw ? text : JSON.parse(text);
      assert.ok(validate(value), `${JSON.stringify(validate.errors, null, 2)}\nbody: ${text.slice(0, 500)}`);
      row.keep?.(value, state);
    });
  }

  test('every documented operation was exercised above', () => {
    const documented = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.keys(item)
        .filter((key) => ['get', 'put', 'post', 'delete', 'patch'].includes(key))
        .map((method) => `${method.toUpperCase()} ${path}`),
    );
    const missing = documented.filter((operation) => !exercised.has(operation));
    assert.deepEqual(missing, [], `Add a request to ROWS in this file for:\n${missing.map((m) => `  ${m}`).join('\n')}`);
  });
});
