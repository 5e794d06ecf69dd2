/**
 * The store on PostgreSQL, shared by every registry node. One pooled client
 * serves reads and writes: reads run on any pooled connection and see what
 * every node has committed (read committed), which is what keeps the nodes
 * agreeing on versions, config and mode without a cache to invalidate.
 *
 * A write transaction starts by taking one transaction-level advisory lock,
 * the same key on every node, so writers across the cluster take turns and
 * each reads the highest id and version only after the previous writer
 * committed; the unique keys (schema id, guid, subject + version) stay as the
 * safety net. The lock is released at commit or rollback, and by PostgreSQL
 * when a node dies mid-transaction (its session ends). The transaction is set
 * to READ COMMITTED first: at REPEATABLE READ (a server's possible default)
 * the snapshot would predate the lock and miss the previous writer's rows.
 *
 * Audit appends take another advisory lock, their own, so that they never
 * wait for a writer: appenders across the cluster take turns among
 * themselves, and since each holds the lock from before its rows get their
 * `seq` until it commits, `seq` order is commit order and a reader paging by
 * `afterSeq` cannot pass a record that commits later with a smaller `seq`.
 * READ COMMITTED matters there too: at REPEATABLE READ, `ON CONFLICT DO
 * NOTHING` meeting a row committed after the snapshot fails with a
 * serialization error instead of skipping it.
 */
import { PrismaClient } from './generated/postgresql/client.js';
import { postgresClientAsClient, type Db } from './db.js';
import { LOCK_NOT_AVAILABLE, postgresAdapterFactory, type PostgresSettings } from './postgresql-connection.js';
import { PrismaStore } from './prisma-store.js';
import { postgresRemovalFeed } from './postgresql-removal-feed.js';

/** `creg` write, as a 63-bit key; advisory locks are per database. */
export const WRITE_LOCK_KEY = 0x63726567_777269n;
/** `creg` audit. */
export const AUDIT_LOCK_KEY = 0x63726567_617564n;
/** How long a writer waits for another node's write lock. */
export const DEFAULT_LOCK_TIMEOUT_MS = 10_000;

export interface PostgresStoreOptions {
  /** How long a writer waits for another node's write lock, and an audit append for another's audit lock. */
  lockTimeoutMs?: number;
  /** Longest a write transaction may run before it is rolled back. */
  transactionTimeoutMs?: number;
}

/** Opens the store on an existing, migrated database. */
export function openPostgresStore(settings: PostgresSettings, options: PostgresStoreOptions = {}): PrismaStore {
  const lockTimeoutMs = Math.trunc(options.lockTimeoutMs ?? DEFAULT_LOCK_TIMEOUT_MS);
  const { adapter, pool } = postgresAdapterFactory(settings);
  const client = postgresClientAsClient(new PrismaClient({ adapter }));
  return new PrismaStore(
    { read: client, write: client },
    {
      transactionTimeoutMs: options.transactionTimeoutMs,
      removals: postgresRemovalFeed(settings),
      lockForWrite: advisoryLock(WRITE_LOCK_KEY, 'write', lockTimeoutMs),
      lockForAudit: advisoryLock(AUDIT_LOCK_KEY, 'audit', lockTimeoutMs),
      poolUse: () => ({ size: settings.poolSize, open: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
    },
  );
}

/** Sets the transaction to READ COMMITTED, then waits (at most `lockTimeoutMs`) for the lock `key`. */
function advisoryLock(key: bigint, name: string, lockTimeoutMs: number): (tx: Db) => Promise<void> {
  // One round trip: SQL without parameters goes by PostgreSQL's simple query protocol, which runs several statements.
  const lock =
    'SET TRANSACTION ISOLATION LEVEL READ COMMITTED; ' +
    `SET LOCAL lock_timeout = ${lockTimeoutMs}; ` +
    `SELECT pg_advisory_xact_lock(${key})`;
  return async (tx) => {
    try {
      await tx.$executeRawUnsafe(lock);
    } catch (error) {
      if (!isLockTimeout(error)) throw error;
      throw new Error(`PostgreSQL: another node held the ${name} lock for more than ${lockTimeoutMs} ms`, {
        cause: error,
      });
    }
  };
}

function isLockTimeout(error: unknown): boolean {
  const text = `${(error as Error).message} ${JSON.stringify((error as { meta?: unknown }).meta ?? null)}`;
  return text.includes(LOCK_NOT_AVAILABLE) || /lock timeout/i.test(text);
}
