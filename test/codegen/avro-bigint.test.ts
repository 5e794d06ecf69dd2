/**
 * Avro `long` as `bigint`, opted into per subject (`avroLong: 'bigint'`):
 * the generated types say `bigint` wherever the schema says `long` (in
 * unions, arrays, maps, defaults), the code compiles under `strict`, and
 * values beyond 2^53 round-trip exactly, through avsc's custom long type
 * (`LongType.__with`) and the compiled reader alike; timestamps on a long
 * stay `Date`s; an older version's `int` is read as a `bigint`. Without the
 * opt-in, `long` stays avsc's `number`.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { generate, readConfig, type SubjectContract } from '../../codegen/index.js';
import { compileGenerated, declarationsWithAny, type CompiledOutput } from './support/compiled-output.js';
import { plain } from './support/plain.js';

const V1 = {
  type: 'record',
  name: 'Account',
  namespace: 'com.example.ledger',
  fields: [
    { name: 'account_id', type: 'string' },
    { name: 'balance', type: 'int' },
  ],
};
const V2 = {
  type: 'record',
  name: 'Account',
  namespace: 'com.example.ledger',
  fields: [
    { name: 'account_id', type: 'string' },
    { name: 'balance', type: 'long', doc: 'In micro-units.' },
    { name: 'limit', type: ['null', 'long'], default: null },
    { name: 'history', type: { type: 'array', items: 'long' }, default: [] },
    { name: 'by_currency', type: { type: 'map', values: { type: 'long' } }, default: {} },
    { name: 'opened_at', type: { type: 'long', logicalType: 'timestamp-millis' }, default: 0 },
    { name: 'settled_at', type: { type: 'long', logicalType: 'timestamp-micros' }, default: 0 },
    { name: 'version', type: 'long', default: 7 },
    { name: 'ref', type: ['long', 'string'], default: 0 },
    { name: 'count', type: ['int', 'long'], default: 0 },
    { name: 'clock', type: { type: 'long', logicalType: 'time-micros' }, default: 0 },
  ],
};

const contract = (avroLong?: 'bigint'): SubjectContract => ({
  subject: 'account-value',
  ...(avroLong === undefined ? {} : { avroLong }),
  versions: [V1, V2].map((schema, i) => ({ version: i + 1, id: 61 + i, schemaType: 'AVRO' as const, schema: JSON.stringify(schema), references: [] })),
});

const CONSUMER = `import type { Account, AccountInput } from './account-value.js';

export function total(account: Account): bigint {
  return account.balance + account.history.reduce((a, b) => a + b, 0n) + (account.limit ?? 0n);
}

export const input: AccountInput = { account_id: 'a', balance: 2n ** 63n - 1n, opened_at: new Date(0), settled_at: new Date(0) };
// @ts-expect-error a long is a bigint, not a number
export const wrong: AccountInput = { account_id: 'a', balance: 1, opened_at: new Date(0), settled_at: new Date(0) };
`;

interface AccountModule {
  encodeAccount(value: unknown): Buffer;
  decodeAccount(bytes: Uint8Array): unknown;
}

const MAX = 2n ** 63n - 1n;
const MIN = -(2n ** 63n);

describe('Avro long as bigint (opt-in)', () => {
  let out: CompiledOutput;
  let account: AccountModule;
  let consumer: { total(value: unknown): bigint };

  before(async () => {
    const { files, warnings } = generate([contract('bigint')]);
    assert.deepEqual(warnings, []);
    out = compileGenerated(files, 'avro-bigint', { 'consumer.ts': CONSUMER });
    account = await out.load<AccountModule>('account-value');
    consumer = await out.load('consumer');
  });
  after(() => out?.dispose());

  test('compiles under strict, the consumer doing bigint arithmetic included, with no `any` in its declarations', () => {
    assert.equal(out.diagnostics, '');
    assert.deepEqual(declarationsWithAny(out), []);
  });

  test('types every long as bigint; an int stays a number', () => {
    const text = readFileSync(`${out.dir}/account-value.ts`, 'utf8').replace(/\s+/g, ' ');
    assert.match(text, /export interface AccountV1 \{ account_id: string; balance: number; \}/);
    for (const field of ['balance: bigint;', 'limit: null | bigint;', 'history: bigint[];', 'by_currency: { [key: string]: bigint; };', 'opened_at: Date;', 'settled_at: Date;', 'version: bigint;', 'ref: bigint | string;', 'count: number | bigint;', 'clock: bigint;']) {
      assert.ok(text.includes(` ${field}`), field);
    }
    assert.match(text, /longs: 'bigint'/);
  });

  const edges = [MAX, MIN, 2n ** 53n + 1n, -(2n ** 53n) - 3n, 0n, -1n, 1n];
  for (const n of edges) {
    test(`round-trips ${n} in every position a long can be`, () => {
      const value = {
        account_id: 'a-1',
        balance: n,
        limit: n,
        history: [n, -n === 2n ** 63n ? 0n : -n, 42n],
        by_currency: { EUR: n },
        opened_at: new Date('2026-12-04T20:00:00.123Z'),
        settled_at: new Date(-1),
        version: n,
        ref: n,
        count: n,
        clock: n,
      };
      assert.deepStrictEqual(plain(account.decodeAccount(account.encodeAccount(value))), value);
    });
  }

  test('defaults are bigints; a union of int and long keeps the branch by JavaScript type', () => {
    const decoded = plain(account.decodeAccount(account.encodeAccount({ account_id: 'a', balance: 5n, opened_at: new Date(0), settled_at: new Date(0) }))) as Record<string, unknown>;
    assert.deepStrictEqual({ ...decoded, opened_at: undefined, settled_at: undefined }, {
      account_id: 'a',
      balance: 5n,
      limit: null,
      history: [],
      by_currency: {},
      opened_at: undefined,
      settled_at: undefined,
      version: 7n,
      ref: 0n,
      count: 0,
      clock: 0n,
    });
    const count = (value: number | bigint) =>
      (plain(account.decodeAccount(account.encodeAccount({ account_id: 'a', balance: 0n, opened_at: new Date(0), settled_at: new Date(0), count: value }))) as { count: unknown }).count;
    assert.equal(count(3), 3);
    assert.equal(count(3n), 3n);
  });

  test('writes the Avro encoding of a 64-bit long (zig-zag varint)', () => {
    const bytes = account.encodeAccount({ account_id: '', balance: MAX, opened_at: new Date(0), settled_at: new Date(0) });
    assert.deepEqual([...bytes.subarray(6, 16)], [0xfe, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01], 'after the header and the empty string');
  });

  test("reads an older version's int as a bigint", () => {
    const v1 = Buffer.from([0, 0, 0, 0, 61, 2, 0x61, 0x54]); // account_id "a", balance 42
    assert.deepStrictEqual((plain(account.decodeAccount(v1)) as { balance: unknown }).balance, 42n);
  });

  test('refuses a number, or a bigint beyond 64 bits, where a long is, naming the field', () => {
    assert.throws(
      () => account.encodeAccount({ account_id: 'a', balance: 1, history: [2n ** 63n], opened_at: new Date(0), settled_at: new Date(0) }),
      (error: Error & { issues?: { path: string; message: string }[] }) => {
        assert.equal(error.name, 'EncodeError');
        assert.deepEqual(error.issues?.map((i) => i.path), ['balance', 'history[0]']);
        assert.match(error.message, /balance: expected a bigint from -\(2\^63\) to 2\^63 − 1 \(long\), got/);
        return true;
      },
    );
  });

  test('the consumer adds them up exactly', () => {
    const decoded = account.decodeAccount(account.encodeAccount({ account_id: 'a', balance: 2n ** 60n, history: [2n ** 60n, 1n], limit: 2n, opened_at: new Date(0), settled_at: new Date(0) }));
    assert.equal(consumer.total(decoded), 2n ** 61n + 3n);
  });

  test('without the opt-in, long stays a number, and the same bytes beyond 2^53 are refused', async () => {
    const { files } = generate([contract()]);
    const text = files.find((f) => f.path === 'account-value.ts')!.text.replace(/\s+/g, ' ');
    assert.ok(text.includes(' balance: number;'));
    assert.ok(!text.includes('bigint'));
    const plainOut = compileGenerated(files, 'avro-number');
    try {
      assert.equal(plainOut.diagnostics, '');
      const numbers = await plainOut.load<AccountModule>('account-value');
      const big = account.encodeAccount({ account_id: 'a', balance: 2n ** 53n + 1n, opened_at: new Date(0), settled_at: new Date(0) });
      assert.throws(() => numbers.decodeAccount(big), /a long beyond ±\(2\^53 − 1\) cannot be read as a JavaScript number/);
      const small = numbers.encodeAccount({ account_id: 'a', balance: 12, opened_at: new Date(5), settled_at: new Date(6) });
      assert.equal((plain(account.decodeAccount(small)) as { balance: unknown }).balance, 12n, 'the bytes are the same Avro');
    } finally {
      plainOut.dispose();
    }
  });

  test('creg.config.json opts a subject in with "avroLong": "bigint", and refuses other values', () => {
    const dir = mkdtempSync(join(tmpdir(), 'creg-avro-long-'));
    try {
      const config = join(dir, 'creg.config.json');
      writeFileSync(config, JSON.stringify({ subjects: [{ subject: 'account-value', avroLong: 'bigint' }, 'other-value'] }));
      assert.deepEqual(readConfig(config).subjects, [{ subject: 'account-value', avroLong: 'bigint' }, { subject: 'other-value' }]);
      writeFileSync(config, JSON.stringify({ subjects: [{ subject: 'account-value', avroLong: 'string' }] }));
      assert.throws(() => readConfig(config), /subjects\[0\]: "avroLong" is "number" or "bigint"/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
