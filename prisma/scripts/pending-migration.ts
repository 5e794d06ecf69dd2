/**
 * What a new migration of a provider would contain: the schema engine's
 * `diff` from the committed migrations (replayed on an in-memory shadow
 * database) to `schema.prisma`. The script is the engine's rendering, the one
 * `prisma migrate dev` writes, except that `migrate dev` also heads a
 * destructive change with a "Warnings" comment; the `summary` lists the
 * steps so that such a change is seen before it is committed.
 */
import { readFile } from 'node:fs/promises';
import type { DiffTarget } from '@prisma/schema-engine-wasm/schema_engine_bg';
import type { Provider } from '../database-url.js';
import { readMigrationsList } from '../migrations-list.js';
import { providerPaths } from '../paths.js';
import { withSchemaEngine } from '../schema-engine.js';
import { sqliteAdapterFactory } from '../sqlite-connection.js';

export interface PendingMigration {
  /** SQL to write as `migration.sql`; null when the migrations already produce the schema. */
  script: string | null;
  /** The engine's human-readable list of steps. */
  summary: string;
}

const NO_FILTER = { externalTables: [], externalEnums: [] };

export async function pendingMigration(provider: Provider, root?: string): Promise<PendingMigration> {
  if (provider !== 'sqlite') throw new Error(`creating ${provider} migrations is not yet supported`);
  const paths = providerPaths(provider, root);
  const schema = await readFile(paths.schema, 'utf8');
  const list = await readMigrationsList(paths.migrations);
  // The engine reads the provider of a migrations folder from its lock file, so an empty history is `empty`.
  const from: DiffTarget =
    list.migrationDirectories.length === 0 ? { tag: 'empty' } : { tag: 'migrations', ...list };
  const to: DiffTarget = { tag: 'schemaDatamodel', files: [{ path: paths.schema, content: schema }] };
  const file = { path: paths.schema, content: schema };
  return withSchemaEngine(sqliteAdapterFactory(':memory:'), file, async (engine) => {
    const diff = (script: boolean) =>
      engine.diff({ from, to, script, exitCode: true, filters: NO_FILTER });
    const sql = await diff(true);
    const summary = await diff(false);
    return { script: sql.exitCode === 2 ? (sql.stdout ?? '') : null, summary: summary.stdout ?? '' };
  });
}
