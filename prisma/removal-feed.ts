/**
 * How registry nodes sharing a database learn of each other's hard deletes,
 * so that none keeps serving a removed schema from its immutable-schema
 * cache. A writer announces each removed version inside its transaction; the
 * database delivers the announcement to every listening node at commit.
 */
import type { AnnounceRemoval } from './prisma-store-writer.js';

export interface RemovalFeed {
  /** Runs in the removing transaction. */
  announce: AnnounceRemoval;
  /** `listener` gets the schema ids removed elsewhere, or `undefined` when some may have been missed. */
  subscribe(listener: (schemaIds: number[] | undefined) => void): void;
  close(): Promise<void>;
}
