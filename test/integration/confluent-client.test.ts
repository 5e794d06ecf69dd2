/**
 * `@confluentinc/schemaregistry`, Confluent's own JavaScript client and
 * serializers, against the real server: register, lookups, config,
 * compatibility, deletes, and an Avro serializer/deserializer round trip
 * (which first asks the associations endpoint which subject to use); on each
 * backend.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  AvroDeserializer,
  AvroSerializer,
  Compatibility,
  SchemaRegistryClient,
  SerdeType,
} from '@confluentinc/schemaregistry';
import { customerSchema, customerWithRequiredEmail } from '../support/avro-fixtures.js';
import { backends } from '../support/backends.js';
import { startTestServer, type TestServer } from '../support/registry-server.js';

let server: TestServer;
let client: SchemaRegistryClient;
const avro = (schema: string) => ({ schemaType: 'AVRO', schema });

for (const backend of backends()) {
  describe(backend.name, { skip: backend.skip }, () => {
    before(async () => {
      server = await startTestServer(backend);
      client = new SchemaRegistryClient({ baseURLs: [server.url], maxRetries: 0 });
    });
    after(async () => {
      await server?.dispose();
    });

    test('register and registerFullResponse', async () => {
      assert.equal(await client.register('orders-value', avro(customerSchema())), 1);
      const full = await client.registerFullResponse('orders-value', avro(customerSchema(1)));
      assert.equal(full.id, 2);
      assert.equal(full.version, 2);
      assert.ok(full.guid);
    });

    test('lookups by subject and id, by schema, by version, by guid', async () => {
      const info = await client.getBySubjectAndId('orders-value', 1);
      assert.equal(info.schema, customerSchema());
      assert.equal(await client.getId('orders-value', avro(customerSchema(1))), 2);
      assert.equal(await client.getVersion('orders-value', avro(customerSchema())), 1);
      const latest = await client.getLatestSchemaMetadata('orders-value');
      assert.deepEqual([latest.id, latest.version], [2, 2]);
      const v1 = await client.getSchemaMetadata('orders-value', 1);
      assert.equal(v1.id, 1);
      const byGuid = await client.getByGuid(latest.guid!);
      assert.equal(byGuid.schema, customerSchema(1));
      assert.deepEqual(await client.getAllVersions('orders-value'), [1, 2]);
      assert.deepEqual(await client.getAllSubjects(), ['orders-value']);
    });

    test('config: default and subject compatibility', async () => {
      assert.equal(await client.getDefaultCompatibility(), Compatibility.BACKWARD);
      assert.equal(await client.updateCompatibility('orders-value', Compatibility.FULL), Compatibility.FULL);
      assert.equal(await client.getCompatibility('orders-value'), Compatibility.FULL);
      assert.equal(await client.updateDefaultCompatibility(Compatibility.FORWARD), Compatibility.FORWARD);
      await client.updateDefaultCompatibility(Compatibility.BACKWARD);
      await client.updateCompatibility('orders-value', Compatibility.BACKWARD);
    });

    test('compatibility checks', async () => {
      assert.equal(await client.testSubjectCompatibility('orders-value', avro(customerSchema(2))), true);
      assert.equal(await client.testSubjectCompatibility('orders-value', avro(customerWithRequiredEmail)), false);
      assert.equal(await client.testCompatibility('orders-value', 1, avro(customerSchema(2))), true);
    });

    test('errors carry the registry\'s code', async () => {
      await assert.rejects(client.register('orders-value', avro(customerWithRequiredEmail)), (error: { errorCode?: number; status?: number }) => {
        assert.equal(error.errorCode, 40901);
        assert.equal(error.status, 409);
        return true;
      });
    });

    test('Avro serializer and deserializer round trip through the registry', async () => {
      const serializer = new AvroSerializer(client, SerdeType.VALUE, { autoRegisterSchemas: true });
      const deserializer = new AvroDeserializer(client, SerdeType.VALUE, {});
      const record = { customer_id: 'c-9', name: 'Lin' };
      const serializer2 = new AvroSerializer(client, SerdeType.VALUE, { useLatestVersion: true });
      const bytes = await serializer2.serialize('orders', record);
      assert.equal(bytes[0], 0);
      assert.equal(bytes.readInt32BE(1), 2);
      assert.deepEqual({ ...(await deserializer.deserialize('orders', bytes)) }, { ...record, extra_1: null });

      // Auto-registration under a new topic's subject.
      const fresh = await serializer.serialize('payments', { customer_id: 'p-1', name: 'Ines' });
      const registered = await client.getLatestSchemaMetadata('payments-value');
      assert.equal(fresh.readInt32BE(1), registered.id);
      assert.deepEqual({ ...(await deserializer.deserialize('payments', fresh)) }, { customer_id: 'p-1', name: 'Ines' });
    });

    test('deletes: version soft then hard, subject soft then hard', async () => {
      await client.register('temp-value', avro(customerSchema()));
      await client.register('temp-value', avro(customerSchema(1)));
      assert.equal(await client.deleteSubjectVersion('temp-value', 2, false), 2);
      assert.equal(await client.deleteSubjectVersion('temp-value', 2, true), 2);
      assert.deepEqual(await client.deleteSubject('temp-value', false), [1]);
      assert.deepEqual(await client.deleteSubject('temp-value', true), [1]);
      await assert.rejects(client.getAllVersions('temp-value'), (error: { errorCode?: number }) => error.errorCode === 40401);
    });
  });
}
