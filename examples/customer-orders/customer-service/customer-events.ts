/**
 * The customer service's side of the contract: on every change to a
 * customer it publishes the customer's full new state, and on a delete a
 * tombstone, each with the customer's next sequence in the `ecst-sequence`
 * header (DESIGN.md, "ECST conventions"). The state is Avro, written with
 * the registered writer schema and framed the Confluent way (magic byte,
 * schema id). Here the sequence comes from a counter per customer; in a
 * real service it is the row's version column, bumped in the same
 * transaction as the change (an outbox), so it survives restarts.
 */
import avro, { type Type } from 'avsc';
import { frame } from '../../../contracts/wire-format.js';
import type { Message } from '../order-service/customer-replica.js';

export interface Customer {
  customer_id: string;
  name: string;
  email: string;
  tier?: 'BRONZE' | 'SILVER' | 'GOLD' | 'PLATINUM';
  phone?: string | null;
  tags?: string[];
  address?: { street: string; city: string; postal_code: string; country: string } | null;
  updated_at?: number;
  credit_limit?: Buffer;
  marketing_opt_in?: boolean;
}

export class CustomerEvents {
  readonly #type: Type;
  readonly #sequences = new Map<string, number>();

  /** `schema` is the writer schema as registered, `schemaId` its id in the registry. */
  constructor(
    schema: string,
    private readonly schemaId: number,
  ) {
    this.#type = avro.Type.forSchema(JSON.parse(schema));
  }

  /** The event for a created or changed customer: the whole state, defaults filled in. */
  changed(customer: Customer): Message {
    const state = { tier: 'BRONZE', phone: null, tags: [], address: null, updated_at: Date.now(), credit_limit: Buffer.from([0]), marketing_opt_in: false, ...customer };
    const value = frame(this.schemaId, this.#type.toBuffer(state));
    return { key: customer.customer_id, value, headers: { 'ecst-sequence': this.#next(customer.customer_id) } };
  }

  /** The tombstone for a deleted customer. */
  deleted(customerId: string): Message {
    return { key: customerId, value: null, headers: { 'ecst-sequence': this.#next(customerId) } };
  }

  #next(customerId: string): string {
    const sequence = (this.#sequences.get(customerId) ?? 0) + 1;
    this.#sequences.set(customerId, sequence);
    return String(sequence);
  }
}
