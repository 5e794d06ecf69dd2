/**
 * The one way the rest of the registry gets its `Store`: read `DATABASE_URL`
 * (or the URL given), bring the database's tables up to date, open the store
 * of its provider (`sqlite-store.ts`, `postgresql-store.ts`).
 */
import type { Store } from '../contracts/store.js';
import { parseDatabaseUrl } from './database-url.js';
import { applyMigrations } from './migrate.js';
import { postgresSettings } from './postgresql-connection.js';
import { openPostgresStore, type PostgresStoreOptions } from './postgresql-store.js';
import { openSqliteStore, type SqliteStoreOptions } from './sqlite-store.js';

export type OpenStoreOptions = SqliteStoreOptions & PostgresStoreOptions;

export async function openStore(
  databaseUrl: string | undefined = process.env.DATABASE_URL,
  options: OpenStoreOptions = {},
): Promise<Store> {
  const target = parseDatabaseUrl(databaseUrl);
  await applyMigrations(databaseUrl);
  if (target.provider === 'postgresql') return openPostgresStore(postgresSettings(target.url), options);
  return openSqliteStore(target.file, options);
}
