/**
 * Opening PostgreSQL: the pool settings a `postgres://` URL carries, the
 * driver adapter factory every part of `prisma/` uses for it, and the
 * migrator's plain `pg` steps (a connection whose failure names the server,
 * where through the schema engine it would read `External error id#N`, and a
 * read of the migration history).
 *
 * Pool size: `DATABASE_POOL_SIZE`, else the URL's `connection_limit` (Prisma's
 * own parameter), else 10. Prisma's `pool_timeout` (seconds) bounds the wait
 * for a free connection. Prisma's `schema` parameter is refused: the tables
 * live in the connection's default schema, so a registry gets a database of
 * its own.
 */
import pg from 'pg';
import { PrismaPg } from '@prisma/adapter-pg';
import { redact } from './database-url.js';
import type { AppliedMigration } from './migration-history.js';

export const DEFAULT_POOL_SIZE = 10;
/** PostgreSQL's SQLSTATE when `lock_timeout` expires. */
export const LOCK_NOT_AVAILABLE = '55P03';
/** How long opening a connection may take before it fails (and `/health/ready` says so). */
export const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;

export interface PostgresSettings {
  /** The URL as `pg` reads it, without the parameters only Prisma knows. */
  connectionString: string;
  poolSize: number;
  connectTimeoutMs: number;
}

export function postgresSettings(url: string, env: NodeJS.ProcessEnv = process.env): PostgresSettings {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`DATABASE_URL is not a valid URL: ${redact(url)}`);
  }
  const params = parsed.searchParams;
  const schema = params.get('schema');
  if (schema !== null && schema !== 'public') {
    throw new Error(`DATABASE_URL: schema=${schema} is not supported; give the registry a database of its own`);
  }
  const fromEnv = env.DATABASE_POOL_SIZE?.trim() || undefined;
  const poolSize = positiveInteger(fromEnv ?? params.get('connection_limit') ?? String(DEFAULT_POOL_SIZE), 'pool size');
  const poolTimeout = params.get('pool_timeout');
  const connectTimeoutMs = poolTimeout === null ? DEFAULT_CONNECT_TIMEOUT_MS : positiveInteger(poolTimeout, 'pool_timeout') * 1000;
  for (const prismaOnly of ['schema', 'connection_limit', 'pool_timeout']) params.delete(prismaOnly);
  return { connectionString: parsed.toString(), poolSize, connectTimeoutMs };
}

function positiveInteger(text: string, what: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${what} must be a positive integer, got ${JSON.stringify(text)}`);
  return value;
}

/** The adapter over a pool of our own, so that its use can be read (`pool.totalCount`, `idleCount`, `waitingCount`). */
export function postgresAdapterFactory(settings: PostgresSettings): { adapter: PrismaPg; pool: pg.Pool } {
  const pool = new pg.Pool({
    connectionString: settings.connectionString,
    max: settings.poolSize,
    connectionTimeoutMillis: settings.connectTimeoutMs,
  });
  return { adapter: new PrismaPg(pool, { disposeExternalPool: true }), pool };
}

/** A single connection, for the migrator; a failure says which server (password hidden). */
export async function connectPostgres(settings: PostgresSettings): Promise<pg.Client> {
  const client = new pg.Client({
    connectionString: settings.connectionString,
    connectionTimeoutMillis: settings.connectTimeoutMs,
  });
  // An idle connection's failure (the server restarting) surfaces on the next query, not as a crash.
  client.on('error', () => {});
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => {});
    throw new Error(`cannot connect to PostgreSQL ${redact(settings.connectionString)}: ${(error as Error).message}`, {
      cause: error,
    });
  }
  return client;
}

/** The finished, not rolled back, migrations recorded in the database; undefined before the first migration. */
export async function readPostgresMigrationHistory(client: pg.Client): Promise<AppliedMigration[] | undefined> {
  const table = await client.query<{ found: string | null }>("SELECT to_regclass('_prisma_migrations')::text AS found");
  if (table.rows[0]?.found == null) return undefined;
  const applied = await client.query<AppliedMigration>(
    'SELECT migration_name AS name, checksum FROM _prisma_migrations ' +
      'WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
  );
  return applied.rows;
}
