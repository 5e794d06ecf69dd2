/**
 * The order service's replica of customers, kept in SQLite from the
 * customer service's full-state events (DESIGN.md, "ECST conventions").
 * One row per customer: the newest state the order service reads (a
 * projection of the contract, as its reader version reads it), and the
 * highest sequence applied — tombstones included, so that a stale update
 * arriving after a delete cannot bring the customer back, while a newer
 * upsert re-creates it.
 *
 * Every writer version is read with the reader schema by Avro schema
 * resolution (avsc): fields the reader lacks are dropped, fields the writer
 * lacks get the reader's defaults, an unknown enum symbol becomes the
 * reader enum's default. Bytes that are not a framed state (poison) make
 * `apply` throw and change nothing.
 */
import avro, { type Type } from 'avsc';
import Database from 'better-sqlite3';
import { unframe } from '../../../contracts/wire-format.js';

export interface Message {
  key: string;
  value: Buffer | null;
  headers: Record<string, string>;
}

export interface CustomerReplicaOptions {
  /** The SQLite file, or `:memory:`. */
  file: string;
  /** The Avro schema the order service reads customers with (its copy of one contract version). */
  readerSchema: string;
  /** A writer schema's Avro text by schema id: the registry in production, the checker's directory under test. */
  writerSchema(id: number): string | undefined | Promise<string | undefined>;
  /** The customer fields the order service keeps. */
  fields: readonly string[];
  sequenceHeader?: string;
}

export type CustomerState = Record<string, unknown>;

interface Row {
  sequence: number;
  deleted: number;
  state: string | null;
}

export class CustomerReplica {
  readonly #db: Database.Database;
  readonly #reader: Type;
  readonly #resolvers = new Map<number, ReturnType<Type['createResolver']>>();
  readonly #options: CustomerReplicaOptions;

  constructor(options: CustomerReplicaOptions) {
    this.#options = options;
    this.#reader = avro.Type.forSchema(JSON.parse(options.readerSchema));
    this.#db = new Database(options.file);
    this.#db.pragma('journal_mode = WAL');
    this.#db.pragma('synchronous = NORMAL');
    this.#db.exec(`CREATE TABLE IF NOT EXISTS customers (
      customer_id TEXT PRIMARY KEY,
      sequence    INTEGER NOT NULL,
      deleted     INTEGER NOT NULL DEFAULT 0,
      state       TEXT
    )`);
  }

  async apply(message: Message): Promise<void> {
    const sequence = parseSequence(message.headers[this.#options.sequenceHeader ?? 'ecst-sequence']);
    const state = message.value === null ? null : await this.#decode(message.value);
    const write = this.#db.transaction(() => {
      const row = this.#db.prepare('SELECT sequence FROM customers WHERE customer_id = ?').get(message.key) as Row | undefined;
      if (row && sequence <= row.sequence) return; // a redelivery, or older than what is applied
      this.#db
        .prepare(
          `INSERT INTO customers (customer_id, sequence, deleted, state) VALUES (?, ?, ?, ?)
           ON CONFLICT (customer_id) DO UPDATE SET sequence = excluded.sequence, deleted = excluded.deleted, state = excluded.state`,
        )
        .run(message.key, sequence, state === null ? 1 : 0, state === null ? null : JSON.stringify(state, bytesAsBase64));
    });
    write();
  }

  get(customerId: string): CustomerState | undefined {
    const row = this.#db.prepare('SELECT sequence, deleted, state FROM customers WHERE customer_id = ?').get(customerId) as Row | undefined;
    return row && !row.deleted && row.state !== null ? (JSON.parse(row.state) as CustomerState) : undefined;
  }

  close(): void {
    this.#db.close();
  }

  async #decode(value: Buffer): Promise<CustomerState> {
    const { schemaId, payload } = unframe(value);
    let resolver = this.#resolvers.get(schemaId);
    if (!resolver) {
      const text = await this.#options.writerSchema(schemaId);
      if (text === undefined) throw new Error(`Unknown schema id ${schemaId}`);
      resolver = this.#reader.createResolver(avro.Type.forSchema(JSON.parse(text)));
      this.#resolvers.set(schemaId, resolver);
    }
    const customer = this.#reader.fromBuffer(payload, resolver) as CustomerState;
    return Object.fromEntries(this.#options.fields.map((field) => [field, customer[field]]));
  }
}

function parseSequence(header: string | undefined): number {
  if (header === undefined || !/^\d+$/.test(header) || !Number.isSafeInteger(Number(header))) {
    throw new Error(`The ecst-sequence header is missing or not a decimal integer: ${JSON.stringify(header)}`);
  }
  return Number(header);
}

function bytesAsBase64(this: unknown, _key: string, value: unknown): unknown {
  const candidate = value as { type?: string; data?: number[] } | null;
  return candidate?.type === 'Buffer' && Array.isArray(candidate.data) ? Buffer.from(candidate.data).toString('base64') : value;
}
