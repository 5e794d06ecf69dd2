/**
 * Request ids, from outside and in the logs: a caller's sane `X-Request-Id`
 * is answered back (on the Express routes and on the schema-by-id fast
 * path), anything else is replaced by a new UUID; every log line of a
 * request carries its id and route template; a refused request logs its
 * status and error code, and a server error (the store failing under a
 * request) logs its stack exactly once. The real server on SQLite, with its
 * log captured.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { pino } from 'pino';
import request from 'supertest';
import { createApp } from '../../api/app.js';
import { startServer, type RunningServer } from '../../cli/server.js';
import { createRegistry } from '../../contracts/registry/index.js';
import type { Store } from '../../contracts/store.js';
import { openStore } from '../../prisma/open-store.js';
import { customerSchema } from '../support/avro-fixtures.js';
import { sqlite, type FreshDatabase } from '../support/backends.js';

interface LogLine {
  level: number;
  msg: string;
  requestId?: string;
  route?: string;
  status?: number;
  errorCode?: number;
  err?: { message: string; stack: string };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function capturingLogger(level: string, lines: LogLine[]) {
  return pino({ level }, { write: (line: string) => void lines.push(JSON.parse(line) as LogLine) });
}

describe('request ids', () => {
  let database: FreshDatabase;
  let server: RunningServer;
  const lines: LogLine[] = [];
  before(async () => {
    database = await sqlite.freshDatabase();
    server = await startServer({ port: 0, host: '127.0.0.1', databaseUrl: database.url, logger: capturingLogger('info', lines) });
    await request(server.url).post('/subjects/ids-value/versions').set('Content-Type', 'application/json').send({ schema: customerSchema() }).expect(200);
    // Once read, the schema is served by the fast path.
    await request(server.url).get('/schemas/ids/1').expect(200);
  });
  after(async () => {
    await server?.close();
    await database?.dispose();
  });

  it('a sane id from the caller is answered back, on every path', async () => {
    for (const path of ['/subjects', '/schemas/ids/1', '/subjects/ids-value/versions/latest', '/nowhere', '/health/ready']) {
      const res = await request(server.url).get(path).set('X-Request-Id', 'gateway-7f3a.42:1');
      assert.equal(res.headers['x-request-id'], 'gateway-7f3a.42:1', path);
    }
  });

  it('without one, or with one that is not a sane token, a new UUID', async () => {
    for (const given of [undefined, 'has spaces', 'x'.repeat(129), 'ünïcode', '']) {
      for (const path of ['/subjects', '/schemas/ids/1']) {
        let req = request(server.url).get(path);
        if (given !== undefined) req = req.set('X-Request-Id', given);
        const res = await req;
        assert.match(res.headers['x-request-id'] ?? '', UUID, `${path} given ${JSON.stringify(given)}`);
      }
    }
  });

  it('a refused request is logged once with its id, route, status and error code', async () => {
    await request(server.url).get('/subjects/missing-value/versions').set('X-Request-Id', 'refused-1').expect(404);
    const logged = lines.filter((line) => line.requestId === 'refused-1');
    assert.equal(logged.length, 1, JSON.stringify(logged));
    assert.deepEqual(
      { msg: logged[0]!.msg, route: logged[0]!.route, status: logged[0]!.status, errorCode: logged[0]!.errorCode },
      { msg: 'request refused', route: '/subjects/:subject/versions', status: 404, errorCode: 40401 },
    );
  });
});

describe('a server error under a request', () => {
  let store: Store;
  let database: FreshDatabase;
  before(async () => {
    database = await sqlite.freshDatabase();
    store = await openStore(database.url);
  });
  after(async () => {
    await store?.close();
    await database?.dispose();
  });

  it('is a 500 with Confluent’s body, and its stack is logged once, with the request id and route', async () => {
    const lines: LogLine[] = [];
    // The real store, but its subject listing fails as a broken disk would.
    const failing = new Proxy(store, {
      get(target, property) {
        if (property === 'subjects') return () => Promise.reject(new Error('disk on fire'));
        const value: unknown = Reflect.get(target, property);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    const app = createApp({ registry: createRegistry(failing), logger: capturingLogger('info', lines) });
    const res = await request(app).get('/subjects').set('X-Request-Id', 'broken-1').expect(500);
    assert.deepEqual(res.body, { error_code: 50001, message: 'Internal Server Error' });
    const withStack = lines.filter((line) => JSON.stringify(line).includes('disk on fire'));
    assert.equal(withStack.length, 1, JSON.stringify(lines));
    const [line] = withStack;
    assert.equal(line!.requestId, 'broken-1');
    assert.equal(line!.route, '/subjects');
    assert.equal(line!.status, 500);
    assert.match(line!.err!.stack, /disk on fire\n\s+at /);
  });

  it('at debug level, the line of every request carries its id', async () => {
    const lines: LogLine[] = [];
    const app = createApp({ registry: createRegistry(store), logger: capturingLogger('debug', lines) });
    await request(app).get('/schemas/types').set('X-Request-Id', 'debug-1').expect(200);
    const logged = lines.filter((line) => line.msg === 'request');
    assert.equal(logged.length, 1);
    assert.equal(logged[0]!.requestId, 'debug-1');
    assert.equal(logged[0]!.route, '/schemas/types');
  });
});
