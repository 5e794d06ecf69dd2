/**
 * `creg contracts push DIR` in a child process against a real registry:
 * dependency order (the shop manifest lists a contract before what it
 * references), references and metadata as stored, idempotence, a refused
 * contract and what depends on it, cycles, and an unreachable registry.
 */
import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { createRegistryClient, type RegistryClient } from '../../client/registry-client.js';
import { startTestServer, type TestServer } from '../support/registry-server.js';
import { creg, refusedUrl, shown } from './run-creg.js';

const SHOP = 'test/cli/fixtures/shop';
const NEXT = 'test/cli/fixtures/shop-next';

let server: TestServer;
let client: RegistryClient;
let env: Record<string, string>;

type Result = { subject: string; status: string; summary: string; details?: { id: number; version: number } };
const results = (stdout: string): Result[] => JSON.parse(stdout).results;

async function folder(manifest: unknown, files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'creg-push-'));
  await writeFile(join(dir, 'contracts.json'), JSON.stringify(manifest));
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
  return dir;
}

describe('creg contracts push', () => {
  before(async () => {
    server = await startTestServer();
    client = createRegistryClient({ baseUrl: server.url });
    env = { CREG_REGISTRY_URL: server.url };
  });
  after(async () => {
    await server?.dispose();
  });

  test('publishes each contract after the ones it references', async () => {
    const run = await creg(['contracts', 'push', SHOP, '--format', 'json'], env);
    assert.equal(run.code, 0, shown(run));
    assert.deepEqual(
      results(run.stdout).map((r) => [r.subject, r.status, r.summary]),
      [
        ['order-value', 'pass', 'registered as version 1 (schema id 1)'],
        ['address-value', 'pass', 'registered as version 1 (schema id 2)'],
        ['customer-value', 'pass', 'registered as version 1 (schema id 3)'],
      ],
    );
  });

  test('the stored versions carry the resolved references and the metadata', async () => {
    const customer = await client.subjectVersion('customer-value', 'latest');
    assert.deepEqual(customer.data?.references, [{ name: 'com.example.shop.Address', subject: 'address-value', version: 1 }]);
    assert.deepEqual(customer.data?.metadata, { properties: { 'ecst.key': 'customer_id', 'ecst.sequence': 'header:ecst-sequence' } });
    assert.equal((await client.subjectVersion('order-value', 1)).data?.schemaType, 'JSON');
  });

  test('pushing the same folder again registers nothing new', async () => {
    const run = await creg(['contracts', 'push', SHOP, '--format', 'json'], env);
    assert.equal(run.code, 0, shown(run));
    assert.deepEqual(
      results(run.stdout).map((r) => [r.subject, r.details?.id, r.details?.version]),
      [
        ['order-value', 1, 1],
        ['address-value', 2, 1],
        ['customer-value', 3, 1],
      ],
    );
    for (const subject of ['order-value', 'address-value', 'customer-value']) {
      assert.deepEqual((await client.versions(subject)).data, [1], subject);
    }
  });

  test('a refused contract exits 1 with the reasons; the others are published', async () => {
    const run = await creg(['contracts', 'push', NEXT, '--format', 'json'], env);
    assert.equal(run.code, 1, shown(run));
    const report = JSON.parse(run.stdout);
    assert.deepEqual(
      report.results.map((r: Result) => [r.subject, r.status, r.summary]),
      [
        ['order-value', 'pass', 'registered as version 1 (schema id 1)'],
        ['address-value', 'pass', 'registered as version 2 (schema id 4)'],
        ['customer-value', 'fail', 'refused: incompatible with the registered versions'],
      ],
    );
    assert.deepEqual(
      report.findings.map((f: { rule: string; path: string; version: number }) => [f.rule, f.path, f.version]),
      [['READER_FIELD_MISSING_DEFAULT_VALUE', '/fields/3', 1]],
    );
    assert.deepEqual((await client.versions('customer-value')).data, [1]);
  });

  test('a contract whose dependency was refused is not attempted', async () => {
    const dir = await folder(
      {
        contracts: [
          { subject: 'wallet-value', file: 'wallet.avsc', references: [{ name: 'com.example.Money', subject: 'money-value' }] },
          { subject: 'money-value', file: 'money.avsc' },
        ],
      },
      {
        'money.avsc': '{"type": "record", "name": "Money", "namespace": "com.example", "fields": [{"name": "amount", "type": "decimal"}]}',
        'wallet.avsc': '{"type": "record", "name": "Wallet", "fields": [{"name": "balance", "type": "com.example.Money"}]}',
      },
    );
    const run = await creg(['contracts', 'push', dir], env);
    assert.equal(run.code, 1, shown(run));
    assert.match(run.stdout, /^FAIL {4}money-value register \(.*money\.avsc\): refused: not a valid schema, or a reference that does not resolve\n {8}INVALID_SCHEMA: Invalid schema of type AVRO/m);
    assert.match(run.stdout, /^UNKNOWN wallet-value register \(.*wallet\.avsc\): not attempted: it references money-value, which was not published$/m);
  });

  test('contracts that reference each other in a cycle are a usage error', async () => {
    const dir = await folder(
      {
        contracts: [
          { subject: 'a-value', file: 'a.avsc', references: [{ name: 'B', subject: 'b-value' }] },
          { subject: 'b-value', file: 'b.avsc', references: [{ name: 'A', subject: 'a-value' }] },
        ],
      },
      { 'a.avsc': '"string"', 'b.avsc': '"string"' },
    );
    const run = await creg(['contracts', 'push', dir], env);
    assert.equal(run.code, 64, shown(run));
    assert.match(run.stderr, /the contracts reference each other in a cycle: a-value, b-value/);
  });

  test('an unreachable registry exits 3; after the first failure nothing more is tried', async () => {
    const run = await creg(['contracts', 'push', SHOP, '--registry', await refusedUrl()], env);
    assert.equal(run.code, 3, shown(run));
    assert.match(run.stdout, /^ERROR {3}order-value register \(.*\): registry unreachable: fetch failed: ECONNREFUSED$/m);
    assert.match(run.stdout, /^ERROR {3}address-value register \(.*\): not attempted: the registry is unreachable$/m);
  });
});
