/**
 * Three `creg serve` processes on one PostgreSQL database, as behind a load
 * balancer: 200 registrations fired at once from clients spread over the
 * nodes, with overlapping duplicates and schemas shared by several subjects,
 * end with every node answering identically for every subject, version and
 * id, with no gap and no duplicate; and what one node changes (config, mode,
 * a new version, a delete) the others answer at the next request. A node
 * killed mid-load: `multi-node-crash.test.ts`.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { assertRegistrations } from '../support/assert-registrations.js';
import { customerSchema } from '../support/avro-fixtures.js';
import { postgresql, type FreshDatabase } from '../support/backends.js';
import { overlappingRegistrations, registerAcross } from '../support/registration-load.js';
import { serveRegistry, type RegistryProcess } from '../support/registry-process.js';
import { snapshot } from '../support/registry-snapshot.js';
import { call } from '../support/http-call.js';

const backend = postgresql();
const SUBJECTS = ['orders-value', 'payments-value', 'customers-value', 'shipments-value'];

describe('three nodes on one PostgreSQL', { skip: backend.skip, timeout: 300_000 }, () => {
  let database: FreshDatabase;
  let nodes: RegistryProcess[] = [];
  let urls: string[] = [];
  before(async () => {
    database = await backend.freshDatabase();
    // Started together: their migrations race on the new database.
    nodes = await Promise.all([0, 1, 2].map(() => serveRegistry(database.url)));
    urls = nodes.map((node) => node.url);
  });
  after(async () => {
    await Promise.allSettled(nodes.map((node) => node.stop()));
    await database?.dispose();
  });

  it('200 concurrent registrations over four subjects: every node answers the same, no gap, no duplicate', async (t) => {
    const registrations = overlappingRegistrations(200, SUBJECTS, 50);
    const { acknowledged } = await registerAcross(urls, registrations);
    assert.equal(acknowledged.length, 200);
    for (let node = 0; node < urls.length; node++) {
      assert.ok(acknowledged.some((ack) => ack.node === node), `node ${node} took part`);
    }

    const [first, ...others] = await Promise.all(urls.map(snapshot));
    for (const other of others) assert.deepEqual(other, first);
    const counts = assertRegistrations(acknowledged, first!);
    // 4 subjects × 25 schemas each; 50 schemas, each under two subjects.
    assert.deepEqual(counts, { acknowledged: 200, subjects: 4, versions: 100, ids: 50 });
    t.diagnostic(`multi-node: ${JSON.stringify(counts)} identical on ${urls.length} nodes`);
  });

  it('what one node changes, the others answer at the next request', async () => {
    const [a, b, c] = urls as [string, string, string];
    assert.equal((await call(a, 'PUT', '/config/coherent', { compatibility: 'NONE' })).status, 200);
    assert.deepEqual((await call(b, 'GET', '/config/coherent')).body, { compatibilityLevel: 'NONE' });
    assert.equal((await call(b, 'PUT', '/mode/coherent', { mode: 'READONLY' })).status, 200);
    assert.equal((await call(c, 'POST', '/subjects/coherent/versions', { schema: customerSchema() })).body.error_code, 42205);
    assert.equal((await call(c, 'DELETE', '/mode/coherent')).status, 200);

    const registered = await call(a, 'POST', '/subjects/coherent/versions', { schema: customerSchema(77) });
    assert.equal(registered.status, 200);
    // Both other nodes now hold the schema in their immutable-schema cache.
    for (const node of [a, b]) assert.equal((await call(node, 'GET', `/schemas/ids/${registered.body.id}`)).status, 200);
    assert.deepEqual((await call(b, 'GET', '/subjects/coherent/versions')).body, [1]);
    assert.equal((await call(c, 'GET', '/subjects/coherent/versions/latest')).body.id, registered.body.id);
    assert.equal((await call(c, 'POST', '/subjects/coherent/versions', { schema: customerSchema(8) })).body.version, 2);
    assert.deepEqual((await call(a, 'GET', '/subjects/coherent/versions')).body, [1, 2]);

    assert.equal((await call(b, 'DELETE', '/subjects/coherent/versions/1')).status, 200);
    assert.deepEqual((await call(a, 'GET', '/subjects/coherent/versions')).body, [2]);
    assert.equal((await call(c, 'DELETE', '/subjects/coherent/versions/1?permanent=true')).status, 200);
    assert.deepEqual((await call(a, 'GET', '/subjects/coherent/versions?deleted=true')).body, [2]);
    assert.equal((await call(b, 'GET', '/subjects/coherent/versions/1?deleted=true')).body.error_code, 40402);
    // The hard delete reaches the other nodes' caches (by notification, so shortly after the commit).
    for (const node of [a, b]) {
      assert.equal(await statusWithin(node, `/schemas/ids/${registered.body.id}`, 404, 5_000), 404, node);
    }

    assert.equal((await call(a, 'DELETE', '/subjects/coherent')).status, 200);
    assert.equal((await call(b, 'GET', '/subjects/coherent/versions')).body.error_code, 40401);
    assert.equal((await call(c, 'DELETE', '/subjects/coherent?permanent=true')).status, 200);
    assert.equal((await call(a, 'GET', '/config/coherent')).body.error_code, 40408);
    assert.ok(!(await call(b, 'GET', '/subjects?deleted=true')).body.includes('coherent'));
  });
});

/** Polls a GET until it answers `status` or `ms` pass; returns the last status. */
async function statusWithin(url: string, path: string, status: number, ms: number): Promise<number> {
  const deadline = Date.now() + ms;
  for (;;) {
    const { status: seen } = await call(url, 'GET', path);
    if (seen === status || Date.now() > deadline) return seen;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
