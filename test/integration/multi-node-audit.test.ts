/**
 * The audit trail of three secured `creg serve` processes on one PostgreSQL
 * database, as behind a load balancer: registrations (some duplicates of
 * each other), denied deletes and failed logins fired at once across the
 * nodes are each recorded exactly once in the shared table — every node
 * answers the same records in the same order — and each node's JSON lines
 * hold exactly the requests that node answered.
 */
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { AuditEvent } from '../../contracts/audit.js';
import { hashPassword } from '../../security/passwords.js';
import { customerSchema } from '../support/avro-fixtures.js';
import { postgresql, type FreshDatabase } from '../support/backends.js';
import { serveRegistry, type RegistryProcess } from '../support/registry-process.js';
import { basicAuthorization } from '../support/secured-registry.js';

const backend = postgresql();
const NODES = 3;
const ADMIN = basicAuthorization('admin', 'admin password');
const WRITER = basicAuthorization('writer', 'writer password');
/** Below the failure throttle's free failures per address, on every node. */
const FAILED_LOGINS_PER_NODE = 4;

interface Sent {
  requestId: string;
  node: number;
  method: string;
  path: string;
  authorization: string;
  body?: unknown;
  expected: { status: number; outcome: AuditEvent['outcome']; operation: string };
}

function workload(): Sent[] {
  const sent: Sent[] = [];
  for (let i = 0; i < 60; i++) {
    sent.push({
      requestId: `register-${i}`,
      node: i % NODES,
      method: 'POST',
      path: `/subjects/orders-${i % 3}-value/versions`,
      authorization: WRITER,
      // Ten schemas per subject, each registered twice: duplicates race each other.
      body: { schema: customerSchema(Math.floor(i / 3) % 10) },
      expected: { status: 200, outcome: 'success', operation: 'write' },
    });
  }
  for (let i = 0; i < 15; i++) {
    sent.push({
      requestId: `delete-${i}`,
      node: i % NODES,
      method: 'DELETE',
      path: `/subjects/orders-${i % 3}-value`,
      authorization: WRITER,
      expected: { status: 403, outcome: 'denied', operation: 'delete' },
    });
  }
  for (let i = 0; i < FAILED_LOGINS_PER_NODE * NODES; i++) {
    sent.push({
      requestId: `login-${i}`,
      node: i % NODES,
      method: 'GET',
      path: '/subjects',
      authorization: basicAuthorization('writer', `wrong ${i}`),
      expected: { status: 401, outcome: 'unauthenticated', operation: 'authenticate' },
    });
  }
  return sent;
}

describe('the audit trail of three nodes on one PostgreSQL', { skip: backend.skip, timeout: 300_000 }, () => {
  let database: FreshDatabase;
  let dir: string;
  let nodes: RegistryProcess[] = [];
  const auditLog = (node: number) => join(dir, `audit-${node}.jsonl`);

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'creg-audit-nodes-'));
    const authFile = join(dir, 'auth.json');
    await writeFile(
      authFile,
      JSON.stringify({
        users: [
          { name: 'admin', passwordHash: await hashPassword('admin password') },
          { name: 'writer', passwordHash: await hashPassword('writer password') },
        ],
        rules: [
          { principals: ['admin'], operations: ['read', 'audit'], global: true },
          { principals: ['admin'], operations: ['read'], subjectPrefixes: [''] },
          { principals: ['writer'], operations: ['read', 'write'], subjectPrefixes: ['orders-'] },
        ],
      }),
    );
    database = await backend.freshDatabase();
    nodes = await Promise.all(
      Array.from({ length: NODES }, (_, node) => serveRegistry(database.url, { CREG_AUTH_FILE: authFile, CREG_AUDIT_LOG: auditLog(node) })),
    );
  });
  after(async () => {
    await Promise.allSettled(nodes.map((node) => node.stop()));
    await database?.dispose();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('each request fired at once across the nodes is recorded once, and every node answers the same trail', async (t) => {
    const sent = workload();
    const answers = await Promise.all(
      sent.map(async (request) => {
        const res = await fetch(`${nodes[request.node]!.url}${request.path}`, {
          method: request.method,
          headers: {
            authorization: request.authorization,
            'x-request-id': request.requestId,
            ...(request.body ? { 'content-type': 'application/vnd.schemaregistry.v1+json' } : {}),
          },
          body: request.body ? JSON.stringify(request.body) : undefined,
        });
        return { request, status: res.status, body: await res.text() };
      }),
    );
    for (const { request, status, body } of answers) assert.equal(status, request.expected.status, `${request.requestId}: ${body}`);

    const trails = await Promise.all(nodes.map((node) => trailOnceComplete(node.url, sent.length)));
    for (const other of trails.slice(1)) assert.deepEqual(other, trails[0]);
    const trail = trails[0]!;
    const seqs = trail.map((event) => event.seq!);
    assert.deepEqual(seqs, [...seqs].sort((a, b) => a - b), 'in seq order');
    assert.equal(new Set(trail.map((event) => event.id)).size, trail.length, 'no record twice');
    for (const request of sent) {
      const recorded = trail.filter((event) => event.requestId === request.requestId);
      assert.equal(recorded.length, 1, `${request.requestId} recorded ${recorded.length} times`);
      const event = recorded[0]!;
      assert.deepEqual(
        { status: event.status, outcome: event.outcome, operation: event.operation, method: event.method, path: event.path, principal: event.principal },
        { ...request.expected, method: request.method, path: request.path, principal: 'writer' },
        request.requestId,
      );
      if (request.expected.outcome === 'success') assert.ok(Number.isInteger(event.schemaId) && Number.isInteger(event.version), request.requestId);
    }

    for (let node = 0; node < NODES; node++) {
      const lines = (await readFile(auditLog(node), 'utf8'))
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as AuditEvent);
      const mine = sent.filter((request) => request.node === node).map((request) => request.requestId);
      assert.deepEqual(lines.map((event) => event.requestId).sort(), mine.sort(), `node ${node}'s JSON lines`);
      for (const line of lines) {
        const { seq: _seq, ...stored } = trail.find((event) => event.id === line.id) ?? ({} as AuditEvent);
        assert.deepEqual(stored, line, `node ${node}: ${line.requestId} as stored`);
      }
    }
    t.diagnostic(`multi-node audit: ${trail.length} records, once each, identical on ${NODES} nodes`);
  });
});

/** Every record of the table through one node, paged, once it holds `count` (its appends are batched just after each answer). */
async function trailOnceComplete(url: string, count: number): Promise<AuditEvent[]> {
  for (let attempt = 0; ; attempt++) {
    const events: AuditEvent[] = [];
    for (let after: number | undefined; ; ) {
      const res = await fetch(`${url}/contract-registry/v1/audit?limit=50${after === undefined ? '' : `&after=${after}`}`, {
        headers: { authorization: ADMIN, 'x-request-id': `audit-read-${attempt}` },
      });
      assert.equal(res.status, 200);
      const page = (await res.json()) as AuditEvent[];
      if (page.length === 0) break;
      events.push(...page);
      after = page.at(-1)!.seq;
    }
    if (events.length >= count || attempt === 250) return events;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
