/**
 * The one way the rest of the registry gets its `Store`: read `DATABASE_URL`
 * (or the URL given), bring the database's tables up to date, open the store
 * of its provider.
 */
import type { Store } from '../contracts/store.js';
import { parseDatabaseUrl } from './database-url.js';
import { applyMigrations } from './migrate.js';
import { openSqliteStore, type SqliteStoreOptions } from './sqlite-store.js';

export type OpenStoreOptions = SqliteStoreOptions;

export async function openStore(
  databaseUrl: string | undefined = process.env.DATABASE_URL,
  options: OpenStoreOptions = {},
): Promise<Store> {
  const target = parseDatabaseUrl(databaseUrl);
  if (target.provider === 'postgresql') {
    throw new Error('PostgreSQL is not yet supported (DATABASE_URL postgres://…); use a file: URL for SQLite');
  }
  await applyMigrations(databaseUrl);
  return openSqliteStore(target.file, options);
}
