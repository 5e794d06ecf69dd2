/**
 * The migrator on PostgreSQL: applies the committed migrations to a new
 * database and nothing the second time; several nodes starting at once take
 * turns, one applying and the others finding nothing to do; a migrator waits
 * while another holds the migration lock; and the committed migrations are
 * exactly what `postgresql/schema.prisma` needs.
 */
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import pg from 'pg';
import { applyMigrations } from '../../prisma/migrate.js';
import { nothingToApply } from '../../prisma/migration-history.js';
import { lockfileContent, readMigrationsList } from '../../prisma/migrations-list.js';
import { providerPaths } from '../../prisma/paths.js';
import { MIGRATION_LOCK_KEY } from '../../prisma/postgresql-migration-lock.js';
import { pendingMigration } from '../../prisma/scripts/pending-migration.js';
import { postgresql, type FreshDatabase } from '../support/backends.js';

const TABLES = ['_prisma_migrations', 'audit_events', 'configs', 'deployments', 'modes', 'registry_nodes', 'schema_references', 'schemas', 'subject_versions', 'verifications'];
const backend = postgresql();

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client(url);
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

describe('applyMigrations on PostgreSQL', { skip: backend.skip }, () => {
  let database: FreshDatabase;
  beforeEach(async () => {
    database = await backend.freshDatabase();
  });
  afterEach(async () => {
    await database?.dispose();
  });

  it('applies every committed migration to a new database, then nothing', async () => {
    const committed = (await readdir(providerPaths('postgresql').migrations, { withFileTypes: true }))
      .filter((e) => e.isDirectory())
      .map((e) => e.name)
      .sort();
    assert.ok(committed.length > 0);
    assert.deepEqual(await applyMigrations(database.url), committed);
    assert.deepEqual(await applyMigrations(database.url), []);
    const tables = await query<{ name: string }>(
      database.url,
      "SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename",
    );
    assert.deepEqual(tables.map((t) => t.name), TABLES);
    const history = await query(database.url, 'SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL');
    assert.equal(history.length, committed.length);
  });

  it('lets five migrators of one new database take turns: one applies, the others find nothing to do', async () => {
    const results = await Promise.all(Array.from({ length: 5 }, () => applyMigrations(database.url)));
    const applied = results.filter((names) => names.length > 0);
    assert.equal(applied.length, 1);
    const failed = await query(database.url, 'SELECT 1 FROM _prisma_migrations WHERE finished_at IS NULL OR rolled_back_at IS NOT NULL');
    assert.equal(failed.length, 0);
  });

  it('waits while another node holds the migration lock', async () => {
    const holder = new pg.Client(database.url);
    await holder.connect();
    try {
      await holder.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY.toString()]);
      let done = false;
      const migrating = applyMigrations(database.url).finally(() => (done = true));
      await new Promise((resolve) => setTimeout(resolve, 500));
      assert.equal(done, false, 'the migrator did not wait for the lock');
      await holder.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY.toString()]);
      assert.ok((await migrating).length > 0);
    } finally {
      await holder.end();
    }
  });

  it('records the checksums that spare the engine on the next start', async () => {
    await applyMigrations(database.url);
    const rows = await query<{ name: string; checksum: string }>(
      database.url,
      'SELECT migration_name AS name, checksum FROM _prisma_migrations',
    );
    const committed = await readMigrationsList(providerPaths('postgresql').migrations);
    assert.equal(nothingToApply(committed, rows), true);
  });

  it('committed migrations produce exactly the tables of schema.prisma (no migration pending)', async () => {
    const pending = await pendingMigration('postgresql', { databaseUrl: database.url });
    assert.equal(
      pending.script,
      null,
      `a migration is pending; run npm run prisma:migration -- NAME --provider postgresql\n${pending.summary}`,
    );
  });
});

describe('committed PostgreSQL migrations', () => {
  it('carry the lock file prisma migrate writes', async () => {
    const lock = await readFile(join(providerPaths('postgresql').migrations, 'migration_lock.toml'), 'utf8');
    assert.equal(lock, lockfileContent('postgresql'));
  });
});
