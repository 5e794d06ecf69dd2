/**
 * A fresh SQLite database for one test: a new temporary folder, the store
 * opened through `openStore` on a file inside it, and cleanup of both.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Store } from '../../../contracts/store.js';
import { openStore } from '../../../prisma/open-store.js';
import type { FreshStore } from '../store-suite.js';

export async function tempDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'creg-prisma-test-'));
}

export async function openFreshSqliteStore(): Promise<FreshStore> {
  const dir = await tempDir();
  const url = `file:${join(dir, 'registry.db')}`;
  const opened: Store[] = [];
  const open = async () => {
    const store = await openStore(url);
    opened.push(store);
    return store;
  };
  return {
    store: await open(),
    reopen: open,
    async dispose() {
      await Promise.all(opened.map((store) => store.close()));
      await rm(dir, { recursive: true, force: true });
    },
  };
}
