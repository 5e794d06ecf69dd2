/**
 * Where audit records go: JSON lines (standard output or a file), written
 * as each request is answered, and the database's append-only table, written
 * in small batches off the request path. A batch that fails is retried (a
 * record's id makes a retry harmless) and stays queued until it lands or the
 * queue overflows, which is logged.
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import type { AuditEvent, AuditStore } from '../contracts/audit.js';

export interface AuditLog {
  error(fields: object, message: string): void;
}

export interface AuditTrailOptions {
  /** `-` for standard output, a path to append to, or undefined for no JSON lines. */
  lines?: string;
  store?: AuditStore;
  /** Also record reads (off by default: they are most of the traffic). */
  reads?: boolean;
  log: AuditLog;
}

const BATCH = 200;
const FLUSH_MS = 50;
const MAX_QUEUED = 100_000;

export class AuditTrail {
  readonly reads: boolean;
  readonly #lines: NodeJS.WritableStream | undefined;
  readonly #file: WriteStream | undefined;
  readonly #store: AuditStore | undefined;
  readonly #log: AuditLog;
  #queue: AuditEvent[] = [];
  #timer: NodeJS.Timeout | undefined;
  #flushing: Promise<void> | undefined;

  constructor(options: AuditTrailOptions) {
    this.reads = options.reads ?? false;
    this.#store = options.store;
    this.#log = options.log;
    if (options.lines === '-') this.#lines = process.stdout;
    else if (options.lines) this.#lines = this.#file = createWriteStream(options.lines, { flags: 'a' });
  }

  record(event: AuditEvent): void {
    this.#lines?.write(`${JSON.stringify(event)}\n`);
    if (!this.#store) return;
    if (this.#queue.length >= MAX_QUEUED) {
      this.#log.error({ dropped: event.id }, 'audit queue full; record kept in the JSON lines only');
      return;
    }
    this.#queue.push(event);
    this.#timer ??= setTimeout(() => void this.flush(), this.#queue.length >= BATCH ? 0 : FLUSH_MS);
  }

  /** Writes what is queued; resolves when the queue is empty or the store keeps failing. */
  async flush(): Promise<void> {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    if (this.#flushing) return this.#flushing;
    this.#flushing = (async () => {
      let failures = 0;
      while (this.#queue.length > 0 && failures < 3) {
        const batch = this.#queue.slice(0, BATCH);
        try {
          await this.#store!.appendAudit(batch);
          this.#queue.splice(0, batch.length);
          failures = 0;
        } catch (error) {
          failures += 1;
          this.#log.error({ err: error, queued: this.#queue.length }, 'audit records not stored yet; retrying');
          await new Promise((resolve) => setTimeout(resolve, 100 * failures));
        }
      }
    })().finally(() => {
      this.#flushing = undefined;
      if (this.#queue.length > 0) this.#timer ??= setTimeout(() => void this.flush(), 1000);
    });
    return this.#flushing;
  }

  async close(): Promise<void> {
    await this.flush();
    clearTimeout(this.#timer);
    this.#timer = undefined;
    if (this.#file) await new Promise<void>((resolve) => this.#file!.end(() => resolve()));
  }
}
