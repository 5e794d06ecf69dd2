/**
 * `/contract-registry/v1/verifications` over real HTTP, on each backend:
 * a run is recorded with verdicts derived from its scenarios, read back by
 * id and listed with filters (newest first, `version` keeping that version's
 * verdict only); a run naming a subject, version or schema id the registry
 * does not hold, or of the wrong shape, is refused with Confluent's error body.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import request from 'supertest';
import { customerSchema } from '../support/avro-fixtures.js';
import { backends } from '../support/backends.js';
import { startTestServer, type TestServer } from '../support/registry-server.js';

const V1 = 'application/vnd.schemaregistry.v1+json';
const PATH = '/contract-registry/v1/verifications';
let server: TestServer;
const api = () => request(server.url);
const post = (body: unknown) => api().post(PATH).set('Content-Type', V1).send(JSON.stringify(body));

const passed = [{ scenario: 'readable', status: 'pass' }, { scenario: 'tombstone', status: 'pass' }];
const failed = [{ scenario: 'readable', status: 'pass' }, { scenario: 'tombstone', status: 'fail' }];

for (const backend of backends()) {
  describe(backend.name, { skip: backend.skip }, () => {
    let ids: number[];
    before(async () => {
      server = await startTestServer(backend);
      ids = [];
      for (const variant of [undefined, 1]) {
        const res = await api().post('/subjects/customer-value/versions').set('Content-Type', V1).send(JSON.stringify({ schema: customerSchema(variant) }));
        ids.push(res.body.id as number);
      }
    });
    after(async () => {
      await server?.dispose();
    });

    test('records a run, deriving each verdict from the scenarios, and reads it back', async () => {
      const res = await post({
        subject: 'customer-value',
        consumer: 'order-service',
        consumerVersion: '1.0.0',
        seed: 42,
        tool: 'creg 0.1.0',
        success: true,
        versions: [
          { version: 1, schemaId: ids[0], scenarios: passed },
          { version: 2, schemaId: ids[1], scenarios: failed },
        ],
      }).expect(200);
      assert.equal(res.headers['content-type'], V1);
      assert.match(res.body.id, /^[0-9a-f-]{36}$/);
      assert.equal(res.body.success, false, 'derived, not taken from the client');
      assert.equal(res.body.seed, '42');
      assert.deepEqual(res.body.versions.map((v: { version: number; success: boolean }) => [v.version, v.success]), [[1, true], [2, false]]);
      const read = await api().get(`${PATH}/${res.body.id}`).expect(200);
      assert.deepEqual(read.body, res.body);
    });

    test('lists runs newest first, filtered; a version filter keeps that verdict only', async () => {
      await new Promise((resolve) => setTimeout(resolve, 5)); // runs are ordered by their millisecond
      const later = await post({
        subject: 'customer-value',
        consumer: 'order-service',
        consumerVersion: '1.1.0',
        versions: [{ version: 2, schemaId: ids[1], scenarios: passed }],
      }).expect(200);
      await post({ subject: 'customer-value', consumer: 'billing', consumerVersion: '9', versions: [{ version: 1, schemaId: ids[0], scenarios: passed }] }).expect(200);
      const mine = await api().get(`${PATH}?consumer=order-service`).expect(200);
      assert.deepEqual(mine.body.map((v: { consumerVersion: string }) => v.consumerVersion), ['1.1.0', '1.0.0']);
      assert.equal(mine.body[0].id, later.body.id);
      const one = await api().get(`${PATH}?consumer=order-service&consumerVersion=1.0.0&version=2`).expect(200);
      assert.deepEqual(one.body.map((v: { versions: Array<{ version: number }> }) => v.versions.map((x) => x.version)), [[2]]);
      assert.equal(one.body[0].success, false);
      assert.deepEqual((await api().get(`${PATH}?subject=other-value`).expect(200)).body, []);
      assert.equal((await api().get(`${PATH}?version=x`).expect(400)).body.error_code, 400);
    });

    test('refuses what the registry does not hold', async () => {
      const run = (versions: unknown, subject = 'customer-value') => post({ subject, consumer: 'c', consumerVersion: '1', versions });
      assert.equal((await run([{ version: 1, schemaId: ids[0], scenarios: passed }], 'nobody-value').expect(404)).body.error_code, 40401);
      assert.equal((await run([{ version: 9, schemaId: ids[0], scenarios: passed }]).expect(404)).body.error_code, 40402);
      const mismatch = await run([{ version: 1, schemaId: 999, scenarios: passed }]).expect(422);
      assert.match(mismatch.body.message, /has schema id \d+, not 999/);
      assert.equal((await run([{ version: 1, schemaId: ids[0], scenarios: passed }, { version: 1, schemaId: ids[0], scenarios: passed }]).expect(422)).body.error_code, 422);
      assert.equal((await api().get(`${PATH}/no-such-run`).expect(404)).body.error_code, 404);
    });

    test('refuses bodies of the wrong shape', async () => {
      const base = { subject: 'customer-value', consumer: 'c', consumerVersion: '1' };
      await post({ ...base, versions: [] }).expect(422);
      await post({ ...base }).expect(422);
      await post({ ...base, consumer: '' , versions: [{ version: 1, schemaId: ids[0], scenarios: passed }] }).expect(400);
      await post({ ...base, versions: [{ version: 1, schemaId: ids[0], scenarios: [{ scenario: 'readable', status: 'maybe' }] }] }).expect(400);
      await post({ ...base, versions: [{ version: 0, schemaId: ids[0], scenarios: passed }] }).expect(400);
      await post([]).expect(400);
      await api().delete(PATH).expect(405);
    });
  });
}
