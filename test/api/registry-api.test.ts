/**
 * The registry's HTTP API driven over real HTTP with supertest: registration,
 * versions, lookups, schemas by id and guid, references, deletes, config and
 * mode, as Confluent's RestApiTest exercises them; on each backend.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import request from 'supertest';
import { addressSchema, customerSchema, customerWithAddress, customerWithRequiredEmail } from '../support/avro-fixtures.js';
import { backends } from '../support/backends.js';
import { startTestServer, type TestServer } from '../support/registry-server.js';

const V1 = 'application/vnd.schemaregistry.v1+json';
let server: TestServer;
const api = () => request(server.url);
const post = (path: string, body: unknown) => api().post(path).set('Content-Type', V1).send(JSON.stringify(body));
const put = (path: string, body: unknown) => api().put(path).set('Content-Type', V1).send(JSON.stringify(body));

for (const backend of backends()) {
  describe(backend.name, { skip: backend.skip }, () => {
    before(async () => {
      server = await startTestServer(backend);
    });
    after(async () => {
      await server?.dispose();
    });

    describe('register and read versions', () => {
      test('registers a first version and answers the full RegisterSchemaResponse', async () => {
        const res = await post('/subjects/customer-value/versions', { schema: customerSchema() }).expect(200);
        assert.equal(res.headers['content-type'], V1);
        assert.equal(res.body.id, 1);
        assert.equal(res.body.version, 1);
        assert.equal(res.body.schemaType, 'AVRO');
        assert.match(res.body.guid, /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
        assert.equal(res.body.schema, customerSchema());
        assert.equal(typeof res.body.ts, 'number');
      });

      test('registering the same schema again is idempotent, even with other whitespace', async () => {
        const pretty = JSON.stringify(JSON.parse(customerSchema()), null, 2);
        const res = await post('/subjects/customer-value/versions', { schema: pretty }).expect(200);
        assert.deepEqual([res.body.id, res.body.version], [1, 1]);
      });

      test('a compatible change becomes version 2 with a new id', async () => {
        const res = await post('/subjects/customer-value/versions', { schema: customerSchema(1) }).expect(200);
        assert.deepEqual([res.body.id, res.body.version], [2, 2]);
      });

      test('the same schema under another subject keeps its id', async () => {
        const res = await post('/subjects/customer-copy/versions', { schema: customerSchema(1) }).expect(200);
        assert.deepEqual([res.body.id, res.body.version], [2, 1]);
      });

      test('an incompatible change is 409 with error code 40901 and the reason', async () => {
        const res = await post('/subjects/customer-value/versions', { schema: customerWithRequiredEmail }).expect(409);
        assert.equal(res.body.error_code, 40901);
        assert.match(res.body.message, /^Schema being registered is incompatible with an earlier schema for subject "customer-value", details: \[/);
        assert.match(res.body.message, /READER_FIELD_MISSING_DEFAULT_VALUE/);
        assert.match(res.body.message, /email/);
      });

      test('versions are listed, and latest / -1 / a number read one', async () => {
        assert.deepEqual((await api().get('/subjects/customer-value/versions').expect(200)).body, [1, 2]);
        for (const ref of ['latest', '-1', '2', ' LATEST ']) {
          const res = await api().get(`/subjects/customer-value/versions/${encodeURIComponent(ref)}`).expect(200);
          assert.equal(res.body.version, 2, ref);
          assert.equal(res.body.subject, 'customer-value');
          assert.equal(res.body.id, 2);
          assert.equal(res.body.deleted, false);
        }
        const raw = await api().get('/subjects/customer-value/versions/1/schema').expect(200);
        assert.equal(raw.text, customerSchema());
      });

      test('subjects are listed sorted', async () => {
        assert.deepEqual((await api().get('/subjects').expect(200)).body, ['customer-copy', 'customer-value']);
        assert.deepEqual((await api().get('/subjects?subjectPrefix=customer-v').expect(200)).body, ['customer-value']);
      });

      test('compare-and-set: an explicit version must be the next one', async () => {
        const wrong = await post('/subjects/cas/versions', { schema: customerSchema(), version: 2 }).expect(422);
        assert.equal(wrong.body.error_code, 42201);
        assert.equal(wrong.body.message, 'Version is not one more than previous version');
        const right = await post('/subjects/cas/versions', { schema: customerSchema(), version: 1 }).expect(200);
        assert.equal(right.body.version, 1);
        assert.equal(right.body.metadata.properties['confluent:version'], '1');
      });

      test('an empty schema re-registers the latest one with new metadata', async () => {
        await post('/subjects/meta/versions', { schema: customerSchema() }).expect(200);
        const res = await post('/subjects/meta/versions', { metadata: { properties: { owner: 'crm' } } }).expect(200);
        assert.equal(res.body.version, 2);
        assert.equal(res.body.schema, customerSchema());
        assert.deepEqual(res.body.metadata, { properties: { owner: 'crm' } });
        const found = await api().get('/subjects/meta/metadata?key=owner&value=crm').expect(200);
        assert.equal(found.body.version, 2);
        await api().get('/subjects/meta/metadata?key=owner&value=billing').expect(404);
      });
    });

    describe('lookups', () => {
      test('POST /subjects/{s} finds a registered schema', async () => {
        const res = await post('/subjects/customer-value', { schema: customerSchema(1) }).expect(200);
        assert.deepEqual([res.body.subject, res.body.version, res.body.id], ['customer-value', 2, 2]);
      });

      test('a schema not under the subject is 40403, an unknown subject 40401', async () => {
        assert.equal((await post('/subjects/customer-value', { schema: customerSchema(5) }).expect(404)).body.error_code, 40403);
        assert.equal((await post('/subjects/nobody', { schema: customerSchema() }).expect(404)).body.error_code, 40401);
      });

      test('schemas by id, with the subjects and versions that use them', async () => {
        const byId = await api().get('/schemas/ids/2').expect(200);
        assert.equal(byId.body.schema, customerSchema(1));
        assert.equal(byId.body.schemaType, 'AVRO');
        assert.equal(byId.body.deleted, false);
        assert.equal(typeof byId.body.ts, 'number');
        assert.equal(byId.body.subject, undefined);
        const withSubject = await api().get('/schemas/ids/2?subject=customer-copy').expect(200);
        assert.deepEqual([withSubject.body.subject, withSubject.body.version], ['customer-copy', 1]);
        assert.equal((await api().get('/schemas/ids/2/schema').expect(200)).text, customerSchema(1));
        assert.deepEqual((await api().get('/schemas/ids/2/subjects').expect(200)).body, ['customer-copy', 'customer-value']);
        assert.deepEqual((await api().get('/schemas/ids/2/versions').expect(200)).body, [
          { subject: 'customer-copy', version: 1 },
          { subject: 'customer-value', version: 2 },
        ]);
        assert.equal((await api().get('/schemas/ids/999').expect(404)).body.error_code, 40403);
        // Past Java's int range the id is no id at all (JAX-RS answers 404), never a database error.
        for (const path of ['/schemas/ids/2147483648', '/schemas/ids/9999999999/schema', '/schemas/ids/2147483648/subjects', '/schemas/ids/-2147483649/versions']) {
          assert.equal((await api().get(path).expect(404)).body.error_code, 404, path);
        }
        assert.equal((await api().get('/schemas/ids/1?fetchMaxId=true').expect(200)).body.maxId >= 2, true);
      });

      test('schemas by guid', async () => {
        const { guid } = (await api().get('/subjects/customer-value/versions/1').expect(200)).body;
        const res = await api().get(`/schemas/guids/${guid}`).expect(200);
        assert.equal(res.body.schema, customerSchema());
        assert.deepEqual((await api().get(`/schemas/guids/${guid}/ids`).expect(200)).body, [{ context: '.', id: 1 }]);
        assert.equal((await api().get('/schemas/guids/00000000-0000-0000-0000-000000000000').expect(404)).body.error_code, 40403);
      });

      test('GET /schemas lists versions; latestOnly keeps one per subject', async () => {
        const all = (await api().get('/schemas?subjectPrefix=customer').expect(200)).body;
        assert.deepEqual(all.map((s: { subject: string; version: number }) => `${s.subject}@${s.version}`), [
          'customer-copy@1',
          'customer-value@1',
          'customer-value@2',
        ]);
        const latest = (await api().get('/schemas?subjectPrefix=customer&latestOnly=true').expect(200)).body;
        assert.equal(latest.length, 2);
      });

      test('schema types lists the formats this registry reads', async () => {
        const types = (await api().get('/schemas/types').expect(200)).body;
        assert.ok(types.includes('AVRO'));
      });
    });

    describe('references', () => {
      test('a schema can use a type registered under another subject', async () => {
        await post('/subjects/address/versions', { schema: addressSchema }).expect(200);
        const res = await post('/subjects/customer-with-address/versions', {
          schema: customerWithAddress,
          references: [{ name: 'com.example.Address', subject: 'address', version: 1 }],
        }).expect(200);
        assert.deepEqual(res.body.references, [{ name: 'com.example.Address', subject: 'address', version: 1 }]);
        const referrers = (await api().get('/subjects/address/versions/1/referencedby').expect(200)).body;
        assert.deepEqual(referrers, [res.body.id]);
      });

      test('a missing reference is 42201', async () => {
        const res = await post('/subjects/broken/versions', {
          schema: customerWithAddress,
          references: [{ name: 'com.example.Address', subject: 'address', version: 7 }],
        }).expect(422);
        assert.equal(res.body.error_code, 42201);
      });

      test('a referenced version cannot be deleted (42206)', async () => {
        const res = await api().delete('/subjects/address/versions/1').expect(422);
        assert.equal(res.body.error_code, 42206);
      });
    });

    describe('deletes', () => {
      test('soft delete of a version hides it but keeps its id readable and its number used', async () => {
        await post('/subjects/deletions/versions', { schema: customerSchema() }).expect(200);
        await post('/subjects/deletions/versions', { schema: customerSchema(1) }).expect(200);
        assert.equal((await api().delete('/subjects/deletions/versions/2').expect(200)).body, 2);
        assert.deepEqual((await api().get('/subjects/deletions/versions').expect(200)).body, [1]);
        assert.deepEqual((await api().get('/subjects/deletions/versions?deletedAsNegative=true').expect(200)).body, [1, -2]);
        assert.deepEqual((await api().get('/subjects/deletions/versions?deletedOnly=true').expect(200)).body, [2]);
        assert.equal((await api().get('/subjects/deletions/versions/2').expect(404)).body.error_code, 40402);
        assert.equal((await api().get('/subjects/deletions/versions/2?deleted=true').expect(200)).body.deleted, true);
        await api().get('/schemas/ids/2').expect(200);
        assert.equal((await api().delete('/subjects/deletions/versions/2').expect(404)).body.error_code, 40406);
      });

      test('hard delete needs a soft delete first', async () => {
        assert.equal((await api().delete('/subjects/deletions/versions/1?permanent=true').expect(404)).body.error_code, 40407);
        assert.equal((await api().delete('/subjects/deletions/versions/2?permanent=true').expect(200)).body, 2);
        assert.deepEqual((await api().get('/subjects/deletions/versions?deleted=true').expect(200)).body, [1]);
      });

      test('a soft-deleted subject is hidden, keeps numbering, and re-registering continues after it', async () => {
        await post('/subjects/gone/versions', { schema: customerSchema() }).expect(200);
        await post('/subjects/gone/versions', { schema: customerSchema(1) }).expect(200);
        assert.deepEqual((await api().delete('/subjects/gone').expect(200)).body, [1, 2]);
        assert.equal((await api().delete('/subjects/gone').expect(404)).body.error_code, 40404);
        assert.ok(!(await api().get('/subjects').expect(200)).body.includes('gone'));
        assert.ok((await api().get('/subjects?deleted=true').expect(200)).body.includes('gone'));
        assert.ok((await api().get('/subjects?deletedOnly=true').expect(200)).body.includes('gone'));
        assert.equal((await api().get('/subjects/gone/versions').expect(404)).body.error_code, 40401);
        const again = await post('/subjects/gone/versions', { schema: customerSchema() }).expect(200);
        assert.equal(again.body.version, 3);
      });

      test('permanent subject delete needs a soft delete first, then removes everything', async () => {
        await post('/subjects/purge/versions', { schema: customerSchema() }).expect(200);
        await put('/config/purge', { compatibility: 'NONE' }).expect(200);
        assert.equal((await api().delete('/subjects/purge?permanent=true').expect(404)).body.error_code, 40405);
        await api().delete('/subjects/purge').expect(200);
        assert.deepEqual((await api().delete('/subjects/purge?permanent=true').expect(200)).body, [1]);
        assert.equal((await api().get('/subjects/purge/versions?deleted=true').expect(404)).body.error_code, 40401);
        assert.equal((await api().get('/config/purge').expect(404)).body.error_code, 40408);
        assert.equal((await api().delete('/subjects/purge?permanent=true').expect(404)).body.error_code, 40401);
      });
    });

    describe('config', () => {
      test('global config defaults to BACKWARD and is updated case-insensitively', async () => {
        assert.deepEqual((await api().get('/config').expect(200)).body, { compatibilityLevel: 'BACKWARD' });
        assert.deepEqual((await put('/config', { compatibility: 'full' }).expect(200)).body, { compatibility: 'FULL' });
        assert.equal((await api().get('/config').expect(200)).body.compatibilityLevel, 'FULL');
        assert.equal((await api().delete('/config').expect(200)).body.compatibilityLevel, 'FULL');
        assert.equal((await api().get('/config').expect(200)).body.compatibilityLevel, 'BACKWARD');
      });

      test('subject config: 40408 until set, defaultToGlobal falls back, delete restores', async () => {
        assert.equal((await api().get('/config/cfg').expect(404)).body.error_code, 40408);
        assert.equal((await api().get('/config/cfg?defaultToGlobal=true').expect(200)).body.compatibilityLevel, 'BACKWARD');
        assert.deepEqual((await put('/config/cfg', { compatibility: 'NONE', normalize: true }).expect(200)).body, {
          compatibility: 'NONE',
          normalize: true,
        });
        assert.deepEqual((await api().get('/config/cfg').expect(200)).body, { compatibilityLevel: 'NONE', normalize: true });
        assert.deepEqual((await put('/config/cfg', { normalize: null }).expect(200)).body, { compatibility: 'NONE' });
        await api().delete('/config/cfg').expect(200);
        assert.equal((await api().delete('/config/cfg').expect(404)).body.error_code, 40401);
      });

      test('an invalid level is 42203', async () => {
        assert.equal((await put('/config', { compatibility: 'SIDEWAYS' }).expect(422)).body.error_code, 42203);
      });

      test('subject level NONE lets an incompatible change through', async () => {
        await put('/config/customer-copy', { compatibility: 'NONE' }).expect(200);
        await post('/subjects/customer-copy/versions', { schema: customerWithRequiredEmail }).expect(200);
      });
    });

    describe('compatibility endpoint', () => {
      test('against the latest version and against all versions', async () => {
        const ok = await post('/compatibility/subjects/customer-value/versions/latest', { schema: customerSchema(2) }).expect(200);
        assert.deepEqual(ok.body, { is_compatible: true });
        const bad = await post('/compatibility/subjects/customer-value/versions', { schema: customerWithRequiredEmail }).expect(200);
        assert.deepEqual(bad.body, { is_compatible: false });
      });

      test('verbose names the difference, the old version and the level', async () => {
        const res = await post('/compatibility/subjects/customer-value/versions/latest?verbose=true', {
          schema: customerWithRequiredEmail,
        }).expect(200);
        assert.equal(res.body.is_compatible, false);
        const messages: string[] = res.body.messages;
        assert.match(messages[0]!, /errorType:'READER_FIELD_MISSING_DEFAULT_VALUE'/);
        assert.match(messages[0]!, /'\/fields\/2'/);
        assert.ok(messages.includes('{oldSchemaVersion: 2}'));
        assert.ok(messages.some((m) => m.startsWith("{oldSchema: '")));
        assert.equal(messages.at(-1), "{validateFields: 'false', compatibility: 'BACKWARD'}");
      });

      test('a subject without versions is compatible with anything; a missing numeric version is 40402', async () => {
        assert.deepEqual((await post('/compatibility/subjects/fresh/versions/latest', { schema: customerSchema() }).expect(200)).body, {
          is_compatible: true,
        });
        assert.equal((await post('/compatibility/subjects/customer-value/versions/9', { schema: customerSchema() }).expect(404)).body.error_code, 40402);
      });

      test('an invalid schema is 42201, or a verdict with the reason when verbose', async () => {
        assert.equal((await post('/compatibility/subjects/customer-value/versions/latest', { schema: '{"type":"nope"}' }).expect(422)).body.error_code, 42201);
        const verbose = await post('/compatibility/subjects/customer-value/versions/latest?verbose=true', { schema: '{"type":"nope"}' }).expect(200);
        assert.equal(verbose.body.is_compatible, false);
        assert.equal(verbose.body.messages.length, 1);
      });
    });

    describe('mode', () => {
      test('global mode defaults to READWRITE; READONLY blocks writes with 42205', async () => {
        assert.deepEqual((await api().get('/mode').expect(200)).body, { mode: 'READWRITE' });
        assert.equal((await api().get('/mode/customer-value').expect(404)).body.error_code, 40409);
        assert.deepEqual((await api().get('/mode/customer-value?defaultToGlobal=true').expect(200)).body, { mode: 'READWRITE' });
        assert.deepEqual((await put('/mode/customer-value', { mode: 'readonly' }).expect(200)).body, { mode: 'READONLY' });
        const blocked = await post('/subjects/customer-value/versions', { schema: customerSchema(3) }).expect(422);
        assert.equal(blocked.body.error_code, 42205);
        assert.equal(blocked.body.message, 'Subject customer-value in context . is in read-only mode');
        assert.equal((await api().delete('/subjects/customer-value/versions/1').expect(422)).body.error_code, 42205);
        // Re-registering what is already there is still answered.
        await post('/subjects/customer-value/versions', { schema: customerSchema(1) }).expect(200);
        assert.deepEqual((await api().delete('/mode/customer-value').expect(200)).body, { mode: 'READONLY' });
        assert.equal((await api().delete('/mode/customer-value').expect(404)).body.error_code, 40401);
      });

      test('invalid modes are 42204; FORWARD is global only', async () => {
        assert.equal((await put('/mode', { mode: 'SIDEWAYS' }).expect(422)).body.error_code, 42204);
        const forward = await put('/mode/customer-value', { mode: 'FORWARD' }).expect(422);
        assert.equal(forward.body.message, 'Forward mode only supported on global level');
      });

      test('IMPORT needs an empty scope (or force), then takes explicit ids and versions', async () => {
        assert.equal((await put('/mode', { mode: 'IMPORT' }).expect(422)).body.error_code, 42205);
        await put('/mode/imported', { mode: 'IMPORT' }).expect(200);
        const res = await post('/subjects/imported/versions', { schema: customerSchema(4), id: 500, version: 7 }).expect(200);
        assert.deepEqual([res.body.id, res.body.version], [500, 7]);
        assert.equal((await api().get('/schemas/ids/500').expect(200)).body.schema, customerSchema(4));
        const clash = await post('/subjects/imported/versions', { schema: customerSchema(5), id: 500, version: 8 }).expect(422);
        assert.equal(clash.body.error_code, 42205);
        assert.equal(clash.body.message, 'Overwrite new schema with id 500 in context . is not permitted.');
        const noId = await post('/subjects/imported/versions', { schema: customerSchema(5) }).expect(422);
        assert.equal(noId.body.message, 'Subject imported in context . is not in read-write mode');
        await api().delete('/mode/imported').expect(200);
        const notImport = await post('/subjects/imported/versions', { schema: customerSchema(6), id: 600 }).expect(422);
        assert.equal(notImport.body.message, 'Subject imported in context . is not in import mode');
        // New ids continue after the highest imported one.
        const next = await post('/subjects/after-import/versions', { schema: customerSchema(7) }).expect(200);
        assert.equal(next.body.id, 501);
      });
    });
  });
}
