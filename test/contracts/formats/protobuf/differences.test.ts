/**
 * Protobuf differences one type at a time: a pair of schemas that shows it,
 * where it is reported, whether Confluent counts it compatible, and
 * Confluent's verbose message for it (diff/Difference.java) in both
 * directions — BACKWARD names the reader 'new' and the writer 'old', FORWARD
 * the other way round. Compatible types have an empty description.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  PROTOBUF_DIFFERENCE_TYPES,
  isCompatibleChange,
  renderProtobufDifference,
  type ProtobufDifferenceType,
} from '../../../../contracts/formats/protobuf/differences.js';
import { parseProtobufSchema, protobufFormat } from '../../../../contracts/formats/protobuf/protobuf-format.js';
import { compatibilityMessages } from '../../../../contracts/compatibility.js';
import type { ParsedSchema } from '../../../../contracts/formats/format.js';

interface Case {
  original: string;
  update: string;
  path: string;
  /** The BACKWARD message; absent for compatible types, whose description is empty. */
  message?: string;
}

const p3 = (body: string) => `syntax = "proto3";\n${body}`;
const p2 = (body: string) => `syntax = "proto2";\n${body}`;

const CASES: Record<ProtobufDifferenceType, Case> = {
  PACKAGE_CHANGED: {
    original: p3('package a;\nmessage M { int32 x = 1; }'),
    update: p3('package b;\nmessage M { int32 x = 1; }'),
    path: '#/',
    message:
      "{errorType:\"PACKAGE_CHANGED\", description:\"The package at '#/' in the new schema does not match the package in the old schema\"}",
  },
  MESSAGE_ADDED: { original: p3('message M {}'), update: p3('message M {}\nmessage N {}'), path: '#/N' },
  MESSAGE_REMOVED: {
    original: p3('message M {}\nmessage N {}'),
    update: p3('message M {}'),
    path: '#/N',
    message: "{errorType:\"MESSAGE_REMOVED\", description:\"The new schema is missing a MESSAGE type at path '#/N' in the old schema\"}",
  },
  MESSAGE_MOVED: { original: p3('message M {}\nmessage N {}'), update: p3('message N {}\nmessage M {}'), path: '#/M' },
  ENUM_ADDED: { original: p3('message M {}'), update: p3('message M {}\nenum E { A = 0; }'), path: '#/E' },
  ENUM_REMOVED: { original: p3('message M {}\nenum E { A = 0; }'), update: p3('message M {}'), path: '#/E' },
  ENUM_CONST_ADDED: { original: p3('enum E { A = 0; }'), update: p3('enum E { A = 0; B = 1; }'), path: '#/E/1' },
  ENUM_CONST_CHANGED: { original: p3('enum E { A = 0; B = 1; }'), update: p3('enum E { A = 0; C = 1; }'), path: '#/E/1' },
  ENUM_CONST_REMOVED: { original: p3('enum E { A = 0; B = 1; }'), update: p3('enum E { A = 0; }'), path: '#/E/1' },
  FIELD_ADDED: { original: p3('message M {}'), update: p3('message M { int32 x = 1; }'), path: '#/M/1' },
  FIELD_REMOVED: { original: p3('message M { int32 x = 1; }'), update: p3('message M {}'), path: '#/M/1' },
  FIELD_NAME_CHANGED: { original: p3('message M { int32 x = 1; }'), update: p3('message M { int32 y = 1; }'), path: '#/M/1' },
  FIELD_KIND_CHANGED: {
    original: p3('message M { int32 x = 1; }'),
    update: p3('message M { map<string, int32> x = 1; }'),
    path: '#/M/1',
    message:
      "{errorType:\"FIELD_KIND_CHANGED\", description:\"The type of a field at path '#/M/1' in the new schema does not match the old schema\"}",
  },
  FIELD_SCALAR_KIND_CHANGED: {
    original: p3('message M { int32 x = 1; }'),
    update: p3('message M { sint32 x = 1; }'),
    path: '#/M/1',
    message:
      "{errorType:\"FIELD_SCALAR_KIND_CHANGED\", description:\"The kind of a SCALAR field at path '#/M/1' in the new schema does not match its kind in the old schema\"}",
  },
  FIELD_NAMED_TYPE_CHANGED: {
    original: p3('message M { A x = 1; }\nmessage A {}\nmessage B {}'),
    update: p3('message M { B x = 1; }\nmessage A {}\nmessage B {}'),
    path: '#/M/1',
    message:
      "{errorType:\"FIELD_NAMED_TYPE_CHANGED\", description:\"The type of a MESSAGE field at path '#/M/1' in the new schema does not match its type in the old schema\"}",
  },
  FIELD_NUMERIC_LABEL_CHANGED: {
    original: p2('message M { optional int64 x = 1; }'),
    update: p2('message M { repeated int64 x = 1; }'),
    path: '#/M/1',
    message:
      "{errorType:\"FIELD_NUMERIC_LABEL_CHANGED\", description:\"The label for a NUMERIC field at path '#/M/1' in the new schema does not match its label in the old schema\"}",
  },
  FIELD_STRING_OR_BYTES_LABEL_CHANGED: {
    original: p2('message M { optional bytes x = 1; }'),
    update: p2('message M { repeated bytes x = 1; }'),
    path: '#/M/1',
  },
  REQUIRED_FIELD_ADDED: {
    original: p2('message M {}'),
    update: p2('message M { required string x = 1; }'),
    path: '#/M/1',
    message:
      "{errorType:\"REQUIRED_FIELD_ADDED\", description:\"A required field  at path '#/M/1' in the new schema is missing in the old schema\"}",
  },
  REQUIRED_FIELD_REMOVED: {
    original: p2('message M { required string x = 1; }'),
    update: p2('message M {}'),
    path: '#/M/1',
    message:
      "{errorType:\"REQUIRED_FIELD_REMOVED\", description:\"The new schema is missing a required field at path: '#/M/1' in the old schema\"}",
  },
  ONEOF_ADDED: { original: p3('message M {}'), update: p3('message M { oneof o { int32 x = 1; } }'), path: '#/M/o' },
  ONEOF_REMOVED: { original: p3('message M { oneof o { int32 x = 1; } }'), update: p3('message M {}'), path: '#/M/o' },
  ONEOF_FIELD_ADDED: {
    original: p3('message M { oneof o { int32 x = 1; } }'),
    update: p3('message M { oneof o { int32 x = 1; int32 y = 2; } }'),
    path: '#/M/o/2',
  },
  ONEOF_FIELD_REMOVED: {
    original: p3('message M { oneof o { int32 x = 1; int32 y = 2; } }'),
    update: p3('message M { oneof o { int32 x = 1; } }'),
    path: '#/M/o/2',
    message:
      "{errorType:\"ONEOF_FIELD_REMOVED\", description:\"The new schema is missing a oneof field at path '#/M/o/2' in the old schema\"}",
  },
  ONEOF_FIELD_MOVED_TO_TOP_LEVEL: {
    // The oneof dissolved (a member leaving a oneof that stays is ONEOF_FIELD_REMOVED, as released versions say).
    original: p3('message M { int32 x = 1; oneof o { int32 y = 2; } }'),
    update: p3('message M { int32 x = 1; int32 y = 2; }'),
    path: '#/M/2',
    message:
      "{errorType:\"ONEOF_FIELD_MOVED_TO_TOP_LEVEL\", description:\"The oneof field at path '#/M/2' in the new schema was moved out of its oneof to a top-level field in the old schema\"}",
  },
  MULTIPLE_FIELDS_MOVED_TO_ONEOF: {
    original: p3('message M { int32 x = 1; int32 y = 2; }'),
    update: p3('message M { oneof o { int32 x = 1; int32 y = 2; } }'),
    path: '#/M/o',
    message:
      "{errorType:\"MULTIPLE_FIELDS_MOVED_TO_ONEOF\", description:\"Multiple fields in the oneof at path '#/M/o' in the new schema are outside a oneof in the old schema\"}",
  },
  FIELD_MOVED_TO_EXISTING_ONEOF: {
    original: p3('message M { int32 x = 1; oneof o { int32 y = 2; } }'),
    update: p3('message M { oneof o { int32 x = 1; int32 y = 2; } }'),
    path: '#/M/o',
    message:
      "{errorType:\"FIELD_MOVED_TO_EXISTING_ONEOF\", description:\"A field in the oneof at path '#/M/o' in the new schema is outside an existing oneof in the old schema\"}",
  },
};

for (const type of PROTOBUF_DIFFERENCE_TYPES) {
  const c = CASES[type];
  test(`${type} at ${c.path}`, () => {
    const original = parseProtobufSchema(c.original);
    const update = parseProtobufSchema(c.update);
    const found = update.differencesFrom(original).find((d) => d.type === type);
    assert.ok(found, `no ${type} among ${JSON.stringify(update.differencesFrom(original).map((d) => d.type))}`);
    assert.equal(found.path, c.path);
    const compatible = c.message === undefined || type === 'ONEOF_FIELD_MOVED_TO_TOP_LEVEL';
    assert.equal(isCompatibleChange(type), compatible);
    assert.equal(update.readerDifferences(original).some((d) => d.type === type && d.path === c.path), !compatible);
    const backward = c.message ?? `{errorType:"${type}", description:""}`;
    assert.equal(found.message, backward);
    assert.equal(protobufFormat.describe(found, 'new', 'old'), backward);
    const forward = renderProtobufDifference(found, 'old', 'new');
    assert.equal(forward, backward.replace(/\bnew\b/g, '\0').replace(/\bold\b/g, 'new').replace(/\0/g, 'old'));
  });
}

test('a schema read against itself has no differences', () => {
  const text = p3('package p;\nmessage M {\n  map<string, N> m = 1;\n  oneof o { string a = 2; N b = 3; }\n  message N { M back = 1; }\n}\nenum E { A = 0; }');
  assert.deepEqual(parseProtobufSchema(text).differencesFrom(parseProtobufSchema(text)), []);
});

test('recursive message types are compared once', () => {
  const v1 = reference('node.proto', 'syntax = "proto3";\npackage t;\nmessage Node { int32 v = 1; Node next = 2; }');
  const v2 = reference('node.proto', 'syntax = "proto3";\npackage t;\nmessage Node { string v = 1; Node next = 2; }', 2);
  const main = 'syntax = "proto3";\nimport "node.proto";\nmessage List { t.Node head = 1; }';
  const differences = parseProtobufSchema(main, [v2]).readerDifferences(parseProtobufSchema(main, [v1]));
  assert.deepEqual(
    differences.map((d) => `${d.type} ${d.path}`),
    ['FIELD_SCALAR_KIND_CHANGED #/Node/1', 'FIELD_NAMED_TYPE_CHANGED #/List/1'],
  );
});

test('a Protobuf schema is not compared with another format', () => {
  const schema = parseProtobufSchema(p3('message M {}'));
  const avro: ParsedSchema = {
    schemaType: 'AVRO',
    canonical: () => '"int"',
    normalized: () => '"int"',
    readerDifferences: () => [],
    name: () => undefined,
    hasTopLevelField: () => false,
  };
  assert.throws(() => schema.readerDifferences(avro), TypeError);
});

function reference(name: string, schema: string, version = 1) {
  return { name, subject: name, version, schemaType: 'PROTOBUF' as const, schema, references: [] };
}

test('the registry words a failed BACKWARD check as Confluent does', () => {
  const old = parseProtobufSchema(p3('message TestMessage {\n  string a = 1;\n  int32 b = 2;\n}\n'));
  const candidate = parseProtobufSchema(p3('message TestMessage {\n  string a = 1;\n  string b = 2;\n}\n'));
  const messages = compatibilityMessages({
    level: 'BACKWARD',
    policy: 'STRICT',
    format: protobufFormat,
    candidate,
    previous: [{ version: 1, parsed: old }],
  });
  assert.deepEqual(messages, [
    "{errorType:\"FIELD_SCALAR_KIND_CHANGED\", description:\"The kind of a SCALAR field at path '#/TestMessage/2' in the new schema does not match its kind in the old schema\"}",
    '{oldSchemaVersion: 1}',
    `{oldSchema: '${old.canonical()}'}`,
    "{validateFields: 'false', compatibility: 'BACKWARD'}",
  ]);
});
