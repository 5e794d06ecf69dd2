/**
 * `@kafkajs/confluent-schema-registry`, the client most TypeScript Kafka users
 * run, against the real server: register, encode, decode with a newer reader
 * schema, and its lookups; on each backend.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { SchemaRegistry, SchemaType } from '@kafkajs/confluent-schema-registry';
import { customerSchema, customerWithRequiredEmail } from '../support/avro-fixtures.js';
import { backends } from '../support/backends.js';
import { startTestServer, type TestServer } from '../support/registry-server.js';

let server: TestServer;
let registry: SchemaRegistry;

for (const backend of backends()) {
  describe(backend.name, { skip: backend.skip }, () => {
    before(async () => {
      server = await startTestServer(backend);
      registry = new SchemaRegistry({ host: server.url }, { [SchemaType.AVRO]: {} });
    });
    after(async () => {
      await server?.dispose();
    });

    test('registers, encodes in Confluent wire format and decodes', async () => {
      const { id } = await registry.register({ type: SchemaType.AVRO, schema: customerSchema() }, { subject: 'kafkajs-customer' });
      assert.equal(id, 1);
      const encoded = await registry.encode(id, { customer_id: 'c-1', name: 'Ada' });
      assert.equal(encoded[0], 0);
      assert.equal(encoded.readInt32BE(1), id);
      assert.deepEqual({ ...(await registry.decode(encoded)) }, { customer_id: 'c-1', name: 'Ada' });
    });

    test('registering the same schema again answers the same id', async () => {
      const { id } = await registry.register({ type: SchemaType.AVRO, schema: customerSchema() }, { subject: 'kafkajs-customer' });
      assert.equal(id, 1);
    });

    test('decodes old bytes with a newer reader schema, filling defaults', async () => {
      const v1 = await registry.getRegistryId('kafkajs-customer', 1);
      const oldBytes = await registry.encode(v1, { customer_id: 'c-2', name: 'Grace' });
      const { id: v2 } = await registry.register({ type: SchemaType.AVRO, schema: customerSchema(1) }, { subject: 'kafkajs-customer' });
      assert.equal(v2, 2);
      const decoded = await registry.decode(oldBytes, { [SchemaType.AVRO]: { readerSchema: JSON.parse(customerSchema(1)) } });
      assert.deepEqual({ ...decoded }, { customer_id: 'c-2', name: 'Grace', extra_1: null });
    });

    test('lookups: latest id, id by version, id by schema, schema by id', async () => {
      assert.equal(await registry.getLatestSchemaId('kafkajs-customer'), 2);
      assert.equal(await registry.getRegistryId('kafkajs-customer', 1), 1);
      assert.equal(await registry.getRegistryIdBySchema('kafkajs-customer', { type: SchemaType.AVRO, schema: customerSchema(1) }), 2);
      const schema = await registry.getSchema(1);
      assert.equal((schema as unknown as { name: string }).name, 'com.example.Customer');
    });

    test('an incompatible schema is refused with the registry\'s message', async () => {
      await assert.rejects(
        registry.register({ type: SchemaType.AVRO, schema: customerWithRequiredEmail }, { subject: 'kafkajs-customer' }),
        /incompatible with an earlier schema/,
      );
    });

    test('a lookup of an unregistered schema is an error', async () => {
      await assert.rejects(registry.getRegistryIdBySchema('kafkajs-customer', { type: SchemaType.AVRO, schema: customerSchema(9) }));
    });
  });
}
