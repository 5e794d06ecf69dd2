/**
 * Codegen for a Protobuf contract with three versions registered on the
 * real registry (a nested message and enum, a repeated message of another
 * top-level type, a map, a oneof, a proto3 `optional`, bytes, 64-bit
 * integers, a value added to an enum, a field removed), compiled under
 * `strict` and run against `@kafkajs/confluent-schema-registry`, which
 * writes no message indexes and reads with protobufjs's camelCase names.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { SchemaRegistry } from '@kafkajs/confluent-schema-registry';
import { generate, readContracts } from '../../codegen/index.js';
import { startTestServer, type TestServer } from '../support/registry-server.js';
import { compileGenerated, declarationsWithAny, type CompiledOutput } from './support/compiled-output.js';
import { plain } from './support/plain.js';
import { register } from './support/registry.js';

const fixture = (version: number) => readFileSync(new URL(`./fixtures/shipment-value/v${version}.proto`, import.meta.url), 'utf8');
const SUBJECT = 'shipment-value';

interface ShipmentModule {
  encodeShipment(value: unknown): Buffer;
  decodeShipment(bytes: Uint8Array): unknown;
  decodeShipmentAsync(bytes: Uint8Array): Promise<unknown>;
}
interface IndexModule {
  configureRegistry(options: { url: string } | undefined): void;
}

const latestValue = {
  shipment_id: 's-1',
  status: 'DELIVERED',
  destination: { street: 'Dorpsstraat 2', city: 'Zwolle' },
  items: [{ sku: 'X-1', quantity: 3 }],
  labels: { fragile: 'yes' },
  contact: { case: 'phone', value: '+31 6 5555' },
  note: 'leave at the door',
  signature: Buffer.from([1, 2, 3]),
  tracking_number: '18446744073709551615',
  insured_value: 250.5,
};

describe('Protobuf codegen from the registry', () => {
  let server: TestServer;
  let out: CompiledOutput;
  let shipment: ShipmentModule;
  let kafkajs: SchemaRegistry;
  const ids: number[] = [];

  before(async () => {
    server = await startTestServer();
    for (const version of [1, 2, 3]) ids.push(await register(server.url, SUBJECT, fixture(version), 'PROTOBUF'));
    const { files, warnings } = generate(await readContracts([{ subject: SUBJECT }], server.url));
    assert.deepEqual(warnings, []);
    out = compileGenerated(files, 'protobuf');
    shipment = await out.load<ShipmentModule>('shipment-value');
    kafkajs = new SchemaRegistry({ host: server.url });
  });
  after(async () => {
    out?.dispose();
    await server?.dispose();
  });

  test('compiles under strict with no diagnostics and no `any` in its declarations', () => {
    assert.equal(out.diagnostics, '');
    assert.deepEqual(declarationsWithAny(out), []);
  });

  test('types every version as protobufjs reads it', () => {
    const text = readFileSync(`${out.dir}/shipment-value.ts`, 'utf8');
    for (const name of ['ShipmentV1', 'ShipmentV2', 'ShipmentV3', 'ShipmentStatusV1', 'ShipmentAddressV3', 'ItemV3']) {
      assert.match(text, new RegExp(`export (interface|type) ${name}\\b`));
    }
    assert.match(text, /export type ShipmentStatusV3 = 'PENDING' \| 'SHIPPED' \| 'DELIVERED';/);
    assert.match(text, /weight_grams: string;/, 'int64 as a decimal string');
    assert.match(text, /status: ShipmentStatusV3 \| number;/, 'an enum value the reader does not know stays a number');
    assert.match(text, /destination: ShipmentAddressV3 \| null;/);
    assert.match(text, /items: ItemV3\[\];/);
    assert.match(text, /labels: \{ \[key: string\]: string; \};/);
    assert.match(text, /contact: \{ case: 'email'; value: string; \} \| \{ case: 'phone'; value: string; \} \| \{ case: undefined; value\?: undefined; \};/, 'a oneof is a discriminated union');
    assert.match(text, /note\?: string;/);
    assert.match(text, /signature: Uint8Array;/);
    assert.match(text, /tracking_number\?: string \| number;/, 'the input takes a number too');
  });

  test('round-trips the latest version', () => {
    const bytes = shipment.encodeShipment(latestValue);
    assert.equal(bytes.readInt32BE(1), ids[2]);
    assert.equal(bytes[5], 0, 'message indexes [0], as one 0 byte');
    assert.deepStrictEqual(plain(shipment.decodeShipment(bytes)), latestValue);
  });

  test('unset fields decode as protobufjs defaults them', () => {
    assert.deepStrictEqual(plain(shipment.decodeShipment(shipment.encodeShipment({ shipment_id: 's-2' }))), {
      shipment_id: 's-2',
      status: 'PENDING',
      destination: null,
      items: [],
      labels: {},
      contact: { case: undefined },
      signature: Buffer.alloc(0),
      tracking_number: '0',
      insured_value: 0,
    });
  });

  test('decodes v1 and v2 bytes written by the kafkajs client (no message indexes) into the latest shape', async () => {
    const v1 = await kafkajs.encode(ids[0]!, { shipmentId: 's-3', weightGrams: 1200, status: 1, destination: { street: 'A', city: 'B' }, items: [{ sku: 'K', quantity: 1 }] });
    assert.deepStrictEqual(plain(shipment.decodeShipment(v1)), {
      shipment_id: 's-3',
      status: 'SHIPPED',
      destination: { street: 'A', city: 'B' },
      items: [{ sku: 'K', quantity: 1 }],
      labels: {},
      contact: { case: undefined },
      signature: Buffer.alloc(0),
      tracking_number: '0',
      insured_value: 0,
    });
    const v2 = await kafkajs.encode(ids[1]!, { shipmentId: 's-4', status: 2, email: 'a@b.c', labels: { k: 'v' }, trackingNumber: 42 });
    const decoded = plain(shipment.decodeShipment(v2)) as Record<string, unknown>;
    assert.equal(decoded['status'], 'DELIVERED');
    assert.deepEqual(decoded['contact'], { case: 'email', value: 'a@b.c' });
    assert.equal(decoded['tracking_number'], '42');
    assert.deepEqual(decoded['labels'], { k: 'v' });
  });

  test('bytes it writes decode with the kafkajs client', async () => {
    const decoded = (await kafkajs.decode(shipment.encodeShipment(latestValue))) as { toJSON(): Record<string, unknown> };
    const json = decoded.toJSON();
    assert.equal(json['shipmentId'], 's-1');
    assert.equal(json['status'], 'DELIVERED');
    assert.equal(json['trackingNumber'], '18446744073709551615');
    assert.deepEqual(json['items'], [{ sku: 'X-1', quantity: 3 }]);
    assert.equal(json['phone'], '+31 6 5555');
  });

  test('refuses an invalid value, naming every invalid field; protobufjs would have coerced them', () => {
    assert.throws(
      () => shipment.encodeShipment({ shipment_id: 5, status: 'LOST', items: [{ sku: 'A', quantity: 1.5 }], tracking_number: '-1', email: 'x', contact: { case: 'fax', value: 'y' }, colour: 'red' }),
      (error: Error & { issues?: { path: string }[] }) => {
        assert.equal(error.name, 'EncodeError');
        assert.deepEqual(error.issues?.map((i) => i.path).sort(), ['colour', 'contact.case', 'email', 'items[0].quantity', 'shipment_id', 'status', 'tracking_number']);
        assert.match(error.message, /status: expected one of 'PENDING', 'SHIPPED', 'DELIVERED'/);
        assert.match(error.message, /contact\.case: expected one of 'email', 'phone' or undefined, got/);
        assert.match(error.message, /email: is one of contact: set it as contact: \{ case: 'email', value \}/);
        return true;
      },
    );
  });

  test('an unknown schema id is fetched from the configured registry, where the message indexes are worked out from its text', async () => {
    const id4 = await register(server.url, SUBJECT, readFileSync(new URL('./fixtures/shipment-value/v4-item-first.proto', import.meta.url), 'utf8'), 'PROTOBUF');
    // shipment_id "s-9" (field 1), carrier "DHL" (field 13)
    const payload = Buffer.from([0x0a, 0x03, 0x73, 0x2d, 0x39, 0x6a, 0x03, 0x44, 0x48, 0x4c]);
    const bytes = Buffer.concat([Buffer.from([0, 0, 0, 0, id4, 2, 2]), payload]);
    const index = await out.load<IndexModule>('index');
    index.configureRegistry({ url: server.url });
    try {
      const decoded = plain(await shipment.decodeShipmentAsync(bytes)) as Record<string, unknown>;
      assert.equal(decoded['shipment_id'], 's-9', 'Shipment is message [1] in that version');
      assert.equal(decoded['carrier'], undefined, 'a field the latest version does not know is skipped');
    } finally {
      index.configureRegistry(undefined);
    }
  });

  test('bytes of another message of the schema are refused, naming the indexes', () => {
    const framed = Buffer.concat([Buffer.from([0, 0, 0, 0, ids[2]!, 2, 2]), Buffer.from([0x0a, 0x01, 0x41])]);
    assert.throws(() => shipment.decodeShipment(framed), /carry message indexes \[1\], not those of com\.example\.shipping\.Shipment \(\[0\]\)/);
  });
});
