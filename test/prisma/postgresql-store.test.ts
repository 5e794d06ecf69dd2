/**
 * What only a shared PostgreSQL shows (the Store suite itself runs in
 * `store.test.ts`): processes migrating and writing one new database take
 * turns; two stores in one process, like two nodes, never hand out one id
 * twice, even where the server's default isolation is REPEATABLE READ; a
 * process that dies holding the write lock does not keep it; a writer says so
 * when another node keeps the write lock too long. And the audit trail's:
 * appends never wait for the write lock, two nodes appending the same records
 * at once (at REPEATABLE READ by default) store each once, TRUNCATE is
 * refused like UPDATE and DELETE, and an appender says so when another node
 * keeps the audit lock too long.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { isAuditStore, type AuditStore } from '../../contracts/audit.js';
import type { Store } from '../../contracts/store.js';
import { openStore } from '../../prisma/open-store.js';
import { AUDIT_LOCK_KEY, WRITE_LOCK_KEY } from '../../prisma/postgresql-store.js';
import { postgresql, type FreshDatabase } from '../support/backends.js';
import { auditEvent, schema } from './store-suite.js';
import { runWriters } from './support/run-writers.js';

const backend = postgresql();
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

async function openAuditStore(url: string, options: { lockTimeoutMs?: number } = {}): Promise<Store & AuditStore> {
  const store = await openStore(url, options);
  assert.ok(isAuditStore(store));
  return store;
}

describe('Store: PostgreSQL across processes and nodes', { skip: backend.skip }, () => {
  let database: FreshDatabase;
  before(async () => {
    database = await backend.freshDatabase();
  });
  after(async () => {
    await database?.dispose();
  });

  it('serialises three processes migrating and writing one new database: ids 1..30, no gap, no duplicate', async () => {
    const ids = await runWriters(database.url, 3, 10);
    assert.deepEqual(ids.sort((a, b) => a - b), Array.from({ length: 30 }, (_, i) => i + 1));
  });

  it('serialises two stores on one database at REPEATABLE READ by default: 40 concurrent max+1 inserts get 31..70', async () => {
    const admin = new pg.Client(database.url);
    await admin.connect();
    const dbName = new URL(database.url).pathname.slice(1);
    await admin.query(`ALTER DATABASE "${dbName}" SET default_transaction_isolation = 'repeatable read'`);
    await admin.end();
    const nodes: Store[] = [await openStore(database.url), await openStore(database.url)];
    try {
      const ids = await Promise.all(
        Array.from({ length: 40 }, (_, i) =>
          nodes[i % 2]!.write(async (tx) => {
            const id = (await tx.maxSchemaId()) + 1;
            await new Promise((resolve) => setTimeout(resolve, 1));
            await tx.insertSchema(schema(id));
            return id;
          }),
        ),
      );
      assert.deepEqual(ids.sort((a, b) => a - b), Array.from({ length: 40 }, (_, i) => i + 31));
      assert.equal(await nodes[1]!.maxSchemaId(), 70);
    } finally {
      await Promise.all(nodes.map((store) => store.close()));
    }
  });

  it('goes on writing when a process dies holding the write lock (SIGKILL mid-transaction)', async () => {
    // The dying process: opens a transaction, takes the write lock, says so, and waits to be killed.
    const holder = spawn(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `import pg from 'pg';
         const client = new pg.Client(process.argv[1]);
         await client.connect();
         await client.query('BEGIN');
         await client.query('SELECT pg_advisory_xact_lock($1)', [process.argv[2]]);
         console.log('locked');
         setInterval(() => {}, 1000);`,
        database.url,
        WRITE_LOCK_KEY.toString(),
      ],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const store = await openStore(database.url);
    try {
      await once(holder.stdout!, 'data');
      let written = false;
      const writing = store.write((tx) => tx.putMode('after-crash', 'READONLY')).then(() => (written = true));
      await new Promise((resolve) => setTimeout(resolve, 300));
      assert.equal(written, false, 'the writer waited for the lock');
      holder.kill('SIGKILL');
      await writing;
      assert.equal(await store.mode('after-crash'), 'READONLY');
    } finally {
      holder.kill('SIGKILL');
      await store.close();
    }
  });

  it('says so when another node keeps the write lock past the lock timeout, and writes once it is free', async () => {
    const store = await openStore(database.url, { lockTimeoutMs: 50 });
    const other = new pg.Client(database.url);
    await other.connect();
    try {
      await other.query('BEGIN');
      await other.query('SELECT pg_advisory_xact_lock($1)', [WRITE_LOCK_KEY.toString()]);
      await assert.rejects(
        store.write((tx) => tx.putMode('s', 'READONLY')),
        /another node held the write lock for more than 50 ms/,
      );
      await other.query('ROLLBACK');
      await store.write((tx) => tx.putMode('s', 'READONLY'));
      assert.equal(await store.mode('s'), 'READONLY');
    } finally {
      await other.end();
      await store.close();
    }
  });

  it('appends audit records while another node holds the write lock', async () => {
    const store = await openAuditStore(database.url, { lockTimeoutMs: 50 });
    const other = new pg.Client(database.url);
    await other.connect();
    try {
      await other.query('BEGIN');
      await other.query('SELECT pg_advisory_xact_lock($1)', [WRITE_LOCK_KEY.toString()]);
      await store.appendAudit([auditEvent(1001)]);
      assert.deepEqual(
        (await store.auditEvents({ limit: 10, afterSeq: 0 })).map((event) => event.id),
        [auditEvent(1001).id],
      );
      await other.query('ROLLBACK');
    } finally {
      await other.end();
      await store.close();
    }
  });

  it('stores each audit record once when two stores append the same ones at once, at REPEATABLE READ by default', async () => {
    const admin = new pg.Client(database.url);
    await admin.connect();
    const dbName = new URL(database.url).pathname.slice(1);
    await admin.query(`ALTER DATABASE "${dbName}" SET default_transaction_isolation = 'repeatable read'`);
    await admin.end();
    const nodes = [await openAuditStore(database.url), await openAuditStore(database.url)];
    try {
      const events = Array.from({ length: 40 }, (_, i) => auditEvent(2001 + i));
      const batches = Array.from({ length: 8 }, (_, i) => events.slice(5 * i, 5 * i + 5));
      // Every batch twice, by each node, the second time in reverse.
      await Promise.all(
        batches.flatMap((batch, i) => [
          nodes[i % 2]!.appendAudit(batch),
          nodes[(i + 1) % 2]!.appendAudit([...batch].reverse()),
        ]),
      );
      const ids = new Set(events.map((event) => event.id));
      const read = (await nodes[0]!.auditEvents({ limit: 1000 })).filter((event) => ids.has(event.id));
      assert.deepEqual(read.map((event) => event.id).sort(), [...ids]);
    } finally {
      await Promise.all(nodes.map((store) => store.close()));
    }
  });

  it('refuses TRUNCATE of the audit trail', async () => {
    const client = new pg.Client(database.url);
    await client.connect();
    try {
      await assert.rejects(client.query('TRUNCATE "audit_events"'), /append-only/);
    } finally {
      await client.end();
    }
  });

  it('says so when another node keeps the audit lock past the lock timeout, and appends once it is free', async () => {
    const store = await openAuditStore(database.url, { lockTimeoutMs: 50 });
    const other = new pg.Client(database.url);
    await other.connect();
    try {
      await other.query('BEGIN');
      await other.query('SELECT pg_advisory_xact_lock($1)', [AUDIT_LOCK_KEY.toString()]);
      await assert.rejects(store.appendAudit([auditEvent(3001)]), /another node held the audit lock for more than 50 ms/);
      await other.query('ROLLBACK');
      await store.appendAudit([auditEvent(3001)]);
      assert.equal((await store.auditEvents({ limit: 1000 })).filter((event) => event.id === auditEvent(3001).id).length, 1);
    } finally {
      await other.end();
      await store.close();
    }
  });
});
