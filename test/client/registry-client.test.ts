/**
 * The typed client against a real registry: answers as `{ data }`, a
 * registry error as `{ error }` with Confluent's code and message, no answer
 * at all as a `transport` failure (never a throw), and the headers it sends
 * (Confluent's media type, credentials).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { authorizationHeader, createRegistryClient, type RegistryClient } from '../../client/registry-client.js';
import { startTestServer, type TestServer } from '../support/registry-server.js';
import { refusedUrl } from '../cli/run-creg.js';

const ADDRESS = JSON.stringify({ type: 'record', name: 'Address', fields: [{ name: 'city', type: 'string' }] });
const WITH_ZIP = JSON.stringify({ type: 'record', name: 'Address', fields: [{ name: 'city', type: 'string' }, { name: 'zip', type: 'string' }] });

let server: TestServer;
let client: RegistryClient;

describe('registry client', () => {
  before(async () => {
    server = await startTestServer();
    client = createRegistryClient({ baseUrl: `${server.url}/` });
  });
  after(async () => {
    await server?.dispose();
  });

  test('registers, and reads back by subject version and by id', async () => {
    const registered = await client.register('address-value', { schema: ADDRESS, metadata: { properties: { 'ecst.key': 'city' } } });
    assert.equal(registered.error, undefined);
    assert.deepEqual([registered.data?.id, registered.data?.version, registered.data?.schemaType], [1, 1, 'AVRO']);
    const latest = await client.subjectVersion('address-value', 'latest');
    assert.deepEqual(latest.data?.metadata, { properties: { 'ecst.key': 'city' } });
    assert.equal((await client.schemaById(1)).data?.schema, ADDRESS);
    assert.deepEqual((await client.subjects()).data, ['address-value']);
    assert.deepEqual((await client.versions('address-value')).data, [1]);
  });

  test('a subject name is sent URL-encoded', async () => {
    const registered = await client.register('team/a b', { schema: ADDRESS });
    assert.equal(registered.data?.version, 1);
    assert.deepEqual((await client.subjects()).data, ['address-value', 'team/a b']);
  });

  test('compatibility: verbose messages, and the effective level', async () => {
    const verdict = await client.checkCompatibility('address-value', { schema: WITH_ZIP }, { verbose: true });
    assert.equal(verdict.data?.is_compatible, false);
    assert.match(verdict.data?.messages?.[0] ?? '', /READER_FIELD_MISSING_DEFAULT_VALUE/);
    assert.equal((await client.effectiveConfig('address-value')).data?.compatibilityLevel, 'BACKWARD');
  });

  test("a registry error is { error } with Confluent's code and message", async () => {
    const missing = await client.versions('nope');
    assert.deepEqual(missing.error, { kind: 'http', status: 404, errorCode: 40401, message: "Subject 'nope' not found." });
    const refused = await client.register('address-value', { schema: WITH_ZIP });
    assert.equal(refused.error?.kind === 'http' && refused.error.errorCode, 40901);
  });

  test('no answer is a transport failure, not an exception', async () => {
    const offline = createRegistryClient({ baseUrl: await refusedUrl() });
    const result = await offline.subjects();
    assert.equal(result.data, undefined);
    assert.deepEqual(result.error, { kind: 'transport', message: 'fetch failed: ECONNREFUSED' });
  });

  test('a request not answered in time is a transport failure', async () => {
    const stalled = createRegistryClient({
      baseUrl: server.url,
      timeoutMs: 50,
      fetch: (request) => new Promise((_resolve, reject) => request.signal.addEventListener('abort', () => reject(request.signal.reason))),
    });
    const result = await stalled.subjects();
    assert.equal(result.error?.kind, 'transport');
    assert.match(result.error?.message ?? '', /timeout/i);
  });

  test("sends Confluent's media type and the credentials", async () => {
    const seen: Request[] = [];
    const recording = (auth: Parameters<typeof createRegistryClient>[0]['auth']) =>
      createRegistryClient({
        baseUrl: server.url,
        ...(auth && { auth }),
        fetch: (request) => {
          seen.push(request);
          return fetch(request);
        },
      });
    await recording({ token: 't0ken' }).register('address-value', { schema: ADDRESS });
    await recording({ username: 'ci', password: 'pä:ss' }).subjects();
    assert.equal(seen[0]!.headers.get('authorization'), 'Bearer t0ken');
    assert.equal(seen[0]!.headers.get('content-type'), 'application/vnd.schemaregistry.v1+json');
    assert.match(seen[0]!.headers.get('accept') ?? '', /^application\/vnd\.schemaregistry\.v1\+json/);
    assert.equal(seen[1]!.headers.get('authorization'), `Basic ${Buffer.from('ci:pä:ss', 'utf8').toString('base64')}`);
    assert.equal(authorizationHeader({ username: 'a', password: 'b' }), 'Basic YTpi');
  });
});
