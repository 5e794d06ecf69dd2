/**
 * The order service's customer replica as `creg conform` attaches it:
 *
 *   creg conform --contracts examples/customer-orders/contracts/customer-value \
 *     --replica examples/customer-orders/order-service/replica.conformance.ts
 *
 * Nothing but the generated `createReplica`: a fresh in-memory SQLite
 * database per replica the checker asks for, the order service's fields,
 * and the checker's context passed through — its registry, when it read
 * the contract from one, and its directory of writer schemas, which holds
 * the newer producers' scratch schemas too.
 */
import type { CreateReplica } from '../../../conformance/index.js';
import { customer } from '../generated/index.js';
import { ORDER_FIELDS, READER_VERSION } from './reader.js';

export const createReplica: CreateReplica = async (context) => {
  const replica = await customer.createReplica({
    store: { kind: 'sqlite', file: ':memory:' },
    fields: ORDER_FIELDS,
    ...(context.registryUrl === undefined ? {} : { registryUrl: context.registryUrl }),
    schemaById: (id) => context.schemaById(id),
  });
  return Object.assign(replica, { readerVersion: READER_VERSION });
};
