/**
 * `@kafkajs/confluent-schema-registry` with JSON Schema and Protobuf
 * contracts against the real server: register, encode, decode, evolve.
 * (This client writes Protobuf without message indexes and skips leading
 * zero bytes on decode, so it only interoperates for the first message; it
 * parses with protobufjs's defaults, so fields are camelCase in its objects.)
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { SchemaRegistry, SchemaType } from '@kafkajs/confluent-schema-registry';
import {
  orderJsonSchemaNarrowed,
  orderJsonSchemaV1,
  orderJsonSchemaV2,
  orderProtoKindChanged,
  orderProtoV1,
  orderProtoV2,
} from '../support/json-protobuf-fixtures.js';
import { backends } from '../support/backends.js';
import { startTestServer, type TestServer } from '../support/registry-server.js';

let server: TestServer;
let registry: SchemaRegistry;

for (const backend of backends()) {
  describe(backend.name, { skip: backend.skip }, () => {
    before(async () => {
      server = await startTestServer(backend);
      registry = new SchemaRegistry({ host: server.url });
    });
    after(async () => {
      await server?.dispose();
    });

    test('JSON Schema: register, encode, decode; a compatible evolution; an incompatible one refused', async () => {
      const { id } = await registry.register({ type: SchemaType.JSON, schema: orderJsonSchemaV1 }, { subject: 'orders-json' });
      const bytes = await registry.encode(id, { order_id: 'o-1', amount: 12.5 });
      assert.equal(bytes.readInt32BE(1), id);
      assert.deepEqual(await registry.decode(bytes), { order_id: 'o-1', amount: 12.5 });
      await assert.rejects(registry.encode(id, { order_id: 'o-2', amount: -1 }), /invalid payload|validation/i);

      const { id: v2 } = await registry.register({ type: SchemaType.JSON, schema: orderJsonSchemaV2 }, { subject: 'orders-json' });
      assert.notEqual(v2, id);
      assert.deepEqual(await registry.decode(bytes), { order_id: 'o-1', amount: 12.5 });
      await assert.rejects(
        registry.register({ type: SchemaType.JSON, schema: orderJsonSchemaNarrowed }, { subject: 'orders-json' }),
        /incompatible/,
      );
      assert.equal(await registry.getRegistryIdBySchema('orders-json', { type: SchemaType.JSON, schema: orderJsonSchemaV2 }), v2);
    });

    test('Protobuf: register, encode, decode, evolve; a kind change refused', async () => {
      const { id } = await registry.register({ type: SchemaType.PROTOBUF, schema: orderProtoV1 }, { subject: 'orders-proto' });
      const bytes = await registry.encode(id, { orderId: 'o-1', amount: 3.25 });
      assert.equal(bytes.readInt32BE(1), id);
      assert.deepEqual({ ...(await registry.decode(bytes)) }, { orderId: 'o-1', amount: 3.25 });

      const { id: v2 } = await registry.register({ type: SchemaType.PROTOBUF, schema: orderProtoV2 }, { subject: 'orders-proto' });
      const newer = await registry.encode(v2, { orderId: 'o-2', amount: 1, currency: 'EUR' });
      assert.equal((await registry.decode(newer)).currency, 'EUR');
      await assert.rejects(
        registry.register({ type: SchemaType.PROTOBUF, schema: orderProtoKindChanged }, { subject: 'orders-proto' }),
        /incompatible/,
      );
    });
  });
}
