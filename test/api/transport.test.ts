/**
 * Transport conventions of Confluent's API (reference §1): the request media
 * types it consumes, the one it produces, the root, health, server metadata
 * and the associations lookup Confluent's serializers make first; on each
 * backend (readiness is the database's ping).
 */
import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import { after, before, describe, test } from 'node:test';
import request from 'supertest';
import { customerSchema } from '../support/avro-fixtures.js';
import { backends } from '../support/backends.js';
import { startTestServer, type TestServer } from '../support/registry-server.js';

const V1 = 'application/vnd.schemaregistry.v1+json';
let server: TestServer;

for (const backend of backends()) {
  describe(backend.name, { skip: backend.skip }, () => {
    before(async () => {
      server = await startTestServer(backend);
    });
    after(async () => {
      await server?.dispose();
    });

    for (const type of [V1, 'application/vnd.schemaregistry+json', 'application/json', 'application/octet-stream', 'application/json; charset=utf-8']) {
      test(`a body sent as ${type} is read as JSON`, async () => {
        const res = await request(server.url)
          .post('/subjects/media/versions')
          .set('Content-Type', type)
          .send(JSON.stringify({ schema: customerSchema() }))
          .expect(200);
        assert.equal(res.body.version, 1);
      });
    }

    test('a body without a Content-Type is read as JSON', async () => {
      const body = JSON.stringify({ schema: customerSchema() });
      const answer = await new Promise<{ status?: number; text: string }>((resolve, reject) => {
        // node:http sends no Content-Type unless told to (fetch would add text/plain).
        const req = httpRequest(`${server.url}/subjects/media/versions`, { method: 'POST', headers: { 'Content-Length': Buffer.byteLength(body) } }, (res) => {
          let text = '';
          res.on('data', (chunk: Buffer) => (text += chunk.toString()));
          res.on('end', () => resolve({ status: res.statusCode, text }));
        });
        req.on('error', reject);
        req.end(body);
      });
      assert.equal(answer.status, 200, answer.text);
      assert.equal((JSON.parse(answer.text) as { version: number }).version, 1);
    });

    test('a text/plain body is 415', async () => {
      const res = await request(server.url).post('/subjects/media/versions').set('Content-Type', 'text/plain').send('{}').expect(415);
      assert.deepEqual(res.body, { error_code: 415, message: 'HTTP 415 Unsupported Media Type' });
    });

    test('GET / and POST / answer {}', async () => {
      assert.deepEqual((await request(server.url).get('/').expect(200)).body, {});
      assert.deepEqual((await request(server.url).post('/').set('Content-Type', V1).send('{}').expect(200)).body, {});
    });

    test('health: live always, ready when the database answers', async () => {
      assert.deepEqual((await request(server.url).get('/health/live').expect(200)).body, { status: 'UP' });
      assert.deepEqual((await request(server.url).get('/health/ready').expect(200)).body, { status: 'UP' });
    });

    test('server metadata', async () => {
      const version = (await request(server.url).get('/v1/metadata/version').expect(200)).body;
      assert.match(version.version, /^\d+\.\d+\.\d+/);
      const id = (await request(server.url).get('/v1/metadata/id').expect(200)).body;
      assert.deepEqual(id.scope.path, []);
    });

    test('associations of a topic: none, as an empty list', async () => {
      const res = await request(server.url).get('/associations/resources/-/orders?resourceType=topic&associationType=value').expect(200);
      assert.deepEqual(res.body, []);
      assert.equal(res.headers['content-type'], V1);
    });

    test('every response, errors included, has Confluent\'s content type', async () => {
      for (const path of ['/subjects', '/schemas/ids/77', '/nowhere', '/config']) {
        const res = await request(server.url).get(path);
        assert.equal(res.headers['content-type'], V1, path);
      }
    });
  });
}
