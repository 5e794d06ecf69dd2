/**
 * `@confluentinc/schemaregistry` JSON and Protobuf serializers against the
 * real server. The Protobuf serializer registers a base64 FileDescriptorProto
 * and reads schemas back with `format=serialized`, and frames payloads with
 * message indexes. Its message objects use protobuf-es's camelCase field names.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { create } from '@bufbuild/protobuf';
import {
  JsonDeserializer,
  JsonSerializer,
  ProtobufDeserializer,
  ProtobufSerializer,
  SchemaRegistryClient,
  SerdeType,
} from '@confluentinc/schemaregistry';
import { orderJsonSchemaV1, orderJsonSchemaV2, orderProtoV1 } from '../support/json-protobuf-fixtures.js';
import { messageDescriptor } from '../support/protobuf-descriptors.js';
import { backends } from '../support/backends.js';
import { startTestServer, type TestServer } from '../support/registry-server.js';

let server: TestServer;
let client: SchemaRegistryClient;

for (const backend of backends()) {
  describe(backend.name, { skip: backend.skip }, () => {
    before(async () => {
      server = await startTestServer(backend);
      client = new SchemaRegistryClient({ baseURLs: [server.url], maxRetries: 0 });
    });
    after(async () => {
      await server?.dispose();
    });

    test('JSON serializer and deserializer round trip, across a compatible evolution', async () => {
      const v1 = await client.register('orders-value', { schemaType: 'JSON', schema: orderJsonSchemaV1 });
      const serializer = new JsonSerializer(client, SerdeType.VALUE, { useLatestVersion: true, validate: true });
      const deserializer = new JsonDeserializer(client, SerdeType.VALUE, {});
      const bytes = await serializer.serialize('orders', { order_id: 'o-1', amount: 9.5 });
      assert.equal(bytes.readInt32BE(1), v1);
      assert.deepEqual(await deserializer.deserialize('orders', bytes), { order_id: 'o-1', amount: 9.5 });
      await assert.rejects(serializer.serialize('orders', { order_id: 'o-2' }), /Invalid message/);

      const v2 = await client.register('orders-value', { schemaType: 'JSON', schema: orderJsonSchemaV2 });
      // A new client: the first one caches what "latest" was.
      const freshClient = new SchemaRegistryClient({ baseURLs: [server.url], maxRetries: 0 });
      const newer = await new JsonSerializer(freshClient, SerdeType.VALUE, { useLatestVersion: true }).serialize('orders', {
        order_id: 'o-3',
        amount: 1,
        currency: 'EUR',
      });
      assert.equal(newer.readInt32BE(1), v2);
      assert.deepEqual(await deserializer.deserialize('orders', newer), { order_id: 'o-3', amount: 1, currency: 'EUR' });
      assert.deepEqual(await deserializer.deserialize('orders', bytes), { order_id: 'o-1', amount: 9.5 });
    });

    test('Protobuf serializer auto-registers the descriptor and the deserializer reads it back', async () => {
      const Order = messageDescriptor(orderProtoV1, 'orders.proto', 'com.example.orders.Order');
      const serializer = new ProtobufSerializer(client, SerdeType.VALUE, { autoRegisterSchemas: true });
      serializer.registry.add(Order);
      const deserializer = new ProtobufDeserializer(client, SerdeType.VALUE, {});
      const bytes = await serializer.serialize('payments', create(Order, { orderId: 'p-1', amount: 2.5 }));
      // Magic byte, id, then the message indexes: [0] is a single zero byte.
      assert.equal(bytes[0], 0);
      assert.equal(bytes[5], 0);
      const registered = await client.getLatestSchemaMetadata('payments-value');
      assert.equal(bytes.readInt32BE(1), registered.id);
      assert.equal(registered.schemaType, 'PROTOBUF');
      assert.match(registered.schema, /message Order/);
      const decoded = await deserializer.deserialize('payments', bytes);
      assert.equal(decoded.orderId, 'p-1');
      assert.equal(decoded.amount, 2.5);
    });
  });
}
