/**
 * Parsing and validation: every invalid schema in `fixtures/invalid-schemas.json`
 * is a 42201 whose reason is Java Avro's (or, for bad JSON, names the place);
 * the valid ones below are accepted as Confluent accepts them.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RegistryError } from '../../../../contracts/errors.js';
import { avroFormat, parseAvroSchema } from '../../../../contracts/formats/avro/avro-format.js';
import { flattenReferences } from '../../../../contracts/formats/references.js';
import type { ResolvedReference } from '../../../../contracts/schema.js';

interface InvalidCase {
  description: string;
  schema: string;
  references?: ResolvedReference[];
  reason?: string;
  reason_prefix?: string;
}

const fixtures = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');
const invalid = JSON.parse(readFileSync(join(fixtures, 'invalid-schemas.json'), 'utf8')) as InvalidCase[];
const PREFIX = 'Invalid schema of type AVRO, details: ';

for (const c of invalid) {
  test(`invalid: ${c.description}`, () => {
    assert.throws(
      () => avroFormat.parse(c.schema, c.references ?? []),
      (error: unknown) => {
        assert.ok(error instanceof RegistryError, `expected a RegistryError, got ${String(error)}`);
        assert.equal(error.errorCode, 42201);
        assert.equal(error.status, 422);
        if (c.reason !== undefined) assert.equal(error.message, PREFIX + c.reason);
        if (c.reason_prefix !== undefined) assert.ok(error.message.startsWith(PREFIX + c.reason_prefix), error.message);
        return true;
      },
    );
  });
}

const reference = (name: string, schema: string, references: ResolvedReference[] = []): ResolvedReference => ({
  name,
  subject: name.toLowerCase(),
  version: 1,
  schemaType: 'AVRO',
  schema,
  references,
});

const country = reference('com.acme.Country', '{"type":"enum","name":"Country","namespace":"com.acme","symbols":["NL","FR"]}');
const address = reference(
  'com.acme.Address',
  '{"type":"record","name":"Address","namespace":"com.acme","fields":[{"name":"street","type":"string"},{"name":"country","type":"Country"}]}',
  [country],
);

const valid: { description: string; schema: string; references?: ResolvedReference[]; name?: string }[] = [
  { description: 'a primitive as JSON text', schema: '"string"' },
  { description: 'a primitive in object form', schema: '{"type":"bytes"}' },
  { description: 'a union at top level', schema: '["null","long"]' },
  { description: 'an empty union', schema: '[]' },
  {
    description: "Confluent's testBadDefaultNull: a union default may match any branch",
    schema:
      '{"type":"record","name":"myrecord","fields":[{"type":["null","string"],"name":"f1","default":"null"},{"type":"string","name":"f2","default":"foo"},{"type":"string","name":"f3","default":"bar"}]}',
    name: 'myrecord',
  },
  {
    description: 'logical types of every kind',
    schema: JSON.stringify({
      type: 'record',
      name: 'Times',
      namespace: 'com.acme',
      fields: [
        { name: 'amount', type: { type: 'bytes', logicalType: 'decimal', precision: 10, scale: 2 } },
        { name: 'fixedAmount', type: { type: 'fixed', name: 'Money', size: 8, logicalType: 'decimal', precision: 18 } },
        { name: 'id', type: { type: 'string', logicalType: 'uuid' } },
        { name: 'day', type: { type: 'int', logicalType: 'date' } },
        { name: 'tm', type: { type: 'int', logicalType: 'time-millis' } },
        { name: 'tu', type: { type: 'long', logicalType: 'time-micros' } },
        { name: 'tsm', type: { type: 'long', logicalType: 'timestamp-millis' } },
        { name: 'tsu', type: { type: 'long', logicalType: 'timestamp-micros' } },
        { name: 'ltm', type: { type: 'long', logicalType: 'local-timestamp-millis' } },
        { name: 'ltu', type: { type: 'long', logicalType: 'local-timestamp-micros' } },
        { name: 'span', type: { type: 'fixed', name: 'Span', size: 12, logicalType: 'duration' } },
        { name: 'odd', type: { type: 'int', logicalType: 'decimal' } },
      ],
    }),
    name: 'com.acme.Times',
  },
  { description: 'an enum names itself', schema: '{"type":"enum","name":"Suit","namespace":"cards","symbols":["SPADES"]}', name: 'cards.Suit' },
  { description: 'a fixed names itself', schema: '{"type":"fixed","name":"md5","size":16}', name: 'md5' },
  {
    description: 'a name used before its definition in the same text (Avro 1.12)',
    schema: '{"type":"record","name":"r","fields":[{"name":"a","type":["null","E"]},{"name":"b","type":{"type":"enum","name":"E","symbols":["X"]}}]}',
    name: 'r',
  },
  {
    description: 'the same definition twice',
    schema:
      '{"type":"record","name":"r","fields":[{"name":"a","type":{"type":"fixed","name":"F","size":2}},{"name":"b","type":{"type":"fixed","name":"F","size":2,"doc":"docs do not count"}}]}',
  },
  { description: 'a named type used through {"type": name}', schema: '{"type":"record","name":"r","fields":[{"name":"self","type":["null",{"type":"r"}]}]}' },
  {
    description: 'references, nested, in dependency order',
    schema: '{"type":"record","name":"Customer","namespace":"com.acme","fields":[{"name":"home","type":"Address"},{"name":"born","type":"Country"}]}',
    references: [address],
    name: 'com.acme.Customer',
  },
  {
    description: 'references listed out of order and twice',
    schema: '{"type":"record","name":"Customer","namespace":"com.acme","fields":[{"name":"home","type":"Address"}]}',
    references: [address, country, address],
  },
  {
    description: 'a reference redefined identically in the schema',
    schema:
      '{"type":"record","name":"Customer","fields":[{"name":"c","type":{"type":"enum","name":"Country","namespace":"com.acme","symbols":["NL","FR"]}}]}',
    references: [country],
  },
  { description: 'comments in the text', schema: '/* a comment */ {"type": // the type\n "int"}' },
  { description: 'text defaults of double fields', schema: '{"type":"record","name":"r","fields":[{"name":"d","type":"double","default":"NaN"},{"name":"f","type":"float","default":"1.5"}]}' },
];

for (const c of valid) {
  test(`valid: ${c.description}`, () => {
    const parsed = avroFormat.parse(c.schema, c.references ?? []);
    assert.equal(parsed.schemaType, 'AVRO');
    assert.equal(parsed.name(), c.name ?? parsed.name());
    // The canonical text parses again to itself.
    assert.equal(avroFormat.parse(parsed.canonical(), c.references ?? []).canonical(), parsed.canonical());
  });
}

test('name() is undefined for unnamed top-level schemas', () => {
  assert.equal(parseAvroSchema('"string"').name(), undefined);
  assert.equal(parseAvroSchema('["null",{"type":"record","name":"R","fields":[]}]').name(), undefined);
});

test('references are flattened depth first, dependencies first, each name once', () => {
  assert.deepEqual(
    flattenReferences([address, country, address]).map((r) => r.name),
    ['com.acme.Country', 'com.acme.Address'],
  );
});

test('the avsc type of a schema with references encodes and decodes', () => {
  const parsed = parseAvroSchema(
    '{"type":"record","name":"Customer","namespace":"com.acme","fields":[{"name":"home","type":"Address"}]}',
    [address],
  );
  const type = parsed.avscType();
  const value = { home: { street: 'Main', country: 'NL' } };
  assert.deepEqual(JSON.parse(JSON.stringify(type.fromBuffer(type.toBuffer(value)))), value);
});

test('a schema avsc cannot represent still parses, and says so when asked for its avsc type', () => {
  const parsed = parseAvroSchema('{"type":"record","name":"r","fields":[{"name":"f","type":["null","string"],"default":"x"}]}');
  assert.throws(() => parsed.avscType(), /avsc cannot represent this Avro schema/);
});

test('lenient parsing reads stored schemas as Confluent re-reads them', () => {
  const stored = [
    '{"type":"record","name":"café","fields":[{"name":"größe","type":"int"}]}',
    '{"type":"record","name":"r","fields":[{"name":"f1","type":"int","default":"x"}]}',
    '{"type":"record","name":"r","namespace":"com.1acme","aliases":["old-r"],"fields":[]}',
  ];
  for (const text of stored) {
    assert.throws(() => parseAvroSchema(text), RegistryError);
    assert.doesNotThrow(() => parseAvroSchema(text, [], { lenient: true }).canonical());
  }
  assert.throws(
    () => parseAvroSchema('{"type":"record","name":"r","fields":[{"name":"1st","type":"int"}]}', [], { lenient: true }),
    /Illegal initial character: 1st/,
  );
});
