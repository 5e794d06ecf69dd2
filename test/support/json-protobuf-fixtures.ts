/**
 * JSON Schema and Protobuf contracts shared by the client tests: an order
 * that evolves compatibly from version 1 to version 2.
 */

export const orderJsonSchemaV1 = JSON.stringify({
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'Order',
  type: 'object',
  properties: {
    order_id: { type: 'string' },
    amount: { type: 'number', minimum: 0 },
  },
  required: ['order_id', 'amount'],
  additionalProperties: false,
});

/**
 * v2 adds an optional property. v1's content model is closed, which makes that
 * compatible under Confluent's STRICT policy (on an open model it would not be).
 */
export const orderJsonSchemaV2 = JSON.stringify({
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'Order',
  type: 'object',
  properties: {
    order_id: { type: 'string' },
    amount: { type: 'number', minimum: 0 },
    currency: { type: 'string' },
  },
  required: ['order_id', 'amount'],
  additionalProperties: false,
});

/** Narrows `amount` to an integer: not BACKWARD compatible. */
export const orderJsonSchemaNarrowed = JSON.stringify({
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'Order',
  type: 'object',
  properties: {
    order_id: { type: 'string' },
    amount: { type: 'integer' },
  },
  required: ['order_id', 'amount'],
});

export const orderProtoV1 = `syntax = "proto3";
package com.example.orders;

message Order {
  string order_id = 1;
  double amount = 2;
}
`;

export const orderProtoV2 = `syntax = "proto3";
package com.example.orders;

message Order {
  string order_id = 1;
  double amount = 2;
  string currency = 3;
}
`;

/** Uses a well-known type, which the registry provides without a reference. */
export const orderProtoWithTimestamp = `syntax = "proto3";
package com.example.orders;

import "google/protobuf/timestamp.proto";

message Order {
  string order_id = 1;
  double amount = 2;
  string currency = 3;
  google.protobuf.Timestamp placed_at = 4;
}
`;

/** Changes the kind of field 2: not compatible. */
export const orderProtoKindChanged = `syntax = "proto3";
package com.example.orders;

message Order {
  string order_id = 1;
  string amount = 2;
}
`;
