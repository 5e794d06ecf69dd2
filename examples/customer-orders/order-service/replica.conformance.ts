/**
 * The order service's customer replica as `creg conform` attaches it:
 *
 *   creg conform --contracts examples/customer-orders/contracts/customer-value \
 *     --replica examples/customer-orders/order-service/replica.conformance.ts
 *
 * A fresh in-memory SQLite database per replica the checker asks for;
 * writer schemas come from the checker's directory, which holds the
 * contract's versions and the newer producers' scratch schemas.
 */
import type { CreateReplica } from '../../../conformance/index.js';
import { CustomerReplica } from './customer-replica.js';
import { ORDER_FIELDS, READER_SCHEMA, READER_VERSION } from './reader.js';

export const createReplica: CreateReplica = (context) => {
  const replica = new CustomerReplica({
    file: ':memory:',
    readerSchema: READER_SCHEMA,
    writerSchema: (id) => context.schemaById(id)?.schema,
    fields: ORDER_FIELDS,
  });
  return {
    apply: (message) => replica.apply(message),
    get: (key) => replica.get(key),
    close: () => replica.close(),
    fields: ORDER_FIELDS,
    readerVersion: READER_VERSION,
  };
};
