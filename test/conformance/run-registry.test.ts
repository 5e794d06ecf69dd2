/**
 * The run registry: replicas that resolve writer schemas the way production
 * code does, through a real Confluent client pointed at
 * `context.registryUrl` (`fixtures/client-replicas/`), pass every scenario
 * of `creg conform`, `future-schema` included, over Avro, JSON Schema and
 * Protobuf contracts; an HTTP replica started against `--serve-registry`
 * runs `future-schema` too; and the run registry answers what it does not
 * hold from the source registry, read-only.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startRunRegistry } from '../../cli/run-registry.js';
import type { ConformanceReport } from '../../conformance/index.js';
import { CustomerReplica } from '../../examples/customer-orders/order-service/customer-replica.js';
import { ORDER_FIELDS, READER_SCHEMA, READER_VERSION } from '../../examples/customer-orders/order-service/reader.js';
import { registrySchemas } from '../../examples/customer-orders/order-service/registry-schemas.js';
import { serveReplica } from '../../examples/customer-orders/order-service/replica-http.js';
import { startTestServer, type TestServer } from '../support/registry-server.js';
import { creg, ROOT } from './support/creg.js';
import { registerContract } from './support/register-contract.js';

const contract = (name: string) => join(ROOT, 'test/conformance/fixtures/contracts', name);
const clientReplica = (name: string) => join(ROOT, 'test/conformance/fixtures/client-replicas', `${name}.ts`);

const CLIENT_CASES = [
  { format: 'Avro', contract: 'account-value', replica: 'kafkajs-avro', client: '@kafkajs/confluent-schema-registry registry.decode with a reader schema' },
  { format: 'Avro', contract: 'account-value', replica: 'confluent-avro', client: '@confluentinc/schemaregistry AvroDeserializer (useLatestVersion)' },
  { format: 'JSON Schema', contract: 'shipment-value', replica: 'kafkajs-json', client: '@kafkajs/confluent-schema-registry registry.decode' },
  { format: 'JSON Schema', contract: 'shipment-value', replica: 'confluent-json', client: '@confluentinc/schemaregistry JsonDeserializer' },
  { format: 'Protobuf', contract: 'order-value', replica: 'kafkajs-protobuf', client: '@kafkajs/confluent-schema-registry registry.decode' },
  { format: 'Protobuf', contract: 'order-value', replica: 'confluent-protobuf', client: '@confluentinc/schemaregistry ProtobufDeserializer' },
];

/** Every cell passed, and future-schema ran (passed) at every version rather than being skipped. */
function assertAllPassed(report: ConformanceReport): void {
  const notPassed = report.cells.filter((c) => c.status !== 'pass').map((c) => `${c.scenario}@v${c.version}: ${c.status} ${c.reason ?? JSON.stringify(c.failures[0]?.message)}`);
  assert.deepEqual(notPassed, []);
  const future = report.cells.filter((c) => c.scenario === 'future-schema');
  assert.equal(future.length, report.versions.length);
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('creg conform serves a registry for the run', () => {
  for (const { format, contract: name, replica, client } of CLIENT_CASES) {
    it(`${format}: a replica decoding with ${client} passes every scenario, future-schema included`, async () => {
      const run = await creg(['conform', '--contracts', contract(name), '--replica', clientReplica(replica), '--seed', '7', '--format', 'json']);
      assert.equal(run.code, 0, run.stderr + run.stdout.slice(0, 2000));
      assertAllPassed(JSON.parse(run.stdout) as ConformanceReport);
    });
  }

  it('forwards reads to the source with the caller’s headers, adding the run’s credentials when the caller sends none', async () => {
    const seen: Array<string | undefined> = [];
    const source = createHttpServer((req, res) => {
      seen.push(req.headers.authorization);
      const ok = req.headers.authorization === 'Bearer run-token' && req.url === '/schemas/ids/77?subject=x';
      res.writeHead(ok ? 200 : 401, { 'content-type': 'application/vnd.schemaregistry.v1+json' });
      res.end(JSON.stringify(ok ? { schema: '"bytes"' } : { error_code: 401, message: 'Unauthorized' }));
    });
    await new Promise<void>((resolve) => source.listen(0, '127.0.0.1', resolve));
    const registry = await startRunRegistry(
      { schemas: [], fallbackUrl: `http://127.0.0.1:${(source.address() as { port: number }).port}` },
      { auth: { token: 'run-token' } },
    );
    try {
      const plain = await fetch(`${registry.url}/schemas/ids/77?subject=x`);
      assert.equal(plain.status, 200);
      assert.deepEqual(await plain.json(), { schema: '"bytes"' });
      const own = await fetch(`${registry.url}/schemas/ids/77?subject=x`, { headers: { Authorization: 'Basic dTpw' } });
      assert.equal(own.status, 401);
      assert.deepEqual(seen, ['Bearer run-token', 'Basic dTpw']);
    } finally {
      await registry.close();
      await new Promise((resolve) => source.close(resolve));
    }
  });

  describe('with a source registry', () => {
    let server: TestServer;
    let sourceIds: number[];
    before(async () => {
      server = await startTestServer();
      sourceIds = await registerContract(server.url, join(ROOT, 'examples/customer-orders/contracts/customer-value'));
      await registerContract(server.url, contract('account-value'));
    });
    after(() => server.dispose());

    it('a registry-client replica passes a contract read from the registry, future-schema included', async () => {
      const run = await creg(['conform', '--registry', server.url, '--subject', 'account-value', '--replica', clientReplica('kafkajs-avro'), '--seed', '9', '--format', 'json']);
      assert.equal(run.code, 0, run.stderr + run.stdout.slice(0, 2000));
      assertAllPassed(JSON.parse(run.stdout) as ConformanceReport);
    });

    it('an HTTP replica started against --serve-registry PORT runs future-schema, which passes', async () => {
      const port = await freePort();
      const dir = mkdtempSync(join(tmpdir(), 'creg-serve-registry-'));
      // The example's replica as deployed: writer schemas by GET /schemas/ids/{id}, here from the run registry.
      const replica = new CustomerReplica({
        file: join(dir, 'orders.db'),
        readerSchema: READER_SCHEMA,
        writerSchema: registrySchemas(`http://127.0.0.1:${port}`),
        fields: ORDER_FIELDS,
      });
      const served = await serveReplica(replica, { fields: ORDER_FIELDS, readerVersion: READER_VERSION });
      try {
        const run = await creg([
          'conform', '--registry', server.url, '--subject', 'customer-value', '--replica-url', served.url,
          '--serve-registry', String(port), '--seed', '11', '--format', 'json',
        ]);
        assert.equal(run.code, 0, run.stderr + run.stdout.slice(0, 2000));
        assert.match(run.stderr, new RegExp(`Run registry at http://127\\.0\\.0\\.1:${port}`));
        assertAllPassed(JSON.parse(run.stdout) as ConformanceReport);
      } finally {
        await served.close();
        replica.close();
        rmSync(dir, { recursive: true, force: true });
      }
    });

    it('without --serve-registry an HTTP replica still skips future-schema, saying how to run it', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'creg-no-serve-registry-'));
      const replica = new CustomerReplica({ file: join(dir, 'orders.db'), readerSchema: READER_SCHEMA, writerSchema: registrySchemas(server.url), fields: ORDER_FIELDS });
      const served = await serveReplica(replica, { fields: ORDER_FIELDS, readerVersion: READER_VERSION });
      try {
        const run = await creg(['conform', '--registry', server.url, '--subject', 'customer-value', '--replica-url', served.url, '--scenario', 'future-schema', '--format', 'json']);
        assert.equal(run.code, 0, run.stderr);
        const report = JSON.parse(run.stdout) as ConformanceReport;
        assert.ok(report.cells.every((c) => c.status === 'skipped' && /--serve-registry/.test(c.reason ?? '')));
      } finally {
        await served.close();
        replica.close();
        rmSync(dir, { recursive: true, force: true });
      }
    });

    it('imports referenced schemas under their ids at the source, and soft-deleted versions as soft-deleted', async () => {
      const address = JSON.stringify({ type: 'record', name: 'Address', namespace: 'test.refs', fields: [{ name: 'street', type: 'string' }] });
      const registered = await fetch(`${server.url}/subjects/address-value/versions`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/vnd.schemaregistry.v1+json' },
        body: JSON.stringify({ schema: address }),
      });
      const addressId = ((await registered.json()) as { id: number }).id;
      const person = (extra: string) =>
        JSON.stringify({ type: 'record', name: 'Person', namespace: 'test.refs', fields: [{ name: 'home', type: 'test.refs.Address' }, { name: extra, type: 'string', default: '' }] });
      const references = [{ name: 'test.refs.Address', subject: 'address-value', version: 1, schemaType: 'AVRO' as const, schema: address, references: [] }];
      const registry = await startRunRegistry({
        schemas: [
          { subject: 'person-value', version: 1, id: 700, schemaType: 'AVRO', schema: person('a'), references },
          { subject: 'person-value', version: 2, id: 701, schemaType: 'AVRO', schema: person('b'), references, deleted: true },
        ],
        fallbackUrl: server.url,
      });
      try {
        const referenced = (await (await fetch(`${registry.url}/subjects/address-value/versions/1`)).json()) as { id: number };
        assert.equal(referenced.id, addressId);
        const byId = (await (await fetch(`${registry.url}/schemas/ids/700`)).json()) as { references: Array<{ subject: string }> };
        assert.deepEqual(byId.references.map((r) => r.subject), ['address-value']);
        assert.deepEqual(await (await fetch(`${registry.url}/subjects/person-value/versions`)).json(), [1]);
        assert.deepEqual(await (await fetch(`${registry.url}/subjects/person-value/versions?deleted=true`)).json(), [1, 2]);
        assert.equal((await fetch(`${registry.url}/schemas/ids/701`)).status, 200);
      } finally {
        await registry.close();
      }
    });

    it('answers what it does not hold from the source registry, and refuses writes in Confluent’s error form', async () => {
      const registry = await startRunRegistry({
        schemas: [{ subject: 'local-value', version: 1, id: 500, schemaType: 'AVRO', schema: '"string"', references: [] }],
        fallbackUrl: server.url,
      });
      try {
        const local = await fetch(`${registry.url}/schemas/ids/500`);
        assert.equal(local.status, 200);
        assert.equal(((await local.json()) as { schema: string }).schema, '"string"');
        const fromSource = await fetch(`${registry.url}/schemas/ids/${sourceIds[0]}`);
        assert.equal(fromSource.status, 200);
        const direct = await (await fetch(`${server.url}/schemas/ids/${sourceIds[0]}`)).json();
        assert.deepEqual(await fromSource.json(), direct);
        const version = await fetch(`${registry.url}/subjects/customer-value/versions/2`);
        assert.equal(((await version.json()) as { id: number }).id, sourceIds[1]);
        const missing = await fetch(`${registry.url}/schemas/ids/987654`);
        assert.equal(missing.status, 404);
        assert.equal(((await missing.json()) as { error_code: number }).error_code, 40403);

        for (const [method, path] of [['POST', '/subjects/local-value/versions'], ['DELETE', '/subjects/local-value'], ['PUT', '/config']] as const) {
          const refused = await fetch(`${registry.url}${path}`, {
            method,
            headers: { 'Content-Type': 'application/vnd.schemaregistry.v1+json' },
            ...(method !== 'DELETE' && { body: JSON.stringify({ schema: '"int"', compatibility: 'NONE' }) }),
          });
          assert.equal(refused.status, 422, `${method} ${path}`);
          const body = (await refused.json()) as { error_code: number; message: string };
          assert.equal(body.error_code, 42205);
          assert.match(body.message, /read-only/);
        }
        // A lookup changes nothing: it is answered.
        const lookup = await fetch(`${registry.url}/subjects/local-value`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/vnd.schemaregistry.v1+json' },
          body: JSON.stringify({ schema: '"string"' }),
        });
        assert.equal(((await lookup.json()) as { id: number }).id, 500);
      } finally {
        await registry.close();
      }
    });
  });
});
