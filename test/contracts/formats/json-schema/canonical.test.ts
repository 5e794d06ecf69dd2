/**
 * The text the registry stores for a JSON schema: Confluent's
 * `JsonSchema.canonicalString()` (compact Jackson, keys in written order,
 * numbers as Jackson keeps them) and, with `normalize=true`, `normalize()`
 * (the same with every object's keys sorted). Pinned from Jackson's and
 * `BigDecimal.toString()`'s rules.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseJsonSchema } from '../../../../contracts/formats/json-schema/json-schema-format.js';

describe('canonical text', () => {
  const cases: [string, string, string][] = [
    [
      'compact, keys in written order',
      '{ "type" : "object",\n  "properties" : { "b" : { "type" : "number" }, "a" : { "type" : "string" } } }',
      '{"type":"object","properties":{"b":{"type":"number"},"a":{"type":"string"}}}',
    ],
    ['integer-like keys keep their place', '{"properties":{"2":{},"1":{},"b":{}}}', '{"properties":{"2":{},"1":{},"b":{}}}'],
    ['a repeated key keeps its first place and its last value', '{"a":1,"b":2,"a":3}', '{"a":3,"b":2}'],
    ['decimals keep their scale', '{"minimum":1.0,"maximum":1.50,"multipleOf":0.10}', '{"minimum":1.0,"maximum":1.50,"multipleOf":0.10}'],
    ['exponents as BigDecimal prints them', '{"a":1e3,"b":1.5e10,"c":2.5e-3,"d":1.0e0,"e":123.456e1}', '{"a":1E+3,"b":1.5E+10,"c":0.0025,"d":1.0,"e":1234.56}'],
    ['small decimals in scientific notation', '{"a":0.0000001,"b":0.000001}', '{"a":1E-7,"b":0.000001}'],
    ['negative zeros', '{"a":-0,"b":-0.0}', '{"a":0,"b":0.0}'],
    ['integers of any size', '{"a":12345678901234567890123}', '{"a":12345678901234567890123}'],
    ['Jackson escapes only quotes, backslashes and control characters', '{"a":"\\u00e9\\/\\t\\u001f\\"\\\\ \\u2028"}', '{"a":"é/\\t\\u001F\\"\\\\ \u2028"}'],
  ];
  for (const [what, text, canonical] of cases) {
    test(what, () => assert.equal(parseJsonSchema(text).canonical(), canonical));
  }
});

describe('normalized text', () => {
  test('sorts the keys of every object, leaving arrays in order', () => {
    const text = '{"type":"object","required":["b","a"],"properties":{"b":{"type":"number","minimum":1.0},"a":{"type":"string"}},"$schema":"http://json-schema.org/draft-07/schema#"}';
    assert.equal(
      parseJsonSchema(text).normalized(),
      '{"$schema":"http://json-schema.org/draft-07/schema#","properties":{"a":{"type":"string"},"b":{"minimum":1.0,"type":"number"}},"required":["b","a"],"type":"object"}',
    );
  });

  test('schemas that differ only in key order normalise alike', () => {
    const a = parseJsonSchema('{"type":"string","maxLength":3}');
    const b = parseJsonSchema('{"maxLength":3,"type":"string"}');
    assert.notEqual(a.canonical(), b.canonical());
    assert.equal(a.normalized(), b.normalized());
  });
});
