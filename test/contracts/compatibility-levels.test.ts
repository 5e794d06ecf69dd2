/**
 * The seven compatibility levels composed over Avro reader/writer checks,
 * after Confluent's AvroCompatibilityTest: direction (new reads old, old reads
 * new, both) × scope (latest only, or every version newest first).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { compatibilityMessages } from '../../contracts/compatibility.js';
import type { CompatibilityLevel } from '../../contracts/config.js';
import { avroFormat } from '../../contracts/formats/avro/avro-format.js';

const record = (...fields: object[]) => JSON.stringify({ type: 'record', name: 'myrecord', fields });
const SCHEMAS = {
  /** f1 */
  s1: record({ name: 'f1', type: 'string' }),
  /** f1, and f2 with a default */
  s2: record({ name: 'f1', type: 'string' }, { name: 'f2', type: 'string', default: 'foo' }),
  /** f1, and f2 without a default */
  s3: record({ name: 'f1', type: 'string' }, { name: 'f2', type: 'string' }),
  /** f1 renamed to f1_new, with the old name as an alias */
  s4: record({ name: 'f1_new', type: 'string', aliases: ['f1'] }),
  /** f1 widened to a union with null */
  s6: record({ name: 'f1', type: ['null', 'string'] }),
  /** f1 as a union of null, string and int */
  s7: record({ name: 'f1', type: ['null', 'string', 'int'] }),
  /** f1, f2 and f3, both new ones with defaults */
  s8: record({ name: 'f1', type: 'string' }, { name: 'f2', type: 'string', default: 'foo' }, { name: 'f3', type: 'string', default: 'bar' }),
};
type Name = keyof typeof SCHEMAS;

function compatible(level: CompatibilityLevel, candidate: Name, previous: Name[]): boolean {
  const messages = compatibilityMessages({
    level,
    policy: 'STRICT',
    format: avroFormat,
    candidate: avroFormat.parse(SCHEMAS[candidate], []),
    previous: previous.map((name, i) => ({ version: i + 1, parsed: avroFormat.parse(SCHEMAS[name], []) })),
  });
  return messages.length === 0;
}

// [level, new schema, previous versions oldest first, compatible?, why]
const CASES: [CompatibilityLevel, Name, Name[], boolean, string][] = [
  ['BACKWARD', 's2', ['s1'], true, 'adding a field with a default'],
  ['BACKWARD', 's3', ['s1'], false, 'adding a field without a default'],
  ['BACKWARD', 's4', ['s1'], true, 'renaming a field with an alias'],
  ['BACKWARD', 's6', ['s1'], true, 'widening a field to a union'],
  ['BACKWARD', 's1', ['s6'], false, 'narrowing a union to one branch'],
  ['BACKWARD', 's7', ['s6'], true, 'adding a union branch'],
  ['BACKWARD', 's6', ['s7'], false, 'removing a union branch'],
  ['BACKWARD', 's3', ['s1', 's2'], true, 'only the latest version is compared'],
  ['BACKWARD_TRANSITIVE', 's3', ['s1', 's2'], false, 'every version is compared'],
  ['BACKWARD_TRANSITIVE', 's8', ['s1', 's2'], true, 'compatible with every version'],
  ['FORWARD', 's1', ['s2'], true, 'removing a field that has a default'],
  ['FORWARD', 's2', ['s1'], true, 'adding a field: old readers ignore it'],
  ['FORWARD', 's1', ['s3'], false, 'removing a field old readers need'],
  ['FORWARD', 's1', ['s3', 's2'], true, 'only the latest version is compared'],
  ['FORWARD_TRANSITIVE', 's1', ['s3', 's2'], false, 'the first version cannot read the new one'],
  ['FULL', 's2', ['s1'], true, 'adding a field with a default'],
  ['FULL', 's3', ['s1'], false, 'new cannot read old'],
  ['FULL', 's1', ['s3'], false, 'old cannot read new'],
  ['FULL', 's8', ['s4', 's2'], true, 'only the latest version is compared'],
  ['FULL_TRANSITIVE', 's8', ['s4', 's2'], false, 'the first version cannot read the new one'],
  ['FULL_TRANSITIVE', 's8', ['s1', 's2'], true, 'compatible both ways with every version'],
  ['NONE', 's3', ['s1'], true, 'nothing is checked'],
];

describe('compatibility levels', () => {
  for (const [level, candidate, previous, expected, why] of CASES) {
    test(`${level}: ${candidate} after [${previous.join(', ')}] is ${expected ? '' : 'in'}compatible (${why})`, () => {
      assert.equal(compatible(level, candidate, previous), expected);
    });
  }

  test('a subject with no versions accepts anything at every level', () => {
    for (const level of ['BACKWARD', 'FORWARD_TRANSITIVE', 'FULL'] as const) assert.equal(compatible(level, 's3', []), true);
  });
});

describe('verbose messages', () => {
  test('BACKWARD: the difference, the old version and schema, then the level', () => {
    const messages = compatibilityMessages({
      level: 'BACKWARD',
      policy: 'STRICT',
      format: avroFormat,
      candidate: avroFormat.parse(SCHEMAS.s3, []),
      previous: [{ version: 1, parsed: avroFormat.parse(SCHEMAS.s1, []) }],
    });
    assert.deepEqual(messages, [
      "{errorType:'READER_FIELD_MISSING_DEFAULT_VALUE', description:'The field 'f2' at path '/fields/1' in the new schema has no default value and is missing in the old schema', additionalInfo:'f2'}",
      '{oldSchemaVersion: 1}',
      `{oldSchema: '${avroFormat.parse(SCHEMAS.s1, []).canonical()}'}`,
      "{validateFields: 'false', compatibility: 'BACKWARD'}",
    ]);
  });

  test('FORWARD names the roles the other way round', () => {
    const messages = compatibilityMessages({
      level: 'FORWARD',
      policy: 'STRICT',
      format: avroFormat,
      candidate: avroFormat.parse(SCHEMAS.s1, []),
      previous: [{ version: 4, parsed: avroFormat.parse(SCHEMAS.s3, []) }],
    });
    assert.match(messages[0]!, /in the old schema has no default value and is missing in the new schema/);
    assert.equal(messages[1], '{oldSchemaVersion: 4}');
    assert.equal(messages.at(-1), "{validateFields: 'false', compatibility: 'FORWARD'}");
  });

  test('a different schema type is reported as such', () => {
    const other = { ...avroFormat.parse(SCHEMAS.s1, []), schemaType: 'JSON' as const };
    const messages = compatibilityMessages({
      level: 'BACKWARD',
      policy: 'STRICT',
      format: avroFormat,
      candidate: avroFormat.parse(SCHEMAS.s1, []),
      previous: [{ version: 1, parsed: other }],
    });
    assert.equal(messages[0], 'Incompatible because of different schema type');
  });
});
