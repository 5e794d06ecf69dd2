/**
 * `creg register` in a child process against a real registry: a schema file
 * with references and metadata, idempotence, refusals with their reasons
 * (exit 1), credentials as the registry receives them, an unreachable
 * registry (exit 3) and usage errors (exit 64).
 */
import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
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

/** A stand-in registry that keeps the headers of each request and accepts every registration. */
async function headerRecorder(): Promise<{ url: string; seen: IncomingHttpHeaders[]; close(): Promise<void> }> {
  const seen: IncomingHttpHeaders[] = [];
  const recorder = createServer((req, res) => {
    seen.push(req.headers);
    req.resume().on('end', () => {
      res.setHeader('Content-Type', 'application/vnd.schemaregistry.v1+json');
      res.end(JSON.stringify({ id: 7, version: 1, guid: 'g', schemaType: 'AVRO', schema: '"string"', ts: 0, deleted: false }));
    });
  });
  await new Promise<void>((resolve) => recorder.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(recorder.address() as AddressInfo).port}`;
  return { url, seen, close: () => new Promise((resolve) => recorder.close(() => resolve())) };
}

describe('creg register', () => {
  before(async () => {
    server = await startTestServer();
    client = createRegistryClient({ baseUrl: server.url });
    env = { CREG_REGISTRY_URL: server.url };
  });
  after(async () => {
    await server?.dispose();
  });

  test('registers a schema file (exit 0)', async () => {
    const run = await creg(['register', '--subject', 'address-value', '--schema', `${SHOP}/address.avsc`], env);
    assert.equal(run.code, 0, shown(run));
    assert.match(run.stdout, /^PASS {4}address-value register \(test\/cli\/fixtures\/shop\/address\.avsc\): registered as version 1 \(schema id 1\)$/m);
  });

  test('with references and metadata properties, stored as given', async () => {
    const run = await creg(
      [
        'register',
        '--subject', 'customer-value',
        '--schema', `${SHOP}/customer.avsc`,
        '--reference', 'com.example.shop.Address=address-value:1',
        '--metadata', 'ecst.key=customer_id',
        '--metadata', 'ecst.sequence=header:ecst-sequence',
        '--format', 'json',
      ],
      env,
    );
    assert.equal(run.code, 0, shown(run));
    assert.deepEqual(JSON.parse(run.stdout).results[0].details.version, 1);
    const stored = await client.subjectVersion('customer-value', 1);
    assert.deepEqual(stored.data?.references, [{ name: 'com.example.shop.Address', subject: 'address-value', version: 1 }]);
    assert.deepEqual(stored.data?.metadata, { properties: { 'ecst.key': 'customer_id', 'ecst.sequence': 'header:ecst-sequence' } });
  });

  test('registering the same again answers the same version', async () => {
    const run = await creg(
      ['register', '--subject', 'customer-value', '--schema', `${SHOP}/customer.avsc`, '--reference', 'com.example.shop.Address=address-value'],
      env,
    );
    assert.equal(run.code, 0, shown(run));
    assert.match(run.stdout, /registered as version 1 \(schema id 2\)/);
    assert.deepEqual((await client.versions('customer-value')).data, [1]);
  });

  test('an incompatible schema is refused (exit 1), with the reasons', async () => {
    const run = await creg(
      ['register', '--subject', 'customer-value', '--schema', `${NEXT}/customer.avsc`, '--reference', 'com.example.shop.Address=address-value'],
      env,
    );
    assert.equal(run.code, 1, shown(run));
    assert.match(run.stdout, /^FAIL {4}customer-value register \(.*\): refused: incompatible with the registered versions$/m);
    assert.match(run.stdout, /^ {8}READER_FIELD_MISSING_DEFAULT_VALUE \/fields\/3 version 1: The field 'email'/m);
  });

  test('an invalid schema, or a reference that does not resolve, is refused (exit 1)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'creg-register-'));
    await writeFile(join(dir, 'broken.avsc'), '{"type": "record", "name": ');
    const [broken, unresolved] = await Promise.all([
      creg(['register', '--subject', 'broken-value', '--schema', join(dir, 'broken.avsc'), '--format', 'json'], env),
      creg(['register', '--subject', 'orphan-value', '--schema', `${SHOP}/customer.avsc`, '--reference', 'com.example.shop.Address=nowhere-value'], env),
    ]);
    assert.equal(broken.code, 1, shown(broken));
    assert.equal(JSON.parse(broken.stdout).findings[0].rule, 'INVALID_SCHEMA');
    assert.equal(unresolved.code, 1, shown(unresolved));
    assert.match(unresolved.stdout, /REFERENCE_NOT_FOUND: references subject nowhere-value, which has no registered version/);
  });

  test('--type names the schema type when the extension does not', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'creg-register-'));
    await writeFile(join(dir, 'order.schema'), '{"type": "object", "properties": {"id": {"type": "string"}}}');
    const run = await creg(['register', '--subject', 'order-value', '--schema', join(dir, 'order.schema'), '--type', 'json'], env);
    assert.equal(run.code, 0, shown(run));
    assert.equal((await client.subjectVersion('order-value', 1)).data?.schemaType, 'JSON');
  });

  test('credentials reach the registry: a bearer token, or basic user and password', async () => {
    const recorder = await headerRecorder();
    try {
      const args = ['register', '--subject', 's', '--schema', `${SHOP}/address.avsc`];
      const bearer = await creg(args, { CREG_REGISTRY_URL: recorder.url, CREG_REGISTRY_TOKEN: 's3cret' });
      const basic = await creg([...args, '--registry', recorder.url, '--username', 'ci', '--password', 'pä:ss']);
      assert.equal(bearer.code, 0, shown(bearer));
      assert.equal(basic.code, 0, shown(basic));
      assert.equal(recorder.seen[0]!.authorization, 'Bearer s3cret');
      assert.equal(recorder.seen[1]!.authorization, `Basic ${Buffer.from('ci:pä:ss').toString('base64')}`);
      assert.equal(recorder.seen[0]!['content-type'], 'application/vnd.schemaregistry.v1+json');
    } finally {
      await recorder.close();
    }
  });

  test('an unreachable registry exits 3', async () => {
    const run = await creg(['register', '--subject', 'address-value', '--schema', `${SHOP}/address.avsc`, '--registry', await refusedUrl()]);
    assert.equal(run.code, 3, shown(run));
    assert.match(run.stdout, /^ERROR {3}address-value register \(.*\): registry unreachable: fetch failed: ECONNREFUSED$/m);
  });

  test('usage errors exit 64, saying what is wrong', async () => {
    const schema = ['--schema', `${SHOP}/address.avsc`];
    const cases: Array<[string[], RegExp]> = [
      [['register', '--subject', 'a', ...schema, '--registry', ''], /--registry is not a URL/],
      [['register', ...schema], /give both --subject and --schema/],
      [['register', '--subject', 'a', '--schema', `${SHOP}/missing.avsc`], /cannot read the schema file .*missing\.avsc: ENOENT/],
      [['register', '--subject', 'a', '--schema', `${SHOP}/contracts.json`, '--type', 'xml'], /argument 'xml' is invalid\. expected one of AVRO, JSON, PROTOBUF/],
      [['register', '--subject', 'a', '--schema', 'README.md'], /cannot tell the schema type of README\.md/],
      [['register', '--subject', 'a', ...schema, '--reference', 'address-value:1'], /expected name=subject:version/],
      [['register', '--subject', 'a', ...schema, '--metadata', 'ecst.key'], /expected key=value/],
      [['register', '--subject', 'a', ...schema, '--token', 't', '--username', 'u', '--password', 'p'], /either --token or --username\/--password/],
      [['register', '--subject', 'a', ...schema, '--username', 'u'], /--username and --password go together/],
      [['register', '--subject', 'a', ...schema, '--no-such-option'], /unknown option '--no-such-option'/],
    ];
    const runs = await Promise.all(cases.map(([args]) => creg(args, env)));
    runs.forEach((run, i) => {
      assert.equal(run.code, 64, shown(run));
      assert.match(run.stderr, cases[i]![1]);
    });
  });
});
