/**
 * One migrator at a time per PostgreSQL database, so that several nodes
 * starting together do not race to apply the same migration (the loser would
 * fail on tables the winner just created and leave a failed row in
 * `_prisma_migrations`). The lock is a session-level advisory lock held on a
 * connection of its own while the schema engine works on others; advisory
 * locks belong to one database, and PostgreSQL releases them when their
 * session ends, so a migrator that dies leaves nothing stale. The key differs
 * from the one `prisma migrate deploy` takes (72707369) and from the store's
 * write lock, so neither ever waits for this one.
 */
import type pg from 'pg';
import { connectPostgres, LOCK_NOT_AVAILABLE, type PostgresSettings } from './postgresql-connection.js';

/** `creg` migrate, as a 63-bit key. */
export const MIGRATION_LOCK_KEY = 0x63726567_6d6967n;
/** How long a migrator waits for another node's migration. */
export const MIGRATION_LOCK_TIMEOUT_MS = 120_000;

/** Runs `work` holding the lock, on the lock's connection (for reads that must see what the previous holder did). */
export async function withPostgresMigrationLock<T>(
  settings: PostgresSettings,
  work: (client: pg.Client) => Promise<T>,
  timeoutMs = MIGRATION_LOCK_TIMEOUT_MS,
): Promise<T> {
  const client = await connectPostgres(settings);
  try {
    try {
      // lock_timeout bounds the wait for an advisory lock as for any other lock.
      await client.query(`SET lock_timeout = ${Math.trunc(timeoutMs)}`);
      await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY.toString()]);
      await client.query('SET lock_timeout = 0');
    } catch (error) {
      if ((error as { code?: unknown }).code !== LOCK_NOT_AVAILABLE) throw error;
      throw new Error(`another node kept migrating this database for more than ${timeoutMs} ms`, { cause: error });
    }
    // Ending the session releases the lock, after a failure too.
    return await work(client);
  } finally {
    await client.end().catch(() => {});
  }
}
