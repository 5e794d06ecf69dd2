/**
 * The customer service's side of the contract: on every change to a
 * customer it publishes the customer's full new state, and on a delete a
 * tombstone, each with the customer's next sequence in the `ecst-sequence`
 * header (DESIGN.md, "ECST conventions"). It publishes through the code
 * `creg codegen` generated from the contract (`../generated/`, see
 * `../creg.config.json`): `toMessage` encodes the state as the latest
 * version, Confluent-framed with its schema id, keys it by `customer_id`
 * and puts the sequence in the header; `tombstone` does the same for a
 * delete. Here the sequence comes from a counter per customer; in a real
 * service it is the row's version column, bumped in the same transaction as
 * the change (an outbox), so it survives restarts.
 */
import { customer, type CustomerInput, type EcstMessage } from '../generated/index.js';

export type { CustomerInput as Customer } from '../generated/index.js';

export class CustomerEvents {
  readonly #sequences = new Map<string, bigint>();

  /** The event for a created or changed customer: the whole state, fields left out written as their defaults. */
  changed(state: CustomerInput): EcstMessage {
    return customer.toMessage({ updated_at: new Date(), ...state }, this.#next(state.customer_id));
  }

  /** The tombstone for a deleted customer. */
  deleted(customerId: string): EcstMessage {
    return customer.tombstone(customerId, this.#next(customerId));
  }

  #next(customerId: string): bigint {
    const sequence = (this.#sequences.get(customerId) ?? 0n) + 1n;
    this.#sequences.set(customerId, sequence);
    return sequence;
  }
}
