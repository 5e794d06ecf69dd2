/**
 * One migrator at a time per SQLite file. Two processes starting on a new
 * file would otherwise both apply the first migration: one fails on SQLite's
 * lock, or on tables the other just created, and may leave a failed entry in
 * `_prisma_migrations`. The schema engine takes no lock on SQLite, and
 * locking the database itself would also lock out the engine's own
 * connection, so the lock is an exclusive transaction on a sidecar file
 * (`<file>.migrate-lock`). SQLite's file locks die with their process, so a
 * crashed migrator leaves nothing stale. Within one process, a queue orders
 * migrators first (better-sqlite3 would otherwise wait for the lock while
 * blocking the very event loop that must release it).
 */
import Database from 'better-sqlite3';
import { SerialQueue } from './serial-queue.js';

/** How long a migrator waits for another process's migration. */
export const MIGRATION_LOCK_TIMEOUT_MS = 120_000;

const inProcess = new SerialQueue();

export function withSqliteMigrationLock<T>(file: string, work: () => Promise<T>): Promise<T> {
  return inProcess.run(async () => {
    const lockFile = `${file}.migrate-lock`;
    let lock: Database.Database;
    try {
      lock = new Database(lockFile, { timeout: MIGRATION_LOCK_TIMEOUT_MS });
    } catch (error) {
      throw new Error(`cannot open ${lockFile}: ${(error as Error).message}`, { cause: error });
    }
    try {
      try {
        lock.prepare('BEGIN EXCLUSIVE').run();
      } catch (error) {
        throw new Error(`another process kept ${lockFile} locked for ${MIGRATION_LOCK_TIMEOUT_MS} ms`, {
          cause: error,
        });
      }
      return await work();
    } finally {
      lock.close();
    }
  });
}
