/**
 * The text the registry stores for a Protobuf schema (Confluent's
 * `canonicalString`) and its normalised form (`normalize=true`), pinned per
 * case in `fixtures/canonical.json`: our own cases, and those of Confluent's
 * ProtobufSchemaTest.java. Some of Confluent's schemas are not valid for
 * protoc (a field number inside a reserved range, an extend of a type never
 * imported, a list as a top-level option value); Confluent stores them
 * unvalidated, protobufjs rejects them: `rejected` pins that error, and the
 * texts are those of the schema read leniently, as a stored schema is.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseProtobufSchema } from '../../../../contracts/formats/protobuf/protobuf-format.js';

interface CanonicalCase {
  description: string;
  schema: string;
  /** Absent: not pinned. */
  canonical?: string;
  normalized?: string;
  /** The 42201 details when the schema is read strictly. */
  rejected?: string;
}

const fixtures = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');
const cases = JSON.parse(readFileSync(join(fixtures, 'canonical.json'), 'utf8')) as CanonicalCase[];

for (const c of cases) {
  test(c.description, () => {
    if (c.rejected !== undefined) {
      assert.throws(() => parseProtobufSchema(c.schema), {
        message: `Invalid schema of type PROTOBUF, details: ${c.rejected}`,
      });
    }
    const schema = parseProtobufSchema(c.schema, [], { lenient: c.rejected !== undefined });
    if (c.canonical !== undefined) assert.equal(schema.canonical(), c.canonical);
    if (c.normalized !== undefined) assert.equal(schema.normalized(), c.normalized);
    // Both texts are fixpoints: read again, they come out the same.
    const again = parseProtobufSchema(schema.canonical(), [], { lenient: true });
    assert.equal(again.canonical(), schema.canonical());
    const normalizedAgain = parseProtobufSchema(schema.normalized(), [], { lenient: true });
    assert.equal(normalizedAgain.normalized(), schema.normalized());
  });
}

test('option strings are escaped as Confluent escapes them (ProtobufSchemaTest.testOptionEscape)', () => {
  const schema = parseProtobufSchema(
    [
      'syntax = "proto3";',
      'option a = "backslash\\\\backslash";',
      'option b = "\\"quoted\\"";',
      "option c = \"\\'single\\'\";",
      'option d = "newline\\n bell\\a backspace\\b formfeed\\f return\\r tab\\t vertical\\v";',
      'message M { bool b = 1; }',
    ].join('\n'),
  );
  assert.equal(
    schema.canonical(),
    'syntax = "proto3";\n\n' +
      'option a = "backslash\\\\backslash";\n' +
      'option b = "\\"quoted\\"";\n' +
      "option c = \"\\'single\\'\";\n" +
      'option d = "newline\\n bell\\a backspace\\b formfeed\\f return\\r tab\\t vertical\\v";\n\n' +
      'message M {\n  bool b = 1;\n}\n',
  );
});

test('repeated aggregate options keep each value (ProtobufSchemaTest.testEnumOption)', () => {
  const schema = parseProtobufSchema(
    'import "google/protobuf/descriptor.proto";\n' +
      'enum FooParameterType {\n   NUMBER = 1;\n   STRING = 2;\n}\n' +
      'message FooOptions {\n  optional string name = 1;\n  optional FooParameterType type = 2; \n}\n' +
      'extend google.protobuf.MessageOptions {\n  repeated FooOptions foo = 12345;\n}\n' +
      'message Message {\n  option (foo) = {\n    name: "test"\n    type: STRING\n  };\n' +
      '  option (foo) = {\n    name: "test2"\n    type: NUMBER\n  };\n  optional int32 b = 2;\n}',
  );
  assert.match(schema.canonical(), /option \(foo\) = \{\n {4}name: "test",\n {4}type: STRING\n {2}\};/);
  assert.match(schema.canonical(), /option \(foo\) = \{\n {4}name: "test2",\n {4}type: NUMBER\n {2}\};/);
  // Normalised, the repeated extension is not merged: both stay, by resolved name.
  assert.equal(schema.normalized().match(/option \(foo\) = \{/g)?.length, 2);
});

test('numbers are rewritten only when normalising (ProtobufSchemaTest.testNumberFormats)', () => {
  const cases: [string, string][] = [
    ['123', '123'],
    ['0123', '83'],
    ['0x123', '291'],
    ['0123.0', '123'],
    ['123.', '123'],
    ['123.00', '123'],
    ['123e1', '1230'],
    ['123E+1', '1230'],
    ['123E-1', '12.3'],
    ['.123E+3', '123'],
    ['123.4567E+2', '12345.67'],
    ['-5', '-5'],
    ['inf', 'inf'],
  ];
  for (const [written, normalized] of cases) {
    const schema = parseProtobufSchema(`syntax = "proto3";\noption (n) = ${written};\nmessage M {}\n`, [], { lenient: true });
    assert.match(schema.canonical(), new RegExp(`option \\(n\\) = ${written.replace(/[.+]/g, '\\$&')};`));
    assert.match(schema.normalized(), new RegExp(`option \\(n\\) = ${normalized.replace(/[.+]/g, '\\$&')};`), written);
  }
});

test('normalising leaves out synthetic map entry messages and writes the map', () => {
  const schema = parseProtobufSchema(
    'syntax = "proto3";\nmessage TestMap {\n  repeated TestMapEntry test_map = 1;\n' +
      '  message TestMapEntry {\n    option map_entry = true;\n    string key = 1;\n    string value = 2;\n  }\n}\n',
    [],
    { lenient: true },
  );
  assert.equal(schema.normalized(), 'syntax = "proto3";\n\nmessage TestMap {\n  map<string, string> test_map = 1;\n}\n');
});
