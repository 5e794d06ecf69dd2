/**
 * The checker against a real registry (the test server, on SQLite): the
 * example's contract registered with its five versions, read back over
 * Confluent's API (schemas, ids, metadata), the example's replica checked as
 * a module through the command line and over HTTP (its writer schemas read
 * from the registry, as deployed), and `--publish` recorded and read back
 * through the verifications resource.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { contractFromRegistry, failingScenarios, httpAttachment, runConformance, type ConformanceReport } from '../../conformance/index.js';
import { createRegistryClient } from '../../client/registry-client.js';
import { registryReader } from '../../cli/commands/conform-registry.js';
import { CustomerReplica } from '../../examples/customer-orders/order-service/customer-replica.js';
import { ORDER_FIELDS, READER_SCHEMA, READER_VERSION } from '../../examples/customer-orders/order-service/reader.js';
import { registrySchemas } from '../../examples/customer-orders/order-service/registry-schemas.js';
import { serveReplica } from '../../examples/customer-orders/order-service/replica-http.js';
import { startTestServer, type TestServer } from '../support/registry-server.js';
import { creg, ROOT } from './support/creg.js';
import { registerContract } from './support/register-contract.js';

const CONTRACT = join(ROOT, 'examples/customer-orders/contracts/customer-value');
const REPLICA = join(ROOT, 'examples/customer-orders/order-service/replica.conformance.ts');
const FAULTY = join(ROOT, 'test/conformance/fixtures/replicas/applies-duplicates.ts');

describe('creg conform against a registry', () => {
  let server: TestServer;
  let ids: number[];
  before(async () => {
    server = await startTestServer();
    ids = await registerContract(server.url, CONTRACT);
    await registerContract(server.url, join(ROOT, 'test/conformance/fixtures/contracts/account-value'));
  });
  after(() => server.dispose());

  it('reads the five versions with their schema ids and ECST metadata', async () => {
    const contract = await contractFromRegistry(registryReader(createRegistryClient({ baseUrl: server.url })), 'customer-value');
    assert.deepEqual(contract.versions.map((v) => [v.version, v.schemaId]), ids.map((id, i) => [i + 1, id]));
    assert.ok(contract.versions.every((v) => v.ecst.keyField === 'customer_id' && v.ecst.sequenceHeader === 'ecst-sequence'));
    assert.equal(contract.registryUrl, server.url);
  });

  it('passes the example replica over all five versions, in seconds, and publishes the verification', async () => {
    const started = Date.now();
    const run = await creg([
      'conform', '--registry', server.url, '--subject', 'customer-value', '--replica', REPLICA, '--seed', '5',
      '--format', 'json', '--publish', '--consumer', 'order-service', '--consumer-version', '1.4.2',
    ]);
    assert.equal(run.code, 0, run.stderr);
    assert.ok(Date.now() - started < 30_000, 'a five-version run takes seconds');
    const report = JSON.parse(run.stdout) as ConformanceReport;
    assert.equal(report.versions.length, 5);
    assert.equal(report.readerVersion, READER_VERSION);
    assert.equal(report.cells.length, 5 * report.scenarios.length);
    assert.ok(report.summary.success);
    assert.ok(report.durationMs < 10_000, `the checks took ${report.durationMs} ms`);
    const id = /Published verification (\S+) \(passed\)/.exec(run.stderr)?.[1];
    assert.ok(id, run.stderr);

    const recorded = (await (await fetch(`${server.url}/contract-registry/v1/verifications/${id}`)).json()) as {
      subject: string; consumer: string; consumerVersion: string; success: boolean; seed: string;
      versions: Array<{ version: number; schemaId: number; success: boolean; scenarios: Array<{ scenario: string; status: string }> }>;
    };
    assert.equal(recorded.subject, 'customer-value');
    assert.equal(recorded.consumer, 'order-service');
    assert.equal(recorded.consumerVersion, '1.4.2');
    assert.equal(recorded.seed, '5');
    assert.equal(recorded.success, true);
    assert.deepEqual(recorded.versions.map((v) => [v.version, v.schemaId, v.success]), ids.map((schemaId, i) => [i + 1, schemaId, true]));
    assert.deepEqual(recorded.versions[0]!.scenarios.map((s) => s.scenario), report.scenarios.map((s) => s.id));

    const listed = (await (await fetch(`${server.url}/contract-registry/v1/verifications?consumer=order-service&version=3`)).json()) as Array<{ id: string; versions: unknown[] }>;
    assert.deepEqual(listed.map((v) => [v.id, v.versions.length]), [[id, 1]]);
  });

  it('publishes a failed run as failed, and exits 1', async () => {
    const run = await creg([
      'conform', '--registry', server.url, '--subject', 'account-value', '--replica', FAULTY, '--seed', '1',
      '--publish', '--consumer', 'ledger', '--consumer-version', 'abc123',
    ]);
    assert.equal(run.code, 1, run.stderr);
    assert.match(run.stdout, /^redelivery\s+FAIL\s+FAIL\s+FAIL$/m);
    const id = /Published verification (\S+) \(failed\)/.exec(run.stderr)?.[1];
    const recorded = (await (await fetch(`${server.url}/contract-registry/v1/verifications/${id}`)).json()) as {
      success: boolean; versions: Array<{ success: boolean; scenarios: Array<{ scenario: string; status: string }> }>;
    };
    assert.equal(recorded.success, false);
    assert.ok(recorded.versions.every((v) => !v.success && v.scenarios.find((s) => s.scenario === 'redelivery')?.status === 'fail'));
  });

  it('passes the example replica served over HTTP, reading writer schemas from the registry', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'creg-http-replica-'));
    const replica = new CustomerReplica({ file: join(dir, 'orders.db'), readerSchema: READER_SCHEMA, writerSchema: registrySchemas(server.url), fields: ORDER_FIELDS });
    const served = await serveReplica(replica, { fields: ORDER_FIELDS, readerVersion: READER_VERSION });
    try {
      const contract = await contractFromRegistry(registryReader(createRegistryClient({ baseUrl: server.url })), 'customer-value');
      const report = await runConformance({ contract, attach: async () => httpAttachment(served.url), seed: 11 });
      assert.deepEqual(failingScenarios(report), []);
      assert.deepEqual([...new Set(report.cells.filter((c) => c.status === 'skipped').map((c) => c.scenario))], ['future-schema']);
      // A second run on the same (persistent) replica: keys of its own, so earlier states do not get in the way.
      const again = await runConformance({ contract, attach: async () => httpAttachment(served.url), seed: 11 });
      assert.ok(again.summary.success);
    } finally {
      await served.close();
      replica.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads soft-deleted versions only when asked, marked as such', async () => {
    await registerContract(server.url, join(ROOT, 'test/conformance/fixtures/contracts/account-value'), 'ledger-value');
    assert.equal((await fetch(`${server.url}/subjects/ledger-value/versions/2`, { method: 'DELETE' })).status, 200);
    const reader = registryReader(createRegistryClient({ baseUrl: server.url }));
    const live = await contractFromRegistry(reader, 'ledger-value');
    assert.deepEqual(live.versions.map((v) => v.version), [1, 3]);
    const all = await contractFromRegistry(reader, 'ledger-value', { includeDeleted: true });
    assert.deepEqual(all.versions.map((v) => [v.version, v.deleted === true]), [[1, false], [2, true], [3, false]]);
  });

  it('is a tool error (exit 3) for a subject the registry does not hold', async () => {
    const run = await creg(['conform', '--registry', server.url, '--subject', 'nobody-value', '--replica', REPLICA]);
    assert.equal(run.code, 3);
    assert.match(run.stderr, /Subject nobody-value is not registered/);
  });
});
