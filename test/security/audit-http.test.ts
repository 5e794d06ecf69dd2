/**
 * The audit trail of a secured registry, seen from outside: a registration,
 * a config change, a denied delete and a failed login each appear once in
 * the JSON lines (`--audit-log`) and once through
 * `GET /contract-registry/v1/audit`, identical in both and with every field
 * the issue names; the filters (subject, principal, time range) and the
 * paging answer what they say; reads are not recorded unless asked for; only
 * those granted `audit` may read the trail. On SQLite and PostgreSQL, with
 * the real server on a random port.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { AuditEvent } from '../../contracts/audit.js';
import { hashPassword, sha256Digest } from '../../security/passwords.js';
import { customerSchema } from '../support/avro-fixtures.js';
import { backends } from '../support/backends.js';
import { basicAuthorization, send, startSecuredServer, type HttpAnswer, type SecuredServer } from '../support/secured-registry.js';

const ADMIN = basicAuthorization('admin', 'admin password');
const WRITER = basicAuthorization('writer', 'writer password');
const AUDIT = '/contract-registry/v1/audit';

async function authFile() {
  return {
    users: [
      { name: 'admin', passwordHash: await hashPassword('admin password') },
      { name: 'writer', passwordHash: await hashPassword('writer password') },
    ],
    rules: [
      { principals: ['admin'], operations: ['read', 'write', 'delete', 'config_read', 'config_write'], subjectPrefixes: [''] },
      { principals: ['admin'], operations: ['config_read', 'config_write', 'audit'], global: true },
      { principals: ['writer'], operations: ['read', 'write'], subjectPrefixes: ['orders-'] },
    ],
  };
}

const json = (answer: HttpAnswer) => JSON.parse(answer.body) as any;

/** The audit records of the JSON lines file, once every one of `requestIds` is there. */
async function jsonLines(server: SecuredServer, requestIds: string[]): Promise<AuditEvent[]> {
  for (let i = 0; ; i++) {
    const text = await readFile(join(server.dir, 'audit.jsonl'), 'utf8').catch(() => '');
    const events = text.split('\n').filter(Boolean).map((line) => JSON.parse(line) as AuditEvent);
    if (requestIds.every((id) => events.some((event) => event.requestId === id))) return events;
    if (i === 250) assert.fail(`the JSON lines lack ${requestIds.filter((id) => !events.some((e) => e.requestId === id))}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** `GET /contract-registry/v1/audit?query` as the admin, once the stored records include every one of `requestIds`. */
async function stored(server: SecuredServer, query: string, requestIds: string[] = []): Promise<AuditEvent[]> {
  for (let i = 0; ; i++) {
    const answer = await send(server.url, { path: `${AUDIT}?${query}`, headers: { authorization: ADMIN } });
    assert.equal(answer.status, 200, answer.body);
    const events = json(answer) as AuditEvent[];
    if (requestIds.every((id) => events.some((event) => event.requestId === id))) return events;
    if (i === 250) assert.fail(`the audit table lacks ${requestIds.filter((id) => !events.some((e) => e.requestId === id))}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

for (const backend of backends()) {
  describe(`audit trail over HTTP, ${backend.name}`, { skip: backend.skip }, () => {
    let server: SecuredServer;
    const call = (requestId: string, method: string, path: string, authorization: string, body?: unknown) =>
      send(server.url, { method, path, headers: { ...(authorization ? { authorization } : {}), 'x-request-id': requestId }, json: body });
    let first: { id: number; schema: string };
    let second: { id: number };
    let started = 0;

    before(async () => {
      server = await startSecuredServer(await authFile(), backend);
      started = Date.now();
      const v1 = await call('register-1', 'POST', '/subjects/orders-value/versions', WRITER, { schema: customerSchema() });
      assert.equal(v1.status, 200, v1.body);
      first = { id: json(v1).id, schema: json(await send(server.url, { path: `/schemas/ids/${json(v1).id}`, headers: { authorization: WRITER } })).schema };
      const v2 = await call('register-2', 'POST', '/subjects/orders-value/versions', WRITER, { schema: customerSchema(1) });
      assert.equal(v2.status, 200, v2.body);
      second = json(v2);
      assert.equal((await call('read-1', 'GET', '/subjects/orders-value/versions', WRITER)).status, 200);
      assert.equal((await call('config-1', 'PUT', '/config/orders-value', ADMIN, { compatibility: 'FULL' })).status, 200);
      assert.equal((await call('config-2', 'PUT', '/config/orders-value', ADMIN, { compatibility: 'NONE' })).status, 200);
      assert.equal((await call('delete-1', 'DELETE', '/subjects/orders-value', WRITER)).status, 403);
      assert.equal((await call('login-1', 'GET', '/subjects', basicAuthorization('writer', 'not the password'))).status, 401);
    });
    after(() => server?.dispose());

    const ids = ['register-1', 'register-2', 'config-1', 'config-2', 'delete-1', 'login-1'];

    it('each change, denial and failed login is one JSON line with every field', async () => {
      const lines = await jsonLines(server, ids);
      const byRequest = (id: string) => {
        const found = lines.filter((event) => event.requestId === id);
        assert.equal(found.length, 1, `${id}: ${found.length} lines`);
        return found[0]!;
      };
      for (const event of lines) {
        assert.match(event.id, /^[0-9a-f-]{36}$/);
        assert.ok(event.at >= started && event.at <= Date.now(), `${event.requestId} at ${event.at}`);
        assert.match(event.source, /127\.0\.0\.1$/);
      }
      const registration = byRequest('register-2');
      assert.deepEqual(strip(registration), {
        requestId: 'register-2',
        principal: 'writer',
        authMethod: 'basic',
        method: 'POST',
        path: '/subjects/orders-value/versions',
        operation: 'write',
        resource: 'Subject:orders-value',
        subject: 'orders-value',
        outcome: 'success',
        status: 200,
        schemaId: second.id,
        version: 2,
        beforeHash: sha256Digest(first.schema),
        afterHash: registration.afterHash,
      });
      assert.match(registration.afterHash!, /^sha256:[0-9a-f]{64}$/);
      assert.notEqual(registration.afterHash, registration.beforeHash);
      const newSubject = byRequest('register-1');
      assert.equal(newSubject.version, 1);
      assert.equal(newSubject.schemaId, first.id);
      assert.equal(newSubject.beforeHash, undefined, 'a new subject had nothing before');
      assert.equal(newSubject.afterHash, sha256Digest(first.schema));

      const [config, reconfig] = [byRequest('config-1'), byRequest('config-2')];
      assert.deepEqual(
        { principal: config.principal, operation: config.operation, resource: config.resource, outcome: config.outcome, status: config.status },
        { principal: 'admin', operation: 'config_write', resource: 'Subject:orders-value', outcome: 'success', status: 200 },
      );
      assert.equal(config.beforeHash, undefined, 'the subject had no config of its own before');
      assert.match(config.afterHash!, /^sha256:[0-9a-f]{64}$/);
      assert.equal(reconfig.beforeHash, config.afterHash, 'one change’s after is the next one’s before');
      assert.notEqual(reconfig.afterHash, reconfig.beforeHash);

      assert.deepEqual(strip(byRequest('delete-1')), {
        requestId: 'delete-1',
        principal: 'writer',
        authMethod: 'basic',
        method: 'DELETE',
        path: '/subjects/orders-value',
        operation: 'delete',
        resource: 'Subject:orders-value',
        subject: 'orders-value',
        outcome: 'denied',
        status: 403,
        reason: 'User is denied operation Delete on Subject: orders-value',
      });
      const login = byRequest('login-1');
      assert.deepEqual(strip(login), {
        requestId: 'login-1',
        principal: 'writer',
        authMethod: 'basic',
        method: 'GET',
        path: '/subjects',
        operation: 'authenticate',
        resource: 'Global',
        outcome: 'unauthenticated',
        status: 401,
        reason: login.reason,
      });
      assert.doesNotMatch(login.reason!, /not the password/, 'the password is never recorded');
      assert.ok(!lines.some((event) => event.requestId === 'read-1'), 'reads are not audited by default');
    });

    it('the table holds the same records, each once, in order', async () => {
      const lines = await jsonLines(server, ids);
      const events = await stored(server, '', ids);
      for (const id of ids) {
        const found = events.filter((event) => event.requestId === id);
        assert.equal(found.length, 1, id);
        const { seq, ...record } = found[0]!;
        assert.ok(Number.isInteger(seq));
        assert.deepEqual(record, lines.find((event) => event.requestId === id));
      }
      const seqs = events.map((event) => event.seq!);
      assert.deepEqual(seqs, [...seqs].sort((a, b) => a - b));
      assert.equal(new Set(seqs).size, seqs.length);
    });

    it('filters by subject, principal and time, and pages', async () => {
      const all = await stored(server, '', ids);
      const requests = (events: AuditEvent[]) => events.map((event) => event.requestId).filter((id) => ids.includes(id));
      assert.deepEqual(requests(await stored(server, 'subject=orders-value')), ['register-1', 'register-2', 'config-1', 'config-2', 'delete-1']);
      assert.deepEqual(await stored(server, 'subject=payments-value'), []);
      assert.deepEqual(requests(await stored(server, 'principal=writer')), ['register-1', 'register-2', 'delete-1', 'login-1']);
      assert.deepEqual(requests(await stored(server, 'principal=admin')), ['config-1', 'config-2']);

      const at = (id: string) => all.find((event) => event.requestId === id)!.at;
      const window = await stored(server, `from=${new Date(at('config-1')).toISOString()}&to=${at('login-1')}`);
      assert.ok(window.every((event) => event.at >= at('config-1') && event.at < at('login-1')));
      assert.ok(requests(window).includes('config-1') && !requests(window).includes('login-1'));
      assert.deepEqual(requests(await stored(server, `from=${at('login-1') + 1}`)), []);

      const paged: AuditEvent[] = [];
      for (let after: number | undefined; ; ) {
        const page = await stored(server, `limit=2${after === undefined ? '' : `&after=${after}`}`);
        assert.ok(page.length <= 2);
        if (page.length === 0) break;
        paged.push(...page);
        after = page.at(-1)!.seq;
      }
      assert.deepEqual(paged.slice(0, all.length), all);
    });

    it('only callers granted audit read the trail; bad filters are 400', async () => {
      const denied = await call('audit-denied', 'GET', AUDIT, WRITER);
      assert.equal(denied.status, 403);
      assert.deepEqual(json(denied), { error_code: 40301, message: 'User is denied operation ReadAudit on Global' });
      assert.equal((await call('audit-anonymous', 'GET', AUDIT, '')).status, 401);
      const recorded = await stored(server, 'principal=writer', ['audit-denied']);
      assert.equal(recorded.find((event) => event.requestId === 'audit-denied')!.outcome, 'denied');
      for (const query of ['from=yesterday', 'limit=-1', 'after=x']) {
        const answer = await send(server.url, { path: `${AUDIT}?${query}`, headers: { authorization: ADMIN } });
        assert.equal(answer.status, 400, query);
        assert.equal(json(answer).error_code, 400, query);
      }
    });
  });
}

/** An event without the fields that differ from run to run (id, time, source, seq). */
function strip(event: AuditEvent): Partial<AuditEvent> {
  const { id: _id, at: _at, source: _source, seq: _seq, ...rest } = event;
  return rest;
}
