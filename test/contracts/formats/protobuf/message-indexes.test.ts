/**
 * Message indexes of the Protobuf wire format: where a message sits among
 * the messages of its file and of its parents (enums do not count), by full
 * name and back, and written as Confluent's serializers write them.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { messageIndexesOf } from '../../../../contracts/formats/protobuf/message-indexes.js';
import { parseProtobufSchema } from '../../../../contracts/formats/protobuf/protobuf-format.js';
import { decodeMessageIndexes, encodeMessageIndexes } from '../../../../contracts/wire-format.js';

const schema = parseProtobufSchema(
  'syntax = "proto3";\npackage acme.v1;\n' +
    'enum Kind { KIND_UNSPECIFIED = 0; }\n' +
    'message Customer {\n  enum Tier { TIER_UNSPECIFIED = 0; }\n  message Address { string zip = 1; }\n' +
    '  message Contact {\n    message Phone { string number = 1; }\n    message Email { string address = 1; }\n  }\n}\n' +
    'message Order { string id = 1; }\n',
);

const EXPECTED: [string, number[]][] = [
  ['acme.v1.Customer', [0]],
  ['acme.v1.Order', [1]],
  ['acme.v1.Customer.Address', [0, 0]],
  ['acme.v1.Customer.Contact', [0, 1]],
  ['acme.v1.Customer.Contact.Email', [0, 1, 1]],
];

test('indexes by full name, and the name back from the indexes', () => {
  for (const [name, indexes] of EXPECTED) {
    assert.deepEqual(messageIndexesOf(schema, name), indexes, name);
    assert.deepEqual(schema.messageIndexes(name), indexes, name);
    assert.equal(schema.messageName(indexes), name);
  }
  assert.deepEqual(schema.messageIndexes('Customer.Contact.Phone'), [0, 1, 0]);
  assert.equal(schema.messageName([]), 'acme.v1.Customer');
});

test('the indexes of the first message are written as one zero byte', () => {
  assert.deepEqual(encodeMessageIndexes(schema.messageIndexes('acme.v1.Customer')), Buffer.from([0]));
  const bytes = encodeMessageIndexes(schema.messageIndexes('acme.v1.Customer.Contact.Email'));
  assert.equal(bytes.toString('hex'), '06000202');
  assert.equal(schema.messageName(decodeMessageIndexes(bytes).indexes), 'acme.v1.Customer.Contact.Email');
});

test('unknown messages and indexes are errors', () => {
  assert.throws(() => schema.messageIndexes('acme.v1.Kind'), /No message named 'acme.v1.Kind'/);
  assert.throws(() => schema.messageIndexes('acme.v1.Customer.Nope'), /No message named/);
  assert.throws(() => schema.messageName([2]), /Invalid message indexes: \[2\]/);
});
