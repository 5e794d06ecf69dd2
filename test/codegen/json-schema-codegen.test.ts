/**
 * Codegen for a JSON Schema contract with three versions registered on the
 * real registry (an optional property with a default, `$ref` definitions,
 * `oneOf`, a nullable type, a `format`, open `additionalProperties`),
 * compiled under `strict` and run against `@kafkajs/confluent-schema-registry`.
 * Its ECST sequence is a field of the state.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { SchemaRegistry, SchemaType } from '@kafkajs/confluent-schema-registry';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { generate, readContracts } from '../../codegen/index.js';
import { startTestServer, type TestServer } from '../support/registry-server.js';
import { compileGenerated, declarationsWithAny, type CompiledOutput } from './support/compiled-output.js';
import { register } from './support/registry.js';

const fixture = (version: number) => readFileSync(new URL(`./fixtures/order-json/v${version}.json`, import.meta.url), 'utf8');
const ECST = { properties: { 'ecst.key': 'order_id', 'ecst.sequence': 'field:sequence' } };
const SUBJECT = 'order-json';

interface Message {
  key: string;
  value: Buffer | null;
  headers: Record<string, string>;
}
interface OrderModule {
  encodeOrder(value: unknown): Buffer;
  decodeOrder(bytes: Uint8Array): unknown;
  toMessage(state: unknown): Message;
  tombstone(key: string, sequence: bigint | number): Message;
  fromMessage(message: unknown): { kind: string; key: string; sequence: bigint; state?: unknown };
}

const latestValue = {
  order_id: 'o-7',
  amount: 99.5,
  status: 'PAID',
  sequence: 3,
  currency: 'USD',
  lines: [{ sku: 'A-1', quantity: 2 }],
  customer: { kind: 'company', vat_number: 'NL001' },
  notes: null,
  placed_at: '2026-11-23T10:15:00Z',
  labels: { channel: 'web' },
};

describe('JSON Schema codegen from the registry', () => {
  let server: TestServer;
  let out: CompiledOutput;
  let order: OrderModule;
  let kafkajs: SchemaRegistry;
  const ids: number[] = [];

  before(async () => {
    server = await startTestServer();
    for (const version of [1, 2, 3]) ids.push(await register(server.url, SUBJECT, fixture(version), 'JSON', version === 3 ? ECST : undefined));
    const { files, warnings } = generate(await readContracts([{ subject: SUBJECT }], server.url));
    assert.deepEqual(warnings, []);
    out = compileGenerated(files, 'json');
    order = await out.load<OrderModule>('order-json');
    kafkajs = new SchemaRegistry({ host: server.url }, { [SchemaType.JSON]: { ajvInstance: addFormats.default(new Ajv({ strict: false })) } });
  });
  after(async () => {
    out?.dispose();
    await server?.dispose();
  });

  test('compiles under strict with no diagnostics and no `any` in its declarations', () => {
    assert.equal(out.diagnostics, '');
    assert.deepEqual(declarationsWithAny(out), []);
  });

  test('types every version: required and optional properties, enums, $ref definitions, oneOf, nullable, additionalProperties', () => {
    const text = readFileSync(`${out.dir}/order-json.ts`, 'utf8');
    for (const name of ['OrderV1', 'OrderV2', 'OrderV3', 'LineV2', 'PersonV3', 'CompanyV3']) assert.match(text, new RegExp(`export (interface|type) ${name}\\b`));
    assert.match(text, /export type Order = OrderV3;/);
    assert.match(text, /export type Line = LineV3;/);
    assert.match(text, /status: 'PLACED' \| 'PAID';/);
    assert.match(text, /currency\?: string;/);
    assert.match(text, /lines\?: LineV3\[\];/);
    assert.match(text, /customer\?: PersonV3 \| CompanyV3;/);
    assert.match(text, /notes\?: string \| null;/);
    assert.match(text, /labels\?: \{\s*\[key: string\]: string;\s*\};/);
    assert.match(text, /kind: 'company';/);
    assert.match(text, /import addFormats from 'ajv-formats';/, 'format is used: ajv-formats validates it');
  });

  test('round-trips the latest version', () => {
    const bytes = order.encodeOrder(latestValue);
    assert.equal(bytes.readInt32BE(1), ids[2]);
    assert.deepStrictEqual(order.decodeOrder(bytes), latestValue);
  });

  test('decodes v1 and v2 bytes written by the kafkajs client into the latest shape, defaults filled in', async () => {
    const v1 = await kafkajs.encode(ids[0]!, { order_id: 'o-1', amount: 5, status: 'PLACED', sequence: 1 });
    assert.deepStrictEqual(order.decodeOrder(v1), { order_id: 'o-1', amount: 5, status: 'PLACED', sequence: 1, currency: 'EUR' });
    const v2 = await kafkajs.encode(ids[1]!, { order_id: 'o-2', amount: 6, status: 'PAID', sequence: 2, lines: [{ sku: 'B', quantity: 1 }], notes: 'x' });
    assert.deepStrictEqual(order.decodeOrder(v2), { order_id: 'o-2', amount: 6, status: 'PAID', sequence: 2, lines: [{ sku: 'B', quantity: 1 }], notes: 'x', currency: 'EUR' });
  });

  test('bytes it writes decode with the kafkajs client', async () => {
    assert.deepStrictEqual(await kafkajs.decode(order.encodeOrder(latestValue)), latestValue);
  });

  test('refuses an invalid value, naming every invalid field', () => {
    const { order_id: _id, ...withoutId } = latestValue;
    assert.throws(
      () => order.encodeOrder({ ...withoutId, amount: -1, lines: [{ sku: 'A', quantity: 0 }], placed_at: 'yesterday', colour: 'red' }),
      (error: Error & { issues?: { path: string; message: string }[] }) => {
        assert.equal(error.name, 'EncodeError');
        const paths = error.issues?.map((i) => i.path) ?? [];
        for (const path of ['order_id', 'amount', 'lines[0].quantity', 'placed_at', '']) assert.ok(paths.includes(path), `${path} in ${paths.join(', ')}`);
        assert.match(error.message, /order_id: is required/);
        assert.match(error.message, /amount: must be >= 0/);
        assert.match(error.message, /must NOT have additional properties/);
        return true;
      },
    );
  });

  test('bytes that do not match the latest version are refused on decode, with the writer id', async () => {
    const bad = Buffer.concat([Buffer.from([0, 0, 0, 0, ids[0]!]), Buffer.from('{"order_id":"o","amount":-2,"status":"PLACED","sequence":1}')]);
    assert.throws(() => order.decodeOrder(bad), new RegExp(`written with schema id ${ids[0]} does not match version 3: amount: must be >= 0`));
  });

  test('ECST with the sequence in a field: toMessage takes it from the state; a tombstone carries it in a header', () => {
    const message = order.toMessage(latestValue);
    assert.equal(message.key, 'o-7');
    assert.deepEqual(message.headers, {});
    const event = order.fromMessage({ key: Buffer.from('o-7'), value: message.value });
    assert.deepEqual({ kind: event.kind, key: event.key, sequence: event.sequence }, { kind: 'upsert', key: 'o-7', sequence: 3n });
    assert.deepStrictEqual(event.state, latestValue);
    const deletion = order.tombstone('o-7', 4);
    assert.deepEqual(deletion, { key: 'o-7', value: null, headers: { 'ecst-sequence': '4' } });
    assert.deepEqual(order.fromMessage(deletion), { kind: 'delete', key: 'o-7', sequence: 4n });
  });
});
