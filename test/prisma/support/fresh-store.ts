/**
 * A fresh database of a backend (`test/support/backends.ts`) with a store
 * opened on it through `openStore`, as the Store suite wants it.
 */
import type { Store } from '../../../contracts/store.js';
import { openStore, type OpenStoreOptions } from '../../../prisma/open-store.js';
import type { Backend } from '../../support/backends.js';
import type { FreshStore } from '../store-suite.js';

export async function openFreshStore(backend: Backend, options: OpenStoreOptions = {}): Promise<FreshStore & { url: string }> {
  const database = await backend.freshDatabase();
  const opened: Store[] = [];
  const open = async () => {
    const store = await openStore(database.url, options);
    opened.push(store);
    return store;
  };
  try {
    return {
      url: database.url,
      store: await open(),
      reopen: open,
      async dispose() {
        await Promise.all(opened.map((store) => store.close()));
        await database.dispose();
      },
    };
  } catch (error) {
    await database.dispose();
    throw error;
  }
}
