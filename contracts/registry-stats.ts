/**
 * What the database holds, counted for metrics: the same answer on every
 * node sharing it. Versions are counted as Confluent's `registered-count`
 * counts schema records: soft-deleted ones included, permanently deleted
 * ones gone.
 */
import type { SchemaType } from './schema.js';

export interface RegistryStats {
  /** Subject versions by the type of their schema, soft-deleted ones included. */
  versions: Record<SchemaType, number>;
  /** Of those, the soft-deleted ones. */
  deletedVersions: Record<SchemaType, number>;
  /** Distinct schemas (ids) by type. */
  schemas: Record<SchemaType, number>;
  /** Subjects with at least one version that is not deleted. */
  subjects: number;
  verifications: number;
  deployments: number;
}

/** A connection pool's use at one moment. */
export interface PoolUse {
  /** Most connections it opens. */
  size: number;
  open: number;
  idle: number;
  /** Queries waiting for a connection. */
  waiting: number;
}

export interface StatsStore {
  registryStats(): Promise<RegistryStats>;
  poolUse?(): PoolUse | undefined;
}

export function isStatsStore(store: unknown): store is StatsStore {
  return typeof (store as Partial<StatsStore> | null | undefined)?.registryStats === 'function';
}
