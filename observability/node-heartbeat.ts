/**
 * This node's row in the membership table, kept fresh every interval while
 * it runs and removed when it stops; a node is counted while its row is
 * younger than three intervals, so a node that dies unannounced drops out
 * of the count within that window. A failed heartbeat is logged and tried
 * again at the next interval: the count is for operators, never a reason to
 * stop serving.
 */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { NodeStore, RegistryNode } from '../contracts/nodes.js';

export interface HeartbeatLog {
  warn(fields: object, message: string): void;
}

export const DEFAULT_HEARTBEAT_MS = 5_000;
/** Rows this old are removed by whichever node stops next. */
const FORGET_AFTER_MS = 24 * 3600_000;

export class NodeHeartbeat {
  readonly node: RegistryNode = { id: randomUUID(), host: hostname(), startedAt: Date.now() };
  #timer: NodeJS.Timeout | undefined;
  #beating: Promise<void> = Promise.resolve();

  constructor(
    private readonly store: NodeStore,
    private readonly log: HeartbeatLog,
    readonly intervalMs = DEFAULT_HEARTBEAT_MS,
  ) {}

  /** How long a row counts after its last heartbeat. */
  get windowMs(): number {
    return 3 * this.intervalMs;
  }

  /** Writes the first heartbeat (so the node counts itself once ready), then one per interval. */
  async start(): Promise<void> {
    await this.#beat();
    this.#timer = setInterval(() => void (this.#beating = this.#beat()), this.intervalMs);
    this.#timer.unref();
  }

  liveNodeCount(): Promise<number> {
    return this.store.liveNodeCount(Date.now() - this.windowMs);
  }

  async stop(): Promise<void> {
    clearInterval(this.#timer);
    await this.#beating;
    await this.store.leave(this.node.id, Date.now() - FORGET_AFTER_MS).catch((error: unknown) => {
      this.log.warn({ err: error }, 'could not remove this node from the membership table; it ages out');
    });
  }

  async #beat(): Promise<void> {
    try {
      await this.store.heartbeat(this.node, Date.now());
    } catch (error) {
      this.log.warn({ err: error }, 'heartbeat not written; trying again at the next interval');
    }
  }
}
