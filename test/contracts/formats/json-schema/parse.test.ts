/**
 * Reading and checking JSON schemas: the draft each `$schema` selects, what
 * Confluent tolerates, and the 42201 errors (with what they point at) for
 * text that is not JSON, a document that is not a schema, a schema its
 * draft's meta-schema refuses, and references that do not resolve.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { RegistryError } from '../../../../contracts/errors.js';
import { jsonSchemaFormat, parseJsonSchema } from '../../../../contracts/formats/json-schema/json-schema-format.js';
import type { ResolvedReference } from '../../../../contracts/schema.js';

const reference = (name: string, schema: string): ResolvedReference => ({ name, subject: name, version: 1, schemaType: 'JSON', schema, references: [] });

function assertInvalid(text: string, pointer: RegExp, references: ResolvedReference[] = []) {
  assert.throws(
    () => jsonSchemaFormat.parse(text, references),
    (error: unknown) => {
      assert.ok(error instanceof RegistryError);
      assert.equal(error.errorCode, 42201);
      assert.match(error.message, /^Invalid schema of type JSON, details: Invalid JSON schema/);
      assert.match(error.message, pointer);
      return true;
    },
  );
}

describe('drafts', () => {
  const cases: [string, string][] = [
    ['{"type":"string"}', 'draft-07'],
    ['{"$schema":"http://json-schema.org/draft-04/schema#","type":"number","maximum":3,"exclusiveMaximum":true}', 'draft-04'],
    ['{"$schema":"http://json-schema.org/schema#","type":"string"}', 'draft-04'],
    ['{"$schema":"http://json-schema.org/draft-06/schema#","const":1,"propertyNames":{"maxLength":3}}', 'draft-06'],
    ['{"$schema":"https://json-schema.org/draft-07/schema","if":{"type":"string"},"then":{"maxLength":3}}', 'draft-07'],
    ['{"$schema":"https://json-schema.org/draft/2019-09/schema","$defs":{"a":{"type":"string"}},"$ref":"#/$defs/a"}', '2019-09'],
    ['{"$schema":"http://json-schema.org/draft/2020-12/schema#","prefixItems":[{"type":"string"}],"items":false}', '2020-12'],
    ['{"$schema":"https://example.com/my-own-meta-schema","type":"string"}', 'draft-07'],
  ];
  for (const [text, draft] of cases) {
    test(`${text} is ${draft}`, () => assert.equal(parseJsonSchema(text).draft, draft));
  }

  test('true and false are schemas', () => {
    assert.equal(parseJsonSchema('true').canonical(), 'true');
    assert.equal(parseJsonSchema(' false ').canonical(), 'false');
  });
});

describe('tolerated as Confluent tolerates them', () => {
  const cases = [
    ['unknown keywords', '{"type":"string","connect.type":"bytes","connect.parameters":{"scale":"2"},"x-anything":[1]}'],
    ['title and description anywhere', '{"title":"T","properties":{"title":{"title":"t","type":"string"}},"items":{"title":"i","description":"d"}}'],
    ['an unknown format', '{"type":"string","format":"my-own-format"}'],
    ['a Java regular expression JavaScript reads only without Unicode mode', '{"type":"string","pattern":"^[a-z\\\\_]+$"}'],
    ['$ref to a $defs entry that is written under definitions', '{"definitions":{"a":{"type":"string"}},"$ref":"#/$defs/a"}'],
    ['a reference named by a URL', '{"$ref":"https://example.com/a.json"}', 'https://example.com/a.json'],
  ];
  for (const [what, text, referenceName] of cases) {
    test(what!, () => {
      const references = referenceName ? [reference(referenceName, '{"type":"string"}')] : [];
      assert.equal(parseJsonSchema(text!, references).canonical(), text);
    });
  }
});

describe('42201 for what is not a JSON schema', () => {
  test('text that is not JSON, pointing at line and column', () => {
    assertInvalid('{"type": "string",}', /Unexpected character '}' at line 1, column 19/);
    assertInvalid('{\n  "type": "string"\n  "maxLength": 3\n}', /line 3, column 3/);
    assertInvalid('{"minimum": 01}', /malformed number at line 1, column 13/);
    assertInvalid('{"type":"string"} {}', /Unexpected character '\{' at line 1, column 19: expected the end of the input/);
  });

  test('a document that is neither an object nor a boolean', () => {
    assertInvalid('"string"', /expected an object or boolean at the root, found STRING/);
    assertInvalid('[{"type":"string"}]', /found ARRAY/);
  });

  test("what the draft's meta-schema refuses, with the schema path", () => {
    assertInvalid('{"properties":{"a":{"type":"text"}}}', /data\/properties\/a\/type must be equal to one of the allowed values/);
    assertInvalid('{"type":"string","minLength":-1}', /data\/minLength must be >= 0/);
    assertInvalid('{"$schema":"https://json-schema.org/draft/2020-12/schema","items":[{"type":"string"}]}', /data\/items must be object,boolean/);
    assertInvalid('{"$schema":"http://json-schema.org/draft-04/schema#","type":"number","exclusiveMaximum":5}', /exclusiveMaximum/);
    assertInvalid('{"properties":{"a":{"title":5}}}', /data\/properties\/a\/title must be string/);
  });

  test('a pattern no regular-expression mode reads', () => {
    assertInvalid('{"type":"string","pattern":"(unclosed"}', /Invalid regular expression: \/\(unclosed\/: Unterminated group/);
  });

  test('a $ref that resolves to nothing', () => {
    assertInvalid('{"$ref":"#/definitions/missing"}', /can't resolve reference #\/definitions\/missing/);
    assertInvalid('{"$ref":"other.json"}', /can't resolve reference other\.json/);
  });

  test('a reference that is not JSON, or not a schema', () => {
    assertInvalid('{"$ref":"other.json"}', /in reference 'other\.json': Unexpected end of input/, [reference('other.json', '{"type":')]);
    assertInvalid('{"$ref":"other.json"}', /in reference 'other\.json': schema is invalid: data\/type/, [reference('other.json', '{"type":"text"}')]);
  });

  test('a failed check leaves nothing behind for the next one', () => {
    const withId = '{"$id":"https://example.com/same.json","type":"string"}';
    assert.equal(parseJsonSchema(withId).canonical(), withId);
    assert.equal(parseJsonSchema(withId).canonical(), withId);
    const ref = reference('a.json', '{"$id":"https://example.com/a.json","type":"string"}');
    assertInvalid('{"$ref":"a.json","type":"text"}', /data\/type/, [ref]);
    assert.ok(parseJsonSchema('{"$ref":"a.json"}', [ref]));
  });
});

describe('name', () => {
  test('is the top-level title', () => {
    assert.equal(parseJsonSchema('{"title":"Customer","type":"object"}').name(), 'Customer');
    assert.equal(parseJsonSchema('{"type":"object","properties":{"title":{"type":"string"}}}').name(), undefined);
  });
});
