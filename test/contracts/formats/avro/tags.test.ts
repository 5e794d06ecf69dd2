/**
 * Avro inline tags (`tags.ts`), the cases of Confluent's AvroSchemaTest
 * (`testBasicAddAndRemoveTags`, `testComplexAddAndRemoveTags`,
 * `testAddBeforeRemoveTags`) over our own schemas: which record or field a
 * path names, where `confluent:tags` lands in the canonical text, and that
 * removing what was added gives the original back.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RegistryError } from '../../../../contracts/errors.js';
import { parseAvroSchema } from '../../../../contracts/formats/avro/avro-format.js';
import { tagChanges, type SchemaEntityType, type SchemaTags } from '../../../../contracts/schema-tags.js';

const tags = (entityPath: string, entityType: SchemaEntityType, ...names: string[]): SchemaTags => ({
  schemaEntity: { entityPath, entityType },
  tags: names,
});
const canonical = (schema: unknown) => parseAvroSchema(typeof schema === 'string' ? schema : JSON.stringify(schema)).canonical();
const tagged = (schema: unknown, add: SchemaTags[], remove: SchemaTags[] = []) =>
  canonical(parseAvroSchema(canonical(schema)).withTags(tagChanges(add, remove)));

const order = {
  type: 'record',
  name: 'Order',
  namespace: 'shop.orders',
  doc: 'An order.',
  fields: [
    {
      name: 'buyer',
      type: {
        type: 'record',
        name: 'Buyer',
        fields: [
          { name: 'email', type: 'string' },
          { name: 'score', type: 'double', default: 0, 'confluent:tags': ['INTERNAL'] },
        ],
      },
    },
    {
      name: 'shipping',
      type: {
        type: 'record',
        name: 'Address',
        namespace: 'shop.geo',
        fields: [
          { name: 'street', type: 'string' },
          { name: 'zip', type: 'string', 'confluent:tags': ['INTERNAL'] },
        ],
      },
    },
    { name: 'total', type: 'double', doc: 'In cents.' },
  ],
};

const orderTags = [
  tags('shop.orders.Order', 'sr_record', 'PII'),
  tags('shop.orders.Order.total', 'sr_field', 'PII'),
  // A nested record without a namespace takes its parent's.
  tags('shop.orders.Buyer.email', 'sr_field', 'PII'),
  // One with its own namespace is named by it.
  tags('shop.geo.Address', 'sr_record', 'PII'),
  tags('shop.geo.Address.zip', 'sr_field', 'PII'),
];

test('tags go on records and fields, nested ones by their own namespace', () => {
  const expected = structuredClone(order) as typeof order & Record<string, unknown>;
  expected['confluent:tags'] = ['PII'];
  Object.assign(expected.fields[2]!, { 'confluent:tags': ['PII'] });
  Object.assign((expected.fields[0]!.type as { fields: object[] }).fields[0]!, { 'confluent:tags': ['PII'] });
  const address = expected.fields[1]!.type as Record<string, unknown> & { fields: object[] };
  address['confluent:tags'] = ['PII'];
  // An existing list keeps its tags first.
  Object.assign(address.fields[1]!, { 'confluent:tags': ['INTERNAL', 'PII'] });
  assert.equal(tagged(order, orderTags), canonical(expected));
});

test('the canonical text places the property after the fields, and after a field default', () => {
  assert.equal(
    tagged(order, orderTags),
    '{"type":"record","name":"Order","namespace":"shop.orders","doc":"An order.","fields":[' +
      '{"name":"buyer","type":{"type":"record","name":"Buyer","fields":[' +
      '{"name":"email","type":"string","confluent:tags":["PII"]},' +
      '{"name":"score","type":"double","default":0,"confluent:tags":["INTERNAL"]}]}},' +
      '{"name":"shipping","type":{"type":"record","name":"Address","namespace":"shop.geo","fields":[' +
      '{"name":"street","type":"string"},' +
      '{"name":"zip","type":"string","confluent:tags":["INTERNAL","PII"]}],"confluent:tags":["PII"]}},' +
      '{"name":"total","type":"double","doc":"In cents.","confluent:tags":["PII"]}],"confluent:tags":["PII"]}',
  );
});

test('removing the added tags gives the original text back', () => {
  const withTags = tagged(order, orderTags);
  assert.equal(tagged(withTags, [], orderTags), canonical(order));
});

const events = [
  'null',
  {
    type: 'record',
    name: 'Click',
    namespace: 'web',
    fields: [
      { name: 'page', type: { type: 'record', name: 'Page', fields: [{ name: 'url', type: 'string' }] } },
      { name: 'count', type: 'int' },
    ],
  },
  {
    type: 'array',
    items: { type: 'record', name: 'Item', namespace: 'web.cart', fields: [{ name: 'sku', type: 'string' }] },
    default: [],
  },
  { type: 'map', values: { type: 'record', name: 'Stat', fields: [{ name: 'value', type: 'long' }] } },
];

test('a union root is searched through its branches, arrays and maps through their types', () => {
  const result = tagged(events, [
    tags('web.Click.page', 'sr_field', 'PII'),
    tags('web.Page.url', 'sr_field', 'PII'),
    tags('web.cart.Item', 'sr_record', 'PII'),
    // Without a namespace, a path matches a record in any namespace.
    tags('Stat.value', 'sr_field', 'PII'),
    tags('Stat', 'sr_record', 'PII'),
  ]);
  assert.equal(
    result,
    '["null",{"type":"record","name":"Click","namespace":"web","fields":[' +
      '{"name":"page","type":{"type":"record","name":"Page","fields":[{"name":"url","type":"string","confluent:tags":["PII"]}]},"confluent:tags":["PII"]},' +
      '{"name":"count","type":"int"}]},' +
      '{"type":"array","items":{"type":"record","name":"Item","namespace":"web.cart","fields":[{"name":"sku","type":"string"}],"confluent:tags":["PII"]},"default":[]},' +
      '{"type":"map","values":{"type":"record","name":"Stat","fields":[{"name":"value","type":"long","confluent:tags":["PII"]}],"confluent:tags":["PII"]}}]',
  );
});

test('tags are added before others are removed, so a tag in both lists goes', () => {
  const schema = { type: 'record', name: 'R', namespace: 'n', fields: [{ name: 'f', type: 'string', 'confluent:tags': ['OLD'] }] };
  const result = tagged(schema, [tags('n.R.f', 'sr_field', 'BOTH', 'NEW')], [tags('n.R.f', 'sr_field', 'BOTH', 'OLD')]);
  assert.equal(result, '{"type":"record","name":"R","namespace":"n","fields":[{"name":"f","type":"string","confluent:tags":["NEW"]}]}');
});

test('entities spelled with a leading dot are the same entity; their tags merge', () => {
  const changes = tagChanges([tags('R.f', 'sr_field', 'A'), tags('.R.f', 'sr_field', 'B'), tags('R.f', 'sr_record', 'C')]);
  assert.deepEqual(changes, [
    { entity: { entityPath: 'R.f', entityType: 'sr_field' }, add: ['A', 'B'], remove: [] },
    { entity: { entityPath: 'R.f', entityType: 'sr_record' }, add: ['C'], remove: [] },
  ]);
});

test("the record property keeps its place before the record's aliases", () => {
  const schema = { type: 'record', name: 'R', aliases: ['Old'], fields: [{ name: 'f', type: 'int', aliases: ['g'] }] };
  assert.equal(
    tagged(schema, [tags('R', 'sr_record', 'T'), tags('R.f', 'sr_field', 'T')]),
    '{"type":"record","name":"R","fields":[{"name":"f","type":"int","aliases":["g"],"confluent:tags":["T"]}],"confluent:tags":["T"],"aliases":["Old"]}',
  );
});

const isInvalid = (message: string) => (error: unknown) =>
  error instanceof RegistryError && error.errorCode === 42201 && error.message === message;

test('a path that names nothing is 42201, worded as Confluent words it', () => {
  const parsed = parseAvroSchema(canonical(order));
  for (const [path, type] of [
    ['does.not.exist', 'sr_field'],
    ['shop.orders.Order.missing', 'sr_field'],
    // The namespace is the record's own, not its parent's.
    ['shop.orders.Address', 'sr_record'],
    ['Order.total.extra', 'sr_field'],
  ] as const) {
    assert.throws(
      () => parsed.withTags(tagChanges([tags(path, type, 'T')])),
      isInvalid(`java.lang.IllegalArgumentException: No matching path '${path}' found in the schema`),
      path,
    );
  }
  // A field path needs a record and a field: Java fails on the range of names first.
  assert.throws(() => parsed.withTags(tagChanges([tags('total', 'sr_field', 'T')])), isInvalid('java.lang.IllegalArgumentException: 0 > -1'));
});
