/**
 * Whether a database's `_prisma_migrations` history already holds every
 * committed migration, finished and unedited, in which case the schema engine
 * would apply nothing and need not start. It matters on SQLite: the engine
 * locks the file exclusively (`locking_mode=EXCLUSIVE`), so it would wait for
 * every other process that has the file open, even with nothing to do.
 * Anything else (a migration missing, failed, edited) is left to the engine,
 * which applies it or reports it the way `prisma migrate deploy` does.
 */
import { createHash } from 'node:crypto';
import type { MigrationList } from '@prisma/schema-engine-wasm/schema_engine_bg';

/** A row of `_prisma_migrations` that finished and was not rolled back. */
export interface AppliedMigration {
  name: string;
  /** SHA-256 of `migration.sql` when it was applied, in hex, as the engine records it. */
  checksum: string;
}

export function nothingToApply(list: MigrationList, applied: AppliedMigration[] | undefined): boolean {
  if (applied === undefined) return false;
  const checksums = new Map(applied.map((m) => [m.name, m.checksum]));
  return list.migrationDirectories.every((dir) => {
    const { content } = dir.migrationFile;
    if (content.tag !== 'ok') return false;
    return checksums.get(dir.path) === createHash('sha256').update(content.value).digest('hex');
  });
}
