/**
 * `Store` over Prisma Client. Reads run on the read client; `write` runs its
 * work in one interactive transaction on the write client, one writer at a
 * time: an in-process queue orders this process's writers, and
 * `lockForWrite`, the transaction's first statement, takes the database's
 * write lock so that writers in other processes wait for it too. Providers
 * differ only in the clients and that statement (see `sqlite-store.ts`,
 * `postgresql-store.ts`).
 *
 * Audit appends stay out of that line: each is a transaction of its own on
 * the write client, behind `lockForAudit` where the provider has one, so that
 * recording a request never waits for the registrations queued in this
 * process nor for other nodes' write lock. It is still a transaction, not a
 * bare statement: on SQLite the write client is one connection, and a bare
 * statement would run inside whichever write transaction is open on it (and
 * be rolled back with it), while the driver adapter runs one transaction at
 * a time on the connection. There an append waits for the write transaction
 * in flight, as every writer of a SQLite file does, but not for the ones
 * queued behind it.
 */
import type { AuditEvent, AuditFilter, AuditStore } from '../contracts/audit.js';
import type { Deployment, DeploymentFilter, DeploymentStore } from '../contracts/deployments.js';
import type { NodeStore, RegistryNode } from '../contracts/nodes.js';
import type { PoolUse, RegistryStats, StatsStore } from '../contracts/registry-stats.js';
import type { Store, StoreWriter } from '../contracts/store.js';
import type { Verification, VerificationFilter, VerificationStore } from '../contracts/verifications.js';
import type { Client, Db } from './db.js';
import * as auditRows from './prisma-audit.js';
import * as deploymentRows from './prisma-deployments.js';
import * as nodeRows from './prisma-nodes.js';
import { registryStats } from './prisma-stats.js';
import { PrismaStoreReader } from './prisma-store-reader.js';
import { PrismaStoreWriter } from './prisma-store-writer.js';
import * as verificationRows from './prisma-verifications.js';
import type { RemovalFeed } from './removal-feed.js';
import { SerialQueue } from './serial-queue.js';

export interface PrismaStoreOptions {
  /** Runs first in every write transaction; must hold the database's write lock until the transaction ends. */
  lockForWrite(tx: Db): Promise<void>;
  /**
   * Runs first in every audit append's transaction, where the database has a lock for appenders apart from the
   * write lock; holding it until commit makes `seq` order commit order, so that paging by `afterSeq` skips nothing.
   */
  lockForAudit?(tx: Db): Promise<void>;
  /** Where other processes' hard deletes are heard, when the database is shared (`Store.onSchemasRemoved`). */
  removals?: RemovalFeed;
  /** Longest a write transaction may run before Prisma rolls it back. */
  transactionTimeoutMs?: number;
  /** The connection pool's use, where the provider pools connections. */
  poolUse?(): PoolUse;
}

export const DEFAULT_TRANSACTION_TIMEOUT_MS = 30_000;

export class PrismaStore
  extends PrismaStoreReader
  implements Store, VerificationStore, DeploymentStore, AuditStore, NodeStore, StatsStore
{
  readonly #queue = new SerialQueue();
  /** Audit appends in flight, which `close` waits for since they bypass the queue. */
  readonly #appending = new Set<Promise<void>>();
  readonly #clients: { read: Client; write: Client };
  readonly #options: PrismaStoreOptions;
  #closed: Promise<void> | undefined;

  /** `read` and `write` may be the same client where the provider pools connections. */
  constructor(clients: { read: Client; write: Client }, options: PrismaStoreOptions) {
    super(clients.read);
    this.#clients = clients;
    this.#options = options;
  }

  write<T>(work: (tx: StoreWriter) => Promise<T>): Promise<T> {
    return this.#transaction((tx) => work(new PrismaStoreWriter(tx, this.#options.removals?.announce)));
  }

  #transaction<T>(work: (tx: Db) => Promise<T>): Promise<T> {
    return this.#queue.run(() =>
      this.#unqueuedTransaction(async (tx) => {
        await this.#options.lockForWrite(tx);
        return work(tx);
      }),
    );
  }

  #unqueuedTransaction<T>(work: (tx: Db) => Promise<T>): Promise<T> {
    const timeout = this.#options.transactionTimeoutMs ?? DEFAULT_TRANSACTION_TIMEOUT_MS;
    return this.#clients.write.$transaction(work, { timeout, maxWait: timeout });
  }

  /** Through the writers' queue: on SQLite the write connection may be inside another writer's transaction. */
  insertVerification(verification: Verification): Promise<void> {
    return this.#queue.run(() => verificationRows.insertVerification(this.#clients.write, verification));
  }

  verificationById(id: string): Promise<Verification | undefined> {
    return verificationRows.verificationById(this.db, id);
  }

  verifications(filter: VerificationFilter): Promise<Verification[]> {
    return verificationRows.verifications(this.db, filter);
  }

  recordDeployment(deployment: Deployment): Promise<void> {
    return this.#transaction((tx) => deploymentRows.recordDeployment(tx, deployment));
  }

  undeploy(id: string, at: number): Promise<Deployment | undefined> {
    return this.#transaction((tx) => deploymentRows.undeploy(tx, id, at));
  }

  deploymentById(id: string): Promise<Deployment | undefined> {
    return deploymentRows.deploymentById(this.db, id);
  }

  deployments(filter: DeploymentFilter): Promise<Deployment[]> {
    return deploymentRows.deployments(this.db, filter);
  }

  appendAudit(events: AuditEvent[]): Promise<void> {
    if (events.length === 0) return Promise.resolve();
    const appending = this.#unqueuedTransaction(async (tx) => {
      await this.#options.lockForAudit?.(tx);
      await auditRows.appendAudit(tx, events);
    });
    const inFlight: Promise<void> = appending
      .catch(() => undefined)
      .then(() => void this.#appending.delete(inFlight));
    this.#appending.add(inFlight);
    return appending;
  }

  auditEvents(filter: AuditFilter): Promise<AuditEvent[]> {
    return auditRows.auditEvents(this.db, filter);
  }

  /** Through the writers' queue, like every write on SQLite's one write connection. */
  heartbeat(node: RegistryNode, at: number): Promise<void> {
    return this.#queue.run(() => nodeRows.heartbeat(this.#clients.write, node, at));
  }

  liveNodeCount(since: number): Promise<number> {
    return nodeRows.liveNodeCount(this.db, since);
  }

  leave(id: string, staleBefore: number): Promise<void> {
    return this.#queue.run(() => nodeRows.leave(this.#clients.write, id, staleBefore));
  }

  /** The connection pool's use (PostgreSQL); undefined where there is none (SQLite's two connections). */
  poolUse(): PoolUse | undefined {
    return this.#options.poolUse?.();
  }

  registryStats(): Promise<RegistryStats> {
    return registryStats(this.db);
  }

  onSchemasRemoved(listener: (schemaIds: number[] | undefined) => void): void {
    this.#options.removals?.subscribe(listener);
  }

  async ping(): Promise<void> {
    await this.#clients.read.$queryRaw`SELECT 1`;
  }

  close(): Promise<void> {
    const clients = new Set([this.#clients.read, this.#clients.write]);
    this.#closed ??= Promise.all([this.#queue.run(async () => {}), ...this.#appending])
      .then(() => Promise.all([...[...clients].map((client) => client.$disconnect()), this.#options.removals?.close()]))
      .then(() => undefined);
    return this.#closed;
  }
}
