/**
 * The behaviour every `Store` must have, as one suite that each provider runs
 * with its own way of opening a fresh, empty database (the pattern of Hono's
 * `common.case.test.ts`). Only the `Store` interface is used here.
 */
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { GLOBAL_SCOPE, type ConfigValue } from '../../contracts/config.js';
import type { StoredSchema, SubjectVersion } from '../../contracts/schema.js';
import type { Store, StoreWriter } from '../../contracts/store.js';

/** A fresh, empty database and a store open on it. */
export interface FreshStore {
  store: Store;
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

    it('reports a duplicate schema id, guid or version as an error, and writes nothing', async () => {
      await seed(store, [version('s', 1, 1)]);
      const duplicates: Array<(tx: StoreWriter) => Promise<void>> = [
        (tx) => tx.insertSchema(schema(1, { guid: 'another-guid' })),
        (tx) => tx.insertSchema(schema(2, { guid: schema(1).guid })),
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
  });
}
