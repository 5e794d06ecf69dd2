/**
 * The port of the run registry: a Confluent-compatible registry that lives
 * for one run and holds what the checker frames messages with, the
 * contract's versions under their real ids and subjects and the future
 * writers under their scratch ids, so that a replica resolving writer
 * schemas through an unchanged Confluent client (pointed at
 * `ReplicaContext.registryUrl`) is checked on every scenario,
 * `future-schema` included. Every other read falls back to the source
 * registry. conformance/ may not import api/ or prisma/, so the runner
 * only declares what it needs here; `cli/run-registry.ts` implements it
 * over the project's own `createApp` and a temporary SQLite store.
 */
import type { Metadata, ResolvedReference, SchemaType } from '../../contracts/schema.js';

/** One schema to serve: registered under `subject`/`version` with `id` (Confluent's IMPORT mode). */
export interface RunRegistrySchema {
  subject: string;
  version: number;
  id: number;
  schemaType: SchemaType;
  schema: string;
  /** Resolved, as the source registry serves them; the implementation registers them too. */
  references: ResolvedReference[];
  metadata?: Metadata;
  /** Soft-deleted in the source registry: served by id, not as a live version. */
  deleted?: boolean;
}

export interface RunRegistryRequest {
  schemas: RunRegistrySchema[];
  /** Where reads the run registry cannot answer go (read-only); absent for contracts read from files. */
  fallbackUrl?: string;
}

export interface RunRegistry {
  /** Base URL of the run registry, what `ReplicaContext.registryUrl` gives replicas. */
  readonly url: string;
  /** Serves one more schema (a future writer, on first use); resolves once it is readable. */
  add(schema: RunRegistrySchema): Promise<void>;
  close(): Promise<void>;
}

/** Starts a run registry; `creg conform` and `checkReplica` pass one to `runConformance`. */
export type ServeRunRegistry = (request: RunRegistryRequest) => Promise<RunRegistry>;
