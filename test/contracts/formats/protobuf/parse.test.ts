/**
 * Parsing and validation of Protobuf schemas: proto2, proto3 and editions;
 * imports of the well-known files without registering them; imports through
 * references (nested ones too); every invalid schema of
 * `fixtures/invalid-schemas.json` is a 42201 naming line and column; the
 * schema's name; and the protobufjs root serializers use.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RegistryError } from '../../../../contracts/errors.js';
import { parseProtobufSchema, protobufFormat } from '../../../../contracts/formats/protobuf/protobuf-format.js';
import { wellKnownTexts } from '../../../../contracts/formats/protobuf/well-known/index.js';
import type { ResolvedReference } from '../../../../contracts/schema.js';

interface InvalidCase {
  description: string;
  schema: string;
  references?: ResolvedReference[];
  details: string;
}

const fixtures = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');
const invalid = JSON.parse(readFileSync(join(fixtures, 'invalid-schemas.json'), 'utf8')) as InvalidCase[];

for (const c of invalid) {
  test(`invalid: ${c.description}`, () => {
    assert.throws(
      () => protobufFormat.parse(c.schema, c.references ?? []),
      (error: unknown) => {
        assert.ok(error instanceof RegistryError, `expected a RegistryError, got ${String(error)}`);
        assert.equal(error.errorCode, 42201);
        assert.equal(error.message, `Invalid schema of type PROTOBUF, details: ${c.details}`);
        return true;
      },
    );
  });
}

const reference = (name: string, schema: string, references: ResolvedReference[] = [], version = 1): ResolvedReference => ({
  name,
  subject: name,
  version,
  schemaType: 'PROTOBUF',
  schema,
  references,
});

test('proto2: labels, defaults, groups, extensions', () => {
  const schema = parseProtobufSchema(
    'syntax = "proto2";\npackage legacy;\nmessage Old {\n  required int64 id = 1;\n  optional string name = 2 [default = "none"];\n' +
      '  repeated group Item = 3 {\n    optional int32 n = 4;\n  }\n  extensions 100 to max;\n}\n',
  );
  assert.equal(schema.name(), 'legacy.Old');
  assert.equal(schema.root().lookupType('legacy.Old').fields['id']!.required, true);
});

test('a file without a syntax line is proto2', () => {
  const schema = parseProtobufSchema('message M {\n  optional int32 a = 1;\n}\n');
  assert.equal(schema.canonical(), '\nmessage M {\n  optional int32 a = 1;\n}\n');
});

test('proto3: maps, oneofs, optional, nested and enum types; the name is the first message', () => {
  const schema = parseProtobufSchema(
    'syntax = "proto3";\npackage shop.v1;\nenum Kind { KIND_UNSPECIFIED = 0; }\nmessage Order {\n  optional string id = 1;\n' +
      '  map<string, Line> lines = 2;\n  oneof pay { string card = 3; string iban = 4; }\n  message Line { int32 qty = 1; }\n}\n',
  );
  assert.equal(schema.name(), 'shop.v1.Order');
  const order = schema.root().lookupType('shop.v1.Order');
  assert.deepEqual(Object.keys(order.fields), ['id', 'lines', 'card', 'iban']);
});

test('the name of a schema without messages is its first enum; without types there is none', () => {
  assert.equal(parseProtobufSchema('syntax = "proto3";\npackage p;\nenum E { A = 0; }\n').name(), 'p.E');
  assert.equal(parseProtobufSchema('syntax = "proto3";\npackage p;\n').name(), undefined);
});

test('editions are read like proto3', () => {
  const schema = parseProtobufSchema('edition = "2023";\nmessage M {\n  string s = 1;\n}\n');
  assert.equal(schema.canonical(), 'edition = "2023";\n\nmessage M {\n  string s = 1;\n}\n');
});

test('every well-known file can be imported without registering it', () => {
  const typeOf: Record<string, string> = {};
  for (const [path, text] of wellKnownTexts()) {
    const pkg = /^package ([\w.]+);/m.exec(text)![1]!;
    const first = /^(?:message|enum) (\w+)/m.exec(text)![1]!;
    typeOf[path] = `${pkg}.${first}`;
  }
  assert.ok(Object.keys(typeOf).length >= 30);
  for (const [path, type] of Object.entries(typeOf)) {
    const kind = /\.(NullValue|CalendarPeriod|DayOfWeek|Month|Edition)$/.test(type) ? 'enum' : 'message';
    const field = kind === 'enum' ? `  ${type} e = 1;` : `  ${type} m = 1;`;
    const schema = parseProtobufSchema(`syntax = "proto3";\nimport "${path}";\nmessage Uses {\n${field}\n}\n`);
    assert.ok(schema.root().lookup(type), `${path} gives ${type}`);
  }
});

test('the common well-known types resolve, and Confluent metadata options are read', () => {
  const schema = parseProtobufSchema(
    'syntax = "proto3";\nimport "google/protobuf/timestamp.proto";\nimport "google/protobuf/duration.proto";\n' +
      'import "google/protobuf/any.proto";\nimport "google/protobuf/struct.proto";\nimport "google/protobuf/wrappers.proto";\n' +
      'import "google/protobuf/empty.proto";\nimport "google/protobuf/field_mask.proto";\nimport "confluent/meta.proto";\n' +
      'import "confluent/type/decimal.proto";\nimport "google/type/date.proto";\n' +
      'message Event {\n  option (confluent.message_meta).doc = "an event";\n  google.protobuf.Timestamp at = 1;\n' +
      '  google.protobuf.Duration took = 2;\n  google.protobuf.Any detail = 3;\n  google.protobuf.Struct extra = 4;\n' +
      '  google.protobuf.Int64Value count = 5;\n  google.protobuf.Empty nothing = 6;\n  google.protobuf.FieldMask mask = 7;\n' +
      '  confluent.type.Decimal amount = 8 [(confluent.field_meta).params = { key: "precision", value: "8" }];\n' +
      '  google.type.Date day = 9;\n}\n',
  );
  assert.equal(schema.root().lookupType('Event').fieldsArray.length, 9);
});

test('imports resolve through references, nested references included', () => {
  const money = reference('money.proto', 'syntax = "proto3";\npackage fin;\nmessage Money {\n  int64 cents = 1;\n}\n');
  const line = reference(
    'line.proto',
    'syntax = "proto3";\npackage fin;\nimport "money.proto";\nmessage Line {\n  Money price = 1;\n}\n',
    [money],
  );
  const schema = parseProtobufSchema(
    'syntax = "proto3";\nimport "line.proto";\nmessage Invoice {\n  repeated fin.Line lines = 1;\n}\n',
    [line],
  );
  assert.equal(schema.root().lookupType('fin.Line').fields['price']!.resolvedType?.fullName, '.fin.Money');
  assert.deepEqual([...schema.references.keys()], ['line.proto']);
  assert.ok(schema.dependencies.has('money.proto'));
});

test('a reference replaces the well-known file of the same import path', () => {
  const own = reference('google/protobuf/timestamp.proto', 'syntax = "proto3";\npackage google.protobuf;\nmessage Timestamp {\n  string iso = 1;\n}\n');
  const schema = parseProtobufSchema(
    'syntax = "proto3";\nimport "google/protobuf/timestamp.proto";\nmessage M {\n  google.protobuf.Timestamp at = 1;\n}\n',
    [own],
  );
  assert.deepEqual(Object.keys(schema.root().lookupType('google.protobuf.Timestamp').fields), ['iso']);
});

test('lenient reading skips validation until the protobufjs root is asked for', () => {
  const text = 'syntax = "proto3";\nmessage M {\n  reserved 1;\n  int32 a = 1;\n  bad.Type b = 2;\n}\n';
  assert.throws(() => parseProtobufSchema(text), RegistryError);
  const lenient = parseProtobufSchema(text, [], { lenient: true });
  assert.equal(lenient.canonical(), 'syntax = "proto3";\n\nmessage M {\n  reserved 1;\n\n  int32 a = 1;\n  bad.Type b = 2;\n}\n');
  assert.throws(() => lenient.root(), { message: 'Invalid schema of type PROTOBUF, details: line 2:1: id 1 is reserved in Type M' });
  // Normalising needs every name resolved: Confluent's "Could not resolve type".
  assert.throws(() => lenient.normalized(), { message: 'Invalid schema of type PROTOBUF, details: Could not resolve type: bad.Type' });
});

test('comments, stray semicolons and adjacent strings are read as protoc reads them', () => {
  const schema = parseProtobufSchema(
    '// leading\nsyntax = "proto3"; /* block */\n;\noption java_package = "a" \'.b\';\nmessage M {\n  ;\n  int32 a = 1; // trailing\n};\n',
  );
  assert.equal(schema.canonical(), 'syntax = "proto3";\n\noption java_package = "a.b";\n\nmessage M {\n  int32 a = 1;\n}\n');
});
