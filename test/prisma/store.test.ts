/**
 * The Store suite on every backend (a fresh database per test: a new SQLite
 * file, a new PostgreSQL database), plus what only a file database shows:
 * migrators and writers in several processes on one file take turns, and a
 * writer says so when another keeps the lock too long. PostgreSQL's own
 * cases are in `postgresql-store.test.ts`.
 */
import assert from 'node:assert/strict';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { openStore } from '../../prisma/open-store.js';
import { backends } from '../support/backends.js';
import { storeSuite } from './store-suite.js';
import { openFreshStore } from './support/fresh-store.js';
import { runWriters } from './support/run-writers.js';
import { tempDir } from './support/temp-dir.js';

for (const backend of backends()) {
  storeSuite(backend.name, () => openFreshStore(backend), { skip: backend.skip });
}

describe('Store: SQLite across processes', () => {
  it('serialises three processes migrating and writing one new file: ids 1..30, no gap, no duplicate, no deadlock', async () => {
    const dir = await tempDir();
    try {
      const url = `file:${join(dir, 'shared.db')}`;
      const ids = await runWriters(url, 3, 10);
      assert.deepEqual(ids.sort((a, b) => a - b), Array.from({ length: 30 }, (_, i) => i + 1));
      const store = await openStore(url);
      try {
        assert.equal(await store.maxSchemaId(), 30);
      } finally {
        await store.close();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('Store: SQLite write lock', () => {
  it('says so when another connection keeps the write lock past the busy timeout', async () => {
    const dir = await tempDir();
    const file = join(dir, 'locked.db');
    const store = await openStore(`file:${file}`, { busyTimeoutMs: 50 });
    const other = new Database(file);
    try {
      other.prepare('BEGIN IMMEDIATE').run();
      await assert.rejects(
        store.write((tx) => tx.putMode('s', 'READONLY')),
        /another connection held the write lock for more than 50 ms/,
      );
      other.prepare('ROLLBACK').run();
      await store.write((tx) => tx.putMode('s', 'READONLY'));
      assert.equal(await store.mode('s'), 'READONLY');
    } finally {
      other.close();
      await store.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
