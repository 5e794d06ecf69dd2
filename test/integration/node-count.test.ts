/**
 * `kafka_schema_registry_node_count` (Confluent's node-count gauge) on three
 * `creg serve` processes sharing one PostgreSQL database, each refreshing its
 * membership row every 0.5 s: every node's `/metrics` counts 3; a node
 * stopped with SIGTERM removes its row on the way out, so the table holds 2
 * rows as soon as it has exited and the two others count 2; a node killed
 * with SIGKILL says no goodbye, its row stays, and the last node counts 1
 * once that row is older than three heartbeats. Times are reported, not
 * asserted: deadlines below only bound a failure.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { postgresql, type FreshDatabase } from '../support/backends.js';
import { parsePrometheusText, sample, seriesKey } from '../support/prometheus-text.js';
import { serveRegistry, type RegistryProcess } from '../support/registry-process.js';

const backend = postgresql();
const NODE_COUNT = 'kafka_schema_registry_node_count';
/** Far beyond the heartbeat window (3 × 0.5 s): only how long a failure takes to show. */
const DEADLINE_MS = 10_000;

async function nodeCount(url: string): Promise<number> {
  const res = await fetch(`${url}/metrics`);
  assert.equal(res.status, 200, `GET ${url}/metrics`);
  const metrics = parsePrometheusText(await res.text());
  assert.ok(metrics.has(seriesKey(NODE_COUNT)), `${url}/metrics has ${NODE_COUNT}`);
  return sample(metrics, NODE_COUNT);
}

/** Polls every node's count until all read `expected`; returns the milliseconds that took. */
async function countsWithin(urls: readonly string[], expected: number): Promise<number> {
  const started = Date.now();
  for (;;) {
    const counts = await Promise.all(urls.map(nodeCount));
    if (counts.every((count) => count === expected)) return Date.now() - started;
    if (Date.now() - started > DEADLINE_MS) {
      assert.fail(`after ${DEADLINE_MS} ms the nodes count ${counts.join(', ')}, not ${expected} each`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('node count on three nodes sharing PostgreSQL', { skip: backend.skip, timeout: 300_000 }, () => {
  let database: FreshDatabase;
  let rows: pg.Client | undefined;
  let nodes: RegistryProcess[] = [];
  const rowCount = async () => Number((await rows!.query<{ n: string }>('SELECT COUNT(*) AS n FROM registry_nodes')).rows[0]!.n);

  before(async () => {
    database = await backend.freshDatabase();
    const env = { CREG_HEARTBEAT_SECONDS: '0.5' };
    nodes = await Promise.all([0, 1, 2].map(() => serveRegistry(database.url, env)));
    rows = new pg.Client({ connectionString: database.url });
    await rows.connect();
  });
  after(async () => {
    await Promise.allSettled(nodes.map((node) => node.stop()));
    await rows?.end().catch(() => {});
    await database?.dispose();
  });

  it('every node counts the three', async (t) => {
    const took = await countsWithin(
      nodes.map((node) => node.url),
      3,
    );
    assert.equal(await rowCount(), 3);
    t.diagnostic(`node count: 3 on every node (first scrapes answered within ${took} ms of the last node being ready)`);
  });

  it('a node stopped with SIGTERM removes its row: the two others count 2', async (t) => {
    const [stopped, ...others] = nodes as [RegistryProcess, RegistryProcess, RegistryProcess];
    const stoppedAt = Date.now();
    assert.equal(await stopped.stop(), 0, 'a graceful stop exits 0');
    // Removed on the way out, not aged out: gone before any heartbeat window passes.
    assert.equal(await rowCount(), 2);
    await countsWithin(
      others.map((node) => node.url),
      2,
    );
    t.diagnostic(`node count: 2 on both others ${Date.now() - stoppedAt} ms after SIGTERM (drain 0 s)`);
  });

  it('a node killed with SIGKILL ages out: the last node counts 1 once its row is three heartbeats old', async (t) => {
    const [, killed, last] = nodes as [RegistryProcess, RegistryProcess, RegistryProcess];
    const killedAt = Date.now();
    await killed.kill();
    assert.equal(killed.child.signalCode, 'SIGKILL');
    assert.equal(await rowCount(), 2, 'a killed node leaves its row behind');
    const took = await countsWithin([last.url], 1);
    t.diagnostic(`node count: 1 on the last node ${Date.now() - killedAt} ms after SIGKILL (window 1500 ms; polled ${took} ms after the process was gone)`);
  });
});
