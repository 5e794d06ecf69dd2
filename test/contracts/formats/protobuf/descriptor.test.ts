/**
 * Schemas as base64 `FileDescriptorProto`s, the form Confluent's JavaScript
 * serializers register and ask back for (`format=serialized`): read into the
 * same canonical text as Confluent's `toProtoFile(FileDescriptorProto)`, and
 * written so that `@bufbuild/protobuf` — which those serializers use — builds
 * working descriptors from them.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { create, createFileRegistry, fromBinary, toBinary } from '@bufbuild/protobuf';
import { FileDescriptorProtoSchema, file_google_protobuf_timestamp } from '@bufbuild/protobuf/wkt';
import { serializedDescriptor } from '../../../../contracts/formats/protobuf/descriptor-output.js';
import { parseProtobufSchema } from '../../../../contracts/formats/protobuf/protobuf-format.js';

const orders = `syntax = "proto3";
package com.example.orders;

import "google/protobuf/timestamp.proto";

message Order {
  string order_id = 1;
  double amount = 2;
  map<string, Line> lines = 3;
  optional string note = 4;
  google.protobuf.Timestamp placed_at = 5;
  Kind kind = 6;
  oneof payment {
    string card = 7;
    int64 cents = 8;
  }
  message Line {
    int32 quantity = 1 [deprecated = true];
  }
  enum Kind {
    KIND_UNSPECIFIED = 0;
    EXPRESS = 1;
  }
}
`;

/** The canonical text of `orders` once it has been through a descriptor: full names, map entries. */
const ordersFromDescriptor = `syntax = "proto3";
package com.example.orders;

import "google/protobuf/timestamp.proto";

message Order {
  string order_id = 1;
  double amount = 2;
  repeated .com.example.orders.Order.LinesEntry lines = 3;
  optional string note = 4;
  .google.protobuf.Timestamp placed_at = 5;
  .com.example.orders.Order.Kind kind = 6;

  oneof payment {
    string card = 7;
    int64 cents = 8;
  }

  message LinesEntry {
    option map_entry = true;
  
    string key = 1;
    .com.example.orders.Order.Line value = 2;
  }
  message Line {
    int32 quantity = 1 [deprecated = true];
  }
  enum Kind {
    KIND_UNSPECIFIED = 0;
    EXPRESS = 1;
  }
}
`;

test('a schema written as a descriptor reads back as Confluent reads descriptors', () => {
  const serialized = serializedDescriptor(parseProtobufSchema(orders));
  const read = parseProtobufSchema(serialized);
  assert.equal(read.canonical(), ordersFromDescriptor);
  assert.equal(read.name(), 'com.example.orders.Order');
  // Normalising turns the map entry back into a map.
  assert.match(read.normalized(), /\n {2}map<string, \.com\.example\.orders\.Order\.Line> lines = 3;\n/);
  assert.doesNotMatch(read.normalized(), /LinesEntry/);
  // Read again, the descriptor is the same.
  assert.equal(serializedDescriptor(read), serialized);
});

test('the descriptor builds working types with @bufbuild/protobuf', () => {
  const file = fromBinary(FileDescriptorProtoSchema, Buffer.from(serializedDescriptor(parseProtobufSchema(orders)), 'base64'));
  const registry = createFileRegistry(file, (name) => (name === 'google/protobuf/timestamp.proto' ? file_google_protobuf_timestamp : undefined));
  const order = registry.getMessage('com.example.orders.Order');
  assert.ok(order);
  assert.equal(order.field['lines']?.fieldKind, 'map');
  assert.equal(order.field['note']?.proto.proto3Optional, true);
  assert.equal(order.field['kind']?.fieldKind, 'enum');
  assert.deepEqual(order.oneofs.map((o) => o.name), ['payment']);
  const message = create(order, { orderId: 'o-1', amount: 2.5, lines: { a: { quantity: 3 } } } as never);
  assert.ok(toBinary(order, message).length > 0);
});

test('a descriptor as a client registers it: relative names, no syntax for proto2', () => {
  const bytes = toBinary(
    FileDescriptorProtoSchema,
    create(FileDescriptorProtoSchema, {
      name: 'legacy.proto',
      package: 'legacy',
      messageType: [
        {
          name: 'Item',
          field: [
            { name: 'id', number: 1, label: 2, type: 3 },
            { name: 'tags', number: 2, label: 3, type: 9 },
            { name: 'size', number: 3, label: 1, type: 14, typeName: 'Size', defaultValue: 'SMALL' },
          ],
          reservedRange: [{ start: 5, end: 6 }, { start: 8, end: 11 }],
          reservedName: ['old'],
        },
      ],
      enumType: [{ name: 'Size', value: [{ name: 'SMALL', number: 0 }, { name: 'LARGE', number: 1 }] }],
    }),
  );
  const schema = parseProtobufSchema(Buffer.from(bytes).toString('base64'));
  assert.equal(
    schema.canonical(),
    'package legacy;\n\nmessage Item {\n  reserved 5;\n  reserved 8 to 10;\n  reserved "old";\n\n' +
      '  required int64 id = 1;\n  repeated string tags = 2;\n  optional Size size = 3 [default = SMALL];\n}\n' +
      'enum Size {\n  SMALL = 0;\n  LARGE = 1;\n}\n',
  );
});

test('text that is neither .proto nor a descriptor keeps the .proto error', () => {
  assert.throws(() => parseProtobufSchema('bm90IGEgZGVzY3JpcHRvcg=='), {
    message: "Invalid schema of type PROTOBUF, details: line 1:1: unexpected 'bm90IGEgZGVzY3JpcHRvcg'",
  });
});

test('formats: serialized, ignore_extensions, and the canonical text for anything else', () => {
  const schema = parseProtobufSchema(
    'syntax = "proto2";\nimport "google/protobuf/descriptor.proto";\nimport "confluent/meta.proto";\n' +
      'extend google.protobuf.FieldOptions {\n  optional string pii = 50001;\n}\n' +
      'message M {\n  optional string a = 1 [(pii) = "yes", (confluent.field_meta).doc = "kept"];\n  extensions 100 to 200;\n}\n',
  );
  assert.equal(schema.formatted('serialized'), serializedDescriptor(schema));
  assert.equal(schema.formatted(undefined), schema.canonical());
  assert.equal(schema.formatted('unknown'), schema.canonical());
  assert.equal(
    schema.formatted('ignore_extensions'),
    'syntax = "proto2";\n\nimport "google/protobuf/descriptor.proto";\nimport "confluent/meta.proto";\n\n' +
      'message M {\n  optional string a = 1 [(confluent.field_meta).doc = "kept"];\n}\n',
  );
});
