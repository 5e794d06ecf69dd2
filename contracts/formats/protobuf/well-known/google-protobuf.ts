/**
 * The `google/protobuf/*.proto` well-known types Confluent's `ProtobufSchema`
 * provides without registration (`KNOWN_DEPENDENCIES`). The small ones are
 * written here from the public descriptors (types and fields only);
 * `descriptor.proto`, `api.proto`, `type.proto` and `source_context.proto`
 * are the copies protobufjs ships.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const file = (body: string) => `syntax = "proto3";\npackage google.protobuf;\n\n${body}`;

const wrapper = (name: string, type: string) => `message ${name} {\n  ${type} value = 1;\n}\n`;

const WRITTEN: Record<string, string> = {
  'google/protobuf/any.proto': file('message Any {\n  string type_url = 1;\n  bytes value = 2;\n}\n'),
  'google/protobuf/duration.proto': file('message Duration {\n  int64 seconds = 1;\n  int32 nanos = 2;\n}\n'),
  'google/protobuf/empty.proto': file('message Empty {}\n'),
  'google/protobuf/field_mask.proto': file('message FieldMask {\n  repeated string paths = 1;\n}\n'),
  'google/protobuf/struct.proto': file(
    'message Struct {\n  map<string, Value> fields = 1;\n}\nmessage Value {\n  oneof kind {\n    NullValue null_value = 1;\n' +
      '    double number_value = 2;\n    string string_value = 3;\n    bool bool_value = 4;\n    Struct struct_value = 5;\n' +
      '    ListValue list_value = 6;\n  }\n}\nmessage ListValue {\n  repeated Value values = 1;\n}\nenum NullValue {\n  NULL_VALUE = 0;\n}\n',
  ),
  'google/protobuf/timestamp.proto': file('message Timestamp {\n  int64 seconds = 1;\n  int32 nanos = 2;\n}\n'),
  'google/protobuf/wrappers.proto': file(
    [
      ['DoubleValue', 'double'],
      ['FloatValue', 'float'],
      ['Int64Value', 'int64'],
      ['UInt64Value', 'uint64'],
      ['Int32Value', 'int32'],
      ['UInt32Value', 'uint32'],
      ['BoolValue', 'bool'],
      ['StringValue', 'string'],
      ['BytesValue', 'bytes'],
    ]
      .map(([name, type]) => wrapper(name!, type!))
      .join(''),
  ),
};

const SHIPPED = ['descriptor', 'api', 'type', 'source_context'].map((name) => `google/protobuf/${name}.proto`);

let shipped: Record<string, string> | undefined;

/** All of them by import path; the shipped ones are read on first use. */
export function googleProtobufFiles(): Record<string, string> {
  if (shipped === undefined) {
    const require = createRequire(import.meta.url);
    shipped = Object.fromEntries(SHIPPED.map((name) => [name, readFileSync(require.resolve(`protobufjs/${name}`), 'utf8')]));
  }
  return { ...WRITTEN, ...shipped };
}
