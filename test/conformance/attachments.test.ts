/**
 * One suite for every way a replica is attached (module, HTTP): the same
 * fixture replicas give the same verdicts through each. Over HTTP the
 * replica is the fixture behind the example's protocol server
 * (`examples/customer-orders/order-service/replica-http.ts`); it resolves
 * writer schemas like a deployed replica would (not the checker's scratch
 * schemas), so `future-schema` is skipped there, saying why.
 */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import {
  contractFromFiles,
  failingScenarios,
  httpAttachment,
  moduleAttachment,
  runConformance,
  ToolError,
  type CreateReplica,
} from '../../conformance/index.js';
import type { ReplicaAttachment } from '../../conformance/replica/attachment.js';
import { SchemaDirectory } from '../../conformance/replica/schema-directory.js';
import { serveReplica, type ServedReplica } from '../../examples/customer-orders/order-service/replica-http.js';
import { FIXTURE_CONTRACT } from './fixtures/memory-replica.js';
import { fixtureReplica, SEED } from './support/run-fixture.js';

const served: ServedReplica[] = [];
after(() => Promise.all(served.map((s) => s.close())));

interface Attachment {
  name: 'module' | 'http';
  attach(replica: string, directory: SchemaDirectory): Promise<ReplicaAttachment>;
}

const ATTACHMENTS: Attachment[] = [
  { name: 'module', attach: async (replica, directory) => moduleAttachment(fixtureReplica(replica), directory.context()) },
  {
    name: 'http',
    async attach(replica) {
      const { createReplica } = (await import(fixtureReplica(replica))) as { createReplica: CreateReplica };
      // Its own view of the registry: the contract's versions, not the run's scratch schemas.
      const contract = await contractFromFiles(FIXTURE_CONTRACT);
      const instance = await createReplica(new SchemaDirectory(contract).context());
      const server = await serveReplica(instance, {});
      served.push(server);
      return httpAttachment(server.url);
    },
  },
];

const CASES: Array<{ replica: string; fails: string[] }> = [
  { replica: 'correct', fails: [] },
  { replica: 'applies-duplicates', fails: ['redelivery'] },
  { replica: 'forgets-tombstones', fails: ['no-resurrection', 'random-history'] },
  { replica: 'empty-bytes-delete', fails: ['poison'] },
  { replica: 'mangles-unicode', fails: ['edge-values'] },
];

for (const attachment of ATTACHMENTS) {
  describe(`a replica attached by ${attachment.name}`, () => {
    for (const { replica, fails } of CASES) {
      it(`${replica} fails ${fails.length === 0 ? 'nothing' : fails.join(', ')}`, async () => {
        const contract = await contractFromFiles(FIXTURE_CONTRACT);
        const report = await runConformance({ contract, attach: (directory) => attachment.attach(replica, directory), seed: SEED });
        assert.deepEqual(failingScenarios(report), fails);
        const future = report.cells.filter((c) => c.scenario === 'future-schema');
        if (attachment.name === 'http') {
          assert.ok(future.every((c) => c.status === 'skipped' && /own registry/.test(c.reason ?? '')));
          assert.ok(report.cells.filter((c) => c.scenario !== 'future-schema').every((c) => c.status !== 'skipped'));
        } else {
          assert.ok(report.cells.every((c) => c.status !== 'skipped'));
        }
      });
    }
  });
}

describe('the HTTP attachment', () => {
  it('reads what the replica declares at GET /replica', async () => {
    const contract = await contractFromFiles(FIXTURE_CONTRACT);
    const { createReplica } = (await import(fixtureReplica('correct'))) as { createReplica: CreateReplica };
    const server = await serveReplica(await createReplica(new SchemaDirectory(contract).context()), { fields: ['account_id', 'owner'], readerVersion: 3 });
    served.push(server);
    const report = await runConformance({ contract, attach: async () => httpAttachment(server.url), seed: SEED, scenarios: [] });
    assert.equal(report.readerVersion, 3);
    assert.deepEqual(report.fields, ['account_id', 'owner']);
  });

  it('is a tool error when nothing answers at the URL', async () => {
    const contract = await contractFromFiles(FIXTURE_CONTRACT);
    await assert.rejects(
      runConformance({ contract, attach: async () => httpAttachment('http://127.0.0.1:9'), seed: SEED }),
      (error: unknown) => error instanceof ToolError && /Cannot reach the replica/.test(error.message),
    );
  });
});
