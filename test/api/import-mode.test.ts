/**
 * IMPORT as a migration from another registry uses it (`confluent-parity-2.md`
 * §5), over HTTP on SQLite and PostgreSQL, in the default context: ids
 * imported out of order, one id into several subjects, one content under a
 * second id, explicit versions with gaps and out of order; an id freed by a
 * permanent delete imported again with other content; then READWRITE, where
 * the next automatic id is the highest plus one; `fetchMaxId`; and the
 * switch to IMPORT itself, refused over live subjects, clearing soft-deleted
 * versions (42206 when one is referenced), unless `force`.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { backends } from '../support/backends.js';
import { startTestServer, type TestServer } from '../support/registry-server.js';
import { call } from '../support/http-call.js';

const record = (name: string) => JSON.stringify({ type: 'record', name, fields: [{ name: 'id', type: 'string' }] });

for (const backend of backends()) {
  describe(`IMPORT mode, ${backend.name}`, { skip: backend.skip }, () => {
    let server: TestServer;
    const api = (method: string, path: string, body?: unknown) => call(server.url, method, path, body);
    const importing = (subject: string, schema: string, id: number, version: number) =>
      api('POST', `/subjects/${subject}/versions`, { schema, id, version });
    before(async () => {
      server = await startTestServer(backend);
    });
    after(() => server?.dispose());

    it('a migration: ids out of order, shared ids and contents, versions with gaps; a freed id reused; then automatic ids go on from the highest', async () => {
      assert.deepEqual(await api('PUT', '/mode', { mode: 'IMPORT' }), { status: 200, body: { mode: 'IMPORT' } });
      const imports: Array<[string, string, number, number]> = [
        ['orders-value', record('Order'), 100, 3],
        ['orders-value', record('OrderV1'), 7, 1],
        ['payments-value', record('Order'), 100, 1],
        ['payments-value', record('Payment'), 250, 5],
        // The same content as id 100, under an id of its own.
        ['refunds-value', record('Order'), 180, 2],
      ];
      for (const [subject, schema, id, version] of imports) {
        const answer = await importing(subject, schema, id, version);
        assert.equal(answer.status, 200, JSON.stringify(answer.body));
        assert.deepEqual([answer.body.id, answer.body.version], [id, version]);
      }
      assert.deepEqual((await api('GET', '/subjects/orders-value/versions')).body, [1, 3]);
      assert.deepEqual((await api('GET', '/subjects/payments-value/versions')).body, [1, 5]);
      assert.deepEqual((await api('GET', '/schemas/ids/100/subjects')).body, ['orders-value', 'payments-value']);
      assert.deepEqual((await api('GET', '/schemas/ids/180/versions')).body, [{ subject: 'refunds-value', version: 2 }]);
      assert.equal((await api('GET', '/schemas/ids/180')).body.schema, record('Order'));
      assert.equal((await api('GET', '/schemas/ids/7?fetchMaxId=true')).body.maxId, 250);

      // An id held by other content is refused; by the same content, it is the same registration.
      assert.deepEqual(await importing('others-value', record('Other'), 250, 1), {
        status: 422,
        body: { error_code: 42205, message: 'Overwrite new schema with id 250 in context . is not permitted.' },
      });
      assert.equal((await importing('payments-value', record('Payment'), 250, 5)).status, 200);

      // Freed by a permanent delete, id 250 takes other content.
      assert.equal((await api('DELETE', '/subjects/payments-value/versions/5')).status, 200);
      assert.equal((await api('DELETE', '/subjects/payments-value/versions/5?permanent=true')).status, 200);
      assert.equal((await api('GET', '/schemas/ids/250')).status, 404);
      const reused = await importing('others-value', record('Other'), 250, 1);
      assert.equal(reused.status, 200, JSON.stringify(reused.body));
      assert.equal((await api('GET', '/schemas/ids/250')).body.schema, record('Other'));

      assert.deepEqual(await api('PUT', '/mode', { mode: 'READWRITE' }), { status: 200, body: { mode: 'READWRITE' } });
      const automatic = await api('POST', '/subjects/fresh-value/versions', { schema: record('Fresh') });
      assert.deepEqual([automatic.body.id, automatic.body.version], [251, 1]);
      const next = await api('POST', '/subjects/orders-value/versions', { schema: record('Order'), id: 300 });
      assert.deepEqual(next.body, { error_code: 42205, message: 'Subject orders-value in context . is not in import mode' });
    });

    it('the switch to IMPORT: refused over live subjects, clears soft-deleted versions (42206 when referenced), unless force', async () => {
      const scope = 'switch-value';
      assert.equal((await api('POST', `/subjects/${scope}/versions`, { schema: record('Switch') })).status, 200);
      assert.deepEqual(await api('PUT', `/mode/${scope}`, { mode: 'IMPORT' }), {
        status: 422,
        body: { error_code: 42205, message: 'Cannot import since found existing subjects' },
      });
      assert.equal((await api('DELETE', `/subjects/${scope}`)).status, 200);
      assert.deepEqual(await api('PUT', `/mode/${scope}`, { mode: 'IMPORT' }), { status: 200, body: { mode: 'IMPORT' } });
      // The soft-deleted version went for good: even deleted=true finds nothing.
      assert.equal((await api('GET', `/subjects/${scope}/versions?deleted=true`)).body.error_code, 40401);
      assert.equal((await api('DELETE', `/mode/${scope}`)).status, 200);

      // A soft-deleted version something references cannot be cleared.
      const referenced = 'referenced-value';
      const user = 'referrer-value';
      assert.equal((await api('POST', `/subjects/${referenced}/versions`, { schema: record('Shared') })).status, 200);
      const referrer = JSON.stringify({ type: 'record', name: 'User', fields: [{ name: 'shared', type: 'Shared' }] });
      const registered = await api('POST', `/subjects/${user}/versions`, { schema: referrer, references: [{ name: 'Shared', subject: referenced, version: 1 }] });
      assert.equal(registered.status, 200, JSON.stringify(registered.body));
      assert.equal((await api('DELETE', `/subjects/${user}`)).status, 200);
      assert.equal((await api('DELETE', `/subjects/${referenced}`)).status, 200);
      const blocked = await api('PUT', `/mode/${referenced}`, { mode: 'IMPORT' });
      assert.equal(blocked.status, 422);
      assert.equal(blocked.body.error_code, 42206);
      // force skips both the emptiness check and the clearing.
      assert.equal((await api('POST', '/subjects/live-value/versions', { schema: record('Live') })).status, 200);
      assert.deepEqual(await api('PUT', '/mode/live-value?force=true', { mode: 'IMPORT' }), { status: 200, body: { mode: 'IMPORT' } });
      assert.deepEqual((await api('GET', '/subjects/live-value/versions')).body, [1]);
    });
  });
}
