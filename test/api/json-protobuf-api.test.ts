/**
 * JSON Schema and Protobuf through the HTTP API: register, look up, check
 * compatibility (verbose messages name the difference type and path),
 * references between subjects, well-known Protobuf imports, and the
 * `format=serialized` descriptor that Confluent's Protobuf serializer reads.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import request from 'supertest';
import { orderJsonSchemaNarrowed, orderJsonSchemaV1, orderProtoKindChanged, orderProtoV1, orderProtoWithTimestamp } from '../support/json-protobuf-fixtures.js';
import { backends } from '../support/backends.js';
import { startTestServer, type TestServer } from '../support/registry-server.js';

const V1 = 'application/vnd.schemaregistry.v1+json';
let server: TestServer;
const post = (path: string, body: unknown) => request(server.url).post(path).set('Content-Type', V1).send(JSON.stringify(body));

for (const backend of backends()) {
  describe(backend.name, { skip: backend.skip }, () => {
    before(async () => {
      server = await startTestServer(backend);
    });
    after(async () => {
      await server?.dispose();
    });

    test('schema types lists all three formats', async () => {
      const types = (await request(server.url).get('/schemas/types').expect(200)).body;
      assert.deepEqual([...types].sort(), ['AVRO', 'JSON', 'PROTOBUF']);
    });

    test('JSON Schema: register, look up, read by id with its type', async () => {
      const registered = await post('/subjects/order-json/versions', { schemaType: 'JSON', schema: orderJsonSchemaV1 }).expect(200);
      assert.equal(registered.body.schemaType, 'JSON');
      const found = await post('/subjects/order-json', { schemaType: 'JSON', schema: JSON.stringify(JSON.parse(orderJsonSchemaV1), null, 2) }).expect(200);
      assert.equal(found.body.id, registered.body.id);
      const byId = await request(server.url).get(`/schemas/ids/${registered.body.id}`).expect(200);
      assert.equal(byId.body.schemaType, 'JSON');
    });

    test('JSON Schema: an incompatible change is named by type and JSON pointer', async () => {
      const verdict = await post('/compatibility/subjects/order-json/versions/latest?verbose=true', {
        schemaType: 'JSON',
        schema: orderJsonSchemaNarrowed,
      }).expect(200);
      assert.equal(verdict.body.is_compatible, false);
      assert.ok(verdict.body.messages.some((m: string) => /TYPE_NARROWED/.test(m) && m.includes('#/properties/amount')), verdict.body.messages.join('\n'));
      const refused = await post('/subjects/order-json/versions', { schemaType: 'JSON', schema: orderJsonSchemaNarrowed }).expect(409);
      assert.equal(refused.body.error_code, 40901);
    });

    test('JSON Schema: a $ref to a schema under another subject', async () => {
      const money = JSON.stringify({ type: 'object', properties: { value: { type: 'number' } }, required: ['value'] });
      await post('/subjects/money/versions', { schemaType: 'JSON', schema: money }).expect(200);
      const priced = JSON.stringify({ type: 'object', properties: { price: { $ref: 'money.json' } } });
      const res = await post('/subjects/priced/versions', {
        schemaType: 'JSON',
        schema: priced,
        references: [{ name: 'money.json', subject: 'money', version: 1 }],
      }).expect(200);
      assert.deepEqual(res.body.references, [{ name: 'money.json', subject: 'money', version: 1 }]);
    });

    test('invalid JSON Schema and Protobuf text are 42201 naming the problem', async () => {
      const json = await post('/subjects/bad-json/versions', { schemaType: 'JSON', schema: '{"type": "object", "properties": {"a": {"type": 12}}}' }).expect(422);
      assert.equal(json.body.error_code, 42201);
      assert.match(json.body.message, /Invalid schema of type JSON/);
      const proto = await post('/subjects/bad-proto/versions', { schemaType: 'PROTOBUF', schema: 'syntax = "proto3";\nmessage A {\n  strin x = 1;\n}\n' }).expect(422);
      assert.equal(proto.body.error_code, 42201);
      assert.match(proto.body.message, /line 3:\d+/);
    });

    test('Protobuf: a well-known import needs no reference; format=serialized answers a descriptor', async () => {
      const res = await post('/subjects/order-proto/versions', { schemaType: 'PROTOBUF', schema: orderProtoWithTimestamp }).expect(200);
      assert.equal(res.body.schemaType, 'PROTOBUF');
      assert.match(res.body.schema, /google\.protobuf\.Timestamp placed_at = 4;/);
      const serialized = await request(server.url).get(`/schemas/ids/${res.body.id}?format=serialized`).expect(200);
      assert.match(serialized.body.schema, /^[A-Za-z0-9+/]+=*$/);
      // The descriptor names types fully qualified (".google.protobuf.Timestamp"), as
      // Confluent keeps them; normalised, it is the same schema.
      const again = await post('/subjects/order-proto?normalize=true', { schemaType: 'PROTOBUF', schema: serialized.body.schema }).expect(200);
      assert.equal(again.body.id, res.body.id);
    });

    test('Protobuf: a field kind change is incompatible, with its path', async () => {
      await post('/subjects/order-proto-2/versions', { schemaType: 'PROTOBUF', schema: orderProtoV1 }).expect(200);
      const verdict = await post('/compatibility/subjects/order-proto-2/versions/latest?verbose=true', {
        schemaType: 'PROTOBUF',
        schema: orderProtoKindChanged,
      }).expect(200);
      assert.equal(verdict.body.is_compatible, false);
      assert.ok(verdict.body.messages.some((m: string) => /FIELD_SCALAR_KIND_CHANGED/.test(m) && m.includes('#/Order/2')), verdict.body.messages.join('\n'));
    });

    test('a schema of another type than the latest version is incompatible', async () => {
      const res = await post('/subjects/order-proto-2/versions', { schemaType: 'JSON', schema: orderJsonSchemaV1 }).expect(409);
      assert.match(res.body.message, /different schema type/);
    });

    test('Protobuf: an import resolved through a reference to another subject', async () => {
      const money = 'syntax = "proto3";\npackage com.example.common;\n\nmessage Money {\n  string currency = 1;\n  int64 units = 2;\n}\n';
      await post('/subjects/money.proto/versions', { schemaType: 'PROTOBUF', schema: money }).expect(200);
      const invoice =
        'syntax = "proto3";\npackage com.example.billing;\n\nimport "money.proto";\n\nmessage Invoice {\n  string invoice_id = 1;\n  com.example.common.Money total = 2;\n}\n';
      const references = [{ name: 'money.proto', subject: 'money.proto', version: 1 }];
      const res = await post('/subjects/invoice/versions', { schemaType: 'PROTOBUF', schema: invoice, references }).expect(200);
      assert.deepEqual(res.body.references, references);
      const referrers = (await request(server.url).get('/subjects/money.proto/versions/1/referencedby').expect(200)).body;
      assert.deepEqual(referrers, [res.body.id]);
      const missing = await post('/subjects/invoice-broken/versions', { schemaType: 'PROTOBUF', schema: invoice }).expect(422);
      assert.equal(missing.body.error_code, 42201);
    });
  });
}
