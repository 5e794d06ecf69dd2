/**
 * Reserved fields (`confluent:reserved` in metadata, checked where
 * `validateFields` is on), as Confluent's `validateReservedFields` answers
 * them, over HTTP on SQLite and PostgreSQL, for each format's notion of a
 * top-level field: a conflicting field or a reserved name dropped from the
 * metadata fails registration (first versions included) and compatibility
 * checks as a compatibility error, 409 with 40901 and Confluent's messages;
 * metadata not sent is inherited; IMPORT mode and `force` skip the check;
 * `validateFields` off (the default) ignores it. With it on, a JSON Schema
 * root property starting `$$` is 42201.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { backends } from '../support/backends.js';
import { startTestServer, type TestServer } from '../support/registry-server.js';
import { call } from '../support/http-call.js';

const reserved = (names: string) => ({ properties: { 'confluent:reserved': names } });
const conflict = (name: string) => `The new schema has field that conflicts with the reserved field ${name}.`;
const removed = (name: string) => `The new schema has reserved field ${name} removed from its metadata which is present in the old schema's metadata.`;
const incompatible = (subject: string, details: string[]) => ({
  error_code: 40901,
  message: `Schema being registered is incompatible with an earlier schema for subject "${subject}", details: [${[...details, "{validateFields: 'true', compatibility: 'BACKWARD'}"].join(', ')}]`,
});

/** Per format: a schema with top-level fields `names`, and one where `secret` is present but not top-level. */
interface Format {
  schemaType: string;
  withFields(names: string[]): string;
  notTopLevel: string;
}

const FORMATS: Format[] = [
  {
    schemaType: 'AVRO',
    withFields: (names) =>
      JSON.stringify({
        type: 'record',
        name: 'Account',
        fields: names.map((name) => ({ name, type: ['null', 'string'], default: null })),
      }),
    // A field of a nested record is not top-level.
    notTopLevel: JSON.stringify({
      type: 'record',
      name: 'Account',
      fields: [
        { name: 'id', type: ['null', 'string'], default: null },
        { name: 'inner', type: ['null', { type: 'record', name: 'Inner', fields: [{ name: 'secret', type: 'string' }] }], default: null },
      ],
    }),
  },
  {
    schemaType: 'JSON',
    withFields: (names) =>
      JSON.stringify({ type: 'object', properties: Object.fromEntries(names.map((name) => [name, { type: 'string' }])), additionalProperties: false }),
    // Only the root `properties` count: not $defs, not allOf.
    notTopLevel: JSON.stringify({
      type: 'object',
      properties: { id: { type: 'string' } },
      allOf: [{ properties: { secret: { type: 'string' } } }],
      $defs: { other: { type: 'object', properties: { secret: { type: 'string' } } } },
    }),
  },
  {
    schemaType: 'PROTOBUF',
    withFields: (names) => `syntax = "proto3";\nmessage Account {\n${names.map((name, i) => `  string ${name} = ${i + 1};`).join('\n')}\n}\n`,
    // A oneof member and a nested message's field do not count; a field of any top-level message does (see the conflict case).
    notTopLevel: 'syntax = "proto3";\nmessage Account {\n  string id = 1;\n  oneof o {\n    string secret = 2;\n  }\n  message Inner {\n    string secret = 1;\n  }\n}\n',
  },
];

for (const backend of backends()) {
  describe(`reserved fields, ${backend.name}`, { skip: backend.skip }, () => {
    let server: TestServer;
    before(async () => {
      server = await startTestServer(backend);
    });
    after(() => server?.dispose());

    for (const format of FORMATS) {
      const type = format.schemaType;
      const register = (subject: string, schema: string, metadata?: unknown, query = '') =>
        call(server.url, 'POST', `/subjects/${subject}/versions${query}`, { schema, schemaType: type, ...(metadata !== undefined && { metadata }) });
      const validating = async (subject: string) =>
        assert.equal((await call(server.url, 'PUT', `/config/${subject}`, { compatibility: 'BACKWARD', validateFields: true })).status, 200);

      it(`${type}: a later version may not use a reserved name as a top-level field, nor drop it from its metadata`, async () => {
        const subject = `${type.toLowerCase()}-reserved-value`;
        await validating(subject);
        assert.equal((await register(subject, format.withFields(['id']), reserved('secret, , pin'))).status, 200);
        assert.deepEqual(await register(subject, format.withFields(['id', 'secret']), reserved('secret,pin')), {
          status: 409,
          body: incompatible(subject, [conflict('secret')]),
        });
        // Metadata not sent is the previous version's: the reserved names still hold.
        assert.deepEqual(await register(subject, format.withFields(['id', 'pin'])), { status: 409, body: incompatible(subject, [conflict('pin')]) });
        assert.deepEqual(await register(subject, format.withFields(['id', 'extra']), reserved('secret')), {
          status: 409,
          body: incompatible(subject, [removed('pin')]),
        });
        const check = await call(server.url, 'POST', `/compatibility/subjects/${subject}/versions/latest?verbose=true`, {
          schema: format.withFields(['id', 'secret']),
          schemaType: type,
          metadata: reserved('secret,pin'),
        });
        assert.deepEqual(check, { status: 200, body: { is_compatible: false, messages: [conflict('secret'), "{validateFields: 'true', compatibility: 'BACKWARD'}"] } });
        // Force skips the compatibility step, reserved fields with it.
        assert.equal((await register(subject, format.withFields(['id', 'secret']), reserved('secret,pin'), '?force=true')).status, 200);
      });

      it(`${type}: the first version is checked too; validateFields off ignores reserved names`, async () => {
        const first = `${type.toLowerCase()}-first-value`;
        await validating(first);
        assert.deepEqual(await register(first, format.withFields(['secret']), reserved('secret')), { status: 409, body: incompatible(first, [conflict('secret')]) });
        // A name that is present but not top-level is no conflict.
        const nested = `${type.toLowerCase()}-nested-value`;
        await validating(nested);
        assert.equal((await register(nested, format.notTopLevel, reserved('secret'))).status, 200);
        const unchecked = `${type.toLowerCase()}-unchecked-value`;
        assert.equal((await register(unchecked, format.withFields(['secret']), reserved('secret'))).status, 200);
      });

      it(`${type}: IMPORT mode skips the check`, async () => {
        const subject = `${type.toLowerCase()}-import-value`;
        await validating(subject);
        assert.equal((await call(server.url, 'PUT', `/mode/${subject}`, { mode: 'IMPORT' })).status, 200);
        const imported = await call(server.url, 'POST', `/subjects/${subject}/versions`, {
          schema: format.withFields(['secret', 'imported']),
          schemaType: type,
          metadata: reserved('secret'),
          // Descending, below the automatic ids that follow the previous format's import.
          id: 50_000 - 10_000 * FORMATS.indexOf(format),
          version: 1,
        });
        assert.equal(imported.status, 200, JSON.stringify(imported.body));
        assert.equal((await call(server.url, 'DELETE', `/mode/${subject}`)).status, 200);
      });
    }

    it('with validateFields on, a JSON Schema root property starting $$ is 42201', async () => {
      const subject = 'dollars-value';
      assert.equal((await call(server.url, 'PUT', `/config/${subject}`, { validateFields: true })).status, 200);
      const schema = JSON.stringify({ type: 'object', properties: { $$id: { type: 'string' } } });
      assert.deepEqual(await call(server.url, 'POST', `/subjects/${subject}/versions`, { schema, schemaType: 'JSON' }), {
        status: 422,
        body: { error_code: 42201, message: 'Field names cannot start with $$ prefix' },
      });
      assert.equal((await call(server.url, 'POST', '/subjects/dollars-unchecked-value/versions', { schema, schemaType: 'JSON' })).status, 200);
    });
  });
}
