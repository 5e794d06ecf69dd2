/**
 * Opening a SQLite file: the driver adapter factory every part of `prisma/`
 * uses for it, and the migrator's plain better-sqlite3 steps: a check that
 * turns an unusable path into a message naming the file (through the schema
 * engine the same failure would read `External error id#N`), and a read of
 * the migration history that takes no exclusive lock.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import type { AppliedMigration } from './migration-history.js';

/** How long a statement waits for another connection's lock before SQLITE_BUSY. */
export const DEFAULT_BUSY_TIMEOUT_MS = 10_000;

export function sqliteAdapterFactory(file: string, busyTimeoutMs = DEFAULT_BUSY_TIMEOUT_MS): PrismaBetterSqlite3 {
  return new PrismaBetterSqlite3({ url: file, timeout: busyTimeoutMs });
}

/** Creates the file's folder when missing. */
export function prepareSqliteFolder(file: string): void {
  try {
    mkdirSync(dirname(file), { recursive: true });
  } catch (error) {
    throw new Error(`cannot create the folder of SQLite database ${file}: ${(error as Error).message}`, {
      cause: error,
    });
  }
}

/**
 * Opens the file (creating it) and puts it in WAL mode, so that readers and a
 * writer, in this process or others, do not block each other. WAL is a
 * property of the file: set once, every later connection uses it.
 */
export function checkSqliteFile(file: string): void {
  try {
    const db = new Database(file, { timeout: DEFAULT_BUSY_TIMEOUT_MS });
    try {
      db.pragma('journal_mode = WAL');
    } finally {
      db.close();
    }
  } catch (error) {
    throw new Error(`cannot open SQLite database ${file}: ${(error as Error).message}`, { cause: error });
  }
}

/** The finished, not rolled back, migrations recorded in the file; undefined before the first migration. */
export function readSqliteMigrationHistory(file: string): AppliedMigration[] | undefined {
  const db = new Database(file, { readonly: true, timeout: DEFAULT_BUSY_TIMEOUT_MS });
  try {
    const table = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'").get();
    if (table === undefined) return undefined;
    return db
      .prepare(
        'SELECT migration_name AS name, checksum FROM _prisma_migrations ' +
          'WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
      )
      .all() as AppliedMigration[];
  } finally {
    db.close();
  }
}
