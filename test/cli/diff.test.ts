/**
 * `creg diff SUBJECT A B`, built, in a child process, against a registry
 * started in-process over a temporary SQLite file: between two versions of a
 * subject whose schema references another, the compatibility differences
 * both ways with Confluent's difference types, and a unified text diff of
 * the pretty-printed schemas; `--json`; an unknown version (40402, exit 1);
 * a version that is no number (usage, exit 64).
 */
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { pino } from 'pino';
import { createRegistryClient } from '../../client/registry-client.js';
import { startServer, type RunningServer } from '../../cli/server.js';
import { creg } from './run-creg.js';

const SHOP = 'test/cli/fixtures/shop';
let dir: string;
let server: RunningServer;

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'creg-diff-cli-'));
  server = await startServer({ port: 0, host: '127.0.0.1', databaseUrl: `file:${join(dir, 'registry.db')}`, logger: pino({ level: 'silent' }) });
  const client = createRegistryClient({ baseUrl: server.url });
  const customer = JSON.parse(await readFile(`${SHOP}/customer.avsc`, 'utf8')) as { fields: object[] };
  const references = [{ name: 'com.example.shop.Address', subject: 'address-value', version: 1 }];
  const register = async (subject: string, schema: unknown, refs = references) => {
    const answer = await client.register(subject, { schemaType: 'AVRO', schema: JSON.stringify(schema), references: refs });
    assert.ok(answer.data, JSON.stringify(answer.error));
  };
  await register('address-value', JSON.parse(await readFile(`${SHOP}/address.avsc`, 'utf8')), []);
  await register('customer-value', customer);
  // Version 2 adds a required field: it cannot read version 1's data; version 1 reads version 2's.
  await fetch(`${server.url}/config/customer-value`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ compatibility: 'NONE' }),
  });
  await register('customer-value', { ...customer, fields: [...customer.fields, { name: 'email', type: 'string' }] });
});

after(async () => {
  await server?.close();
  await rm(dir, { recursive: true, force: true });
});

const registry = () => ['--registry', server.url];

test('text: the differences both ways, with Confluent names, and a unified diff', async () => {
  const run = await creg(['diff', 'customer-value', '1', 'latest', ...registry()]);
  assert.equal(run.code, 0, run.stderr);
  const lines = run.stdout.split('\n');
  assert.equal(lines[0], 'customer-value: version 1 → 2');
  assert.equal(lines[1], 'version 2 cannot read data written with 1:');
  assert.match(lines[2]!, /READER_FIELD_MISSING_DEFAULT_VALUE.*email/);
  assert.ok(lines.includes('version 1 reads data written with 2 (forward compatible)'), run.stdout);
  assert.match(run.stdout, /^--- customer-value@1$/m);
  assert.match(run.stdout, /^\+\+\+ customer-value@2$/m);
  assert.match(run.stdout, /^\+ {4}\{$/m);
  assert.match(run.stdout, /^\+ {6}"name": "email",$/m);
});

test('--json: both directions, compatible or not, and the patch', async () => {
  const run = await creg(['diff', 'customer-value', '1', '2', '--json', ...registry()]);
  assert.equal(run.code, 0, run.stderr);
  const answer = JSON.parse(run.stdout) as { from: number; to: number; backward: { compatible: boolean; messages: string[] }; forward: { compatible: boolean }; diff: string };
  assert.deepEqual([answer.from, answer.to, answer.backward.compatible, answer.forward.compatible], [1, 2, false, true]);
  assert.ok(answer.backward.messages.some((m) => m.includes('READER_FIELD_MISSING_DEFAULT_VALUE')));
  assert.match(answer.diff, /"name": "email"/);
  const same = JSON.parse((await creg(['diff', 'customer-value', '2', '2', '--json', ...registry()])).stdout) as { backward: { messages: string[] }; diff: string };
  assert.deepEqual(same.backward.messages, []);
  assert.doesNotMatch(same.diff, /^[+-] /m);
});

test('an unknown version is the registry refusing (exit 1); a version that is no number is usage (exit 64)', async () => {
  const unknown = await creg(['diff', 'customer-value', '1', '9', ...registry()]);
  assert.equal(unknown.code, 1);
  assert.match(unknown.stderr, /40402/);
  const usage = await creg(['diff', 'customer-value', 'one', '2', ...registry()]);
  assert.equal(usage.code, 64);
  assert.match(usage.stderr, /a version is a positive number or latest/);
});
