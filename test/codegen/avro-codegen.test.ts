/**
 * Codegen for an Avro contract with three versions registered on the real
 * registry (a field removed, fields added with defaults, an enum symbol
 * added, nullable unions, a wrapped union, logical types), read back over
 * HTTP, compiled under `strict` and run: every version's bytes decode into
 * the latest type, the latest round-trips, and the bytes interoperate with
 * `@kafkajs/confluent-schema-registry` both ways.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { SchemaRegistry, SchemaType } from '@kafkajs/confluent-schema-registry';
import avro from 'avsc';
import { generate, readContracts } from '../../codegen/index.js';
import { startTestServer, type TestServer } from '../support/registry-server.js';
import { compileGenerated, declarationsWithAny, type CompiledOutput } from './support/compiled-output.js';
import { plain } from './support/plain.js';
import { register } from './support/registry.js';

const fixture = (version: number) => readFileSync(new URL(`./fixtures/customer-value/v${version}.avsc`, import.meta.url), 'utf8');
const ECST = { properties: { 'ecst.key': 'customer_id', 'ecst.sequence': 'header:ecst-sequence' } };
const SUBJECT = 'customer-value';

interface Codec {
  encode(value: unknown): Buffer;
  decode(bytes: Uint8Array): unknown;
}
interface CustomerModule {
  encodeCustomer(value: unknown): Buffer;
  decodeCustomer(bytes: Uint8Array): unknown;
  decodeCustomerAsync(bytes: Uint8Array): Promise<unknown>;
  customerCodec: Codec;
  toMessage(state: unknown, sequence: bigint | number): { key: string; value: Buffer | null; headers: Record<string, string> };
  tombstone(key: string, sequence: bigint | number): { key: string; value: Buffer | null; headers: Record<string, string> };
  fromMessage(message: unknown): { kind: string; key: string; sequence: bigint; state?: unknown };
}
interface IndexModule {
  configureRegistry(options: { url: string } | undefined): void;
  asUuid(text: string): string;
}

const updatedAt = new Date('2026-11-23T10:15:00.000Z');
const latestValue = {
  customer_id: 'c-42',
  name: 'Grace',
  status: 'DELETED',
  email: 'grace@example.com',
  updated_at: updatedAt,
  loyalty_points: 1200,
  address: { street: 'Kerkstraat 1', city: 'Utrecht' },
  balance: '-1234.50',
  birthday: new Date('1990-02-03T00:00:00.000Z'),
  external_id: '123e4567-e89b-12d3-a456-426614174000',
  tags: { segment: 'gold' },
  scores: [0.5, 1],
  preferred_contact: { 'com.example.customers.PhoneContact': { number: '+31 6 1234', country: 'NL' } },
};
const defaultsOfV3 = { loyalty_points: 0, address: null, balance: '0.00', birthday: null, external_id: null, tags: {}, scores: [], preferred_contact: null };

/** Avro's long encoding: zig-zag, then seven bits a byte. */
function zigZagLong(value: bigint): Buffer {
  let v = value >= 0n ? value << 1n : (-value << 1n) - 1n;
  const bytes: number[] = [];
  while (v > 0x7fn) {
    bytes.push(Number(v & 0x7fn) | 0x80);
    v >>= 7n;
  }
  bytes.push(Number(v));
  return Buffer.from(bytes);
}

describe('Avro codegen from the registry', () => {
  let server: TestServer;
  let out: CompiledOutput;
  let customer: CustomerModule;
  let index: IndexModule;
  let kafkajs: SchemaRegistry;
  const ids: number[] = [];

  before(async () => {
    server = await startTestServer();
    for (const version of [1, 2, 3]) ids.push(await register(server.url, SUBJECT, fixture(version), 'AVRO', version === 3 ? ECST : undefined));
    const { files, warnings } = generate(await readContracts([{ subject: SUBJECT }], server.url));
    assert.deepEqual(warnings, []);
    out = compileGenerated(files, 'avro');
    customer = await out.load<CustomerModule>('customer-value');
    index = await out.load<IndexModule>('index');
    kafkajs = new SchemaRegistry({ host: server.url });
  });
  after(async () => {
    index?.configureRegistry(undefined);
    out?.dispose();
    await server?.dispose();
  });

  test('compiles under strict with no diagnostics and no `any` in its declarations', () => {
    assert.equal(out.diagnostics, '');
    assert.deepEqual(declarationsWithAny(out), []);
  });

  test('names the subject, every version and its id in the header, and types every version', () => {
    const text = readFileSync(`${out.dir}/customer-value.ts`, 'utf8');
    assert.match(text, /Subject customer-value \(AVRO\)/);
    assert.match(text, new RegExp(`Versions: 1 \\(schema id ${ids[0]}\\), 2 \\(schema id ${ids[1]}\\), 3 \\(schema id ${ids[2]}\\); latest: 3`));
    for (const name of ['CustomerV1', 'CustomerV2', 'CustomerV3', 'StatusV1', 'StatusV3', 'AddressV2']) assert.match(text, new RegExp(`export (interface|type) ${name}\\b`));
    assert.match(text, /export type Customer = CustomerV3;/);
    assert.match(text, /export type StatusV3 = 'ACTIVE' \| 'BLOCKED' \| 'DELETED';/);
    assert.match(text, /loyalty_points\?: number;/, 'a field with a default is optional in the input');
    assert.match(text, /preferred_contact: null \| \{ 'com\.example\.customers\.EmailContact': EmailContactV3; \} \| \{ 'com\.example\.customers\.PhoneContact': PhoneContactV3; \};/);
    assert.match(text, /\/\*\* Stable identifier: the ECST key\. \*\//);
  });

  test('round-trips the latest version: Date, decimal string and uuid values', () => {
    const bytes = customer.encodeCustomer(latestValue);
    assert.equal(bytes[0], 0);
    assert.equal(bytes.readInt32BE(1), ids[2]);
    assert.deepStrictEqual(plain(customer.decodeCustomer(bytes)), latestValue);
  });

  test('fills defaults on encode for fields left out', () => {
    const { customer_id, name, status, email, updated_at } = latestValue;
    const decoded = customer.decodeCustomer(customer.encodeCustomer({ customer_id, name, status, email, updated_at }));
    assert.deepStrictEqual(plain(decoded), { customer_id, name, status, email, updated_at, ...defaultsOfV3 });
  });

  test('decodes v1 and v2 bytes written by the kafkajs client into the latest shape, defaults filled in', async () => {
    const v1 = await kafkajs.encode(ids[0]!, { customer_id: 'c-1', name: 'Ada', nickname: 'ada', status: 'BLOCKED', email: null, updated_at: 1_700_000_000_000 });
    assert.deepStrictEqual(plain(customer.decodeCustomer(v1)), {
      customer_id: 'c-1',
      name: 'Ada',
      status: 'BLOCKED',
      email: null,
      updated_at: new Date(1_700_000_000_000),
      ...defaultsOfV3,
    });
    const v2 = await kafkajs.encode(ids[1]!, {
      customer_id: 'c-2',
      name: 'Bob',
      status: 'ACTIVE',
      email: 'bob@example.com',
      updated_at: 5,
      loyalty_points: 7,
      address: { street: 'Main St 1', city: 'Delft' },
    });
    assert.deepStrictEqual(plain(customer.decodeCustomer(v2)), {
      ...defaultsOfV3,
      customer_id: 'c-2',
      name: 'Bob',
      status: 'ACTIVE',
      email: 'bob@example.com',
      updated_at: new Date(5),
      loyalty_points: 7,
      address: { street: 'Main St 1', city: 'Delft' },
    });
  });

  test('bytes it writes decode with the kafkajs client', async () => {
    const bytes = customer.encodeCustomer(latestValue);
    const decoded = plain(await kafkajs.decode(bytes)) as Record<string, unknown>;
    assert.equal(decoded['updated_at'], updatedAt.getTime(), 'kafkajs has no logical types: the long underneath');
    assert.equal(decoded['birthday'], 7338);
    assert.deepEqual(decoded['balance'], Buffer.from([0xfe, 0x1d, 0xc6]));
    assert.equal(decoded['external_id'], latestValue.external_id);
    assert.equal(decoded['status'], 'DELETED');
    assert.deepEqual(decoded['preferred_contact'], latestValue.preferred_contact, 'the same union wrapping as avsc');
    assert.deepEqual(decoded['address'], latestValue.address);
  });

  test('bytes it writes decode with the kafkajs client reading as an older version that can (v3 without DELETED)', async () => {
    const v3 = JSON.parse(fixture(3)) as { fields: { name: string; type: unknown }[] };
    const reader = { ...v3, fields: v3.fields.filter((f) => !['balance', 'birthday'].includes(f.name)) };
    const bytes = customer.encodeCustomer({ ...latestValue, status: 'ACTIVE' });
    const decoded = plain(await kafkajs.decode(bytes, { [SchemaType.AVRO]: { readerSchema: reader as never } })) as Record<string, unknown>;
    assert.equal(decoded['customer_id'], 'c-42');
    assert.equal(decoded['balance'], undefined);
  });

  test('bytes of the latest version written by the kafkajs client decode', async () => {
    const bytes = await kafkajs.encode(ids[2]!, {
      ...latestValue,
      updated_at: updatedAt.getTime(),
      balance: Buffer.from([0xfe, 0x1d, 0xc6]),
      birthday: 7338,
      external_id: latestValue.external_id,
    });
    const decoded = plain(customer.decodeCustomer(bytes)) as Record<string, unknown>;
    assert.equal(decoded['balance'], '-1234.50');
    assert.deepEqual(decoded['birthday'], new Date(7338 * 86_400_000));
    assert.deepEqual(decoded['updated_at'], updatedAt);
  });

  test('refuses an invalid value, naming every invalid field', () => {
    assert.throws(
      () => customer.encodeCustomer({ ...latestValue, name: 7, status: 'GONE', balance: '1.234', address: { street: 'x' }, external_id: 'not-a-uuid' }),
      (error: Error & { issues?: { path: string }[] }) => {
        assert.equal(error.name, 'EncodeError');
        assert.deepEqual(error.issues?.map((i) => i.path).sort(), ['address.city', 'balance', 'external_id', 'name', 'status']);
        assert.match(error.message, /status: expected one of 'ACTIVE', 'BLOCKED', 'DELETED'/);
        assert.match(error.message, /balance: expected a decimal string with at most 12 digits, 2 after the point/);
        return true;
      },
    );
    assert.throws(() => customer.encodeCustomer({ ...latestValue, birthday: new Date('1990-02-03T12:00:00Z') }), /birthday: expected null or a Date at 00:00:00\.000 UTC \(date\)/);
  });

  test('guards long: no number beyond ±(2^53 − 1) is written or read', () => {
    assert.throws(() => customer.encodeCustomer({ ...latestValue, loyalty_points: 2 ** 53 }), /loyalty_points: expected an integer within ±\(2\^53 − 1\) \(long\)/);
    // v2's fields up to loyalty_points, which is then written by hand as 2^60, and a null address.
    const v2 = JSON.parse(fixture(2)) as { fields: { name: string }[] };
    const head = avro.Type.forSchema({ ...v2, fields: v2.fields.slice(0, 5) } as never);
    const prefix = head.toBuffer({ customer_id: 'c', name: 'n', status: 'ACTIVE', email: null, updated_at: 0 });
    const bytes = Buffer.concat([Buffer.from([0, 0, 0, 0, ids[1]!]), prefix, zigZagLong(2n ** 60n), Buffer.from([0])]);
    assert.throws(() => customer.decodeCustomer(bytes), /cannot be read as a JavaScript number without losing precision/);
  });

  test('a tombstone is never handed to the decoder, and framing errors are named', () => {
    assert.throws(() => customer.decodeCustomer(null as unknown as Uint8Array), /tombstone/);
    assert.throws(() => customer.decodeCustomer(Buffer.from([1, 0, 0, 0, 1, 0])), /unknown magic byte 1/);
    assert.throws(() => customer.decodeCustomer(Buffer.from([0, 0])), /at least 5/);
    const truncated = customer.encodeCustomer(latestValue).subarray(0, 20);
    assert.throws(() => customer.decodeCustomer(truncated), /customer-value: .*schema id/);
  });

  test('an unknown schema id: the synchronous decoder says so; the asynchronous one fetches it once from the registry', async () => {
    const v4 = JSON.parse(fixture(3)) as { fields: object[] };
    v4.fields.push({ name: 'vip', type: 'boolean', default: false });
    const id4 = await register(server.url, SUBJECT, JSON.stringify(v4));
    const bytes = await kafkajs.encode(id4, { ...latestValue, updated_at: 1, balance: Buffer.from([0]), birthday: null, vip: true });

    delete process.env['CREG_REGISTRY_URL'];
    index.configureRegistry(undefined);
    assert.throws(() => customer.decodeCustomer(bytes), (error: Error) => error.name === 'UnknownSchemaError' && error.message.includes(`schema id ${id4}`));
    await assert.rejects(customer.decodeCustomerAsync(bytes), /no registry is configured to fetch it: call configureRegistry/);

    index.configureRegistry({ url: server.url });
    const realFetch = globalThis.fetch;
    let fetches = 0;
    globalThis.fetch = (input, init) => {
      if (String(input).includes(`/schemas/ids/${id4}`)) fetches++;
      return realFetch(input, init);
    };
    try {
      const [a, b] = await Promise.all([customer.decodeCustomerAsync(bytes), customer.decodeCustomerAsync(bytes)]);
      assert.deepEqual(plain(a), plain(b));
      assert.equal((plain(a) as { vip?: boolean }).vip, undefined, 'a field the latest version does not know is dropped');
      assert.equal((plain(customer.decodeCustomer(bytes)) as { customer_id: string }).customer_id, 'c-42', 'then the synchronous decoder knows it too');
      assert.equal(fetches, 1);
    } finally {
      globalThis.fetch = realFetch;
    }
  });

  test('ECST: toMessage, tombstone and fromMessage, the sequence in the ecst-sequence header', () => {
    const message = customer.toMessage(latestValue, 7n);
    assert.equal(message.key, 'c-42');
    assert.deepEqual(message.headers, { 'ecst-sequence': '7' });
    const event = customer.fromMessage({ key: Buffer.from(message.key), value: message.value, headers: { 'ecst-sequence': Buffer.from('7') } });
    assert.equal(event.kind, 'upsert');
    assert.equal(event.sequence, 7n);
    assert.deepStrictEqual(plain(event.state), latestValue);

    const deletion = customer.tombstone('c-42', 8);
    assert.deepEqual(deletion, { key: 'c-42', value: null, headers: { 'ecst-sequence': '8' } });
    assert.deepEqual(customer.fromMessage({ ...deletion, key: Buffer.from('c-42') }), { kind: 'delete', key: 'c-42', sequence: 8n });

    assert.throws(() => customer.fromMessage({ key: 'c-1', value: message.value, headers: { 'ecst-sequence': '7' } }), /message key "c-1" differs from the state's customer_id "c-42"/);
    assert.throws(() => customer.fromMessage({ key: 'c-42', value: message.value, headers: {} }), /no ecst-sequence header/);
    assert.throws(() => customer.fromMessage({ key: 'c-42', value: null, headers: { 'ecst-sequence': 'x' } }), /not an integer sequence/);
    assert.throws(() => customer.fromMessage({ key: null, value: null, headers: { 'ecst-sequence': '1' } }), /no key/);
  });
});
