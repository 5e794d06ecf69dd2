/**
 * Confluent's error codes (reference §1.3), table-driven: each row provokes
 * one error over HTTP, on each backend, and checks the status, the code and
 * the message. A second test walks the catalogue in contracts/errors.ts
 * against the reference's table, so a code with a wrong status cannot slip in.
 */
import assert from 'node:assert/strict';
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import request from 'supertest';
import { errors, httpStatusOf } from '../../contracts/errors.js';
import { customerSchema, customerWithRequiredEmail } from '../support/avro-fixtures.js';
import { backends } from '../support/backends.js';
import { corporaDir } from '../support/corpora.js';
import { startTestServer, type TestServer } from '../support/registry-server.js';

const V1 = 'application/vnd.schemaregistry.v1+json';

interface Step {
  method: 'get' | 'post' | 'put' | 'delete';
  path: string;
  body?: unknown;
  /** Sent as is (not JSON-encoded) when a string. */
  raw?: string;
  contentType?: string;
}

interface ErrorCase {
  code: number;
  status: number;
  given?: Step[];
  when: Step;
  message: string | RegExp;
}

const register = (subject: string, schema: string): Step => ({ method: 'post', path: `/subjects/${subject}/versions`, body: { schema } });

const CASES: Record<string, ErrorCase> = {
  'subject not found': { code: 40401, status: 404, when: { method: 'get', path: '/subjects/nobody/versions' }, message: "Subject 'nobody' not found." },
  'version not found': {
    code: 40402,
    status: 404,
    given: [register('e-version', customerSchema())],
    when: { method: 'get', path: '/subjects/e-version/versions/5' },
    message: 'Version 5 not found.',
  },
  'schema id not found': { code: 40403, status: 404, when: { method: 'get', path: '/schemas/ids/4242' }, message: 'Schema 4242 not found' },
  'subject soft deleted': {
    code: 40404,
    status: 404,
    given: [register('e-soft', customerSchema()), { method: 'delete', path: '/subjects/e-soft' }],
    when: { method: 'delete', path: '/subjects/e-soft' },
    message: "Subject 'e-soft' was soft deleted.Set permanent=true to delete permanently",
  },
  'subject not soft deleted': {
    code: 40405,
    status: 404,
    given: [register('e-hard', customerSchema())],
    when: { method: 'delete', path: '/subjects/e-hard?permanent=true' },
    message: "Subject 'e-hard' was not deleted first before being permanently deleted",
  },
  'version soft deleted': {
    code: 40406,
    status: 404,
    given: [register('e-vsoft', customerSchema()), { method: 'delete', path: '/subjects/e-vsoft/versions/1' }],
    when: { method: 'delete', path: '/subjects/e-vsoft/versions/1' },
    message: "Subject 'e-vsoft' Version 1 was soft deleted.Set permanent=true to delete permanently",
  },
  'version not soft deleted': {
    code: 40407,
    status: 404,
    given: [register('e-vhard', customerSchema())],
    when: { method: 'delete', path: '/subjects/e-vhard/versions/1?permanent=true' },
    message: "Subject 'e-vhard' Version 1 was not deleted first before being permanently deleted",
  },
  'subject compatibility not configured': {
    code: 40408,
    status: 404,
    when: { method: 'get', path: '/config/e-noconfig' },
    message: "Subject 'e-noconfig' does not have subject-level compatibility configured",
  },
  'subject mode not configured': {
    code: 40409,
    status: 404,
    when: { method: 'get', path: '/mode/e-nomode' },
    message: "Subject 'e-nomode' does not have subject-level mode configured",
  },
  'incompatible schema': {
    code: 40901,
    status: 409,
    given: [register('e-incompatible', customerSchema())],
    when: register('e-incompatible', customerWithRequiredEmail),
    message: /^Schema being registered is incompatible with an earlier schema for subject "e-incompatible", details: \[\{errorType:'READER_FIELD_MISSING_DEFAULT_VALUE'/,
  },
  'invalid schema': {
    code: 42201,
    status: 422,
    when: register('e-invalid', '{"type":"record","name":"X","fields":[{"name":"a","type":"nope"}]}'),
    message: /^Invalid schema of type AVRO, details: .*nope/,
  },
  'invalid schema type': {
    code: 42201,
    status: 422,
    when: { method: 'post', path: '/subjects/e-type/versions', body: { schema: '{}', schemaType: 'XML' } },
    message: 'Invalid schema type XML',
  },
  'invalid version': {
    code: 42202,
    status: 422,
    when: { method: 'get', path: '/subjects/e-version/versions/0' },
    message: `The specified version '0' is not a valid version id. Allowed values are between [1, 2^31-1] and the string "latest"`,
  },
  'invalid compatibility level': {
    code: 42203,
    status: 422,
    when: { method: 'put', path: '/config', body: { compatibility: 'SOMETIMES' } },
    message: /^Invalid compatibility level\. Valid values are none, backward/,
  },
  'invalid mode': {
    code: 42204,
    status: 422,
    when: { method: 'put', path: '/mode', body: { mode: 'WRITEONLY' } },
    message: 'Invalid mode. Valid values are READWRITE, READONLY, IMPORT and FORWARD.',
  },
  'operation not permitted': {
    code: 42205,
    status: 422,
    given: [{ method: 'put', path: '/mode/e-readonly', body: { mode: 'READONLY' } }],
    when: register('e-readonly', customerSchema()),
    message: 'Subject e-readonly in context . is in read-only mode',
  },
  'reference exists': {
    code: 42206,
    status: 422,
    given: [
      register('e-ref-address', '{"type":"record","name":"Addr","fields":[{"name":"city","type":"string"}]}'),
      {
        method: 'post',
        path: '/subjects/e-ref-user/versions',
        body: {
          schema: '{"type":"record","name":"User","fields":[{"name":"home","type":"Addr"}]}',
          references: [{ name: 'Addr', subject: 'e-ref-address', version: 1 }],
        },
      },
    ],
    when: { method: 'delete', path: '/subjects/e-ref-address' },
    message: /^One or more references exist to the schema /,
  },
  'invalid subject': {
    code: 42208,
    status: 422,
    when: register('__GLOBAL', customerSchema()),
    message: "The specified subject '__GLOBAL' is not a valid.",
  },
  'invalid rule set': {
    code: 42210,
    status: 422,
    when: {
      method: 'post',
      path: '/subjects/e-rules/versions',
      body: { schema: customerSchema(), ruleSet: { domainRules: [{ name: 'r', type: 'CEL', mode: 'UPGRADE' }] } },
    },
    message: 'Domain rules can only be WRITE, READ, WRITEREAD',
  },
  'malformed JSON': {
    code: 400,
    status: 400,
    when: { method: 'post', path: '/subjects/e-json/versions', raw: '{"schema": ' },
    message: /JSON/,
  },
  'body of the wrong shape': {
    code: 400,
    status: 400,
    when: { method: 'post', path: '/subjects/e-json/versions', body: { schema: 42 } },
    message: "Field 'schema' must be a string",
  },
  'unknown route': { code: 404, status: 404, when: { method: 'get', path: '/no/such/route' }, message: 'HTTP 404 Not Found' },
  'method not allowed': { code: 405, status: 405, when: { method: 'put', path: '/subjects' }, message: 'HTTP 405 Method Not Allowed' },
  'unsupported media type': {
    code: 415,
    status: 415,
    when: { method: 'post', path: '/subjects/e-media/versions', raw: 'schema=x', contentType: 'application/x-www-form-urlencoded' },
    message: 'HTTP 415 Unsupported Media Type',
  },
  'body too large': {
    code: 413,
    status: 413,
    when: { method: 'post', path: '/subjects/e-large/versions', body: { schema: 'x'.repeat(17 * 1024 * 1024) } },
    message: /larger than/,
  },
  'missing body': {
    code: 422,
    status: 422,
    when: { method: 'put', path: '/config' },
    message: /request body is missing/,
  },
};

let server: TestServer;

function send(step: Step) {
  const req = request(server.url)[step.method](step.path);
  if (step.raw !== undefined) return req.set('Content-Type', step.contentType ?? V1).send(step.raw);
  if (step.body !== undefined) return req.set('Content-Type', step.contentType ?? V1).send(JSON.stringify(step.body));
  return req;
}

for (const backend of backends()) {
  describe(backend.name, { skip: backend.skip }, () => {
    before(async () => {
      server = await startTestServer(backend);
    });
    after(async () => {
      await server?.dispose();
    });

    describe('every applicable Confluent error code over HTTP', () => {
      for (const [name, c] of Object.entries(CASES)) {
        test(`${c.code} ${name}`, async () => {
          for (const step of c.given ?? []) {
            const res = await send(step);
            assert.ok(res.status < 300, `setup ${step.method} ${step.path} answered ${res.status} ${res.text}`);
          }
          const res = await send(c.when);
          assert.equal(res.status, c.status, res.text);
          assert.equal(res.headers['content-type'], V1);
          assert.equal(res.body.error_code, c.code);
          if (typeof c.message === 'string') assert.equal(res.body.message, c.message);
          else assert.match(res.body.message, c.message);
        });
      }
    });
  });
}

describe('the error catalogue agrees with the reference', () => {
  const reference = join(corporaDir, '..', 'reference', 'confluent-api.md');
  const skip = existsSync(reference) ? undefined : `reference ${reference} is absent`;
  test('each Schema Registry code has the reference\'s HTTP status', { skip }, () => {
    const rows = readFileSync(reference, 'utf8').matchAll(/^\| \*{0,2}(\d{5})\*{0,2}(?: \(was \*\*\d+\*\*\))? \| (\d{3}) \|/gm);
    const statusByCode = new Map([...rows].map((m) => [Number(m[1]), Number(m[2])]));
    assert.ok(statusByCode.size >= 20, 'the reference table was read');
    const factories = Object.values(errors) as ((...args: unknown[]) => { errorCode: number; status: number })[];
    const codes = factories.map((make) => make('x', ['y'])).filter((e) => e.errorCode >= 10000);
    assert.ok(codes.length >= 15);
    for (const error of codes) {
      assert.equal(statusByCode.get(error.errorCode), error.status, `code ${error.errorCode}`);
      assert.equal(httpStatusOf(error.errorCode), error.status);
    }
  });
});
