/**
 * `GET /metrics` of the real server, scraped before and after a
 * registration, a refused (incompatible) registration and a delete: both
 * families move as they should — Confluent's names (what its JMX exporter
 * renders and its Grafana dashboard reads) and the `creg_` ones (requests by
 * route template, what the database holds, the schema cache, compatibility
 * verdicts, database calls). Many requests to random subjects add no label
 * value; the endpoint moves to a port of its own or behind a token; a
 * secured registry counts failed authentications and denials. On SQLite and
 * PostgreSQL.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { pino } from 'pino';
import { startServer, type RunningServer } from '../../cli/server.js';
import { hashPassword } from '../../security/passwords.js';
import { customerSchema, customerWithRequiredEmail } from '../support/avro-fixtures.js';
import { backends, sqlite, type FreshDatabase } from '../support/backends.js';
import { parsePrometheusText, sample } from '../support/prometheus-text.js';
import { basicAuthorization, send, startSecuredServer, type SecuredServer } from '../support/secured-registry.js';
import { call } from '../support/http-call.js';

async function scrape(base: string, headers: Record<string, string> = {}): Promise<Map<string, number>> {
  const res = await fetch(`${base}/metrics`, { headers });
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type') ?? '', /^text\/plain; version=0\.0\.4/);
  return parsePrometheusText(await res.text());
}

async function running(databaseUrl: string, metrics?: { port?: number; token?: string }): Promise<RunningServer> {
  return startServer({ port: 0, host: '127.0.0.1', databaseUrl, logger: pino({ level: 'silent' }), metrics });
}

for (const backend of backends()) {
  describe(`metrics, ${backend.name}`, { skip: backend.skip }, () => {
    let database: FreshDatabase;
    let server: RunningServer;
    before(async () => {
      database = await backend.freshDatabase();
      server = await running(database.url);
      assert.equal((await call(server.url, 'POST', '/subjects/customers-value/versions', { schema: customerSchema() })).status, 200);
    });
    after(async () => {
      await server?.close();
      await database?.dispose();
    });

    it('a registration, a refused registration and a delete move both families', async () => {
      const before = await scrape(server.url);
      const registered = await call(server.url, 'POST', '/subjects/customers-value/versions', { schema: customerSchema(1) });
      assert.equal(registered.status, 200);
      assert.equal((await call(server.url, 'POST', '/subjects/customers-value/versions', { schema: customerWithRequiredEmail })).status, 409);
      assert.equal((await call(server.url, 'DELETE', '/subjects/customers-value/versions/1')).status, 200);
      for (let i = 0; i < 3; i++) assert.equal((await call(server.url, 'GET', `/schemas/ids/${registered.body.id}`)).status, 200);
      const after = await scrape(server.url);
      const moved = (name: string, labels?: Record<string, string>) => sample(after, name, labels) - sample(before, name, labels);

      // Confluent's names. The first scrape, the registration, the delete and three reads answered 2xx; the 409 failed.
      assert.equal(moved('kafka_schema_registry_registered_count'), 1);
      assert.equal(moved('kafka_schema_registry_schemas_created', { schema_type: 'avro' }), 1);
      assert.equal(moved('kafka_schema_registry_schemas', { schema_type: 'avro' }), 1);
      assert.equal(moved('kafka_schema_registry_schemas', { schema_type: 'json' }), 0);
      assert.equal(moved('kafka_schema_registry_deleted_count'), 1);
      assert.equal(moved('kafka_schema_registry_schemas_deleted', { schema_type: 'avro' }), 1);
      assert.equal(moved('kafka_schema_registry_api_success_count'), 6);
      assert.equal(moved('kafka_schema_registry_api_failure_count'), 1);
      assert.equal(sample(after, 'kafka_schema_registry_master_slave_role'), 1);
      assert.equal(sample(after, 'kafka_schema_registry_node_count'), 1);
      assert.ok(sample(after, 'kafka_schema_registry_jersey_metrics_request_rate') > 0);
      const p99 = sample(after, 'kafka_schema_registry_jersey_metrics_request_latency_99');
      assert.ok(Number.isFinite(p99) && p99 > 0, `latency 99: ${p99}`);
      assert.ok(sample(after, 'kafka_schema_registry_jetty_metrics_connections_active') >= 1);

      // Our own.
      const requests = (method: string, route: string, status: string) => moved('creg_http_requests_total', { method, route, status });
      assert.equal(requests('POST', '/subjects/:subject/versions', '200'), 1);
      assert.equal(requests('POST', '/subjects/:subject/versions', '409'), 1);
      assert.equal(requests('DELETE', '/subjects/:subject/versions/:version', '200'), 1);
      assert.equal(requests('GET', '/schemas/ids/:id', '200'), 3, 'the fast path counts too');
      assert.equal(moved('creg_http_request_duration_seconds_count', { method: 'GET', route: '/schemas/ids/:id', status: '200' }), 3);
      assert.equal(moved('creg_compatibility_checks_total', { result: 'compatible' }), 1);
      assert.equal(moved('creg_compatibility_checks_total', { result: 'incompatible' }), 1);
      assert.equal(sample(after, 'creg_subject_versions', { schema_type: 'AVRO' }), 2);
      assert.equal(sample(after, 'creg_schemas', { schema_type: 'AVRO' }), 2);
      assert.equal(sample(after, 'creg_subjects'), 1);
      assert.ok(moved('creg_schema_cache_lookups_total', { result: 'hit' }) >= 2);
      assert.ok(sample(after, 'creg_schema_cache_entries') >= 1);
      const ratio = sample(after, 'creg_schema_cache_hit_ratio');
      assert.ok(ratio > 0 && ratio <= 1, `hit ratio ${ratio}`);
      assert.ok(moved('creg_db_query_duration_seconds_count', { operation: 'write' }) >= 2);
      if (backend.name === 'PostgreSQL') {
        assert.ok(sample(after, 'creg_db_pool_connections', { state: 'size' }) >= 1);
        assert.ok(sample(after, 'creg_db_pool_connections', { state: 'open' }) >= 1);
      }
      // The default process and Node metrics.
      assert.ok(after.has('process_cpu_seconds_total'));
      assert.ok(after.has('nodejs_heap_size_used_bytes'));
    });

    it('requests to many random subjects add no label value', async () => {
      const subjects = Array.from({ length: 200 }, () => `random-${randomUUID()}`);
      await call(server.url, 'GET', `/subjects/${subjects[0]}/versions`);
      const seriesBefore = [...(await scrape(server.url)).keys()].filter((key) => key.startsWith('creg_http_'));
      for (const subject of subjects) assert.equal((await call(server.url, 'GET', `/subjects/${subject}/versions`)).status, 404);
      const text = await (await fetch(`${server.url}/metrics`)).text();
      const seriesAfter = [...parsePrometheusText(text).keys()].filter((key) => key.startsWith('creg_http_'));
      assert.ok(!subjects.some((subject) => text.includes(subject)), 'no raw subject in a label');
      // The scrape itself is the only new series (GET /metrics, counted after its first answer).
      const added = seriesAfter.filter((key) => !seriesBefore.includes(key));
      assert.ok(added.every((key) => key.includes('route="/metrics"')), `new series: ${added.join('\n')}`);
      const after = parsePrometheusText(text);
      assert.ok(sample(after, 'creg_http_requests_total', { method: 'GET', route: '/subjects/:subject/versions', status: '404' }) >= 201);
    });
  });
}

describe('where /metrics is served', () => {
  it('on a port of its own: not on the main port, and only /metrics there', async () => {
    const database = await sqlite.freshDatabase();
    const server = await running(database.url, { port: 0 });
    try {
      assert.ok(server.metricsUrl);
      assert.equal((await fetch(`${server.url}/metrics`)).status, 404);
      assert.equal((await call(server.url, 'GET', '/subjects')).status, 200);
      const metrics = await scrape(server.metricsUrl);
      assert.equal(sample(metrics, 'kafka_schema_registry_master_slave_role'), 1);
      assert.equal((await fetch(`${server.metricsUrl}/subjects`)).status, 404);
    } finally {
      await server.close();
      await database.dispose();
    }
  });

  it('behind a token: 401 without it or with another', async () => {
    const database = await sqlite.freshDatabase();
    const server = await running(database.url, { token: 'scrape-secret' });
    try {
      const refused = await fetch(`${server.url}/metrics`);
      assert.equal(refused.status, 401);
      assert.deepEqual(await refused.json(), { error_code: 401, message: 'Unauthorized' });
      assert.equal((await fetch(`${server.url}/metrics`, { headers: { authorization: 'Bearer other' } })).status, 401);
      const metrics = await scrape(server.url, { authorization: 'Bearer scrape-secret' });
      assert.equal(sample(metrics, 'creg_http_requests_total', { method: 'GET', route: '/metrics', status: '401' }), 2);
    } finally {
      await server.close();
      await database.dispose();
    }
  });
});

describe('authentication metrics of a secured registry', () => {
  let server: SecuredServer;
  before(async () => {
    server = await startSecuredServer({
      users: [{ name: 'reader', passwordHash: await hashPassword('reader password') }],
      rules: [{ principals: ['reader'], operations: ['read'], subjectPrefixes: [''] }],
    });
  });
  after(() => server?.dispose());

  it('counts successes, failures by method, and denials by operation', async () => {
    const before = parsePrometheusText((await send(server.url, { path: '/metrics' })).body);
    const reader = basicAuthorization('reader', 'reader password');
    assert.equal((await send(server.url, { path: '/subjects', headers: { authorization: reader } })).status, 200);
    assert.equal((await send(server.url, { path: '/subjects', headers: { authorization: basicAuthorization('reader', 'wrong') } })).status, 401);
    assert.equal((await send(server.url, { method: 'DELETE', path: '/subjects/x', headers: { authorization: reader } })).status, 403);
    const after = parsePrometheusText((await send(server.url, { path: '/metrics' })).body);
    const moved = (name: string, labels: Record<string, string>) => sample(after, name, labels) - sample(before, name, labels);
    assert.equal(moved('creg_authentications_total', { method: 'basic', result: 'success' }), 2);
    assert.equal(moved('creg_authentications_total', { method: 'basic', result: 'failure' }), 1);
    assert.equal(moved('creg_authorization_denials_total', { operation: 'delete' }), 1);
  });
});
