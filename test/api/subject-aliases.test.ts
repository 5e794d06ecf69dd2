/**
 * Subject aliases (`confluent-parity-2.md` §2), over HTTP on SQLite and
 * PostgreSQL: `alias` in a subject's config, resolved exactly where
 * Confluent's `AliasFilter` resolves it — a table over the routes, each
 * answering through the alias what it answers for the target — and not
 * where it does not (`/config`, `/mode`, the subject list); one hop; and
 * `GET /schemas?aliases=true` listing the targets' schemas with their aliases.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { customerSchema } from '../support/avro-fixtures.js';
import { backends } from '../support/backends.js';
import { startTestServer, type TestServer } from '../support/registry-server.js';
import { call } from '../support/http-call.js';

const TARGET = 'orders-value';
const ALIAS = 'legacy-orders';

/** [method, path with {s} for the subject, body]: answered the same through the alias as for the target. */
const RESOLVED: Array<[string, string, unknown?]> = [
  ['GET', '/subjects/{s}/versions'],
  ['GET', '/subjects/{s}/versions/latest'],
  ['GET', '/subjects/{s}/versions/1'],
  ['GET', '/subjects/{s}/versions/1/schema'],
  ['GET', '/subjects/{s}/versions/1/referencedby'],
  ['POST', '/subjects/{s}', { schema: customerSchema() }],
  ['GET', '/subjects/{s}/metadata?key=team&value=orders'],
  ['POST', '/compatibility/subjects/{s}/versions/latest', { schema: customerSchema(1) }],
  ['POST', '/compatibility/subjects/{s}/versions', { schema: customerSchema(1) }],
  ['GET', '/schemas/ids/1?subject={s}'],
  ['GET', '/schemas/ids/1/subjects?subject={s}'],
  ['GET', '/schemas/ids/1/versions?subject={s}'],
];

for (const backend of backends()) {
  describe(`subject aliases, ${backend.name}`, { skip: backend.skip }, () => {
    let server: TestServer;
    const api = (method: string, path: string, body?: unknown) => call(server.url, method, path, body);
    before(async () => {
      server = await startTestServer(backend);
      const registered = await api('POST', `/subjects/${TARGET}/versions`, { schema: customerSchema(), metadata: { properties: { team: 'orders' } } });
      assert.equal(registered.status, 200, JSON.stringify(registered.body));
      assert.deepEqual(await api('PUT', `/config/${ALIAS}`, { alias: TARGET }), { status: 200, body: { alias: TARGET } });
    });
    after(() => server?.dispose());

    for (const [method, template, body] of RESOLVED) {
      it(`resolved: ${method} ${template}`, async () => {
        const through = await api(method, template.replace('{s}', ALIAS), body);
        const direct = await api(method, template.replace('{s}', TARGET), body);
        assert.equal(direct.status, 200, JSON.stringify(direct.body));
        assert.deepEqual(through, direct);
      });
    }

    it('not resolved: /config and /mode name the alias itself, the list shows no alias', async () => {
      assert.deepEqual((await api('GET', `/config/${ALIAS}`)).body, { compatibilityLevel: 'BACKWARD', alias: TARGET });
      assert.equal((await api('GET', `/mode/${ALIAS}`)).body.error_code, 40409);
      assert.deepEqual((await api('GET', '/subjects')).body, [TARGET]);
    });

    it('a registration through the alias lands on the target; so does a delete', async () => {
      const registered = await api('POST', `/subjects/${ALIAS}/versions`, { schema: customerSchema(1) });
      assert.equal(registered.status, 200, JSON.stringify(registered.body));
      assert.equal(registered.body.version, 2);
      assert.deepEqual((await api('GET', `/subjects/${TARGET}/versions`)).body, [1, 2]);
      assert.equal((await api('GET', `/subjects/${ALIAS}/versions?deleted=true`)).status, 200);
      assert.deepEqual(await api('DELETE', `/subjects/${ALIAS}/versions/2`), { status: 200, body: 2 });
      assert.deepEqual((await api('GET', `/subjects/${TARGET}/versions`)).body, [1]);
    });

    it('one hop only: an alias of an alias reaches the first alias, which holds nothing', async () => {
      assert.equal((await api('PUT', '/config/older-orders', { alias: ALIAS })).status, 200);
      assert.deepEqual(await api('GET', '/subjects/older-orders/versions'), {
        status: 404,
        body: { error_code: 40401, message: `Subject '${ALIAS}' not found.` },
      });
    });

    it('GET /schemas?aliases=true lists the targets of matching aliases, each entry with its aliases', async () => {
      const plain = await api('GET', '/schemas?subjectPrefix=legacy');
      assert.deepEqual(plain.body, []);
      const withAliases = await api('GET', '/schemas?subjectPrefix=legacy&aliases=true');
      assert.equal(withAliases.status, 200);
      assert.deepEqual(
        withAliases.body.map((s: { subject: string; version: number; aliases?: string[] }) => [s.subject, s.version, s.aliases]),
        [[TARGET, 1, [ALIAS]]],
      );
      const all = await api('GET', '/schemas?aliases=true');
      assert.deepEqual(all.body.find((s: { subject: string }) => s.subject === TARGET).aliases, [ALIAS]);
    });

    it('clearing the alias (null) ends the resolution', async () => {
      assert.equal((await api('PUT', `/config/${ALIAS}`, { alias: null })).status, 200);
      assert.equal((await api('GET', `/subjects/${ALIAS}/versions`)).body.error_code, 40401);
    });
  });
}
