/**
 * Where a generated replica keeps its state: one entry per entity key, the
 * newest state (or the fact that it is deleted) and the sequence that put
 * it there. Three stores: memory (the default), SQLite through
 * better-sqlite3, PostgreSQL through pg. Each durable store creates its own
 * table and makes the sequence check and the write one statement in one
 * transaction (`INSERT … ON CONFLICT DO UPDATE … WHERE stored < new`), so a
 * crash between receiving an event and committing it leaves the event
 * wholly unapplied (the consumer redelivers it), and a redelivery after the
 * commit changes nothing. The drivers are optional peer dependencies,
 * imported only when their store is chosen, through specifiers TypeScript
 * does not resolve, so generated code compiles without them. States are
 * stored as JSON that keeps bytes, dates and bigints. Part of the codegen
 * runtime, copied into a generated folder that has an ECST contract.
 */

/** What the store holds for a key: the sequence last applied, and the state (`undefined` after a tombstone). */
export interface StoredEntry<State> {
  sequence: bigint;
  state: State | undefined;
}

export interface ReplicaStore<State = unknown> {
  /**
   * Writes `state` (`undefined`: a tombstone, remembered with its sequence)
   * for `key` if `sequence` is higher than the key's stored one, atomically;
   * true when it wrote, false when the event was a redelivery or stale.
   */
  write(key: string, sequence: bigint, state: State | undefined): Promise<boolean>;
  read(key: string): Promise<StoredEntry<State> | undefined>;
  close(): Promise<void>;
}

/** A pause point between a store's write and its commit, for crash tests: the write is not committed until it resolves. */
export type BeforeCommit = (key: string, sequence: bigint) => void | Promise<void>;

export interface SqliteStoreOptions {
  kind: 'sqlite';
  /** The database file (created when absent), or `:memory:`. */
  file: string;
  /** The table, created when absent; default `creg_replica_<subject>`. */
  table?: string;
  beforeCommit?: BeforeCommit;
}

export interface PostgresStoreOptions {
  kind: 'postgres';
  /** A `postgres://` URL; or give `pool`, a `pg.Pool` of your own (not ended by `close`). */
  connectionString?: string;
  pool?: PgPool;
  /** The table, created when absent; default `creg_replica_<subject>`. */
  table?: string;
  beforeCommit?: BeforeCommit;
}

/** `'memory'` (the default), SQLite, PostgreSQL, or a store of your own. */
export type StoreOption = 'memory' | { kind: 'memory' } | SqliteStoreOptions | PostgresStoreOptions | ReplicaStore;

export async function openStore(option: StoreOption | undefined, subject: string): Promise<ReplicaStore> {
  if (option === undefined || option === 'memory') return memoryStore();
  if (!('kind' in option)) return option;
  const table = tableName(option.kind === 'memory' ? undefined : option.table, subject);
  switch (option.kind) {
    case 'memory':
      return memoryStore();
    case 'sqlite':
      return sqliteStore(option, table);
    case 'postgres':
      return postgresStore(option, table);
  }
}

export function memoryStore<State>(): ReplicaStore<State> {
  const entries = new Map<string, StoredEntry<State>>();
  return {
    async write(key, sequence, state) {
      const stored = entries.get(key);
      if (stored !== undefined && stored.sequence >= sequence) return false;
      entries.set(key, { sequence, state });
      return true;
    },
    async read(key) {
      return entries.get(key);
    },
    async close() {},
  };
}

function tableName(given: string | undefined, subject: string): string {
  const name = given ?? `creg_replica_${subject.replace(/[^A-Za-z0-9_]/g, '_')}`;
  if (!/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(name)) throw new Error(`${JSON.stringify(name)} is not a table name a replica store takes (letters, digits, _)`);
  return name;
}

/** What the replica uses of better-sqlite3. */
interface SqliteDatabase {
  pragma(source: string): unknown;
  exec(source: string): unknown;
  prepare(source: string): { run(...params: unknown[]): unknown; get(...params: unknown[]): unknown; safeIntegers(on?: boolean): unknown };
  close(): unknown;
}

async function sqliteStore(options: SqliteStoreOptions, table: string): Promise<ReplicaStore> {
  const Database = interop(await optionalPeer('better-sqlite3', 'the SQLite store')) as new (file: string) => SqliteDatabase;
  const db = new Database(options.file);
  if (options.file !== ':memory:') db.pragma('journal_mode = WAL');
  db.exec(`CREATE TABLE IF NOT EXISTS "${table}" (key TEXT PRIMARY KEY, sequence INTEGER NOT NULL, deleted INTEGER NOT NULL, state TEXT)`);
  const upsert = db.prepare(
    `INSERT INTO "${table}" (key, sequence, deleted, state) VALUES (?, ?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET sequence = excluded.sequence, deleted = excluded.deleted, state = excluded.state
     WHERE "${table}".sequence < excluded.sequence RETURNING key`,
  );
  const select = db.prepare(`SELECT sequence, deleted, state FROM "${table}" WHERE key = ?`);
  select.safeIntegers(true);
  let closed = false;
  return {
    async write(key, sequence, state) {
      db.exec('BEGIN IMMEDIATE');
      try {
        const written = upsert.get(key, sequence, state === undefined ? 1 : 0, state === undefined ? null : toStoredJson(state)) !== undefined;
        if (written && options.beforeCommit) await options.beforeCommit(key, sequence);
        db.exec('COMMIT');
        return written;
      } catch (error) {
        db.exec('ROLLBACK');
        throw error;
      }
    },
    async read(key) {
      const row = select.get(key) as { sequence: bigint; deleted: bigint; state: string | null } | undefined;
      if (row === undefined) return undefined;
      return { sequence: BigInt(row.sequence), state: row.deleted !== 0n || row.state === null ? undefined : fromStoredJson(row.state) };
    },
    async close() {
      if (!closed) db.close();
      closed = true;
    },
  };
}

/** What the replica uses of pg. */
export interface PgPool {
  connect(): Promise<PgClient>;
  query(text: string, values?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
  end(): Promise<void>;
}
interface PgClient {
  query(text: string, values?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
  release(error?: Error | boolean): void;
}

async function postgresStore(options: PostgresStoreOptions, table: string): Promise<ReplicaStore> {
  let pool = options.pool;
  const owned = pool === undefined;
  if (pool === undefined) {
    if (options.connectionString === undefined) throw new Error('the PostgreSQL store needs a connectionString or a pool');
    const pg = interop(await optionalPeer('pg', 'the PostgreSQL store')) as { Pool: new (config: { connectionString: string; max?: number }) => PgPool };
    pool = new pg.Pool({ connectionString: options.connectionString, max: 4 });
  }
  const db = pool;
  try {
    await db.query(`CREATE TABLE IF NOT EXISTS "${table}" (key TEXT PRIMARY KEY, sequence NUMERIC NOT NULL, deleted BOOLEAN NOT NULL, state TEXT)`);
  } catch (error) {
    // Two replicas creating the table at once: PostgreSQL's IF NOT EXISTS can still fail on its catalog; the table is there.
    if (!['23505', '42P07'].includes((error as { code?: string }).code ?? '')) throw error;
  }
  const upsert = `INSERT INTO "${table}" (key, sequence, deleted, state) VALUES ($1, $2, $3, $4)
    ON CONFLICT (key) DO UPDATE SET sequence = excluded.sequence, deleted = excluded.deleted, state = excluded.state
    WHERE "${table}".sequence < excluded.sequence RETURNING key`;
  return {
    async write(key, sequence, state) {
      const client = await db.connect();
      let failed: Error | undefined;
      try {
        await client.query('BEGIN');
        const { rows } = await client.query(upsert, [key, sequence.toString(), state === undefined, state === undefined ? null : toStoredJson(state)]);
        if (rows.length > 0 && options.beforeCommit) await options.beforeCommit(key, sequence);
        await client.query('COMMIT');
        return rows.length > 0;
      } catch (error) {
        failed = error as Error;
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release(failed);
      }
    },
    async read(key) {
      const { rows } = await db.query(`SELECT sequence::text AS sequence, deleted, state FROM "${table}" WHERE key = $1`, [key]);
      const row = rows[0] as { sequence: string; deleted: boolean; state: string | null } | undefined;
      if (row === undefined) return undefined;
      return { sequence: BigInt(row.sequence), state: row.deleted || row.state === null ? undefined : fromStoredJson(row.state) };
    },
    async close() {
      if (owned) await db.end();
    },
  };
}

/** `import()` of a driver the generated code does not depend on at compile time. */
async function optionalPeer(name: string, what: string): Promise<unknown> {
  const specifier: string = name;
  try {
    return await import(specifier);
  } catch (error) {
    throw new Error(`${what} needs the ${name} package: npm install ${name}`, { cause: error });
  }
}

function interop(module: unknown): unknown {
  return (module as { default?: unknown }).default ?? module;
}

/** JSON that brings bytes, dates and bigints back as they were. */
export function toStoredJson(value: unknown): string {
  return JSON.stringify(value, function (this: Record<string, unknown>, key: string, json: unknown) {
    const original = this[key];
    if (original instanceof Uint8Array) return { $bytes: Buffer.from(original.buffer, original.byteOffset, original.byteLength).toString('base64') };
    if (original instanceof Date) return { $date: Number.isNaN(original.getTime()) ? null : original.toISOString() };
    if (typeof original === 'bigint') return { $bigint: original.toString() };
    if (original instanceof Map) return Object.fromEntries(original);
    return json;
  });
}

export function fromStoredJson(text: string): unknown {
  return JSON.parse(text, (_key, value: unknown) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
    const keys = Object.keys(value);
    if (keys.length !== 1) return value;
    const tagged = value as { $bytes?: string; $date?: string | null; $bigint?: string };
    if (typeof tagged.$bytes === 'string') return Buffer.from(tagged.$bytes, 'base64');
    if (tagged.$date !== undefined) return new Date(tagged.$date ?? Number.NaN);
    if (typeof tagged.$bigint === 'string') return BigInt(tagged.$bigint);
    return value;
  });
}
