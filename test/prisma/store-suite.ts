/**
 * The behaviour every `Store` must have, as one suite that each provider runs
 * with its own way of opening a fresh, empty database (the pattern of Hono's
 * `common.case.test.ts`). Only the `Store` and `AuditStore` interfaces are
 * used here, and plain SQL for what only the database enforces (the audit
 * trail is append-only).
 */
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import pg from 'pg';
import { isAuditStore, type AuditEvent, type AuditFilter, type AuditStore } from '../../contracts/audit.js';
import { GLOBAL_SCOPE, type ConfigValue } from '../../contracts/config.js';
import type { StoredSchema, SubjectVersion } from '../../contracts/schema.js';
import type { Store, StoreWriter } from '../../contracts/store.js';
import { parseDatabaseUrl } from '../../prisma/database-url.js';
import { runAuditors } from './support/run-auditors.js';

/** A fresh, empty database and a store open on it. */
export interface FreshStore {
  store: Store;
  /** The database's `DATABASE_URL`, for other processes and plain SQL. */
  url: string;
  /** Opens another store on the same database (after `store.close()`, to test persistence). */
  reopen(): Promise<Store>;
  /** Closes whatever is still open and removes the database. */
  dispose(): Promise<void>;
}

export function schema(id: number, extra: Partial<StoredSchema> = {}): StoredSchema {
  return {
    id,
    guid: `00000000-0000-0000-0000-${String(id).padStart(12, '0')}`,
    schemaType: 'AVRO',
    schema: `{"type":"record","name":"R${id}","fields":[]}`,
    references: [],
    ts: 1_700_000_000_000 + id,
    ...extra,
  };
}

export function version(subject: string, v: number, schemaId: number, deleted = false): SubjectVersion {
  return { subject, version: v, schemaId, deleted, ts: 1_700_000_100_000 + v };
}

/** Inserts schemas 1..n (n = highest schema id used) and the given versions. */
async function seed(store: Store, versions: SubjectVersion[], schemas = 1): Promise<void> {
  await store.write(async (tx) => {
    for (let id = 1; id <= schemas; id++) await tx.insertSchema(schema(id));
    for (const v of versions) await tx.insertVersion(v);
  });
}

/** An audit record numbered `n` (its id, request id and time follow from `n`), without optional fields unless given. */
export function auditEvent(n: number, extra: Partial<AuditEvent> = {}): AuditEvent {
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    at: 1_700_000_200_000 + n,
    requestId: `req-${n}`,
    principal: 'alice',
    authMethod: 'basic',
    source: '10.0.0.1',
    method: 'POST',
    path: '/subjects/s/versions',
    operation: 'write',
    resource: 'Subject:s',
    outcome: 'success',
    status: 200,
    ...extra,
  };
}

function auditStore(store: Store): AuditStore {
  assert.ok(isAuditStore(store), 'the store keeps the audit trail');
  return store;
}

function withoutSeq({ seq, ...event }: AuditEvent): AuditEvent {
  assert.equal(typeof seq, 'number', `record ${event.requestId} has its seq`);
  return event;
}

function assertIncreasingSeq(events: AuditEvent[]): void {
  for (let i = 1; i < events.length; i++) assert.ok(events[i]!.seq! > events[i - 1]!.seq!, `seq increases at ${i}`);
}

/** Runs `sql` with the provider's plain driver, outside the store. */
async function executeRaw(url: string, sql: string): Promise<void> {
  const target = parseDatabaseUrl(url);
  if (target.provider === 'sqlite') {
    const db = new Database(target.file);
    try {
      db.exec(sql);
    } finally {
      db.close();
    }
    return;
  }
  const client = new pg.Client(target.url);
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export interface StoreSuiteOptions {
  /** Why the suite cannot run here (e.g. no database server); it is then skipped with this reason. */
  skip?: string;
}

export function storeSuite(name: string, openFreshStore: () => Promise<FreshStore>, options: StoreSuiteOptions = {}): void {
  describe(`Store: ${name}`, { skip: options.skip }, () => {
    let fresh: FreshStore;
    let store: Store;
    beforeEach(async () => {
      fresh = await openFreshStore();
      store = fresh.store;
    });
    afterEach(async () => {
      await fresh.dispose();
    });

    it('starts empty', async () => {
      assert.equal(await store.maxSchemaId(), 0);
      assert.equal(await store.schemaById(1), undefined);
      assert.equal(await store.schemaByGuid('nope'), undefined);
      assert.deepEqual(await store.subjectVersions('s'), []);
      assert.deepEqual(await store.versionsOfSchema(1), []);
      assert.deepEqual(await store.subjects(''), []);
      assert.deepEqual(await store.allVersions(''), []);
      assert.deepEqual(await store.referencedBy('s', 1), []);
      assert.equal(await store.config(GLOBAL_SCOPE), undefined);
      assert.equal(await store.mode(GLOBAL_SCOPE), undefined);
    });

    it('answers ping', async () => {
      await store.ping();
    });

    it('reads a schema back by id and by guid, leaving absent metadata and ruleSet out', async () => {
      const plain = schema(1, { schemaType: 'JSON', schema: '{"type":"string"}' });
      await store.write((tx) => tx.insertSchema(plain));
      const byId = await store.schemaById(1);
      assert.deepEqual(byId, plain);
      assert.ok(byId !== undefined && !('metadata' in byId) && !('ruleSet' in byId));
      assert.deepEqual(await store.schemaByGuid(plain.guid), plain);
    });

    it('round-trips references, metadata and ruleSet as JSON', async () => {
      const rich = schema(7, {
        schemaType: 'PROTOBUF',
        schema: 'syntax = "proto3";\nmessage Ünïcode { string ключ = 1; } // 🚀',
        references: [
          { name: 'common.proto', subject: 'common', version: 3 },
          { name: 'money.proto', subject: 'money-value', version: -1 },
        ],
        metadata: {
          tags: { 'Order.amount': ['PII', 'FINANCE'] },
          properties: { 'ecst.key': 'order_id', 'ecst.sequence': 'header:ecst-sequence', empty: '' },
          sensitive: ['secret'],
        },
        ruleSet: {
          domainRules: [
            {
              name: 'checkAmount',
              kind: 'CONDITION',
              mode: 'WRITE',
              type: 'CEL',
              expr: 'message.amount > 0 && "quote\\"d"',
              params: { a: 'b' },
              tags: ['FINANCE'],
              disabled: false,
            },
          ],
          migrationRules: [],
          enableAt: { nested: [1, 'two', null, true] },
        },
      });
      await store.write((tx) => tx.insertSchema(rich));
      assert.deepEqual(await store.schemaById(7), rich);
      assert.deepEqual(await store.schemaByGuid(rich.guid), rich);
    });

    it('keeps the highest schema id ever inserted, whatever the order', async () => {
      await store.write(async (tx) => {
        await tx.insertSchema(schema(5));
        await tx.insertSchema(schema(3));
      });
      assert.equal(await store.maxSchemaId(), 5);
    });

    it('lists the versions of a subject ascending, soft-deleted ones included', async () => {
      await seed(store, [version('s', 3, 1), version('s', 1, 1, true), version('s', 2, 1), version('t', 1, 1)]);
      assert.deepEqual(await store.subjectVersions('s'), [
        version('s', 1, 1, true),
        version('s', 2, 1),
        version('s', 3, 1),
      ]);
      assert.deepEqual(await store.subjectVersions('S'), []);
    });

    it('soft-deletes a version: it keeps its number and schema and counts as deleted', async () => {
      await seed(store, [version('s', 1, 1), version('s', 2, 1)]);
      await store.write((tx) => tx.markVersionDeleted('s', 1));
      assert.deepEqual(await store.subjectVersions('s'), [version('s', 1, 1, true), version('s', 2, 1)]);
      assert.deepEqual(await store.subjects(''), [{ subject: 's', liveVersions: 1, deletedVersions: 1 }]);
    });

    it('hard-deletes a version but keeps its schema, so the id is never reused', async () => {
      await seed(store, [version('s', 1, 2), version('s', 2, 1)], 2);
      await store.write(async (tx) => {
        await tx.markVersionDeleted('s', 1);
        await tx.removeVersion('s', 1);
      });
      assert.deepEqual(await store.subjectVersions('s'), [version('s', 2, 1)]);
      assert.deepEqual(await store.schemaById(2), schema(2));
      assert.equal(await store.maxSchemaId(), 2);
      assert.deepEqual(await store.versionsOfSchema(2), []);
    });

    it('drops a subject from subjects() once its last version is hard-deleted', async () => {
      await seed(store, [version('gone', 1, 1), version('kept', 1, 1)]);
      await store.write((tx) => tx.removeVersion('gone', 1));
      assert.deepEqual(await store.subjects(''), [{ subject: 'kept', liveVersions: 1, deletedVersions: 0 }]);
    });

    it('counts live and soft-deleted versions per subject, sorted, filtered by exact prefix', async () => {
      await seed(store, [
        version('orders-value', 1, 1),
        version('orders-value', 2, 1, true),
        version('orders-value', 3, 1),
        version('orders-key', 1, 1, true),
        version('Orders-value', 1, 1),
        version('ordersXvalue', 1, 1),
        version('orders_value', 1, 1),
        version('customers-value', 1, 1),
      ]);
      assert.deepEqual(await store.subjects(''), [
        { subject: 'Orders-value', liveVersions: 1, deletedVersions: 0 },
        { subject: 'customers-value', liveVersions: 1, deletedVersions: 0 },
        { subject: 'orders-key', liveVersions: 0, deletedVersions: 1 },
        { subject: 'orders-value', liveVersions: 2, deletedVersions: 1 },
        { subject: 'ordersXvalue', liveVersions: 1, deletedVersions: 0 },
        { subject: 'orders_value', liveVersions: 1, deletedVersions: 0 },
      ]);
      assert.deepEqual(
        (await store.subjects('orders-')).map((s) => s.subject),
        ['orders-key', 'orders-value'],
      );
      // `_` and `%` are not wildcards, and case matters.
      assert.deepEqual((await store.subjects('orders_')).map((s) => s.subject), ['orders_value']);
      assert.deepEqual((await store.subjects('orders%')).map((s) => s.subject), []);
      assert.deepEqual((await store.subjects('O')).map((s) => s.subject), ['Orders-value']);
    });

    it('lists every version under a prefix by subject then version, soft-deleted included', async () => {
      await seed(store, [version('b', 2, 1), version('a', 2, 1, true), version('b', 1, 1), version('a', 1, 1), version('c', 1, 1)]);
      assert.deepEqual(await store.allVersions(''), [
        version('a', 1, 1),
        version('a', 2, 1, true),
        version('b', 1, 1),
        version('b', 2, 1),
        version('c', 1, 1),
      ]);
      assert.deepEqual(await store.allVersions('b'), [version('b', 1, 1), version('b', 2, 1)]);
      assert.deepEqual(await store.allVersions('B'), []);
    });

    it('lists the versions pointing at a schema by subject then version, soft-deleted included', async () => {
      await seed(store, [version('z', 1, 1), version('a', 2, 1, true), version('a', 1, 2), version('a', 3, 1)], 2);
      assert.deepEqual(await store.versionsOfSchema(1), [version('a', 2, 1, true), version('a', 3, 1), version('z', 1, 1)]);
      assert.deepEqual(await store.versionsOfSchema(2), [version('a', 1, 2)]);
      assert.deepEqual(await store.versionsOfSchema(3), []);
    });

    it('finds the schemas that reference a subject version, each once, ascending', async () => {
      await store.write(async (tx) => {
        await tx.insertSchema(schema(1));
        await tx.insertVersion(version('common', 1, 1));
        await tx.insertSchema(
          schema(3, {
            references: [
              { name: 'a.avsc', subject: 'common', version: 1 },
              { name: 'b.avsc', subject: 'common', version: 1 },
            ],
          }),
        );
        await tx.insertSchema(schema(2, { references: [{ name: 'a.avsc', subject: 'common', version: 1 }] }));
        await tx.insertSchema(schema(4, { references: [{ name: 'a.avsc', subject: 'common', version: 2 }] }));
      });
      assert.deepEqual(await store.referencedBy('common', 1), [2, 3]);
      assert.deepEqual(await store.referencedBy('common', 2), [4]);
      assert.deepEqual(await store.referencedBy('common', 3), []);
      assert.deepEqual(await store.referencedBy('other', 1), []);
    });

    it('puts, overwrites, reads and deletes config per scope', async () => {
      const global: ConfigValue = { compatibilityLevel: 'FULL_TRANSITIVE', normalize: true };
      const subject: ConfigValue = {
        compatibilityLevel: 'NONE',
        alias: 'other',
        defaultMetadata: { properties: { owner: 'team-a' } },
        overrideRuleSet: { domainRules: [{ name: 'r', type: 'CEL', expr: 'true' }] },
      };
      await store.write(async (tx) => {
        await tx.putConfig(GLOBAL_SCOPE, { compatibilityLevel: 'BACKWARD' });
        await tx.putConfig(GLOBAL_SCOPE, global);
        await tx.putConfig('orders-value', subject);
      });
      assert.deepEqual(await store.config(GLOBAL_SCOPE), global);
      assert.deepEqual(await store.config('orders-value'), subject);
      assert.equal(await store.config('other'), undefined);
      await store.write(async (tx) => {
        await tx.deleteConfig('orders-value');
        await tx.deleteConfig('never-set');
      });
      assert.equal(await store.config('orders-value'), undefined);
      assert.deepEqual(await store.config(GLOBAL_SCOPE), global);
    });

    it('puts, overwrites, reads and deletes modes per scope', async () => {
      await store.write(async (tx) => {
        await tx.putMode(GLOBAL_SCOPE, 'READONLY');
        await tx.putMode(GLOBAL_SCOPE, 'IMPORT');
        await tx.putMode('orders-value', 'READWRITE');
      });
      assert.equal(await store.mode(GLOBAL_SCOPE), 'IMPORT');
      assert.equal(await store.mode('orders-value'), 'READWRITE');
      await store.write(async (tx) => {
        await tx.deleteMode(GLOBAL_SCOPE);
        await tx.deleteMode('never-set');
      });
      assert.equal(await store.mode(GLOBAL_SCOPE), undefined);
      assert.equal(await store.mode('orders-value'), 'READWRITE');
    });

    it('returns what the work returns, and lets the work read its own writes', async () => {
      const seen = await store.write(async (tx) => {
        await tx.insertSchema(schema(1));
        await tx.insertVersion(version('s', 1, 1));
        await tx.putConfig('s', { compatibilityLevel: 'NONE' });
        return {
          max: await tx.maxSchemaId(),
          versions: await tx.subjectVersions('s'),
          config: await tx.config('s'),
        };
      });
      assert.deepEqual(seen, {
        max: 1,
        versions: [version('s', 1, 1)],
        config: { compatibilityLevel: 'NONE' },
      });
    });

    it('writes nothing when the work throws, and rethrows its error', async () => {
      await seed(store, [version('s', 1, 1)]);
      const failure = new Error('compatibility check failed');
      await assert.rejects(
        store.write(async (tx) => {
          await tx.insertSchema(schema(2));
          await tx.insertVersion(version('s', 2, 2));
          await tx.markVersionDeleted('s', 1);
          await tx.putConfig('s', { compatibilityLevel: 'NONE' });
          await tx.putMode('s', 'READONLY');
          throw failure;
        }),
        (error) => error === failure,
      );
      assert.equal(await store.maxSchemaId(), 1);
      assert.deepEqual(await store.subjectVersions('s'), [version('s', 1, 1)]);
      assert.equal(await store.config('s'), undefined);
      assert.equal(await store.mode('s'), undefined);
      // The store still writes after a failed transaction.
      await store.write((tx) => tx.insertSchema(schema(2)));
      assert.equal(await store.maxSchemaId(), 2);
    });

    it('hides a write in flight from reads outside it', async () => {
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      let inserted!: () => void;
      const wasInserted = new Promise<void>((resolve) => (inserted = resolve));
      const writing = store.write(async (tx) => {
        await tx.insertSchema(schema(1));
        inserted();
        await held;
      });
      await wasInserted;
      assert.equal(await store.schemaById(1), undefined);
      assert.equal(await store.maxSchemaId(), 0);
      release();
      await writing;
      assert.deepEqual(await store.schemaById(1), schema(1));
    });

    it('reports a duplicate schema id or version as an error, and writes nothing', async () => {
      await seed(store, [version('s', 1, 1)]);
      const duplicates: Array<(tx: StoreWriter) => Promise<void>> = [
        (tx) => tx.insertSchema(schema(1, { guid: 'another-guid' })),
        (tx) => tx.insertVersion(version('s', 1, 1)),
      ];
      for (const duplicate of duplicates) {
        await assert.rejects(
          store.write(async (tx) => {
            await tx.putMode('s', 'READONLY');
            await duplicate(tx);
          }),
          (error: Error) => /already exists/.test(error.message),
        );
      }
      assert.equal(await store.mode('s'), undefined);
      assert.equal(await store.maxSchemaId(), 1);
    });

    it('keeps one content under several ids (IMPORT may give it a second); by guid, the lowest id a version uses', async () => {
      await store.write((tx) => tx.insertSchema(schema(9, { guid: schema(1).guid })));
      await store.write((tx) => tx.insertSchema(schema(4, { guid: schema(1).guid })));
      assert.equal((await store.schemaByGuid(schema(1).guid))?.id, 4, 'none used: the lowest');
      await seed(store, [version('s', 1, 9)]);
      assert.equal((await store.schemaByGuid(schema(1).guid))?.id, 9, 'the lowest in use');
    });

    it('serialises writers: 20 concurrent max+1 inserts get ids 1..20', async () => {
      const ids = await Promise.all(
        Array.from({ length: 20 }, () =>
          store.write(async (tx) => {
            const id = (await tx.maxSchemaId()) + 1;
            await new Promise((resolve) => setTimeout(resolve, 1));
            await tx.insertSchema(schema(id));
            return id;
          }),
        ),
      );
      assert.deepEqual([...ids].sort((a, b) => a - b), Array.from({ length: 20 }, (_, i) => i + 1));
      assert.equal(await store.maxSchemaId(), 20);
    });

    it('keeps everything across close and reopen', async () => {
      const rich = schema(1, {
        references: [{ name: 'x', subject: 'common', version: 1 }],
        metadata: { properties: { a: 'b' } },
      });
      await store.write(async (tx) => {
        await tx.insertSchema(rich);
        await tx.insertVersion(version('s', 1, 1));
        await tx.insertVersion(version('s', 2, 1, true));
        await tx.putConfig(GLOBAL_SCOPE, { compatibilityLevel: 'FORWARD' });
        await tx.putMode(GLOBAL_SCOPE, 'READONLY');
      });
      await store.close();
      store = await fresh.reopen();
      assert.deepEqual(await store.schemaById(1), rich);
      assert.deepEqual(await store.subjectVersions('s'), [version('s', 1, 1), version('s', 2, 1, true)]);
      assert.deepEqual(await store.referencedBy('common', 1), [1]);
      assert.deepEqual(await store.config(GLOBAL_SCOPE), { compatibilityLevel: 'FORWARD' });
      assert.equal(await store.mode(GLOBAL_SCOPE), 'READONLY');
      assert.equal(await store.maxSchemaId(), 1);
    });

    it('audit: reads records back as appended, in seq order, optional fields absent when they were', async () => {
      const audit = auditStore(store);
      const full = auditEvent(1, {
        subject: 'orders-value',
        schemaId: 7,
        version: 3,
        beforeHash: `sha256:${'a'.repeat(64)}`,
        afterHash: `sha256:${'b'.repeat(64)}`,
        reason: 'incompatible: «field» removed 🚫',
        outcome: 'failure',
        status: 409,
      });
      const plain = auditEvent(2, { principal: 'anonymous', authMethod: 'anonymous', outcome: 'unauthenticated', status: 401 });
      await audit.appendAudit([full, plain]);
      const read = await audit.auditEvents({ limit: 10 });
      assert.deepEqual(read.map(withoutSeq), [full, plain]);
      assertIncreasingSeq(read);
      for (const field of ['subject', 'schemaId', 'version', 'beforeHash', 'afterHash', 'reason']) {
        assert.ok(!(field in read[1]!), `${field} is absent`);
      }
      await store.close();
      store = await fresh.reopen();
      assert.deepEqual(await auditStore(store).auditEvents({ limit: 10 }), read);
    });

    it('audit: leaves a record whose id is already stored as it is, so that a retried append stores nothing twice', async () => {
      const audit = auditStore(store);
      await audit.appendAudit([auditEvent(1), auditEvent(2)]);
      await audit.appendAudit([auditEvent(1), auditEvent(2)]);
      await audit.appendAudit([auditEvent(2, { status: 500 }), auditEvent(3)]);
      await audit.appendAudit([auditEvent(4), auditEvent(4, { status: 500 })]);
      await audit.appendAudit([]);
      const read = await audit.auditEvents({ limit: 10 });
      assert.deepEqual(read.map(withoutSeq), [auditEvent(1), auditEvent(2), auditEvent(3), auditEvent(4)]);
      assertIncreasingSeq(read);
    });

    it('audit: applies subject, principal, from (inclusive), to (exclusive), afterSeq and limit, each and together', async () => {
      const audit = auditStore(store);
      await audit.appendAudit([
        auditEvent(1, { subject: 'orders-value', at: 1000 }),
        auditEvent(2, { subject: 'orders-value', principal: 'bob', at: 2000 }),
        auditEvent(3, { subject: 'customers-value', at: 3000 }),
        auditEvent(4, { at: 4000 }),
        auditEvent(5, { subject: 'orders-value', at: 5000 }),
        auditEvent(6, { subject: 'Orders-value', principal: 'Alice', at: 5000 }),
        // Stored last but answered earlier: seq orders the records, not `at`.
        auditEvent(7, { subject: 'orders-value', principal: 'bob', at: 999 }),
      ]);
      const all = await audit.auditEvents({ limit: 100 });
      const seqOf = (n: number) => all.find((event) => event.requestId === `req-${n}`)!.seq!;
      const matching = async (filter: Partial<AuditFilter>) =>
        (await audit.auditEvents({ limit: 100, ...filter })).map((event) => Number(event.requestId.slice('req-'.length)));

      assert.deepEqual(await matching({}), [1, 2, 3, 4, 5, 6, 7]);
      assert.deepEqual(await matching({ subject: 'orders-value' }), [1, 2, 5, 7]);
      assert.deepEqual(await matching({ subject: 'nope' }), []);
      assert.deepEqual(await matching({ principal: 'alice' }), [1, 3, 4, 5]);
      assert.deepEqual(await matching({ from: 2000 }), [2, 3, 4, 5, 6]);
      assert.deepEqual(await matching({ to: 2000 }), [1, 7]);
      assert.deepEqual(await matching({ from: 2000, to: 5000 }), [2, 3, 4]);
      assert.deepEqual(await matching({ from: 5000, to: 5000 }), []);
      assert.deepEqual(await matching({ afterSeq: seqOf(3) }), [4, 5, 6, 7]);
      assert.deepEqual(await matching({ afterSeq: seqOf(7) }), []);
      assert.deepEqual(await matching({ afterSeq: Number.MAX_SAFE_INTEGER }), []);
      assert.deepEqual(await matching({ afterSeq: -1 }), [1, 2, 3, 4, 5, 6, 7]);
      assert.deepEqual(await matching({ limit: 2 }), [1, 2]);
      assert.deepEqual(await matching({ limit: 0 }), []);
      assert.deepEqual(await matching({ subject: 'orders-value', principal: 'alice' }), [1, 5]);
      assert.deepEqual(await matching({ subject: 'orders-value', principal: 'bob', from: 1000 }), [2]);
      assert.deepEqual(await matching({ subject: 'orders-value', afterSeq: seqOf(2) }), [5, 7]);
      assert.deepEqual(await matching({ principal: 'alice', from: 1000, to: 5001, afterSeq: seqOf(1), limit: 2 }), [3, 4]);
    });

    it('audit: pages 25 records by afterSeq with limit 10: 10, 10, 5, then none, in order', async () => {
      const audit = auditStore(store);
      const alices = Array.from({ length: 25 }, (_, i) => auditEvent(2 * i + 1));
      const bobs = Array.from({ length: 25 }, (_, i) => auditEvent(2 * i + 2, { principal: 'bob' }));
      await audit.appendAudit(alices.flatMap((alice, i) => [alice, bobs[i]!]));
      const pages: AuditEvent[][] = [];
      let afterSeq: number | undefined;
      for (;;) {
        const page = await audit.auditEvents({ principal: 'alice', limit: 10, ...(afterSeq !== undefined && { afterSeq }) });
        pages.push(page);
        if (page.length === 0) break;
        afterSeq = page.at(-1)!.seq;
      }
      assert.deepEqual(pages.map((page) => page.length), [10, 10, 5, 0]);
      assert.deepEqual(pages.flat().map(withoutSeq), alices);
      assertIncreasingSeq(pages.flat());
    });

    it('audit: two processes appending overlapping batches at once store each record exactly once', async () => {
      const events = Array.from({ length: 60 }, (_, i) => auditEvent(i + 1));
      const batches = (from: number, to: number) =>
        Array.from({ length: (to - from) / 5 }, (_, i) => events.slice(from + 5 * i, from + 5 * i + 5));
      // The second process repeats 20..39 of the first, each batch in reverse.
      await runAuditors(fresh.url, [batches(0, 40), batches(20, 60).map((batch) => [...batch].reverse())]);
      const read = await auditStore(store).auditEvents({ limit: 1000 });
      assert.equal(read.length, 60);
      assert.deepEqual(
        read.map(withoutSeq).sort((a, b) => a.at - b.at),
        events,
      );
      assertIncreasingSeq(read);
    });

    it('audit: an append does not queue behind writers: a writer queued before it may wait for it', async () => {
      const audit = auditStore(store);
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      let started!: () => void;
      const isStarted = new Promise<void>((resolve) => (started = resolve));
      const inFlight = store.write(async (tx) => {
        await tx.putMode('s', 'READONLY');
        started();
        await held;
      });
      await isStarted;
      let appended!: Promise<void>;
      const queued = store.write(async (tx) => {
        await appended;
        await tx.putMode('s', 'IMPORT');
      });
      appended = audit.appendAudit([auditEvent(1)]);
      release();
      await Promise.all([inFlight, queued, appended]);
      assert.deepEqual((await audit.auditEvents({ limit: 10 })).map(withoutSeq), [auditEvent(1)]);
      assert.equal(await store.mode('s'), 'IMPORT');
    });

    it('audit: the database refuses UPDATE and DELETE of audit records, even in plain SQL', async () => {
      const audit = auditStore(store);
      await audit.appendAudit([auditEvent(1), auditEvent(2)]);
      const refused = /append-only/;
      await assert.rejects(executeRaw(fresh.url, `UPDATE "audit_events" SET "status" = 500`), refused);
      await assert.rejects(executeRaw(fresh.url, `UPDATE "audit_events" SET "reason" = 'x' WHERE "request_id" = 'req-1'`), refused);
      await assert.rejects(executeRaw(fresh.url, `DELETE FROM "audit_events" WHERE "request_id" = 'req-2'`), refused);
      await assert.rejects(executeRaw(fresh.url, `DELETE FROM "audit_events"`), refused);
      assert.deepEqual((await audit.auditEvents({ limit: 10 })).map(withoutSeq), [auditEvent(1), auditEvent(2)]);
    });
  });
}
