/**
 * The order service's replica of customers: the replica `creg codegen`
 * generated for `customer-value` (`../generated/`), kept in SQLite, with
 * only the fields orders need. The generated code does the ECST work —
 * newest sequence per customer wins, tombstones remembered with their
 * sequence, redeliveries and stale events ignored, every version read as
 * the latest, unknown schema ids fetched from the registry, poison refused
 * with a `PoisonMessageError` — and the sequence check and the write are
 * one SQLite transaction. What is left here is the order service's choice
 * of store and fields, behind a constructor that does not wait.
 */
import { customer, type Customer, type ConsumedMessage } from '../generated/index.js';
import type { ApplyOutcome, Replica } from '../generated/runtime/replica.js';
import { ORDER_FIELDS } from './reader.js';

export type Message = ConsumedMessage;
export type CustomerState = Pick<Customer, (typeof ORDER_FIELDS)[number]>;

export interface CustomerReplicaOptions {
  /** The SQLite file, or `:memory:`. */
  file: string;
  /** Where writer schemas of ids the generated code does not know come from: the registry's URL. */
  registryUrl?: string;
  /** Or a lookup of writer schema text by id (the checker's directory under test); looked up first. */
  writerSchema?(id: number): string | undefined | Promise<string | undefined>;
  /** Ignored: the reader is the generated code's latest version (kept so older callers still compile). */
  readerSchema?: string;
  /** Ignored: the fields are the order service's `ORDER_FIELDS`. */
  fields?: readonly string[];
}

export class CustomerReplica {
  readonly #replica: Promise<Replica<CustomerState>>;

  constructor(options: CustomerReplicaOptions) {
    const { writerSchema } = options;
    this.#replica = customer.createReplica({
      store: { kind: 'sqlite', file: options.file, table: 'customers' },
      fields: ORDER_FIELDS,
      ...(options.registryUrl === undefined ? {} : { registryUrl: options.registryUrl }),
      ...(writerSchema === undefined
        ? {}
        : {
            schemaById: async (id: number) => {
              const schema = await writerSchema(id);
              return schema === undefined ? undefined : { id, schemaType: 'AVRO' as const, schema, references: [] };
            },
          }),
    });
    this.#replica.catch(() => undefined); // reported by the first call
  }

  async apply(message: Message): Promise<ApplyOutcome> {
    return (await this.#replica).apply(message);
  }

  async get(customerId: string): Promise<CustomerState | undefined> {
    return (await this.#replica).get(customerId);
  }

  async close(): Promise<void> {
    await (await this.#replica).close();
  }
}
