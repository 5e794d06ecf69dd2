/**
 * What a new migration of a provider would contain: the schema engine's
 * `diff` from the committed migrations (replayed on a shadow database) to
 * `schema.prisma`. The script is the engine's rendering, the one
 * `prisma migrate dev` writes, except that `migrate dev` also heads a
 * destructive change with a "Warnings" comment; the `summary` lists the
 * steps so that such a change is seen before it is committed.
 *
 * SQLite replays the migrations on an in-memory shadow database. PostgreSQL
 * needs a server: `databaseUrl` names one whose user may create databases,
 * where the engine replays them on a temporary database it drops afterwards.
 */
import { readFile } from 'node:fs/promises';
import type { DiffTarget } from '@prisma/schema-engine-wasm/schema_engine_bg';
import type { Provider } from '../database-url.js';
import { lockfileContent, readMigrationsList } from '../migrations-list.js';
import { providerPaths } from '../paths.js';
import { postgresSettings } from '../postgresql-connection.js';
import { postgresEngineAdapterFactory } from '../postgresql-engine-adapter.js';
import { withSchemaEngine } from '../schema-engine.js';
import { sqliteAdapterFactory } from '../sqlite-connection.js';

export interface PendingMigration {
  /** SQL to write as `migration.sql`; null when the migrations already produce the schema. */
  script: string | null;
  /** The engine's human-readable list of steps. */
  summary: string;
}

const NO_FILTER = { externalTables: [], externalEnums: [] };

export interface PendingMigrationOptions {
  /** The package root holding `prisma/` (the project's by default). */
  root?: string;
  /** PostgreSQL only: a server on which the shadow database may be created. */
  databaseUrl?: string;
}

export async function pendingMigration(provider: Provider, options: PendingMigrationOptions = {}): Promise<PendingMigration> {
  const paths = providerPaths(provider, options.root);
  const schema = await readFile(paths.schema, 'utf8');
  const list = await readMigrationsList(paths.migrations);
  // The engine reads the provider of a migrations folder from its lock file, which a first migration
  // has yet to write. Replaying even an empty history (rather than diffing from `empty`) starts from
  // a real new database, as `migrate dev` does: on PostgreSQL its `public` schema is already there.
  const lockfile = { ...list.lockfile, content: list.lockfile.content ?? lockfileContent(provider) };
  const from: DiffTarget = { tag: 'migrations', ...list, lockfile };
  const to: DiffTarget = { tag: 'schemaDatamodel', files: [{ path: paths.schema, content: schema }] };
  const file = { path: paths.schema, content: schema };
  return withSchemaEngine(shadowFactory(provider, options.databaseUrl), file, async (engine) => {
    const diff = (script: boolean) =>
      engine.diff({ from, to, script, exitCode: true, filters: NO_FILTER });
    const sql = await diff(true);
    const summary = await diff(false);
    return { script: sql.exitCode === 2 ? (sql.stdout ?? '') : null, summary: summary.stdout ?? '' };
  });
}

function shadowFactory(provider: Provider, databaseUrl: string | undefined) {
  if (provider === 'sqlite') return sqliteAdapterFactory(':memory:');
  if (databaseUrl === undefined || !/^postgres(ql)?:\/\//i.test(databaseUrl)) {
    throw new Error('PostgreSQL migrations are diffed on a server: give a postgres:// URL whose user may create databases');
  }
  return postgresEngineAdapterFactory({ ...postgresSettings(databaseUrl, {}), poolSize: 2 });
}
