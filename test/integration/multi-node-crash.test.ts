/**
 * A registry node killed with SIGKILL in the middle of a registration load on
 * three nodes sharing PostgreSQL: nothing acknowledged is lost, the surviving
 * nodes keep serving (clients of the dead node move on, as behind a load
 * balancer) and agree, and the node, restarted, answers exactly as they do
 * and goes on numbering where they are.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { assertRegistrations } from '../support/assert-registrations.js';
import { customerSchema } from '../support/avro-fixtures.js';
import { postgresql, type FreshDatabase } from '../support/backends.js';
import { overlappingRegistrations, registerAcross } from '../support/registration-load.js';
import { serveRegistry, type RegistryProcess } from '../support/registry-process.js';
import { snapshot } from '../support/registry-snapshot.js';

const backend = postgresql();
const SUBJECTS = ['orders-value', 'payments-value', 'customers-value', 'shipments-value', 'refunds-value'];
const VICTIM = 1;
const KILL_AFTER_ACKNOWLEDGED = 60;

describe('a node killed mid-load', { skip: backend.skip, timeout: 300_000 }, () => {
  let database: FreshDatabase;
  const nodes: RegistryProcess[] = [];
  before(async () => {
    database = await backend.freshDatabase();
    nodes.push(...(await Promise.all([0, 1, 2].map(() => serveRegistry(database.url)))));
  });
  after(async () => {
    await Promise.allSettled(nodes.map((node) => node.stop()));
    await database?.dispose();
  });

  it('loses nothing acknowledged; the others keep serving and agree; restarted, it catches up', async (t) => {
    const urls = nodes.map((node) => node.url);
    const victim = nodes[VICTIM]!;
    let killed: Promise<void> | undefined;
    let acknowledgedAtKill = 0;
    const registrations = overlappingRegistrations(200, SUBJECTS, 60);
    const { acknowledged, movedToAnotherNode } = await registerAcross(urls, registrations, {
      concurrency: 12,
      onAcknowledged(count) {
        if (count < KILL_AFTER_ACKNOWLEDGED || killed) return;
        acknowledgedAtKill = count;
        killed = victim.kill();
      },
    });
    await killed;
    assert.equal(victim.child.signalCode, 'SIGKILL');
    assert.equal(acknowledged.length, 200);
    assert.ok(acknowledgedAtKill < 200, 'killed before the load ended');
    assert.ok(movedToAnotherNode > 0, 'some clients found the killed node gone and moved on');
    const byVictim = acknowledged.filter((ack) => ack.node === VICTIM).length;
    assert.ok(byVictim > 0, 'the killed node had acknowledged registrations');

    const survivors = urls.filter((_, i) => i !== VICTIM);
    const [first, second] = await Promise.all(survivors.map(snapshot));
    assert.deepEqual(second, first);
    const counts = assertRegistrations(acknowledged, first!);
    // 5 subjects × 12 schemas each (60 schemas, each under one subject).
    assert.deepEqual(counts, { acknowledged: 200, subjects: 5, versions: 60, ids: 60 });

    const restarted = await serveRegistry(database.url);
    nodes[VICTIM] = restarted;
    assert.deepEqual(await snapshot(restarted.url), first);
    const next = await fetch(`${restarted.url}/subjects/orders-value/versions`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/vnd.schemaregistry.v1+json' },
      body: JSON.stringify({ schema: customerSchema(100) }),
    });
    const body = (await next.json()) as { id: number; version: number };
    assert.deepEqual([next.status, body.id, body.version], [200, 61, 13]);
    assert.deepEqual(await snapshot(restarted.url), await snapshot(survivors[0]!));
    t.diagnostic(
      `multi-node crash: killed node ${VICTIM} after ${acknowledgedAtKill} acknowledgements (${byVictim} of them its own); ` +
        `${movedToAnotherNode} requests moved to another node; ${JSON.stringify(counts)} identical on the survivors and the restarted node`,
    );
  });
});
