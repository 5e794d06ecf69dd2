/**
 * The store on a SQLite file. Two connections: one that only reads, so that a
 * read never sees (or joins) a write transaction in flight, and one for
 * writers. The file is put in WAL mode so that readers, in this process or
 * another, go on while a writer works. A write transaction starts with a
 * statement that writes nothing yet takes SQLite's write lock at once: a
 * writer in another process then waits (up to the busy timeout) at the start
 * of its transaction, never after it has read, where SQLite would fail it
 * with SQLITE_BUSY rather than wait. better-sqlite3 waits synchronously, so
 * while it waits this process's event loop waits too: several processes on
 * one file suit small installations; several nodes share PostgreSQL.
 */
import { PrismaClient } from './generated/sqlite/client.js';
import { PrismaStore } from './prisma-store.js';
import { DEFAULT_BUSY_TIMEOUT_MS, sqliteAdapterFactory } from './sqlite-connection.js';

export interface SqliteStoreOptions {
  /** How long a writer waits for another process's write lock. */
  busyTimeoutMs?: number;
  /** Longest a write transaction may run before it is rolled back. */
  transactionTimeoutMs?: number;
}

/** Opens the store on an existing, migrated database file. */
export async function openSqliteStore(file: string, options: SqliteStoreOptions = {}): Promise<PrismaStore> {
  const busyTimeoutMs = options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS;
  const read = new PrismaClient({ adapter: sqliteAdapterFactory(file, busyTimeoutMs) });
  const write = new PrismaClient({ adapter: sqliteAdapterFactory(file, busyTimeoutMs) });
  try {
    await write.$queryRawUnsafe('PRAGMA journal_mode = WAL');
    await read.$queryRawUnsafe('PRAGMA query_only = ON');
  } catch (error) {
    await Promise.allSettled([read.$disconnect(), write.$disconnect()]);
    throw error;
  }
  return new PrismaStore(
    { read, write },
    {
      transactionTimeoutMs: options.transactionTimeoutMs,
      lockForWrite: async (tx) => {
        try {
          await tx.$executeRaw`UPDATE "modes" SET "mode" = "mode" WHERE 1 = 0`;
        } catch (error) {
          throw new Error(
            `SQLite ${file}: another connection held the write lock for more than ${busyTimeoutMs} ms`,
            { cause: error },
          );
        }
      },
    },
  );
}
