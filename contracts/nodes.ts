/**
 * The persistence port of the registry's membership: every node sharing a
 * database keeps a row fresh while it runs (a heartbeat) and removes it when
 * it stops, so any node can tell how many are serving (Confluent's
 * `node-count`). A node that dies without stopping ages out of the count.
 */

export interface RegistryNode {
  /** Chosen by the node when it starts (a UUID). */
  id: string;
  /** Its host name, for operators reading the table. */
  host: string;
  /** Epoch milliseconds. */
  startedAt: number;
}

export interface NodeStore {
  /** Inserts or refreshes the node's row, seen at `at` (epoch milliseconds). */
  heartbeat(node: RegistryNode, at: number): Promise<void>;
  /** How many nodes were seen at or after `since`. */
  liveNodeCount(since: number): Promise<number>;
  /** Removes the node's row (it is stopping), and rows of nodes not seen since `staleBefore`. */
  leave(id: string, staleBefore: number): Promise<void>;
}

export function isNodeStore(store: unknown): store is NodeStore {
  const candidate = store as Partial<NodeStore> | null | undefined;
  return typeof candidate?.heartbeat === 'function' && typeof candidate.liveNodeCount === 'function' && typeof candidate.leave === 'function';
}
