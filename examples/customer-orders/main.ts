/**
 * The customer-orders story, end to end, in one process:
 *
 * 1. a registry starts (SQLite in a temporary folder) and the customer
 *    service registers the five versions of `customer-value`, which get
 *    the schema ids its generated code (`generated/`, from
 *    `creg.config.json`) was built with;
 * 2. the customer service (on v5) publishes full-state events through its
 *    generated `toMessage` and `tombstone`: creates, updates, a delete; an
 *    old instance still on v1 publishes too; the "broker" redelivers a few
 *    events and delivers one late;
 * 3. the order service consumes them into its replica — the one `creg
 *    codegen` generated, kept in SQLite — and takes orders against it.
 *
 * Run: `node --import tsx examples/customer-orders/main.ts`. It exits 1 if
 * the replica does not end as the story says.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { startServer } from '../../cli/server.js';
import { CustomerEvents } from './customer-service/customer-events.js';
import { encodeCustomerV1, type CustomerV1 } from './generated/index.js';
import { CustomerReplica, type Message } from './order-service/customer-replica.js';

const contract = (name: string) => readFileSync(new URL(`./contracts/customer-value/${name}`, import.meta.url), 'utf8');
const metadata = (JSON.parse(contract('contract.json')) as { metadata: unknown }).metadata;
const config = JSON.parse(readFileSync(new URL('./creg.config.json', import.meta.url), 'utf8')) as { subjects: { ids: number[] }[] };

/**
 * An old instance of the customer service, still pinned to v1 during the
 * rollout: v1 state, through the generated v1 encoder (`encodeCustomerV1`,
 * which writes v1's schema id and checks the value against v1).
 */
function legacyV1Event(state: CustomerV1, sequence: number): Message {
  return { key: state.customer_id, value: encodeCustomerV1(state), headers: { 'ecst-sequence': String(sequence) } };
}

const dir = mkdtempSync(join(tmpdir(), 'customer-orders-'));
const registry = await startServer({ port: 0, host: '127.0.0.1', databaseUrl: `file:${join(dir, 'registry.db')}`, logger: pino({ level: 'silent' }) });
try {
  // 1. The customer service registers its contract's versions.
  const ids: number[] = [];
  for (const version of [1, 2, 3, 4, 5]) {
    const response = await fetch(`${registry.url}/subjects/customer-value/versions`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/vnd.schemaregistry.v1+json' },
      body: JSON.stringify({ schema: contract(`v${version}.avsc`), metadata }),
    });
    const body = (await response.json()) as { id: number };
    assert.equal(response.status, 200, `registering v${version}: ${JSON.stringify(body)}`);
    ids.push(body.id);
  }
  // The generated code embeds the ids it encodes with; a fresh registry assigns these.
  assert.deepEqual(ids, config.subjects[0]!.ids, 'the registry assigned other ids than creg.config.json gives: fix the config and regenerate');

  // 2. It publishes, with its generated code; an old instance on v1 publishes too.
  const current = new CustomerEvents();
  const topic: Message[] = [];
  const alice = { customer_id: 'c-alice', name: 'Alice Liddell', email: 'alice@example.com' };
  topic.push(current.changed({ ...alice, tier: 'SILVER' }));
  topic.push(current.changed({ customer_id: 'c-bob', name: 'Bob Marley', email: 'bob@example.com' }));
  const moved = current.changed({ ...alice, tier: 'PLATINUM', address: { street: '1 Rabbit Hole', city: 'Oxford', postal_code: 'OX1', country: 'GB' } });
  topic.push(moved);
  topic.push(current.deleted('c-bob'));
  topic.push(legacyV1Event({ customer_id: 'c-carol', name: 'Carol Danvers', email: 'carol@example.com' }, 1));
  topic.push(moved, topic[0]!); // redelivered, and a late duplicate of Alice's first state

  // 3. The order service keeps its replica and takes orders.
  const replica = new CustomerReplica({ file: join(dir, 'orders.db'), registryUrl: registry.url });
  const outcomes: string[] = [];
  for (const message of topic) outcomes.push(await replica.apply(message));
  assert.deepEqual(outcomes.slice(-2), ['ignored', 'ignored'], 'the redelivery and the late duplicate change nothing');

  const orders: string[] = [];
  for (const customerId of ['c-alice', 'c-bob', 'c-carol']) {
    const customer = await replica.get(customerId);
    orders.push(customer ? `order for ${customer.name} (${customer.tier})` : `refused: no customer ${customerId}`);
  }
  for (const order of orders) console.log(order);

  assert.deepEqual(orders, ['order for Alice Liddell (PLATINUM)', 'refused: no customer c-bob', 'order for Carol Danvers (BRONZE)']);
  assert.equal((await replica.get('c-alice'))?.address?.city, 'Oxford', 'the newest state wins over the late duplicate');
  await replica.close();
  console.log('customer-orders: the replica ends as the story says');
} finally {
  await registry.close();
  rmSync(dir, { recursive: true, force: true });
}
