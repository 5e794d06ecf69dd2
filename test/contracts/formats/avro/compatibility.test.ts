/**
 * Reader/writer compatibility, case by case from `fixtures/compatibility/`,
 * in the shape of Confluent's diff corpora: `update_schema` reads data written
 * with `original_schema`; `changes` are `<TYPE> <location>` in Java's order,
 * `details` Avro's message for each. `apache-avro-schema-compatibility.json`
 * ports Apache Avro's TestSchemaCompatibility*.java, and
 * `confluent-avro-compatibility-test.json` the reader/writer pairs of
 * Confluent's AvroCompatibilityTest.java.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAvroSchema } from '../../../../contracts/formats/avro/avro-format.js';

interface CompatibilityCase {
  description: string;
  original_schema: unknown;
  update_schema: unknown;
  changes: string[];
  details?: string[];
  compatible: boolean;
}

const folder = join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'compatibility');

for (const file of readdirSync(folder).filter((name) => name.endsWith('.json')).sort()) {
  const cases = JSON.parse(readFileSync(join(folder, file), 'utf8')) as CompatibilityCase[];
  for (const c of cases) {
    test(`${file}: ${c.description}`, () => {
      const writer = parseAvroSchema(JSON.stringify(c.original_schema));
      const reader = parseAvroSchema(JSON.stringify(c.update_schema));
      const differences = reader.readerDifferences(writer);
      assert.deepEqual(
        differences.map((d) => `${d.type} ${d.path}`),
        c.changes,
      );
      if (c.details) assert.deepEqual(differences.map((d) => d.additionalInfo), c.details);
      assert.equal(differences.length === 0, c.compatible);
    });
  }
}

test('a schema is compatible with itself, recursive ones included', () => {
  const schemas = [
    '{"type":"record","name":"Node","fields":[{"name":"v","type":"int"},{"name":"next","type":["null","Node"],"default":null}]}',
    '["null","string",{"type":"map","values":{"type":"array","items":"bytes"}}]',
    '{"type":"enum","name":"E","symbols":["A"]}',
  ];
  for (const text of schemas) {
    const schema = parseAvroSchema(text);
    assert.deepEqual(schema.readerDifferences(parseAvroSchema(text)), []);
    assert.deepEqual(schema.readerDifferences(schema), []);
  }
});

test('differences carry the BACKWARD message by default', () => {
  const writer = parseAvroSchema('{"type":"record","name":"r","fields":[{"name":"f1","type":"string"}]}');
  const reader = parseAvroSchema(
    '{"type":"record","name":"r","fields":[{"name":"f1","type":"string"},{"name":"f2","type":"string"}]}',
  );
  assert.deepEqual(reader.readerDifferences(writer), [
    {
      type: 'READER_FIELD_MISSING_DEFAULT_VALUE',
      path: '/fields/1',
      additionalInfo: 'f2',
      message:
        "{errorType:'READER_FIELD_MISSING_DEFAULT_VALUE', description:'The field 'f2' at path '/fields/1' in the new schema has no default value and is missing in the old schema', additionalInfo:'f2'}",
    },
  ]);
});

test('types from references are compared like inline ones', () => {
  const address = (zip: string) => ({
    name: 'com.acme.Address',
    subject: 'address',
    version: 1,
    schemaType: 'AVRO' as const,
    schema: `{"type":"record","name":"Address","namespace":"com.acme","fields":[{"name":"zip","type":"${zip}"}]}`,
    references: [],
  });
  const customer = '{"type":"record","name":"Customer","namespace":"com.acme","fields":[{"name":"home","type":"Address"}]}';
  const writer = parseAvroSchema(customer, [address('int')]);
  const reader = parseAvroSchema(customer, [address('string')]);
  assert.deepEqual(
    reader.readerDifferences(writer).map((d) => `${d.type} ${d.path}`),
    ['TYPE_MISMATCH /fields/0/type/fields/0/type'],
  );
});

test('an Avro schema refuses to compare with another format', () => {
  const avro = parseAvroSchema('"string"');
  const other = { ...avro, schemaType: 'JSON' as const };
  assert.throws(() => avro.readerDifferences(other as never), TypeError);
});
