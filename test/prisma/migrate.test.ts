/**
 * The migrator on SQLite: applies the committed migrations to an empty file
 * (creating its folder), applies nothing the second time, lets concurrent
 * migrators take turns, names the file (or an unreachable PostgreSQL server)
 * when it cannot be opened; the history check that spares the engine; and the
 * committed migrations are exactly what `schema.prisma` needs. PostgreSQL's
 * migrator: `postgresql-migrate.test.ts`.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { applyMigrations } from '../../prisma/migrate.js';
import { nothingToApply } from '../../prisma/migration-history.js';
import { lockfileContent, readMigrationsList } from '../../prisma/migrations-list.js';
import { openStore } from '../../prisma/open-store.js';
import { providerPaths } from '../../prisma/paths.js';
import { pendingMigration } from '../../prisma/scripts/pending-migration.js';
import { tempDir } from './support/temp-dir.js';

const TABLES = ['_prisma_migrations', 'audit_events', 'configs', 'deployments', 'modes', 'registry_nodes', 'schema_references', 'schemas', 'subject_versions', 'verifications'];

describe('applyMigrations on SQLite', () => {
  let dir: string;
  before(async () => {
    dir = await tempDir();
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('applies every committed migration to a new file, creating its folder, then nothing', async () => {
    const file = join(dir, 'nested', 'folder', 'registry.db');
    const committed = (await readdir(providerPaths('sqlite').migrations, { withFileTypes: true }))
      .filter((e) => e.isDirectory())
      .map((e) => e.name)
      .sort();
    assert.ok(committed.length > 0);
    assert.deepEqual(await applyMigrations(`file:${file}`), committed);
    assert.deepEqual(await applyMigrations(`file:${file}`), []);

    const db = new Database(file, { readonly: true });
    try {
      const tables = db
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
        .all() as Array<{ name: string }>;
      assert.deepEqual(tables.map((t) => t.name), TABLES);
      const history = db.prepare('SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL').all();
      assert.equal(history.length, committed.length);
    } finally {
      db.close();
    }
  });

  it('lets two migrators of one new file take turns', async () => {
    const url = `file:${join(dir, 'raced.db')}`;
    const results = await Promise.all([applyMigrations(url), applyMigrations(url)]);
    assert.deepEqual(results.map((names) => names.length).sort(), [0, results.flat().length]);
    assert.ok(results.flat().length > 0);
  });

  it('resolves a relative file: URL against the working directory', async () => {
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      await applyMigrations('file:./relative/registry.db');
    } finally {
      process.chdir(cwd);
    }
    assert.ok(existsSync(join(dir, 'relative', 'registry.db')));
  });

  it('names the file when it cannot be opened', async () => {
    const notADirectory = join(dir, 'plain-file');
    await writeFile(notADirectory, 'x');
    const target = join(notADirectory, 'registry.db');
    await assert.rejects(applyMigrations(`file:${target}`), (error: Error) => error.message.includes(target));
  });

  it('names an unreachable PostgreSQL server, without its password, in the migrator and in openStore', async () => {
    const url = 'postgresql://u:s3cret@127.0.0.1:1/db';
    const named = (error: Error) => error.message.includes('postgresql://u:***@127.0.0.1:1/db') && !error.message.includes('s3cret');
    await assert.rejects(applyMigrations(url), named);
    await assert.rejects(openStore(url), named);
  });
});

describe('nothingToApply', () => {
  const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
  const list = (...names: string[]) => ({
    baseDir: '/m',
    lockfile: { path: 'migration_lock.toml', content: null },
    shadowDbInitScript: '',
    migrationDirectories: names.map((name) => ({
      path: name,
      migrationFile: { path: 'migration.sql', content: { tag: 'ok' as const, value: `-- ${name}` } },
    })),
  });
  const applied = (name: string, text = `-- ${name}`) => ({ name, checksum: sha256(text) });

  it('is true only when every migration is recorded with the checksum of its file', () => {
    assert.equal(nothingToApply(list('1_a', '2_b'), [applied('1_a'), applied('2_b')]), true);
    assert.equal(nothingToApply(list('1_a'), [applied('1_a'), applied('0_newer_binary')]), true);
    assert.equal(nothingToApply(list('1_a', '2_b'), [applied('1_a')]), false);
    assert.equal(nothingToApply(list('1_a'), [applied('1_a', '-- edited')]), false);
    assert.equal(nothingToApply(list('1_a'), undefined), false);
  });

  it('matches what the engine recorded for the committed migrations', async () => {
    const file = join(await tempDir(), 'history.db');
    await applyMigrations(`file:${file}`);
    const db = new Database(file, { readonly: true });
    const rows = db.prepare('SELECT migration_name AS name, checksum FROM _prisma_migrations').all();
    db.close();
    const committed = await readMigrationsList(providerPaths('sqlite').migrations);
    assert.equal(nothingToApply(committed, rows as Array<{ name: string; checksum: string }>), true);
    await rm(join(file, '..'), { recursive: true, force: true });
  });
});

describe('committed SQLite migrations', () => {
  it('produce exactly the tables of schema.prisma (no migration pending)', async () => {
    const pending = await pendingMigration('sqlite');
    assert.equal(pending.script, null, `a migration is pending; run npm run prisma:migration -- NAME\n${pending.summary}`);
  });

  it('carry the lock file prisma migrate writes', async () => {
    const lock = await readFile(join(providerPaths('sqlite').migrations, 'migration_lock.toml'), 'utf8');
    assert.equal(lock, lockfileContent('sqlite'));
  });
});
