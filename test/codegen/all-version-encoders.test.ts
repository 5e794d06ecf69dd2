/**
 * An encoder for every registered version, not only the latest: a producer
 * pinned to an older version during a rollout writes that version's schema
 * id and shape, typed with that version's type. The generated output of the
 * fixture contracts is compiled under `strict` (with a caller that uses the
 * pinned encoders' types), and an older version's values round-trip: its
 * bytes decode with the latest decoder, defaults filled in.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { generate } from '../../codegen/index.js';
import { compileGenerated, type CompiledOutput } from './support/compiled-output.js';
import { fixtureContracts } from './support/fixture-contracts.js';
import { plain } from './support/plain.js';

/** A user's file: compiles only if each pinned encoder takes its version's type. */
const CALLER = `
import { customer, order, shipment, type CustomerV1, type OrderV1, type ShipmentV1 } from './index.js';
const v1: CustomerV1 = { customer_id: 'c-1', name: 'Ada', nickname: 'ada', status: 'BLOCKED', email: null, updated_at: new Date(0) };
export const bytes: Buffer[] = [customer.encodeCustomerV1(v1), customer.encodeCustomerV2, customer.encodeCustomerV3].filter((b): b is Buffer => Buffer.isBuffer(b));
const o: OrderV1 = { order_id: 'o-1', amount: 1, status: 'PLACED', sequence: 1 };
export const more: Buffer[] = [order.encodeOrderV1(o)];
export const pinned: (value: ShipmentV1) => Buffer = shipment.encodeShipmentV1;
// @ts-expect-error a v1 encoder refuses a v1 value without its required fields
customer.encodeCustomerV1({ customer_id: 'c-1' });
`;

interface Module {
  [name: string]: unknown;
}
const fn = (module: Module, name: string) => module[name] as (value: unknown) => Buffer;
const decode = (module: Module, name: string) => module[name] as (bytes: Uint8Array) => unknown;

describe('encoders for every version', () => {
  let out: CompiledOutput;
  let customer: Module;
  let order: Module;
  let shipment: Module;

  before(async () => {
    out = compileGenerated(generate(fixtureContracts()).files, 'all-versions', { 'caller.ts': CALLER });
    customer = await out.load<Module>('customer-value');
    order = await out.load<Module>('order-json');
    shipment = await out.load<Module>('shipment-value');
  });
  after(() => out?.dispose());

  test('compile under strict, each typed with its version (a caller type-checks against them)', () => {
    assert.equal(out.diagnostics, '');
    const declarations = out.declarations.get('customer-value.d.ts') ?? '';
    for (const version of [1, 2, 3]) assert.match(declarations, new RegExp(`export declare function encodeCustomerV${version}\\(value: CustomerV${version}\\): Buffer;`));
  });

  test('Avro: v1 values are written with v1 schema id and read as the latest, defaults filled in', () => {
    const v1 = { customer_id: 'c-1', name: 'Ada', nickname: 'ada', status: 'BLOCKED', email: null, updated_at: new Date(1_700_000_000_000) };
    const bytes = fn(customer, 'encodeCustomerV1')(v1);
    assert.equal(bytes.readInt32BE(1), 1);
    const latest = plain(decode(customer, 'decodeCustomer')(bytes)) as Record<string, unknown>;
    assert.equal(latest['customer_id'], 'c-1');
    assert.equal(latest['status'], 'BLOCKED');
    assert.deepEqual(latest['updated_at'], v1.updated_at);
    assert.equal(latest['loyalty_points'], 0, 'a field v1 lacks gets the latest default');
    assert.equal(bytes.readInt32BE(1), 1);
  });

  test('Avro: a pinned encoder refuses what its version cannot carry (a symbol only the latest has)', () => {
    const v1 = { customer_id: 'c-1', name: 'Ada', nickname: '', status: 'DELETED', email: null, updated_at: new Date(0) };
    assert.throws(() => fn(customer, 'encodeCustomerV1')(v1), (error: Error) => error.name === 'EncodeError' && /status/.test(error.message));
    assert.doesNotThrow(() => fn(customer, 'encodeCustomerV3')({ ...v1, loyalty_points: 1, address: null, balance: '0.00', birthday: null, external_id: null, tags: {}, scores: [], preferred_contact: null }));
  });

  test('JSON Schema: v1 values are written with v1 schema id and read as the latest', () => {
    const v1 = { order_id: 'o-1', amount: 12.5, status: 'PAID', sequence: 3 };
    const bytes = fn(order, 'encodeOrderV1')(v1);
    assert.equal(bytes.readInt32BE(1), 4);
    const latest = decode(order, 'decodeOrder')(bytes) as Record<string, unknown>;
    assert.equal(latest['order_id'], 'o-1');
    assert.equal(latest['currency'], 'EUR', 'the latest default filled in');
    assert.throws(() => fn(order, 'encodeOrderV1')({ ...v1, currency: 'USD' }), /EncodeError|currency|additional/);
  });

  test('Protobuf: v1 values are written with v1 schema id and read as the latest', () => {
    const v1 = { shipment_id: 's-1', weight_grams: '1200', status: 'SHIPPED', destination: { street: 'Main St 1', city: 'Delft' }, items: [{ sku: 'x', quantity: 2 }] };
    const bytes = fn(shipment, 'encodeShipmentV1')(v1);
    assert.equal(bytes.readInt32BE(1), 7);
    const latest = plain(decode(shipment, 'decodeShipment')(bytes)) as Record<string, unknown>;
    assert.equal(latest['shipment_id'], 's-1');
    assert.equal(latest['weight_grams'], undefined, 'v3 dropped the weight');
    assert.equal(latest['status'], 'SHIPPED');
    assert.deepEqual(latest['items'], [{ sku: 'x', quantity: 2 }]);
  });
});
