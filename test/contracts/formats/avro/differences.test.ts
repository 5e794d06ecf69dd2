/**
 * Confluent's verbose messages for Avro differences (client/.../avro/
 * Difference.java), pinned per type in both directions: BACKWARD names the
 * reader 'new' and the writer 'old', FORWARD the other way round.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { avroFormat } from '../../../../contracts/formats/avro/avro-format.js';
import {
  AVRO_DIFFERENCE_TYPES,
  avroDifference,
  renderAvroDifference,
  type AvroDifferenceType,
} from '../../../../contracts/formats/avro/differences.js';

const golden: { type: AvroDifferenceType; path: string; info: string; backward: string; forward: string }[] = [
  {
    type: 'READER_FIELD_MISSING_DEFAULT_VALUE',
    path: '/fields/1',
    info: 'f2',
    backward:
      "{errorType:'READER_FIELD_MISSING_DEFAULT_VALUE', description:'The field 'f2' at path '/fields/1' in the new schema has no default value and is missing in the old schema', additionalInfo:'f2'}",
    forward:
      "{errorType:'READER_FIELD_MISSING_DEFAULT_VALUE', description:'The field 'f2' at path '/fields/1' in the old schema has no default value and is missing in the new schema', additionalInfo:'f2'}",
  },
  {
    type: 'TYPE_MISMATCH',
    path: '/fields/0/type',
    info: 'reader type: INT not compatible with writer type: STRING',
    backward:
      "{errorType:'TYPE_MISMATCH', description:'The type (path '/fields/0/type') of a field in the new schema does not match with the old schema', additionalInfo:'reader type: INT not compatible with writer type: STRING'}",
    forward:
      "{errorType:'TYPE_MISMATCH', description:'The type (path '/fields/0/type') of a field in the old schema does not match with the new schema', additionalInfo:'reader type: INT not compatible with writer type: STRING'}",
  },
  {
    type: 'MISSING_UNION_BRANCH',
    path: '/fields/0/type/2',
    info: 'reader union lacking writer type: INT',
    backward:
      "{errorType:'MISSING_UNION_BRANCH', description:'The new schema is missing a type inside a union field at path '/fields/0/type/2' in the old schema', additionalInfo:'reader union lacking writer type: INT'}",
    forward:
      "{errorType:'MISSING_UNION_BRANCH', description:'The old schema is missing a type inside a union field at path '/fields/0/type/2' in the new schema', additionalInfo:'reader union lacking writer type: INT'}",
  },
  {
    type: 'MISSING_ENUM_SYMBOLS',
    path: '/fields/0/type/symbols',
    info: '[B, D]',
    backward:
      "{errorType:'MISSING_ENUM_SYMBOLS', description:'The new schema is missing enum symbols '[B, D]' at path '/fields/0/type/symbols' in the old schema', additionalInfo:'[B, D]'}",
    forward:
      "{errorType:'MISSING_ENUM_SYMBOLS', description:'The old schema is missing enum symbols '[B, D]' at path '/fields/0/type/symbols' in the new schema', additionalInfo:'[B, D]'}",
  },
  {
    type: 'FIXED_SIZE_MISMATCH',
    path: '/size',
    info: 'expected: 8, found: 4',
    backward:
      "{errorType:'FIXED_SIZE_MISMATCH', description:'The size of FIXED type field at path '/size' in the new schema does not match with the old schema', additionalInfo:'expected: 8, found: 4'}",
    forward:
      "{errorType:'FIXED_SIZE_MISMATCH', description:'The size of FIXED type field at path '/size' in the old schema does not match with the new schema', additionalInfo:'expected: 8, found: 4'}",
  },
  {
    type: 'NAME_MISMATCH',
    path: '/name',
    info: 'expected: com.acme.Customer',
    backward:
      "{errorType:'NAME_MISMATCH', description:'The name of the schema has changed (path '/name')', additionalInfo:'expected: com.acme.Customer'}",
    forward:
      "{errorType:'NAME_MISMATCH', description:'The name of the schema has changed (path '/name')', additionalInfo:'expected: com.acme.Customer'}",
  },
];

test('every Avro difference type has a pinned message', () => {
  assert.deepEqual(golden.map((g) => g.type).sort(), [...AVRO_DIFFERENCE_TYPES].sort());
});

for (const g of golden) {
  test(`${g.type} renders as Confluent words it`, () => {
    const difference = avroDifference(g.type, g.path, g.info);
    assert.equal(difference.message, g.backward);
    assert.equal(renderAvroDifference(difference, 'new', 'old'), g.backward);
    assert.equal(renderAvroDifference(difference, 'old', 'new'), g.forward);
    assert.equal(avroFormat.describe(difference, 'old', 'new'), g.forward);
  });
}

test('describe falls back to the message of a difference it did not make', () => {
  assert.equal(avroFormat.describe({ type: 'SOMETHING_ELSE', path: '/', message: 'as is' }, 'new', 'old'), 'as is');
});
