/**
 * Who may call what, over real HTTP on each backend, table-driven over the
 * whole route table: anonymous, a reader of `orders-`, a writer on the
 * prefix `orders-` and an admin each get exactly what their rules allow on
 * every route (a row of the table without a case here fails). Also: lists
 * are filtered, never refused; a schema id is readable through a readable
 * subject only; re-registering an existing schema needs only `read`.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import request from 'supertest';
import { hashPassword } from '../../security/passwords.js';
import { ROUTE_TABLE } from '../../security/route-table.js';
import { customerSchema } from '../support/avro-fixtures.js';
import { backends } from '../support/backends.js';
import { basicAuthorization, startSecuredServer, type SecuredServer } from '../support/secured-registry.js';

const V1 = 'application/vnd.schemaregistry.v1+json';
type Who = 'anonymous' | 'reader' | 'writer' | 'admin';
const PRINCIPALS: Who[] = ['anonymous', 'reader', 'writer', 'admin'];
const PASSWORD: Record<Exclude<Who, 'anonymous'>, string> = { reader: 'r-pw', writer: 'w-pw', admin: 'a-pw' };

async function authFile(): Promise<string> {
  const users = await Promise.all(
    (Object.keys(PASSWORD) as Array<keyof typeof PASSWORD>).map(async (name) => `  - name: ${name}\n    passwordHash: "${await hashPassword(PASSWORD[name], 10)}"`),
  );
  return `users:\n${users.join('\n')}
rules:
  - principals: [reader]
    operations: [read]
    subjectPrefixes: [orders-]
  - principals: [writer]
    operations: [read, write, delete, config_read, config_write, verify, deploy]
    subjectPrefixes: [orders-]
  - principals: [admin]
    operations: [read, write, delete, config_read, config_write, verify, deploy, audit]
    subjectPrefixes: [""]
    global: true
`;
}

/** Who may, per kind of need: the expectation, written apart from the implementation. */
const MAY: Record<string, Who[]> = {
  open: ['anonymous', 'reader', 'writer', 'admin'],
  signedIn: ['reader', 'writer', 'admin'],
  readOrders: ['reader', 'writer', 'admin'],
  readOrdersConfig: ['writer', 'admin'],
  changeOrders: ['writer', 'admin'],
  global: ['admin'],
};

interface Case {
  path: string;
  body?: unknown;
  need: keyof typeof MAY;
}

const schema = customerSchema(3);
let verificationId = '';
let deploymentId = '';

/** One request per row of the route table, on `orders-value` (id 1) unless it is global. */
const CASES: Record<string, () => Case> = {
  'GET /': () => ({ path: '/', need: 'signedIn' }),
  'POST /': () => ({ path: '/', body: {}, need: 'signedIn' }),
  'GET /v1/metadata/id': () => ({ path: '/v1/metadata/id', need: 'signedIn' }),
  'GET /v1/metadata/version': () => ({ path: '/v1/metadata/version', need: 'signedIn' }),
  'GET /v1/metadata/deployment': () => ({ path: '/v1/metadata/deployment', need: 'signedIn' }),
  'GET /associations/resources/:namespace/:name': () => ({ path: '/associations/resources/ns/n', need: 'signedIn' }),
  'GET /associations/subjects/:subject': () => ({ path: '/associations/subjects/orders-value', need: 'readOrders' }),
  'GET /health/live': () => ({ path: '/health/live', need: 'open' }),
  'GET /health/ready': () => ({ path: '/health/ready', need: 'open' }),
  'GET /metrics': () => ({ path: '/metrics', need: 'open' }),
  'GET /openapi.json': () => ({ path: '/openapi.json', need: 'signedIn' }),
  'GET /schemas': () => ({ path: '/schemas', need: 'signedIn' }),
  'GET /schemas/types': () => ({ path: '/schemas/types', need: 'open' }),
  'GET /schemas/ids/:id': () => ({ path: '/schemas/ids/1', need: 'readOrders' }),
  'GET /schemas/ids/:id/schema': () => ({ path: '/schemas/ids/1/schema', need: 'readOrders' }),
  'GET /schemas/ids/:id/subjects': () => ({ path: '/schemas/ids/1/subjects', need: 'signedIn' }),
  'GET /schemas/ids/:id/versions': () => ({ path: '/schemas/ids/1/versions', need: 'signedIn' }),
  'GET /schemas/guids/:guid': () => ({ path: `/schemas/guids/${ordersGuid}`, need: 'readOrders' }),
  'GET /schemas/guids/:guid/ids': () => ({ path: `/schemas/guids/${ordersGuid}/ids`, need: 'readOrders' }),
  'GET /subjects': () => ({ path: '/subjects', need: 'signedIn' }),
  'POST /subjects/:subject': () => ({ path: '/subjects/orders-value', body: { schema }, need: 'readOrders' }),
  'DELETE /subjects/:subject': () => ({ path: '/subjects/orders-other', need: 'changeOrders' }),
  'GET /subjects/:subject/metadata': () => ({ path: '/subjects/orders-value/metadata', need: 'readOrders' }),
  'GET /subjects/:subject/versions': () => ({ path: '/subjects/orders-value/versions', need: 'readOrders' }),
  'POST /subjects/:subject/versions': () => ({ path: '/subjects/orders-value/versions', body: { schema: customerSchema(4) }, need: 'changeOrders' }),
  'GET /subjects/:subject/versions/:version': () => ({ path: '/subjects/orders-value/versions/1', need: 'readOrders' }),
  'DELETE /subjects/:subject/versions/:version': () => ({ path: '/subjects/orders-other/versions/1', need: 'changeOrders' }),
  'GET /subjects/:subject/versions/:version/schema': () => ({ path: '/subjects/orders-value/versions/1/schema', need: 'readOrders' }),
  'GET /subjects/:subject/versions/:version/referencedby': () => ({ path: '/subjects/orders-value/versions/1/referencedby', need: 'readOrders' }),
  'POST /subjects/:subject/versions/:version/tags': () => ({ path: '/subjects/orders-value/versions/1/tags', body: {}, need: 'changeOrders' }),
  'POST /compatibility/subjects/:subject/versions': () => ({ path: '/compatibility/subjects/orders-value/versions', body: { schema }, need: 'changeOrders' }),
  'POST /compatibility/subjects/:subject/versions/:version': () => ({ path: '/compatibility/subjects/orders-value/versions/1', body: { schema }, need: 'changeOrders' }),
  'GET /config': () => ({ path: '/config', need: 'global' }),
  'PUT /config': () => ({ path: '/config', body: { compatibility: 'BACKWARD' }, need: 'global' }),
  'DELETE /config': () => ({ path: '/config', need: 'global' }),
  'GET /config/:subject': () => ({ path: '/config/orders-value?defaultToGlobal=true', need: 'readOrdersConfig' }),
  'PUT /config/:subject': () => ({ path: '/config/orders-value', body: { compatibility: 'BACKWARD' }, need: 'changeOrders' }),
  'DELETE /config/:subject': () => ({ path: '/config/orders-value', need: 'changeOrders' }),
  'GET /mode': () => ({ path: '/mode', need: 'global' }),
  'PUT /mode': () => ({ path: '/mode', body: { mode: 'READWRITE' }, need: 'global' }),
  'DELETE /mode': () => ({ path: '/mode', need: 'global' }),
  'GET /mode/:subject': () => ({ path: '/mode/orders-value?defaultToGlobal=true', need: 'readOrdersConfig' }),
  'PUT /mode/:subject': () => ({ path: '/mode/orders-value', body: { mode: 'READWRITE' }, need: 'changeOrders' }),
  'DELETE /mode/:subject': () => ({ path: '/mode/orders-value', need: 'changeOrders' }),
  'GET /contract-registry/v1/verifications': () => ({ path: '/contract-registry/v1/verifications', need: 'signedIn' }),
  'POST /contract-registry/v1/verifications': () => ({ path: '/contract-registry/v1/verifications', body: verification(), need: 'changeOrders' }),
  'GET /contract-registry/v1/verifications/:id': () => ({ path: `/contract-registry/v1/verifications/${verificationId}`, need: 'readOrders' }),
  'GET /contract-registry/v1/deployments': () => ({ path: '/contract-registry/v1/deployments', need: 'signedIn' }),
  'POST /contract-registry/v1/deployments': () => ({ path: '/contract-registry/v1/deployments', body: deployment(), need: 'changeOrders' }),
  'GET /contract-registry/v1/deployments/:id': () => ({ path: `/contract-registry/v1/deployments/${deploymentId}`, need: 'readOrders' }),
  'DELETE /contract-registry/v1/deployments/:id': () => ({ path: `/contract-registry/v1/deployments/${deploymentId}`, need: 'changeOrders' }),
  'GET /contract-registry/v1/audit': () => ({ path: '/contract-registry/v1/audit', need: 'global' }),
};

let ordersGuid = '';
const verification = () => ({
  subject: 'orders-value',
  consumer: 'ledger',
  consumerVersion: '1',
  versions: [{ version: 1, schemaId: 1, scenarios: [{ scenario: 'readable', status: 'pass' }] }],
});
const deployment = () => ({ participant: 'orders-service', version: '1', environment: 'prod', produces: [{ subject: 'orders-value', version: 1 }] });

let server: SecuredServer;
const send = (method: string, path: string, who: Who, body?: unknown) => {
  let req = request(server.url)[method.toLowerCase() as 'get'](path);
  if (who !== 'anonymous') req = req.set('Authorization', basicAuthorization(who, PASSWORD[who]));
  return body === undefined ? req : req.set('Content-Type', V1).send(JSON.stringify(body));
};

test('every row of the route table has a case here', () => {
  assert.deepEqual(
    ROUTE_TABLE.map((r) => `${r.method} ${r.path}`).filter((key) => !(key in CASES)),
    [],
  );
});

for (const backend of backends()) {
  describe(backend.name, { skip: backend.skip }, () => {
    before(async () => {
      server = await startSecuredServer(await authFile(), backend);
      await send('POST', '/subjects/orders-value/versions', 'admin', { schema }).expect(200);
      await send('POST', '/subjects/payments-value/versions', 'admin', { schema: customerSchema(1) }).expect(200);
      ordersGuid = (await send('GET', '/schemas/ids/1', 'admin').expect(200)).body.guid;
      verificationId = (await send('POST', '/contract-registry/v1/verifications', 'admin', verification()).expect(200)).body.id;
      deploymentId = (await send('POST', '/contract-registry/v1/deployments', 'admin', deployment()).expect(200)).body.id;
    });
    after(async () => {
      await server?.dispose();
    });

    for (const who of PRINCIPALS) {
      test(`${who}: exactly what the rules allow, on every route`, async () => {
        // Deletes get a subject of their own, made anew for each caller.
        await send('POST', '/subjects/orders-other/versions', 'admin', { schema }).expect(200);
        const wrong: string[] = [];
        for (const row of ROUTE_TABLE) {
          const c = CASES[`${row.method} ${row.path}`]!();
          const res = await send(row.method, c.path, who, c.body);
          const allowed = MAY[c.need]!.includes(who);
          const expected = allowed ? 'allowed' : who === 'anonymous' ? 401 : 403;
          const got = res.status === 401 || res.status === 403 ? res.status : res.status >= 500 ? `${res.status}` : 'allowed';
          if (got !== expected) wrong.push(`${row.method} ${c.path}: expected ${expected}, got ${res.status} ${JSON.stringify(res.body)}`);
          if (res.status === 401) assert.deepEqual(res.body, { error_code: 401, message: 'Unauthorized' });
          if (res.status === 401) assert.match(String(res.headers['www-authenticate']), /^Basic realm=/);
          if (res.status === 403) assert.equal(res.body.error_code, 40301);
        }
        assert.deepEqual(wrong, []);
      });
    }

    test('outside its prefix the writer is denied in Confluent words', async () => {
      const res = await send('POST', '/subjects/payments-value/versions', 'writer', { schema: customerSchema(5) }).expect(403);
      assert.deepEqual(res.body, { error_code: 40301, message: 'User is denied operation Write on Subject: payments-value' });
      await send('DELETE', '/subjects/payments-value', 'writer').expect(403);
      await send('PUT', '/config/payments-value', 'writer', { compatibility: 'NONE' }).expect(403);
    });

    test('lists are filtered to readable subjects, never refused', async () => {
      assert.deepEqual((await send('GET', '/subjects', 'reader').expect(200)).body, ['orders-value']);
      assert.deepEqual((await send('GET', '/subjects', 'admin').expect(200)).body, ['orders-value', 'payments-value']);
      assert.deepEqual((await send('GET', '/subjects?deleted=true', 'admin').expect(200)).body, ['orders-other', 'orders-value', 'payments-value']);
      const schemas = (await send('GET', '/schemas', 'reader').expect(200)).body as Array<{ subject: string }>;
      assert.ok(schemas.length > 0 && schemas.every((s) => s.subject === 'orders-value'));
      assert.deepEqual((await send('GET', '/schemas/ids/2/subjects', 'reader').expect(200)).body, []);
      assert.deepEqual((await send('GET', '/schemas/ids/2/subjects', 'admin').expect(200)).body, ['payments-value']);
      const deployments = await send('POST', '/contract-registry/v1/deployments', 'admin', {
        participant: 'payments-service', version: '1', environment: 'prod', produces: [{ subject: 'payments-value', version: 1 }],
      }).expect(200);
      const listed = (await send('GET', '/contract-registry/v1/deployments?includeUndeployed=true', 'reader').expect(200)).body as Array<{ id: string }>;
      assert.ok(listed.length > 0 && !listed.some((d) => d.id === deployments.body.id));
      const runs = (await send('GET', '/contract-registry/v1/verifications', 'reader').expect(200)).body as Array<{ subject: string }>;
      assert.ok(runs.length > 0 && runs.every((v) => v.subject === 'orders-value'));
    });

    test('a schema id is readable through a readable subject only; unknown ids look the same as forbidden ones', async () => {
      await send('GET', '/schemas/ids/1', 'reader').expect(200);
      await send('GET', '/schemas/ids/1', 'reader').expect(200); // the second time from the hot path
      assert.deepEqual((await send('GET', '/schemas/ids/2', 'reader').expect(403)).body, {
        error_code: 40301,
        message: 'User is denied operation Read on Schema: 2',
      });
      await send('GET', '/schemas/ids/999', 'reader').expect(403);
      await send('GET', '/schemas/ids/999', 'admin').expect(404);
    });

    test('looking up or re-registering a schema already there needs only read; a new one needs write', async () => {
      const versions = (await send('GET', '/subjects/orders-value/versions', 'admin').expect(200)).body;
      const existing = await send('POST', '/subjects/orders-value/versions', 'reader', { schema }).expect(200);
      const found = await send('POST', '/subjects/orders-value', 'reader', { schema }).expect(200);
      assert.equal(existing.body.id, found.body.id);
      assert.deepEqual((await send('GET', '/subjects/orders-value/versions', 'admin').expect(200)).body, versions);
      await send('POST', '/subjects/orders-value/versions', 'reader', { schema: customerSchema(6) }).expect(403);
    });
  });
}
