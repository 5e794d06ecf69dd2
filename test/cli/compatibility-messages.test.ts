/**
 * Findings out of Confluent's verbose compatibility messages, one row per
 * message shape: the three formats' difference strings (with their quoting
 * quirks), the version and level trailers, and messages that are neither.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseCompatibilityMessages } from '../../cli/gates/compatibility-messages.js';

const TRAILER = "{validateFields: 'false', compatibility: 'BACKWARD_TRANSITIVE'}";

const cases = [
  {
    description: 'Avro: single quotes, additionalInfo, a path in the description',
    messages: [
      "{errorType:'READER_FIELD_MISSING_DEFAULT_VALUE', description:'The field 'email' at path '/fields/3' in the new schema has no default value and is missing in the old schema', additionalInfo:'email'}",
      '{oldSchemaVersion: 2}',
      `{oldSchema: '{"type":"record","name":"Customer","fields":[]}'}`,
      TRAILER,
    ],
    findings: [
      {
        severity: 'error',
        rule: 'READER_FIELD_MISSING_DEFAULT_VALUE',
        path: '/fields/3',
        version: 2,
        message: "The field 'email' at path '/fields/3' in the new schema has no default value and is missing in the old schema",
      },
    ],
    level: 'BACKWARD_TRANSITIVE',
  },
  {
    description: "JSON Schema: double quotes, closed by ' as Confluent's source does",
    messages: [
      `{errorType:"TYPE_CHANGED", description:"A type at path '#/properties/total' is different between the new schema and the old schema'}`,
      '{oldSchemaVersion: 1}',
      TRAILER,
    ],
    findings: [
      {
        severity: 'error',
        rule: 'TYPE_CHANGED',
        path: '#/properties/total',
        version: 1,
        message: "A type at path '#/properties/total' is different between the new schema and the old schema",
      },
    ],
    level: 'BACKWARD_TRANSITIVE',
  },
  {
    description: 'Protobuf: double quotes on both sides',
    messages: [
      `{errorType:"FIELD_SCALAR_KIND_CHANGED", description:"The kind of a SCALAR field at path '#/Order/2' in the new schema does not match its kind in the old schema"}`,
      TRAILER,
    ],
    findings: [
      {
        severity: 'error',
        rule: 'FIELD_SCALAR_KIND_CHANGED',
        path: '#/Order/2',
        message: "The kind of a SCALAR field at path '#/Order/2' in the new schema does not match its kind in the old schema",
      },
    ],
    level: 'BACKWARD_TRANSITIVE',
  },
  {
    description: 'a schema the registry cannot read: no trailer, the message as it stands',
    messages: ["Invalid schema of type AVRO, details: Unexpected character 'b'"],
    findings: [{ severity: 'error', message: "Invalid schema of type AVRO, details: Unexpected character 'b'" }],
    level: undefined,
  },
  {
    description: 'another schema type than the registered one',
    messages: ['Incompatible because of different schema type', TRAILER],
    findings: [{ severity: 'error', message: 'Incompatible because of different schema type' }],
    level: 'BACKWARD_TRANSITIVE',
  },
];

for (const { description, messages, findings, level } of cases) {
  test(description, () => {
    const parsed = parseCompatibilityMessages(messages);
    assert.deepEqual(parsed.findings, findings);
    assert.equal(parsed.level, level);
  });
}
