/**
 * A rolling restart without a failed request. Two `creg serve` processes on
 * one PostgreSQL database sit behind a test load balancer
 * (`support/balancer.ts`: `/health/ready` checked every 100 ms, round-robin
 * over the ready backends, keep-alive, no retries), and a steady load of
 * reads by id, reads of a subject's latest version and compatible
 * registrations goes through it the whole time (8 at once). Node A, sent
 * SIGTERM, drains for 2 s: its `/health/ready` answers 503 while everything
 * else sent to it directly is still answered, each answer with
 * `Connection: close`; the balancer moves all traffic to B; A exits 0. A new
 * node A′ on the same database is taken in once it is ready (the balancer
 * adds it while it still starts), then B drains and stops the same way. Not
 * one request fails, through the balancer or directly.
 *
 * Also, on their own: a second SIGTERM during the drain exits at once with
 * code 1 (long before a 30 s drain would end); and a node started while
 * another holds the migration lock is alive, not ready, answers everything
 * else 503 with an error body, and becomes ready once the lock is released.
 * Times are reported; deadlines only bound how long a failure takes to show.
 */
import assert from 'node:assert/strict';
import { Agent, request } from 'node:http';
import { after, before, describe, it, type TestContext } from 'node:test';
import pg from 'pg';
import { MIGRATION_LOCK_KEY } from '../../prisma/postgresql-migration-lock.js';
import { customerSchema } from '../support/avro-fixtures.js';
import { backends, postgresql, type FreshDatabase } from '../support/backends.js';
import { startBalancer, type Balancer, type BackendState } from '../support/balancer.js';
import { serveRegistry, type RegistryProcess } from '../support/registry-process.js';

const postgres = postgresql();
const V1 = 'application/vnd.schemaregistry.v1+json';
const DRAIN_SECONDS = 2;
const DRAINING = 'draining: /health/ready answers 503, requests are still served';
const SUBJECTS = ['rolling-orders-value', 'rolling-payments-value', 'rolling-customers-value'];
/** Requests a node must have taken before a step counts as having moved traffic. */
const SERVED_PER_STEP = 50;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls until `condition` holds; fails saying `what` after `ms`. */
async function until(condition: () => boolean | Promise<boolean>, ms: number, what: string): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > deadline) assert.fail(`not within ${ms} ms: ${what}`);
    await sleep(20);
  }
}

/** The Customer record with one optional field of its own: every two are compatible both ways, every one is new. */
function loadSchema(n: number): string {
  return JSON.stringify({
    type: 'record',
    name: 'Customer',
    namespace: 'com.example',
    fields: [
      { name: 'customer_id', type: 'string' },
      { name: 'name', type: 'string' },
      { name: `field_${n}`, type: ['null', 'string'], default: null },
    ],
  });
}

interface Answer {
  status: number;
  /** The `Connection` header of the answer. */
  connection: string | undefined;
  body: any;
}

/** Straight to a node, over a keep-alive agent: so a `Connection: close` in the answer is the node's doing. */
const direct = new Agent({ keepAlive: true });
function call(base: string, method: string, path: string, body?: unknown): Promise<Answer> {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(
      new URL(path, base),
      {
        method,
        agent: direct,
        timeout: 30_000,
        headers: payload === undefined ? {} : { 'Content-Type': V1, 'Content-Length': Buffer.byteLength(payload) },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('error', reject);
        res.on('end', () => {
          try {
            resolve({ status: res.statusCode!, connection: res.headers.connection, body: text === '' ? undefined : JSON.parse(text) });
          } catch (error) {
            reject(new Error(`${method} ${base}${path}: ${res.statusCode} with a body that is not JSON: ${text.slice(0, 200)}`, { cause: error }));
          }
        });
      },
    );
    req.on('timeout', () => req.destroy(new Error(`${method} ${base}${path}: no answer within 30 s`)));
    req.on('error', reject);
    req.end(payload);
  });
}

interface Failure {
  at: string;
  operation: string;
  detail: string;
}

/**
 * The steady load: `concurrency` clients, each sending one request after the
 * other (2 of 5 reads by id, 2 of 5 reads of a latest version, 1 of 5 a
 * registration of a new compatible schema), each expecting 200. Anything
 * else, an error included, is a failure, kept with what it was.
 */
class Load {
  answered = 0;
  readonly failures: Failure[] = [];
  readonly ids: number[] = [];
  #next = 0;
  #stopping = false;
  #clients: Promise<void>[] = [];

  constructor(
    private readonly base: string,
    private readonly concurrency = 8,
  ) {}

  start(): void {
    this.#clients = Array.from({ length: this.concurrency }, () => this.#client());
  }

  async stop(): Promise<void> {
    this.#stopping = true;
    await Promise.all(this.#clients);
  }

  async #client(): Promise<void> {
    while (!this.#stopping) {
      await this.#one(this.#next++);
      // A breath between requests: a steady stream, not a saturated 2-core machine.
      await sleep(5);
    }
  }

  async #one(n: number): Promise<void> {
    const kind = n % 5;
    const subject = SUBJECTS[n % SUBJECTS.length]!;
    const [operation, method, path, body] =
      kind < 2
        ? (['GET /schemas/ids/{id}', 'GET', `/schemas/ids/${this.ids[Math.floor(Math.random() * this.ids.length)]}`, undefined] as const)
        : kind < 4
          ? (['GET /subjects/{s}/versions/latest', 'GET', `/subjects/${subject}/versions/latest`, undefined] as const)
          : (['POST /subjects/{s}/versions', 'POST', `/subjects/${subject}/versions`, { schema: loadSchema(n) }] as const);
    try {
      const res = await fetch(`${this.base}${path}`, {
        method,
        headers: body === undefined ? {} : { 'Content-Type': V1 },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(30_000),
      });
      const text = await res.text();
      if (res.status !== 200) return this.#failed(operation, `${res.status} ${res.headers.get('x-balancer-error') ?? ''} ${text.slice(0, 300)}`);
      const answer = JSON.parse(text) as { id?: unknown; version?: unknown; schema?: unknown };
      if (method === 'POST') {
        if (typeof answer.id !== 'number') return this.#failed(operation, `200 without an id: ${text.slice(0, 300)}`);
        this.ids.push(answer.id);
      } else if (typeof (kind < 2 ? answer.schema : answer.version) !== (kind < 2 ? 'string' : 'number')) {
        return this.#failed(operation, `200 with an unexpected body: ${text.slice(0, 300)}`);
      }
      this.answered++;
    } catch (error) {
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      this.#failed(operation, `${(error as Error).name}: ${(error as Error).message}${cause ? ` (${cause.code ?? cause.message})` : ''}`);
    }
  }

  #failed(operation: string, detail: string): void {
    this.failures.push({ at: new Date().toISOString(), operation, detail });
  }
}

function assertNoFailure(load: Load, balancer: Balancer, from: number): void {
  const failures = load.failures.slice(from);
  assert.deepEqual(failures, [], `failed requests (balancer: ${balancer.errors.slice(-10).join('; ') || 'nothing'})`);
}

describe('a rolling restart of two nodes behind a load balancer', { skip: postgres.skip, timeout: 300_000 }, () => {
  const env = { CREG_DRAIN_SECONDS: String(DRAIN_SECONDS) };
  let database: FreshDatabase;
  let balancer: Balancer;
  let load: Load;
  const nodes: RegistryProcess[] = [];
  const probes = { sent: 0 };

  before(async () => {
    database = await postgres.freshDatabase();
    nodes.push(...(await Promise.all([0, 1].map(() => serveRegistry(database.url, env)))));
    balancer = await startBalancer(nodes.map((node) => node.url));
    await until(() => balancer.backends().every((backend) => backend.ready), 10_000, 'the balancer finds both nodes ready');
    load = new Load(balancer.url);
    for (const subject of SUBJECTS) {
      const seeded = await call(balancer.url, 'POST', `/subjects/${subject}/versions`, { schema: customerSchema() });
      assert.equal(seeded.status, 200, JSON.stringify(seeded.body));
      load.ids.push(seeded.body.id);
    }
    load.start();
  });
  after(async () => {
    await load?.stop();
    await balancer?.close();
    await Promise.allSettled(nodes.map((node) => node.stop()));
    direct.destroy();
    await database?.dispose();
  });

  /**
   * SIGTERM to `node` under the load; then checks the drain, directly and
   * through the balancer, and that `survivors` take the traffic on.
   */
  async function drainAndStop(t: TestContext, node: RegistryProcess, survivors: RegistryProcess[]): Promise<void> {
    const failuresBefore = load.failures.length;
    const backend = balancer.backend(node.url);
    await until(() => backend.forwarded >= SERVED_PER_STEP, 60_000, `${node.url} takes part in the load`);
    // Before the drain, a node keeps the connection open.
    const control = await call(node.url, 'GET', '/health/ready');
    assert.deepEqual([control.status, control.connection], [200, 'keep-alive']);

    const signalledAt = Date.now();
    node.signal('SIGTERM');
    await node.logged(DRAINING);
    // Straight to the node, for half the drain: readiness says go away, everything else is served, every connection closed.
    const answers: { what: string; status: number; connection: string | undefined }[] = [];
    const probe = async (what: string, method: string, path: string, body?: unknown) => {
      probes.sent++;
      const answer = await call(node.url, method, path, body);
      answers.push({ what, status: answer.status, connection: answer.connection });
    };
    const probeUntil = Date.now() + (DRAIN_SECONDS * 1000) / 2;
    for (let n = 0; Date.now() < probeUntil; n++) {
      await probe('GET /health/ready', 'GET', '/health/ready');
      await probe('GET /health/live', 'GET', '/health/live');
      await probe('GET /schemas/ids/{id}', 'GET', `/schemas/ids/${load.ids[0]}`);
      await probe('GET /subjects/{s}/versions/latest', 'GET', `/subjects/${SUBJECTS[0]}/versions/latest`);
      await probe('POST /subjects/{s}/versions', 'POST', `/subjects/drain-probe-value/versions`, { schema: loadSchema(1_000_000 + probes.sent) });
    }
    const expected = answers.map(({ what }) => ({ what, status: what === 'GET /health/ready' ? 503 : 200, connection: 'close' }));
    assert.deepEqual(answers, expected, 'what the draining node answered directly');

    const exit = await node.exited;
    const exitedAt = Date.now();
    assert.deepEqual(exit, { code: 0, signal: null }, 'a drained node exits 0');
    await node.logged('stopped');

    // The balancer found it not ready by its 503 (not by a refused connection), and sent it nothing after that.
    const turned = backend.transitions.filter((transition) => transition.at >= signalledAt);
    assert.equal(turned.length, 1, `one change of readiness after SIGTERM: ${JSON.stringify(turned)}`);
    assert.deepEqual([turned[0]!.ready, turned[0]!.reason], [false, '503']);
    assert.equal(backend.forwarded, turned[0]!.forwarded, 'nothing forwarded to the node once it was not ready');
    assert.equal(backend.failed, 0);

    const taking: [BackendState, number][] = survivors.map((survivor) => {
      const state = balancer.backend(survivor.url);
      return [state, state.forwarded];
    });
    await until(
      () => taking.every(([state, before]) => state.ready && state.forwarded >= before + SERVED_PER_STEP),
      60_000,
      'the other nodes take the traffic on',
    );
    assertNoFailure(load, balancer, failuresBefore);
    t.diagnostic(
      `drain of ${node.url}: not ready at the balancer ${turned[0]!.at - signalledAt} ms after SIGTERM, ` +
        `having taken ${turned[0]!.forwarded} requests through it; ${answers.length} direct requests answered during the drain; ` +
        `exited 0 after ${exitedAt - signalledAt} ms (drain ${DRAIN_SECONDS} s)`,
    );
  }

  it('node A drains: readiness 503, still serving, all traffic moves to B, A exits 0, no request fails', async (t) => {
    const [a, b] = nodes as [RegistryProcess, RegistryProcess];
    await drainAndStop(t, a, [b]);
  });

  it('a new node A′ on the same database joins once ready and takes traffic, no request fails', async (t) => {
    const failuresBefore = load.failures.length;
    const startedAt = Date.now();
    // Added to the balancer while it still starts: the balancer must wait for its readiness.
    const joining = await serveRegistry(database.url, env, { until: 'accepting' });
    nodes.push(joining);
    const backend = balancer.add(joining.url);
    await joining.ready;
    await until(() => backend.ready, 10_000, 'the balancer finds A′ ready');
    // Nothing was sent to it before its readiness answered 200.
    const joined = backend.transitions[0]!;
    assert.deepEqual([joined.ready, joined.reason, joined.forwarded], [true, '200', 0]);
    await until(() => backend.forwarded >= SERVED_PER_STEP, 60_000, 'A′ takes traffic');
    assert.equal(backend.failed, 0);
    assertNoFailure(load, balancer, failuresBefore);
    t.diagnostic(`A′ ready at the balancer ${backend.transitions[0]!.at - startedAt} ms after it was started`);
  });

  it('node B drains the same way: all traffic moves to A′, B exits 0, no request fails', async (t) => {
    const [, b, joined] = nodes as [RegistryProcess, RegistryProcess, RegistryProcess];
    await drainAndStop(t, b, [joined]);
  });

  it('over the whole restart, every request of the load was answered as expected', async (t) => {
    await load.stop();
    assertNoFailure(load, balancer, 0);
    assert.deepEqual(balancer.errors, []);
    const served = balancer
      .backends()
      .map((backend, i) => `${['A', 'B', 'A′'][i]} ${backend.forwarded}`)
      .join(', ');
    t.diagnostic(`rolling restart: ${load.answered} requests answered through the balancer (${served}), ${probes.sent} directly to draining nodes; 0 failed`);
  });
});

for (const backend of backends()) {
  describe(`a second SIGTERM during the drain, ${backend.name}`, { skip: backend.skip, timeout: 120_000 }, () => {
    let database: FreshDatabase;
    let node: RegistryProcess | undefined;
    before(async () => {
      database = await backend.freshDatabase();
    });
    after(async () => {
      await node?.kill();
      await database?.dispose();
    });

    it('exits at once with code 1, long before the 30 s drain would end', async (t) => {
      node = await serveRegistry(database.url, { CREG_DRAIN_SECONDS: '30' });
      const firstAt = Date.now();
      node.signal('SIGTERM');
      await node.logged(DRAINING);
      assert.equal((await call(node.url, 'GET', '/health/ready')).status, 503, 'draining');
      const secondAt = Date.now();
      node.signal('SIGTERM');
      // The drain would end 30 s after the first signal; half of that is the bound of a failure, not a timing.
      const exit = await Promise.race([node.exited, sleep(15_000).then(() => undefined)]);
      assert.ok(exit, 'gone within 15 s of the second SIGTERM');
      assert.deepEqual(exit, { code: 1, signal: null });
      assert.ok(Date.now() - firstAt < 30_000, 'before the drain would have ended');
      t.diagnostic(`second SIGTERM: exited 1 after ${Date.now() - secondAt} ms (drain 30 s)`);
    });
  });
}

describe('a node started while another holds the migration lock', { skip: postgres.skip, timeout: 120_000 }, () => {
  let database: FreshDatabase;
  let holder: pg.Client | undefined;
  let node: RegistryProcess | undefined;
  before(async () => {
    database = await postgres.freshDatabase();
    holder = new pg.Client({ connectionString: database.url });
    await holder.connect();
  });
  after(async () => {
    await node?.stop();
    await holder?.end().catch(() => {});
    await database?.dispose();
  });

  it('is alive, not ready, answers 503 with an error body while it waits; ready once the lock is released', async (t) => {
    const lockHolder = holder!;
    await lockHolder.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY.toString()]);
    const started = await serveRegistry(database.url, {}, { until: 'accepting' });
    node = started;
    let ready = false;
    void started.ready.then(() => (ready = true));
    const waiting = async () =>
      Number(
        (
          await lockHolder.query<{ n: string }>(
            "SELECT COUNT(*) AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())",
          )
        ).rows[0]!.n,
      ) === 1;
    await until(waiting, 60_000, 'the node waits for the migration lock');

    const live = await call(started.url, 'GET', '/health/live');
    assert.deepEqual([live.status, live.body], [200, { status: 'UP' }]);
    assert.equal((await call(started.url, 'GET', '/health/ready')).status, 503);
    for (const [method, path, body] of [
      ['GET', '/subjects'],
      ['GET', '/schemas/ids/1'],
      ['POST', '/subjects/waiting-value/versions', { schema: customerSchema() }],
    ] as const) {
      const answer = await call(started.url, method, path, body);
      assert.equal(answer.status, 503, `${method} ${path}`);
      assert.equal(answer.body.error_code, 503, `${method} ${path}`);
      assert.equal(typeof answer.body.message, 'string');
    }
    assert.equal(ready, false, 'not ready while the lock is held');
    assert.ok(await waiting(), 'still waiting for the lock after those answers');

    const releasedAt = Date.now();
    await lockHolder.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY.toString()]);
    await started.ready;
    const readiness = await call(started.url, 'GET', '/health/ready');
    assert.deepEqual([readiness.status, readiness.body], [200, { status: 'UP' }]);
    const subjects = await call(started.url, 'GET', '/subjects');
    assert.deepEqual([subjects.status, subjects.body], [200, []]);
    t.diagnostic(`migration lock: the node was ready ${Date.now() - releasedAt} ms after the lock was released`);
  });
});
