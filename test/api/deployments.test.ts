/**
 * `/contract-registry/v1/deployments` over real HTTP, on each backend: a
 * deployment is recorded with its produced versions resolved to numbers;
 * recording another version of a participant in an environment undeploys the
 * one before (only there); recording the current one again is answered, not
 * duplicated; DELETE records an undeployment and keeps the history;
 * concurrent recordings leave exactly one current deployment; what the
 * registry does not hold, or a body of the wrong shape, is refused with
 * Confluent's error body.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import request from 'supertest';
import { customerSchema } from '../support/avro-fixtures.js';
import { backends } from '../support/backends.js';
import { startTestServer, type TestServer } from '../support/registry-server.js';

const V1 = 'application/vnd.schemaregistry.v1+json';
const PATH = '/contract-registry/v1/deployments';
let server: TestServer;
const api = () => request(server.url);
const post = (body: unknown) => api().post(PATH).set('Content-Type', V1).send(JSON.stringify(body));
const versionsOf = (body: Array<{ version: string }>) => body.map((d) => d.version);

for (const backend of backends()) {
  describe(backend.name, { skip: backend.skip }, () => {
    before(async () => {
      server = await startTestServer(backend);
      for (const variant of [undefined, 1]) {
        await api().post('/subjects/customer-value/versions').set('Content-Type', V1).send(JSON.stringify({ schema: customerSchema(variant) })).expect(200);
      }
    });
    after(async () => {
      await server?.dispose();
    });

    test('records a deployment, resolving latest to a number, and reads it back', async () => {
      const res = await post({
        participant: 'customer-service',
        version: '1.0.0',
        environment: 'production',
        produces: [{ subject: 'customer-value', version: 'latest' }, { subject: 'customer-value', version: 1 }],
      }).expect(200);
      assert.equal(res.headers['content-type'], V1);
      assert.match(res.body.id, /^[0-9a-f-]{36}$/);
      assert.deepEqual(res.body.produces, [{ subject: 'customer-value', version: 1 }, { subject: 'customer-value', version: 2 }]);
      assert.deepEqual(res.body.consumes, []);
      assert.equal(res.body.undeployedAt, undefined);
      assert.deepEqual((await api().get(`${PATH}/${res.body.id}`).expect(200)).body, res.body);
    });

    test('a new version replaces the current one in its environment only; the history is kept', async () => {
      const deploy = (version: string, environment: string) =>
        post({ participant: 'order-service', version, environment, consumes: ['customer-value'] }).expect(200);
      const first = await deploy('2.0.0', 'production');
      await deploy('2.0.0', 'staging');
      await new Promise((resolve) => setTimeout(resolve, 5)); // deployments are ordered by their millisecond
      const second = await deploy('2.1.0', 'production');

      const current = await api().get(`${PATH}?environment=production&participant=order-service`).expect(200);
      assert.deepEqual(versionsOf(current.body), ['2.1.0']);
      const staging = await api().get(`${PATH}?environment=staging`).expect(200);
      assert.deepEqual(versionsOf(staging.body), ['2.0.0'], 'staging keeps its own deployment');
      const history = await api().get(`${PATH}?environment=production&participant=order-service&includeUndeployed=true`).expect(200);
      assert.deepEqual(versionsOf(history.body), ['2.1.0', '2.0.0']);
      assert.equal(history.body[1].id, first.body.id);
      assert.equal(history.body[1].undeployedAt, second.body.deployedAt);
    });

    test('recording the current version again answers it; other contracts make a new record', async () => {
      const body = { participant: 'billing-service', version: '7', environment: 'production', consumes: ['customer-value'] };
      const first = await post(body).expect(200);
      const again = await post(body).expect(200);
      assert.equal(again.body.id, first.body.id);
      const changed = await post({ ...body, consumes: [] }).expect(200);
      assert.notEqual(changed.body.id, first.body.id);
      const current = await api().get(`${PATH}?participant=billing-service`).expect(200);
      assert.deepEqual(current.body.map((d: { id: string }) => d.id), [changed.body.id]);
    });

    test('DELETE records an undeployment, idempotently, and keeps the record', async () => {
      const recorded = await post({ participant: 'audit-service', version: '1', environment: 'production' }).expect(200);
      const undeployed = await api().delete(`${PATH}/${recorded.body.id}`).expect(200);
      assert.equal(typeof undeployed.body.undeployedAt, 'number');
      assert.deepEqual((await api().delete(`${PATH}/${recorded.body.id}`).expect(200)).body, undeployed.body);
      assert.deepEqual((await api().get(`${PATH}?participant=audit-service`).expect(200)).body, []);
      const history = await api().get(`${PATH}?participant=audit-service&includeUndeployed=true`).expect(200);
      assert.deepEqual(history.body, [undeployed.body]);
      assert.equal((await api().delete(`${PATH}/no-such-deployment`).expect(404)).body.error_code, 404);
      assert.equal((await api().get(`${PATH}/no-such-deployment`).expect(404)).body.error_code, 404);
    });

    test('concurrent recordings of one participant in one environment leave exactly one current', async () => {
      const versions = Array.from({ length: 12 }, (_, i) => `3.${i}.0`);
      await Promise.all(versions.map((version) => post({ participant: 'race-service', version, environment: 'production' }).expect(200)));
      const current = await api().get(`${PATH}?participant=race-service`).expect(200);
      assert.equal(current.body.length, 1);
      const history = await api().get(`${PATH}?participant=race-service&includeUndeployed=true`).expect(200);
      assert.deepEqual(versionsOf(history.body).sort(), [...versions].sort());
    });

    test('refuses subjects and versions the registry does not hold', async () => {
      const base = { participant: 'p', version: '1', environment: 'production' };
      assert.equal((await post({ ...base, produces: [{ subject: 'nobody-value', version: 1 }] }).expect(404)).body.error_code, 40401);
      assert.equal((await post({ ...base, produces: [{ subject: 'customer-value', version: 9 }] }).expect(404)).body.error_code, 40402);
      assert.equal((await post({ ...base, consumes: ['nobody-value'] }).expect(404)).body.error_code, 40401);
      assert.deepEqual((await api().get(`${PATH}?participant=p&includeUndeployed=true`).expect(200)).body, [], 'nothing recorded');
    });

    test('refuses bodies of the wrong shape', async () => {
      const base = { participant: 'p', version: '1', environment: 'production' };
      await post({ participant: 'p', version: '1' }).expect(422);
      await api().post(PATH).set('Content-Type', V1).expect(422);
      await post([]).expect(400);
      await post({ ...base, environment: '' }).expect(400);
      await post({ ...base, participant: 'a\nb' }).expect(400);
      await post({ ...base, version: 'x'.repeat(256) }).expect(400);
      await post({ ...base, produces: {} }).expect(400);
      await post({ ...base, produces: [{ subject: 'customer-value', version: 0 }] }).expect(400);
      await post({ ...base, produces: [{ subject: 'customer-value', version: 'newest' }] }).expect(400);
      await post({ ...base, consumes: [3] }).expect(400);
      await api().put(PATH).set('Content-Type', V1).send('{}').expect(405);
    });
  });
}
