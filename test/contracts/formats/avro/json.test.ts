/**
 * The JSON layer under the Avro format: Jackson's reading (comments, key
 * order, repeated keys, number kinds) and writing (escapes, Java's number
 * text), which the canonical text depends on.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { javaDoubleToString, javaFloatToString } from '../../../../contracts/formats/avro/java-numbers.js';
import { JsonSyntaxError, readJson, writeJson } from '../../../../contracts/formats/avro/json.js';

const roundTrips: [string, string][] = [
  ['{"b":1,"10":2,"a":[true,false,null]}', '{"b":1,"10":2,"a":[true,false,null]}'],
  ['{"a":1,"b":2,"a":3}', '{"a":3,"b":2}'],
  [' [1.0, 1, -0, 1e3, 2.5E-7, 123456789012, 98765432109876543210] ', '[1.0,1,0,1000.0,2.5E-7,123456789012,98765432109876543210]'],
  ['"\\u001f\\b\\/\\u00e9\\ud83d\\ude00"', '"\\u001F\\b/é😀"'],
  ['/* c */ {"x" : // line\n 1}', '{"x":1}'],
];

for (const [input, output] of roundTrips) {
  test(`reads and writes ${input.trim()}`, () => {
    const { value, rest } = readJson(input);
    assert.equal(rest, '');
    assert.equal(writeJson(value!), output);
  });
}

const malformed = ['{"a":1,}', '[1 2]', "{'a':1}", '01', '"unterminated', '{"a":tru}', '"tab\there"', '/* open'];
for (const input of malformed) {
  test(`refuses ${JSON.stringify(input)}`, () => {
    assert.throws(() => readJson(input), JsonSyntaxError);
  });
}

test('reports what follows the value and an empty text', () => {
  assert.deepEqual(readJson('"int" , x').rest, ', x');
  assert.deepEqual(readJson('  ').value, undefined);
});

const doubles: [number, string][] = [
  [1, '1.0'],
  [0.001, '0.001'],
  [0.0001, '1.0E-4'],
  [1234567, '1234567.0'],
  [12345678, '1.2345678E7'],
  [1e21, '1.0E21'],
  [-2.5, '-2.5'],
  [0, '0.0'],
  [-0, '-0.0'],
  [Number.MAX_VALUE, '1.7976931348623157E308'],
  [Number.MIN_VALUE, '4.9E-324'],
  [0.1 + 0.2, '0.30000000000000004'],
  [NaN, 'NaN'],
  [-Infinity, '-Infinity'],
];
for (const [value, text] of doubles) {
  test(`Double.toString(${value}) is ${text}`, () => assert.equal(javaDoubleToString(value), text));
}

const floats: [number, string][] = [
  [0.1, '0.1'],
  [1 / 3, '0.33333334'],
  [3, '3.0'],
  [16777217, '1.6777216E7'],
  [1e-5, '1.0E-5'],
];
for (const [value, text] of floats) {
  test(`Float.toString(${value}f) is ${text}`, () => assert.equal(javaFloatToString(value), text));
}
