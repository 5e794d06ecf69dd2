/**
 * Applies the committed migrations of the provider that `DATABASE_URL`
 * selects, through the WebAssembly schema engine. It keeps Prisma's own
 * `_prisma_migrations` history, so it is interchangeable with
 * `prisma migrate deploy`: a migration already applied is skipped, and an
 * edited one is refused.
 *
 * Migrators of one database take turns (`sqlite-migration-lock.ts`,
 * `postgresql-migration-lock.ts`: several nodes may start at once), and the
 * engine only starts when the history lacks a migration
 * (`migration-history.ts`). On SQLite the engine needs the file to itself, so
 * applying a new migration waits for other processes using the file to stop;
 * on PostgreSQL the nodes already serving go on while one node migrates.
 */
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import type { MigrationList } from '@prisma/schema-engine-wasm/schema_engine_bg';
import { parseDatabaseUrl } from './database-url.js';
import { nothingToApply } from './migration-history.js';
import { readMigrationsList } from './migrations-list.js';
import { providerPaths } from './paths.js';
import { postgresSettings, readPostgresMigrationHistory } from './postgresql-connection.js';
import { postgresEngineAdapterFactory } from './postgresql-engine-adapter.js';
import { withPostgresMigrationLock } from './postgresql-migration-lock.js';
import { withSchemaEngine } from './schema-engine.js';
import {
  checkSqliteFile,
  DEFAULT_BUSY_TIMEOUT_MS,
  prepareSqliteFolder,
  readSqliteMigrationHistory,
  sqliteAdapterFactory,
} from './sqlite-connection.js';
import { withSqliteMigrationLock } from './sqlite-migration-lock.js';

/** Checks the connection, then brings the database up to date; returns the names of the migrations applied now. */
export async function applyMigrations(databaseUrl: string | undefined = process.env.DATABASE_URL): Promise<string[]> {
  const target = parseDatabaseUrl(databaseUrl);
  return target.provider === 'postgresql' ? migratePostgres(target.url) : migrateSqlite(target.file);
}

async function migrateSqlite(file: string): Promise<string[]> {
  const migrationsList = await readMigrations(providerPaths('sqlite').migrations);
  prepareSqliteFolder(file);
  return withSqliteMigrationLock(file, async () => {
    checkSqliteFile(file);
    if (nothingToApply(migrationsList, readSqliteMigrationHistory(file))) return [];
    try {
      return await migrate(migrationsList, sqliteAdapterFactory(file));
    } catch (error) {
      const busy = /SocketTimeout|SQLITE_BUSY|database is locked/.test((error as Error).message);
      const hint = busy
        ? ` (another process kept the file open for more than ${DEFAULT_BUSY_TIMEOUT_MS} ms;` +
          ' SQLite migrations need the file to themselves: stop the other processes first)'
        : '';
      throw new Error(`migrating SQLite database ${file} failed${hint}: ${(error as Error).message}`, {
        cause: error,
      });
    }
  });
}

async function migratePostgres(url: string): Promise<string[]> {
  const migrationsList = await readMigrations(providerPaths('postgresql').migrations);
  const settings = postgresSettings(url);
  return withPostgresMigrationLock(settings, async (client) => {
    if (nothingToApply(migrationsList, await readPostgresMigrationHistory(client))) return [];
    try {
      return await migrate(migrationsList, postgresEngineAdapterFactory({ ...settings, poolSize: 2 }));
    } catch (error) {
      throw new Error(`migrating the PostgreSQL database failed: ${(error as Error).message}`, { cause: error });
    }
  });
}

async function readMigrations(folder: string): Promise<MigrationList> {
  const list = await readMigrationsList(folder);
  if (list.migrationDirectories.length === 0) throw new Error(`no migrations in ${folder}`);
  return list;
}

/** Needs only the migrations folder: a deployment need not ship `schema.prisma`. */
async function migrate(migrationsList: MigrationList, factory: SqlMigrationAwareDriverAdapterFactory): Promise<string[]> {
  const { appliedMigrationNames } = await withSchemaEngine(factory, undefined, (engine) =>
    engine.applyMigrations({ migrationsList, filters: { externalTables: [], externalEnums: [] } }),
  );
  return appliedMigrationNames;
}
