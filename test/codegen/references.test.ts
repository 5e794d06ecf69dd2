/**
 * Contracts that reference other subjects' schemas (an Avro named type, a
 * JSON Schema document, a Protobuf import), read from the real registry
 * with their references resolved: the referenced types are generated with
 * the contract's, the code compiles, and values round-trip.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { generate, readContracts } from '../../codegen/index.js';
import { startTestServer, type TestServer } from '../support/registry-server.js';
import { compileGenerated, type CompiledOutput } from './support/compiled-output.js';
import { plain } from './support/plain.js';
import { register } from './support/registry.js';

const address = JSON.stringify({ type: 'record', name: 'Address', namespace: 'com.example', fields: [{ name: 'city', type: 'string' }] });
const person = JSON.stringify({ type: 'record', name: 'Person', namespace: 'com.example', fields: [{ name: 'name', type: 'string' }, { name: 'home', type: 'com.example.Address' }] });
const money = JSON.stringify({ type: 'object', title: 'Money', properties: { amount: { type: 'string' }, currency: { type: 'string', minLength: 3, maxLength: 3 } }, required: ['amount', 'currency'] });
const invoice = JSON.stringify({ type: 'object', title: 'Invoice', properties: { total: { $ref: 'money.json' } }, required: ['total'] });
const moneyProto = 'syntax = "proto3";\npackage com.example.common;\nmessage Money {\n  int64 units = 1;\n  string currency = 2;\n}\n';
const orderProto = 'syntax = "proto3";\npackage com.example.orders;\nimport "common/money.proto";\nmessage Order {\n  string order_id = 1;\n  com.example.common.Money total = 2;\n}\n';

interface Module {
  [name: string]: (value: unknown) => unknown;
}

describe('contracts with references', () => {
  let server: TestServer;
  let out: CompiledOutput;

  before(async () => {
    server = await startTestServer();
    await register(server.url, 'address-value', address);
    await register(server.url, 'person-value', person, 'AVRO', undefined, [{ name: 'com.example.Address', subject: 'address-value', version: 1 }]);
    await register(server.url, 'money-json', money, 'JSON');
    await register(server.url, 'invoice-json', invoice, 'JSON', undefined, [{ name: 'money.json', subject: 'money-json', version: 1 }]);
    await register(server.url, 'money-proto', moneyProto, 'PROTOBUF');
    await register(server.url, 'order-proto', orderProto, 'PROTOBUF', undefined, [{ name: 'common/money.proto', subject: 'money-proto', version: 1 }]);
    const contracts = await readContracts(['person-value', 'invoice-json', 'order-proto'].map((subject) => ({ subject })), server.url);
    const { files, warnings } = generate(contracts);
    assert.deepEqual(warnings, []);
    out = compileGenerated(files, 'references');
  });
  after(async () => {
    out?.dispose();
    await server?.dispose();
  });

  test('compiles under strict with no diagnostics', () => {
    assert.equal(out.diagnostics, '');
  });

  test('Avro: the referenced record is a type of the contract, and values round-trip', async () => {
    assert.match(readFileSync(`${out.dir}/person-value.ts`, 'utf8'), /home: AddressV1;/);
    const person = await out.load<Module>('person-value');
    const value = { name: 'Ada', home: { city: 'London' } };
    assert.deepStrictEqual(plain(person['decodePerson']!(person['encodePerson']!(value))), value);
  });

  test('JSON Schema: the referenced document is a type, and ajv checks it', async () => {
    assert.match(readFileSync(`${out.dir}/invoice-json.ts`, 'utf8'), /total: MoneyV1;/);
    const invoice = await out.load<Module>('invoice-json');
    const value = { total: { amount: '12.50', currency: 'EUR' } };
    assert.deepStrictEqual(invoice['decodeInvoice']!(invoice['encodeInvoice']!(value)), value);
    assert.throws(() => invoice['encodeInvoice']!({ total: { amount: '1', currency: 'EURO' } }), /total\.currency: must NOT have more than 3 characters/);
  });

  test('Protobuf: the imported message is a type, and values round-trip', async () => {
    assert.match(readFileSync(`${out.dir}/order-proto.ts`, 'utf8'), /total: MoneyV1 \| null;/);
    const order = await out.load<Module>('order-proto');
    const value = { order_id: 'o-1', total: { units: '12', currency: 'EUR' } };
    assert.deepStrictEqual(plain(order['decodeOrder']!(order['encodeOrder']!(value))), value);
  });
});
