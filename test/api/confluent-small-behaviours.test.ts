/**
 * Small behaviours where Confluent's answers were read from its source
 * (`confluent-parity-2.md` §4 and §7), over HTTP on SQLite and PostgreSQL:
 * paging limits (only `0 < limit ≤ max` honoured, anything else the
 * default), `schemaType` looked up case-sensitively, a lookup of an empty
 * schema answered as no match (404), rule enums bound before the rules are
 * validated (400, not 42210), and a Protobuf field moved out of a `oneof`
 * that stays incompatible, as in released versions.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { customerSchema } from '../support/avro-fixtures.js';
import { backends } from '../support/backends.js';
import { startTestServer, type TestServer } from '../support/registry-server.js';
import { call } from '../support/http-call.js';

const PROTO_IN_ONEOF = 'syntax = "proto3";\nmessage Contact {\n  string id = 1;\n  oneof channel {\n    string email = 2;\n    string phone = 3;\n  }\n}\n';
const PROTO_OUT_OF_ONEOF = 'syntax = "proto3";\nmessage Contact {\n  string id = 1;\n  string email = 2;\n  oneof channel {\n    string phone = 3;\n  }\n}\n';
const PROTO_ONEOF_GONE = 'syntax = "proto3";\nmessage Contact {\n  string id = 1;\n  string email = 2;\n  string phone = 3;\n}\n';

for (const backend of backends()) {
  describe(`Confluent's small behaviours, ${backend.name}`, { skip: backend.skip }, () => {
    let server: TestServer;
    const subjects = Array.from({ length: 3 }, (_, i) => `paged-${i}-value`);
    before(async () => {
      server = await startTestServer(backend);
      for (const [i, subject] of subjects.entries()) {
        assert.equal((await call(server.url, 'POST', `/subjects/${subject}/versions`, { schema: customerSchema(i) })).status, 200);
      }
    });
    after(() => server?.dispose());

    const limits: Array<[string, number]> = [
      ['limit=0', 3],
      ['limit=-1', 3],
      ['limit=2', 2],
      ['limit=1&offset=2', 1],
      ['limit=5000', 3],
      ['limit=99999999', 3],
    ];
    for (const [query, expected] of limits) {
      it(`${query}: only 0 < limit ≤ max is honoured, anything else is the default`, async () => {
        for (const path of ['/subjects', '/schemas']) {
          const answer = await call(server.url, 'GET', `${path}?${query}`);
          assert.equal(answer.status, 200);
          assert.equal(answer.body.length, expected, `${path}?${query}`);
        }
      });
    }

    it('a schema type in the wrong case is 42201 on register, lookup and compatibility', async () => {
      for (const [method, path] of [
        ['POST', '/subjects/paged-0-value/versions'],
        ['POST', '/subjects/paged-0-value'],
        ['POST', '/compatibility/subjects/paged-0-value/versions/latest'],
      ] as const) {
        const answer = await call(server.url, method, path, { schema: customerSchema(), schemaType: 'avro' });
        assert.equal(answer.status, 422, path);
        assert.deepEqual(answer.body, { error_code: 42201, message: 'Invalid schema type avro' }, path);
      }
      assert.equal((await call(server.url, 'POST', '/subjects/paged-0-value', { schema: customerSchema(), schemaType: 'AVRO' })).status, 200);
    });

    it('a lookup of an empty schema matches nothing: 40403, or 40401 for an unknown subject', async () => {
      for (const body of [{ schema: '' }, { schema: '   ' }, {}]) {
        assert.deepEqual(await call(server.url, 'POST', '/subjects/paged-0-value', body), {
          status: 404,
          body: { error_code: 40403, message: 'Schema not found' },
        });
      }
      assert.deepEqual(await call(server.url, 'POST', '/subjects/nobody-value', { schema: '' }), {
        status: 404,
        body: { error_code: 40401, message: "Subject 'nobody-value' not found." },
      });
      // Registering an empty schema re-registers the latest version; checking one is 42201.
      const again = await call(server.url, 'POST', '/subjects/paged-1-value/versions', { schema: '' });
      assert.equal(again.status, 200);
      assert.equal(again.body.version, 1);
      assert.deepEqual((await call(server.url, 'POST', '/compatibility/subjects/paged-1-value/versions/latest', { schema: '' })).body, {
        error_code: 42201,
        message: 'Empty schema',
      });
    });

    const unbound: Array<[string, Record<string, unknown>, string]> = [
      ['an unknown kind', { name: 'r', type: 'CEL', kind: 'FOO' }, 'RuleKind` from String "FOO": not one of the values accepted for Enum class: [TRANSFORM, CONDITION]'],
      ['a lower-case mode', { name: 'r', type: 'CEL', mode: 'write' }, 'RuleMode` from String "write": not one of the values accepted for Enum class: [UPGRADE, DOWNGRADE, UPDOWN, WRITE, READ, WRITEREAD]'],
    ];
    for (const [name, rule, message] of unbound) {
      it(`a rule with ${name} does not bind: 400 before any rule check`, async () => {
        const bodies: Array<[string, string, unknown]> = [
          ['POST', '/subjects/rules-value/versions', { schema: customerSchema(), ruleSet: { domainRules: [rule] } }],
          ['PUT', '/config/rules-value', { defaultRuleSet: { domainRules: [rule] } }],
          ['PUT', '/config', { overrideRuleSet: { domainRules: [rule] } }],
        ];
        for (const [method, path, body] of bodies) {
          const answer = await call(server.url, method, path, body);
          assert.equal(answer.status, 400, path);
          assert.equal(answer.body.error_code, 400, path);
          assert.ok(answer.body.message.endsWith(message), `${path}: ${answer.body.message}`);
        }
      });
    }

    it('a rule that binds but breaks the rules is still 42210', async () => {
      const answer = await call(server.url, 'POST', '/subjects/rules-value/versions', {
        schema: customerSchema(),
        ruleSet: { migrationRules: [{ name: 'r', type: 'CEL', mode: 'WRITE' }] },
      });
      assert.deepEqual(answer, { status: 422, body: { error_code: 42210, message: 'Migration rules can only be UPGRADE, DOWNGRADE, UPDOWN' } });
    });

    it('Protobuf: a field moved out of a surviving oneof is incompatible; the whole oneof dissolved is not', async () => {
      const subject = 'contact-value';
      assert.equal((await call(server.url, 'POST', `/subjects/${subject}/versions`, { schema: PROTO_IN_ONEOF, schemaType: 'PROTOBUF' })).status, 200);
      const moved = await call(server.url, 'POST', `/compatibility/subjects/${subject}/versions/latest?verbose=true`, {
        schema: PROTO_OUT_OF_ONEOF,
        schemaType: 'PROTOBUF',
      });
      assert.equal(moved.status, 200);
      assert.equal(moved.body.is_compatible, false, JSON.stringify(moved.body));
      assert.ok(moved.body.messages.some((m: string) => m.includes('ONEOF_FIELD_REMOVED')), JSON.stringify(moved.body.messages));
      const registered = await call(server.url, 'POST', `/subjects/${subject}/versions`, { schema: PROTO_OUT_OF_ONEOF, schemaType: 'PROTOBUF' });
      assert.equal(registered.status, 409);
      assert.equal(registered.body.error_code, 40901);
      const gone = await call(server.url, 'POST', `/compatibility/subjects/${subject}/versions/latest`, { schema: PROTO_ONEOF_GONE, schemaType: 'PROTOBUF' });
      assert.deepEqual(gone.body, { is_compatible: true });
    });
  });
}
