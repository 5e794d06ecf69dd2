/**
 * JSON Schema compatibility beyond Confluent's corpora: our cases from
 * `fixtures/compatibility/`, in the corpora's shape (`update_schema` reads data
 * written with `original_schema`), then the cases of Confluent's
 * `SchemaDiffTest.java` and `CircularRefSchemaDiffTest.java` that are code
 * rather than data (recursion, memoisation, number scale), and schemas that
 * refer to other subjects.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseJsonSchema } from '../../../../contracts/formats/json-schema/json-schema-format.js';
import { COMPATIBLE_CHANGES_LENIENT, COMPATIBLE_CHANGES_STRICT } from '../../../../contracts/formats/json-schema/policy.js';
import type { ResolvedReference } from '../../../../contracts/schema.js';

interface CompatibilityCase {
  description: string;
  original_schema: unknown;
  update_schema: unknown;
  changes: string[];
  compatible: boolean;
  compatible_lenient?: boolean;
}

const folder = join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'compatibility');
const sorted = (list: string[]) => [...list].sort();
const changes = (original: string, update: string, references: [ResolvedReference[], ResolvedReference[]] = [[], []]) =>
  parseJsonSchema(update, references[1])
    .differencesFrom(parseJsonSchema(original, references[0]))
    .map((d) => `${d.type} ${d.path}`);
const incompatible = (list: string[]) => list.filter((change) => !COMPATIBLE_CHANGES_STRICT.has(change.split(' ')[0] as never));

for (const file of readdirSync(folder).filter((name) => name.endsWith('.json')).sort()) {
  describe(file, () => {
    for (const c of JSON.parse(readFileSync(join(folder, file), 'utf8')) as CompatibilityCase[]) {
      test(c.description, () => {
        const original = parseJsonSchema(JSON.stringify(c.original_schema));
        const update = parseJsonSchema(JSON.stringify(c.update_schema));
        const differences = update.differencesFrom(original);
        assert.deepEqual(sorted(differences.map((d) => `${d.type} ${d.path}`)), sorted(c.changes));
        assert.equal(update.readerDifferences(original, 'STRICT').length === 0, c.compatible);
        assert.equal(
          differences.every((d) => COMPATIBLE_CHANGES_LENIENT.has(d.type)),
          c.compatible_lenient ?? c.compatible,
        );
      });
    }
  });
}

describe("cases of Confluent's SchemaDiffTest", () => {
  test('multipleOf values equal but for their scale are no change', () => {
    assert.deepEqual(changes('{"type":"number","multipleOf":0.5}', '{"type":"number","multipleOf":0.50}'), []);
  });

  test('a recursive draft-04 schema is compatible with itself', () => {
    const category = '{"type":"object","properties":{"category_id":{"type":"integer"},"categories":{"type":"array","items":{"$ref":"#/definitions/Category"}}},"required":["category_id","categories"]}';
    const schema = `{"$schema":"http://json-schema.org/draft-04/schema#","type":"object","properties":{"categories":{"type":"array","items":{"$ref":"#/definitions/Category"}}},"required":["categories"],"definitions":{"Category":${category}}}`;
    assert.deepEqual(changes(schema, schema), []);
  });

  const types = ['Asset', 'Basket', 'Swap', 'Bond', 'Option', 'Future', 'Forward', 'Loan', 'Repo', 'Equity', 'Index', 'CommodityLeg'];
  const union = () => ({ oneOf: types.map((type) => ({ $ref: `#/definitions/${type}` })) });
  const trade = (assetIdType: string) =>
    JSON.stringify({
      $schema: 'http://json-schema.org/draft-07/schema#',
      title: 'Trade',
      type: 'object',
      additionalProperties: true,
      definitions: Object.fromEntries(
        types.map((type) => [
          type,
          { type: 'object', properties: { id: { type: type === 'Asset' ? assetIdType : 'string' }, underlying: union(), referenceProduct: union() } },
        ]),
      ),
      properties: { tradeId: { type: 'string' }, product: union() },
    });

  test('a recursive oneOf union terminates', () => {
    assert.deepEqual(changes(trade('string'), trade('string')), []);
  });

  test('memoisation does not hide a type change deep in a recursive union', () => {
    assert.notDeepEqual(incompatible(changes(trade('string'), trade('number'))), []);
  });

  test('memoisation across branches does not hide an incompatibility behind a cycle', () => {
    const node = (idType: string, target: string) => ({
      type: 'object',
      additionalProperties: true,
      properties: { id: { type: idType }, ref: { oneOf: [{ $ref: `#/definitions/${target}` }] } },
    });
    const schema = (t0: string, t1: string) =>
      JSON.stringify({
        $schema: 'http://json-schema.org/draft-07/schema#',
        type: 'object',
        additionalProperties: true,
        definitions: { T0: node(t0, 'T2'), T1: node(t1, 'T2'), T2: node('integer', 'T0') },
        properties: { root: { oneOf: [{ $ref: '#/definitions/T0' }, { $ref: '#/definitions/T1' }] } },
      });
    assert.notDeepEqual(incompatible(changes(schema('integer', 'boolean'), schema('boolean', 'number'))), []);
  });

  test('a 2020-12 schema with twelve branches of circular references terminates (CircularRefSchemaDiffTest)', () => {
    const defs: Record<string, unknown> = {
      SimpleId: { type: 'object', properties: { id: { type: 'string' } }, required: ['id'] },
      Base: { type: 'object', properties: { name: { type: 'string' } } },
      ProductOrId: { oneOf: [{ $ref: '#/$defs/SimpleId' }, { $ref: '#/$defs/Product' }] },
      Product: { oneOf: types.map((_, i) => ({ $ref: `#/$defs/Type${i}` })) },
    };
    types.forEach((_, i) => {
      const refs = Object.fromEntries([0, 1, 2, 3, 4].map((p) => [`ref${p}`, { $ref: '#/$defs/ProductOrId' }]));
      defs[`Type${i}`] = { $ref: '#/$defs/Base', type: 'object', properties: { ...refs, tag: { type: 'string', const: `type${i}` } }, required: ['ref0', 'tag'] };
    });
    const schema = JSON.stringify({ $schema: 'https://json-schema.org/draft/2020-12/schema', $defs: defs, $ref: '#/$defs/Product' });
    assert.deepEqual(changes(schema, schema), []);
  });
});

describe('schemas that refer to other subjects', () => {
  const reference = (name: string, schema: string, version = 1, references: ResolvedReference[] = []): ResolvedReference => ({
    name,
    subject: name.replace(/\W/g, '-'),
    version,
    schemaType: 'JSON',
    schema,
    references,
  });
  const root = '{"type":"object","properties":{"address":{"$ref":"address.json"}}}';

  test('the referenced schema is compared where it is referred to', () => {
    const v1 = reference('address.json', '{"type":"object","properties":{"zip":{"type":"string"}}}');
    const v2 = reference('address.json', '{"type":"object","properties":{"zip":{"type":"integer"}}}', 2);
    assert.deepEqual(changes(root, root, [[v1], [v2]]), ['TYPE_CHANGED #/properties/address/properties/zip']);
  });

  test('definitions inside a referenced schema, and its own references, resolve', () => {
    const country = reference('https://example.com/country.json', '{"enum":["NL","BE"]}');
    const address = (zip: string) =>
      reference(
        'address.json',
        `{"$ref":"#/definitions/Address","definitions":{"Address":{"type":"object","properties":{"zip":{"type":"${zip}"},"country":{"$ref":"https://example.com/country.json"}}}}}`,
        1,
        [country],
      );
    assert.deepEqual(changes(root, root, [[address('string')], [address('string')]]), []);
    assert.deepEqual(changes(root, root, [[address('string')], [address('number')]]), ['TYPE_CHANGED #/properties/address/properties/zip']);
  });

  test("a reference name resolves against the schema's own $id", () => {
    const withId = (zip: string) => `{"$id":"https://example.com/schemas/order.json","properties":{"zip":{"$ref":"zip.json"}},"title":"${zip}"}`;
    const zip = (type: string) => [reference('zip.json', `{"type":"${type}"}`)];
    assert.deepEqual(changes(withId('a'), withId('a'), [zip('string'), zip('string')]), []);
    assert.deepEqual(changes(withId('a'), withId('a'), [zip('string'), zip('integer')]), ['TYPE_CHANGED #/properties/zip']);
  });

  test('moving a definition into a referenced subject is no change', () => {
    const inline = '{"type":"object","properties":{"address":{"$ref":"#/definitions/Address"}},"definitions":{"Address":{"type":"string"}}}';
    assert.deepEqual(changes(inline, root, [[], [reference('address.json', '{"type":"string"}')]]), []);
  });
});
