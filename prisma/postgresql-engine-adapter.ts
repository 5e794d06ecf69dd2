/**
 * The driver adapter factory the schema engine gets on PostgreSQL. It is
 * `@prisma/adapter-pg` with one repair: the engine reads PostgreSQL's
 * catalogue (to diff a database) through columns of the internal one-byte
 * type `"char"` (oid 18, e.g. `pg_class.relkind`), which the adapter cannot
 * map ("Column type 'char' could not be deserialized"); its values arrive as
 * one-character strings, so they are declared text (oid 25) here. The shadow
 * database is made by this factory too, on pools that carry the repair:
 * created under a random name on the same server and dropped afterwards, as
 * the adapter's own `connectToShadowDb` does.
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { PrismaPg } from '@prisma/adapter-pg';
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import type { PostgresSettings } from './postgresql-connection.js';

const CHAR_OID = 18;
const TEXT_OID = 25;

type Fields = { fields?: Array<{ dataTypeID: number }> };

function charAsText(result: unknown): unknown {
  for (const one of Array.isArray(result) ? result : [result]) {
    for (const field of (one as Fields).fields ?? []) if (field.dataTypeID === CHAR_OID) field.dataTypeID = TEXT_OID;
  }
  return result;
}

function repairedPool(config: pg.PoolConfig): pg.Pool {
  const pool = new pg.Pool(config);
  const query = pool.query.bind(pool) as (...args: unknown[]) => Promise<unknown>;
  (pool as { query: unknown }).query = async (...args: unknown[]) => charAsText(await query(...args));
  pool.on('error', () => {});
  return pool;
}

function open(config: pg.PoolConfig): Promise<SqlDriverAdapter> {
  return new PrismaPg(repairedPool(config), { disposeExternalPool: true }).connect();
}

export function postgresEngineAdapterFactory(settings: PostgresSettings): SqlMigrationAwareDriverAdapterFactory {
  const config: pg.PoolConfig = {
    connectionString: settings.connectionString,
    max: settings.poolSize,
    connectionTimeoutMillis: settings.connectTimeoutMs,
  };
  return {
    provider: 'postgres',
    adapterName: '@prisma/adapter-pg',
    connect: () => open(config),
    async connectToShadowDb() {
      const database = `prisma_migrate_shadow_db_${randomUUID()}`;
      const admin = new pg.Client(config);
      await admin.connect();
      try {
        await admin.query(`CREATE DATABASE "${database}"`);
      } finally {
        await admin.end();
      }
      // In `pg`, a connection string overrides a separate `database`, so the name goes into the URL.
      const url = new URL(settings.connectionString);
      url.pathname = `/${database}`;
      const adapter = await open({ ...config, connectionString: url.toString() });
      const dispose = adapter.dispose.bind(adapter);
      adapter.dispose = async () => {
        await dispose();
        const dropper = new pg.Client(config);
        await dropper.connect();
        try {
          await dropper.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
        } finally {
          await dropper.end();
        }
      };
      return adapter;
    },
  };
}
