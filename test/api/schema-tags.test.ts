/**
 * `POST /subjects/{s}/versions/{v}/tags` over real HTTP, after Confluent's
 * RestApiRegisterSchemaTagsTest (the `TagSchemaRequest` cases): record and
 * field tags added and removed, `newVersion` as compare-and-set, metadata and
 * rule set changes, the errors, and the exact text stored for a tagged schema.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import request from 'supertest';
import { addressSchema, customerSchema, customerWithAddress } from '../support/avro-fixtures.js';
import { backends } from '../support/backends.js';
import { startTestServer, type TestServer } from '../support/registry-server.js';

const V1 = 'application/vnd.schemaregistry.v1+json';
let server: TestServer;
const api = () => request(server.url);
const post = (path: string, body: unknown) => api().post(path).set('Content-Type', V1).send(JSON.stringify(body));
const put = (path: string, body: unknown) => api().put(path).set('Content-Type', V1).send(JSON.stringify(body));
const tag = (subject: string, version: string, body: unknown) => post(`/subjects/${subject}/versions/${version}/tags`, body);
const entity = (entityPath: string, entityType: 'sr_record' | 'sr_field', ...tags: string[]) => ({
  schemaEntity: { entityPath, entityType },
  tags,
});
const registerCustomer = (subject: string, body: object = {}) =>
  post(`/subjects/${subject}/versions`, { schema: customerSchema(), ...body }).expect(200);

/** What Confluent stores for the customer schema with `PRIVATE` on the record and `PII` on `name`. */
const TAGGED_CUSTOMER =
  '{"type":"record","name":"Customer","namespace":"com.example","fields":[' +
  '{"name":"customer_id","type":"string"},' +
  '{"name":"name","type":"string","confluent:tags":["PII"]}],' +
  '"confluent:tags":["PRIVATE"]}';

for (const backend of backends()) {
  describe(backend.name, { skip: backend.skip }, () => {
    before(async () => {
      server = await startTestServer(backend);
    });
    after(async () => {
      await server?.dispose();
    });

    describe('adding and removing tags', () => {
      test('record and field tags make a new version whose canonical text Confluent would store', async () => {
        const first = await registerCustomer('tags-basic');
        const res = await tag('tags-basic', 'latest', {
          newVersion: 2,
          tagsToAdd: [entity('com.example.Customer', 'sr_record', 'PRIVATE'), entity('com.example.Customer.name', 'sr_field', 'PII')],
        }).expect(200);
        assert.equal(res.headers['content-type'], V1);
        assert.equal(res.body.version, 2);
        assert.notEqual(res.body.id, first.body.id);
        assert.equal(res.body.schemaType, 'AVRO');
        assert.equal(res.body.schema, TAGGED_CUSTOMER);
        assert.deepEqual(res.body.metadata, { properties: { 'confluent:version': '2' } });
        assert.equal(res.body.deleted, false);

        const latest = await api().get('/subjects/tags-basic/versions/latest').expect(200);
        assert.deepEqual([latest.body.version, latest.body.id, latest.body.schema], [2, res.body.id, TAGGED_CUSTOMER]);
        assert.equal((await api().get(`/schemas/ids/${res.body.id}/schema`).expect(200)).text, TAGGED_CUSTOMER);
      });

      test('removing tags drops them, and the property with the last one', async () => {
        const res = await tag('tags-basic', 'latest', {
          newVersion: 3,
          tagsToRemove: [entity('com.example.Customer.name', 'sr_field', 'PII'), entity('com.example.Customer', 'sr_record', 'NOT-THERE')],
        }).expect(200);
        assert.equal(res.body.version, 3);
        assert.equal(
          res.body.schema,
          '{"type":"record","name":"Customer","namespace":"com.example","fields":[{"name":"customer_id","type":"string"},{"name":"name","type":"string"}],"confluent:tags":["PRIVATE"]}',
        );
        assert.equal(res.body.metadata.properties['confluent:version'], '3');
      });

      test('without newVersion the next version is taken and recorded in the metadata', async () => {
        await registerCustomer('tags-no-version');
        const added = await tag('tags-no-version', 'latest', { tagsToAdd: [entity('Customer', 'sr_record', 'TAG1', 'TAG2')] }).expect(200);
        assert.equal(added.body.version, 2);
        assert.match(added.body.schema, /"confluent:tags":\["TAG1","TAG2"\]}$/);
        assert.equal(added.body.metadata.properties['confluent:version'], '2');
        const removed = await tag('tags-no-version', 'latest', { tagsToRemove: [entity('Customer', 'sr_record', 'TAG2')] }).expect(200);
        assert.equal(removed.body.version, 3);
        assert.match(removed.body.schema, /"confluent:tags":\["TAG1"\]}$/);
        assert.equal(removed.body.metadata.properties['confluent:version'], '3');
      });

      test('an older version can be the one tagged; the new version is still the next one', async () => {
        await registerCustomer('tags-older');
        await post('/subjects/tags-older/versions', { schema: customerSchema(1) }).expect(200);
        const res = await tag('tags-older', '1', { tagsToAdd: [entity('com.example.Customer.name', 'sr_field', 'PII')] }).expect(200);
        assert.equal(res.body.version, 3);
        assert.doesNotMatch(res.body.schema, /extra_1/);
        assert.match(res.body.schema, /\{"name":"name","type":"string","confluent:tags":\["PII"\]\}/);
      });

      test('a schema with references keeps them; a type defined in the referenced schema is not its to tag', async () => {
        await post('/subjects/tags-address/versions', { schema: addressSchema }).expect(200);
        const references = [{ name: 'com.example.Address', subject: 'tags-address', version: 1 }];
        await post('/subjects/tags-refs/versions', { schema: customerWithAddress, references }).expect(200);
        const res = await tag('tags-refs', 'latest', { tagsToAdd: [entity('com.example.CustomerWithAddress.address', 'sr_field', 'PII')] }).expect(200);
        assert.deepEqual(res.body.references, references);
        assert.equal(
          res.body.schema,
          '{"type":"record","name":"CustomerWithAddress","namespace":"com.example","fields":[{"name":"customer_id","type":"string"},{"name":"address","type":"Address","confluent:tags":["PII"]}]}',
        );
        const elsewhere = await tag('tags-refs', 'latest', { tagsToAdd: [entity('com.example.Address.city', 'sr_field', 'PII')] }).expect(422);
        assert.equal(elsewhere.body.error_code, 42201);
      });

      test('the same tagged schema in another subject keeps its id', async () => {
        await registerCustomer('tags-twin');
        const res = await tag('tags-twin', 'latest', {
          newVersion: 2,
          tagsToAdd: [entity('com.example.Customer', 'sr_record', 'PRIVATE'), entity('com.example.Customer.name', 'sr_field', 'PII')],
        }).expect(200);
        const original = await api().get('/subjects/tags-basic/versions/2').expect(200);
        assert.equal(res.body.id, original.body.id);
      });
    });

    describe('newVersion is compare-and-set', () => {
      test('a newVersion that is not the next version is 42201', async () => {
        await registerCustomer('tags-cas');
        for (const newVersion of [1, 3]) {
          const res = await tag('tags-cas', '1', { newVersion, tagsToAdd: [entity('Customer', 'sr_record', 'T')] }).expect(422);
          assert.deepEqual(res.body, { error_code: 42201, message: 'Version is not one more than previous version' });
        }
        assert.deepEqual((await api().get('/subjects/tags-cas/versions').expect(200)).body, [1]);
      });
    });

    describe('metadata', () => {
      test("the version's metadata is kept, a request's replaces it; confluent:version is set either way", async () => {
        await registerCustomer('tags-meta', { metadata: { properties: { owner: 'crm' }, tags: { 'com.example.Customer.name': ['OLD'] } } });
        const kept = await tag('tags-meta', 'latest', { tagsToAdd: [entity('Customer', 'sr_record', 'T')] }).expect(200);
        assert.deepEqual(kept.body.metadata, {
          properties: { owner: 'crm', 'confluent:version': '2' },
          tags: { 'com.example.Customer.name': ['OLD'] },
        });
        const replaced = await tag('tags-meta', 'latest', { newVersion: 3, metadata: { properties: { owner: 'billing' } } }).expect(200);
        assert.deepEqual(replaced.body.metadata, { properties: { owner: 'billing', 'confluent:version': '3' } });
        // No tag change: the schema text is the latest one's.
        assert.equal(replaced.body.schema, kept.body.schema);
      });
    });

    describe('rule sets', () => {
      const rule = (name: string, tags: string[], mode?: string) => ({ name, type: 'fooType', ...(mode && { mode }), tags, onFailure: 'NONE', disabled: false });

      test('rulesToMerge merges into the previous rules by name, rulesToRemove drops by name', async () => {
        await registerCustomer('tags-rules');
        const merged = {
          migrationRules: [rule('myMigrationRule', ['PII'], 'UPGRADE'), rule('myMigrationRule2', ['PII'], 'UPGRADE')],
          domainRules: [rule('myRule', ['PII']), rule('myRule2', ['PII']), rule('myRule3', ['PII'])],
        };
        const first = await tag('tags-rules', 'latest', { newVersion: 2, rulesToMerge: merged, rulesToRemove: ['myRule4'] }).expect(200);
        assert.deepEqual(first.body.ruleSet, merged);
        assert.equal(first.body.metadata.properties['confluent:version'], '2');

        const second = await tag('tags-rules', 'latest', {
          newVersion: 3,
          rulesToMerge: {
            migrationRules: [rule('myMigrationRule3', ['PII2'], 'UPGRADE')],
            domainRules: [rule('myRule5', ['PII2']), rule('myRule4', ['PII2']), rule('myRule2', ['PII2'])],
          },
          rulesToRemove: ['myRule', 'myMigrationRule2'],
        }).expect(200);
        assert.equal(second.body.version, 3);
        assert.deepEqual(second.body.ruleSet, {
          migrationRules: [rule('myMigrationRule', ['PII'], 'UPGRADE'), rule('myMigrationRule3', ['PII2'], 'UPGRADE')],
          domainRules: [rule('myRule3', ['PII']), rule('myRule5', ['PII2']), rule('myRule4', ['PII2']), rule('myRule2', ['PII2'])],
        });
      });

      test('removing every rule leaves an empty rule set', async () => {
        const res = await tag('tags-rules', 'latest', {
          rulesToRemove: ['myMigrationRule', 'myMigrationRule3', 'myRule3', 'myRule5', 'myRule4', 'myRule2'],
        }).expect(200);
        assert.deepEqual(res.body.ruleSet, {});
      });

      test('ruleSet replaces the rules; without any, the latest version keeps its own', async () => {
        await registerCustomer('tags-ruleset', { ruleSet: { domainRules: [rule('keepMe', ['PII'])] } });
        const inherited = await tag('tags-ruleset', 'latest', { tagsToAdd: [entity('Customer', 'sr_record', 'T')] }).expect(200);
        assert.deepEqual(inherited.body.ruleSet, { domainRules: [rule('keepMe', ['PII'])] });
        const replaced = await tag('tags-ruleset', 'latest', { ruleSet: { domainRules: [rule('other', ['X'])] } }).expect(200);
        assert.deepEqual(replaced.body.ruleSet, { domainRules: [rule('other', ['X'])] });
      });

      test('ruleSet with rulesToMerge or rulesToRemove, or an invalid rule, is 42210', async () => {
        const both = await tag('tags-ruleset', 'latest', { ruleSet: {}, rulesToRemove: ['x'] }).expect(422);
        assert.deepEqual(both.body, { error_code: 42210, message: 'ruleSet should be omitted if specifying rulesToMerge or rulesToRemove' });
        const duplicate = await tag('tags-ruleset', 'latest', { rulesToMerge: { domainRules: [rule('a', []), rule('a', [])] } }).expect(422);
        assert.deepEqual(duplicate.body, { error_code: 42210, message: "Found rule with duplicate name 'a'" });
        const badMode = await tag('tags-ruleset', 'latest', { ruleSet: { migrationRules: [rule('m', [], 'WRITE')] } }).expect(422);
        assert.equal(badMode.body.error_code, 42210);
      });
    });

    describe('errors', () => {
      const body = { newVersion: 2, tagsToAdd: [entity('Customer', 'sr_record', 'TAG1')] };

      test('an unknown subject is 40401, an unknown version 40402, an invalid one 42202', async () => {
        await registerCustomer('tags-errors');
        assert.deepEqual((await tag('non-exist', '1', body).expect(404)).body, { error_code: 40401, message: "Subject 'non-exist' not found." });
        assert.deepEqual((await tag('tags-errors', '2', body).expect(404)).body, { error_code: 40402, message: 'Version 2 not found.' });
        assert.equal((await tag('tags-errors', '0', body).expect(422)).body.error_code, 42202);
      });

      test('a soft-deleted version cannot be tagged', async () => {
        await registerCustomer('tags-deleted');
        await post('/subjects/tags-deleted/versions', { schema: customerSchema(1) }).expect(200);
        await api().delete('/subjects/tags-deleted/versions/2').expect(200);
        assert.equal((await tag('tags-deleted', '2', body).expect(404)).body.error_code, 40402);
        // "latest" is the latest live version; the deleted one still counts for numbering.
        const res = await tag('tags-deleted', 'latest', { tagsToAdd: body.tagsToAdd }).expect(200);
        assert.equal(res.body.version, 3);
      });

      test('a path that names no record or field is 42201', async () => {
        const res = await tag('tags-errors', '1', { newVersion: 2, tagsToAdd: [entity('does.not.exist', 'sr_field', 'TAG1')] }).expect(422);
        assert.deepEqual(res.body, {
          error_code: 42201,
          message: "java.lang.IllegalArgumentException: No matching path 'does.not.exist' found in the schema",
        });
        assert.deepEqual((await api().get('/subjects/tags-errors/versions').expect(200)).body, [1]);
      });

      test('a body of the wrong shape is 400, a missing one 422', async () => {
        for (const bad of [
          { tagsToAdd: [{ schemaEntity: { entityPath: 'Customer', entityType: 'SR_RECORD' }, tags: ['T'] }] },
          { tagsToAdd: [{ schemaEntity: { entityType: 'sr_record' }, tags: ['T'] }] },
          { tagsToAdd: [{ tags: ['T'] }] },
          { tagsToRemove: [entity('Customer', 'sr_record')].map(({ schemaEntity }) => ({ schemaEntity })) },
          { newVersion: 'two' },
          { rulesToRemove: 'myRule' },
        ]) {
          assert.equal((await tag('tags-errors', '1', bad).expect(400)).body.error_code, 400, JSON.stringify(bad));
        }
        const missing = await api().post('/subjects/tags-errors/versions/1/tags').set('Content-Type', V1).expect(422);
        assert.equal(missing.body.error_code, 422);
        assert.equal((await api().get('/subjects/tags-errors/versions/1/tags').expect(405)).body.error_code, 405);
      });

      test('a read-only subject cannot be tagged (42205)', async () => {
        await registerCustomer('tags-readonly');
        await put('/mode/tags-readonly', { mode: 'READONLY' }).expect(200);
        const res = await tag('tags-readonly', 'latest', body).expect(422);
        assert.deepEqual(res.body, { error_code: 42205, message: 'Subject tags-readonly in context . is in read-only mode' });
      });

      test('an invalid subject name is 42208', async () => {
        assert.equal((await tag('__GLOBAL', '1', body).expect(422)).body.error_code, 42208);
      });
    });
  });
}
