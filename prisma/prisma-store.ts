/**
 * `Store` over Prisma Client. Reads run on the read client; `write` runs its
 * work in one interactive transaction on the write client, one writer at a
 * time: an in-process queue orders this process's writers, and
 * `lockForWrite`, the transaction's first statement, takes the database's
 * write lock so that writers in other processes wait for it too. Providers
 * differ only in the clients and that statement (see `sqlite-store.ts`,
 * `postgresql-store.ts`).
 */
import type { Deployment, DeploymentFilter, DeploymentStore } from '../contracts/deployments.js';
import type { Store, StoreWriter } from '../contracts/store.js';
import type { Verification, VerificationFilter, VerificationStore } from '../contracts/verifications.js';
import type { Client, Db } from './db.js';
import * as deploymentRows from './prisma-deployments.js';
import { PrismaStoreReader } from './prisma-store-reader.js';
import { PrismaStoreWriter } from './prisma-store-writer.js';
import * as verificationRows from './prisma-verifications.js';
import type { RemovalFeed } from './removal-feed.js';
import { SerialQueue } from './serial-queue.js';

export interface PrismaStoreOptions {
  /** Runs first in every write transaction; must hold the database's write lock until the transaction ends. */
  lockForWrite(tx: Db): Promise<void>;
  /** Where other processes' hard deletes are heard, when the database is shared (`Store.onSchemasRemoved`). */
  removals?: RemovalFeed;
  /** Longest a write transaction may run before Prisma rolls it back. */
  transactionTimeoutMs?: number;
}

export const DEFAULT_TRANSACTION_TIMEOUT_MS = 30_000;

export class PrismaStore extends PrismaStoreReader implements Store, VerificationStore, DeploymentStore {
  readonly #queue = new SerialQueue();
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
    const timeout = this.#options.transactionTimeoutMs ?? DEFAULT_TRANSACTION_TIMEOUT_MS;
    return this.#queue.run(() =>
      this.#clients.write.$transaction(
        async (tx) => {
          await this.#options.lockForWrite(tx);
          return work(tx);
        },
        { timeout, maxWait: timeout },
      ),
    );
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

  onSchemasRemoved(listener: (schemaIds: number[] | undefined) => void): void {
    this.#options.removals?.subscribe(listener);
  }

  async ping(): Promise<void> {
    await this.#clients.read.$queryRaw`SELECT 1`;
  }

  close(): Promise<void> {
    const clients = new Set([this.#clients.read, this.#clients.write]);
    this.#closed ??= this.#queue
      .run(async () => {})
      .then(() => Promise.all([...[...clients].map((client) => client.$disconnect()), this.#options.removals?.close()]))
      .then(() => undefined);
    return this.#closed;
  }
}
