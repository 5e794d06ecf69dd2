/**
 * What was acknowledged before a restart is all there after it: the real
 * `creg serve` process is stopped with SIGTERM (graceful shutdown) and
 * started again on the same database, on each backend.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import request from 'supertest';
import { customerSchema } from '../support/avro-fixtures.js';
import { backends, type FreshDatabase } from '../support/backends.js';
import { serveRegistry } from '../support/registry-process.js';

const V1 = 'application/vnd.schemaregistry.v1+json';

for (const backend of backends()) {
  describe(backend.name, { skip: backend.skip }, () => {
    let database: FreshDatabase;
    before(async () => {
      database = await backend.freshDatabase();
    });
    after(async () => {
      await database?.dispose();
    });

    test('acknowledged registrations, config and deletes survive a restart', async () => {
      const first = await serveRegistry(database.url);
      const acknowledged: { id: number; version: number }[] = [];
      try {
        for (let i = 0; i < 10; i++) {
          const res = await request(first.url)
            .post('/subjects/durable/versions')
            .set('Content-Type', V1)
            .send(JSON.stringify({ schema: customerSchema(i) }));
          assert.equal(res.status, 200, res.text);
          acknowledged.push({ id: res.body.id, version: res.body.version });
        }
        await request(first.url).put('/config/durable').set('Content-Type', V1).send('{"compatibility":"FULL"}').expect(200);
        await request(first.url).delete('/subjects/durable/versions/3').expect(200);
      } finally {
        assert.equal(await first.stop(), 0, 'graceful shutdown exits 0');
      }

      const second = await serveRegistry(database.url);
      try {
        assert.deepEqual((await request(second.url).get('/subjects/durable/versions?deletedAsNegative=true')).body, [1, 2, -3, 4, 5, 6, 7, 8, 9, 10]);
        for (const { id, version } of acknowledged) {
          const res = await request(second.url).get(`/subjects/durable/versions/${version}?deleted=true`).expect(200);
          assert.equal(res.body.id, id);
          assert.equal(res.body.schema, customerSchema(version - 1));
          await request(second.url).get(`/schemas/ids/${id}`).expect(200);
        }
        assert.equal((await request(second.url).get('/config/durable')).body.compatibilityLevel, 'FULL');
        const next = await request(second.url).post('/subjects/durable/versions').set('Content-Type', V1).send(JSON.stringify({ schema: customerSchema(20) }));
        assert.equal(next.body.version, 11);
        assert.equal(next.body.id, 11);
      } finally {
        await second.stop();
      }
    });
  });
}
