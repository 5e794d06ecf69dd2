/**
 * Ids and versions are assigned atomically: parallel registrations of one new
 * schema end as one version and one id; parallel registrations of different
 * compatible schemas get versions 1..N with no gap and no duplicate; on each
 * backend. Several nodes on one PostgreSQL: `multi-node.test.ts`.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import request from 'supertest';
import { customerSchema } from '../support/avro-fixtures.js';
import { backends } from '../support/backends.js';
import { startTestServer, type TestServer } from '../support/registry-server.js';

const V1 = 'application/vnd.schemaregistry.v1+json';
let server: TestServer;

const registerOver = (subject: string, schema: string) =>
  request(server.url).post(`/subjects/${subject}/versions`).set('Content-Type', V1).send(JSON.stringify({ schema }));

for (const backend of backends()) {
  describe(backend.name, { skip: backend.skip }, () => {
    before(async () => {
      server = await startTestServer(backend);
    });
    after(async () => {
      await server?.dispose();
    });

    test('50 parallel registrations of the same new schema: one version, one id', async () => {
      const responses = await Promise.all(Array.from({ length: 50 }, () => registerOver('same', customerSchema(3))));
      for (const res of responses) assert.equal(res.status, 200, res.text);
      assert.deepEqual(new Set(responses.map((r) => `${r.body.id}/${r.body.version}`)), new Set(['1/1']));
      assert.deepEqual((await request(server.url).get('/subjects/same/versions')).body, [1]);
    });

    test('50 parallel registrations of 50 compatible schemas: versions 1..50, distinct ids', async () => {
      const responses = await Promise.all(Array.from({ length: 50 }, (_, i) => registerOver('many', customerSchema(i + 10))));
      for (const res of responses) assert.equal(res.status, 200, res.text);
      const versions = responses.map((r) => r.body.version as number).sort((a, b) => a - b);
      assert.deepEqual(versions, Array.from({ length: 50 }, (_, i) => i + 1));
      assert.equal(new Set(responses.map((r) => r.body.id)).size, 50);
      const listed = (await request(server.url).get('/subjects/many/versions')).body;
      assert.deepEqual(listed, Array.from({ length: 50 }, (_, i) => i + 1));
      // Every version points at the schema its registration was acknowledged with.
      for (const res of responses) {
        const stored = await request(server.url).get(`/subjects/many/versions/${res.body.version}`);
        assert.equal(stored.body.id, res.body.id);
      }
    });
  });
}
