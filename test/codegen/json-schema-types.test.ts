/**
 * JSON Schema constructs → TypeScript, a row each: the type generated for a
 * property (whitespace collapsed), per draft where drafts differ.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { generate } from '../../codegen/index.js';

interface Row {
  name: string;
  property: unknown;
  type: string;
  draft?: string;
  definitions?: Record<string, unknown>;
}

const ROWS: Row[] = [
  { name: 'integer is a number', property: { type: 'integer' }, type: 'number' },
  { name: 'a list of types is a union', property: { type: ['string', 'null'] }, type: 'string | null' },
  { name: 'enum of literals', property: { enum: ['a', 1, null, false] }, type: "'a' | 1 | null | false" },
  { name: 'const', property: { const: 'fixed' }, type: "'fixed'" },
  { name: 'an enum of objects cannot be literal', property: { enum: [{ a: 1 }] }, type: 'unknown' },
  { name: 'array of items', property: { type: 'array', items: { type: 'string' } }, type: 'string[]' },
  {
    name: 'tuple, draft-07: items array, minItems, closed',
    property: { type: 'array', items: [{ type: 'string' }, { type: 'number' }], minItems: 1, additionalItems: false },
    type: '[ string, number? ]',
  },
  {
    name: 'tuple, 2020-12: prefixItems, then items',
    draft: 'https://json-schema.org/draft/2020-12/schema',
    property: { type: 'array', prefixItems: [{ type: 'string' }], items: { type: 'boolean' } },
    type: '[ string?, ...boolean[] ]',
  },
  { name: 'anyOf is a union', property: { anyOf: [{ type: 'string' }, { type: 'number' }] }, type: 'string | number' },
  {
    name: 'allOf is an intersection',
    property: { allOf: [{ type: 'object', properties: { a: { type: 'string' } } }, { type: 'object', properties: { b: { type: 'number' } } }] },
    type: '{ a?: string; } & { b?: number; }',
  },
  {
    name: 'properties with oneOf required variants intersect',
    property: { type: 'object', properties: { a: { type: 'string' } }, oneOf: [{ required: ['a'] }, { required: ['b'] }] },
    type: '{ a?: string; } & ({ a: unknown; } | { b: unknown; })',
  },
  { name: 'an empty schema is unknown', property: {}, type: 'unknown' },
  { name: 'true is unknown', property: true, type: 'unknown' },
  { name: 'false is never', property: false, type: 'never' },
  { name: 'an open object without properties is a dictionary', property: { type: 'object' }, type: '{ [key: string]: unknown; }' },
  { name: 'a closed object without properties is empty', property: { type: 'object', additionalProperties: false }, type: '{ [key: string]: never; }' },
  {
    name: 'additionalProperties with a schema: an index signature wide enough for the properties',
    property: { type: 'object', properties: { id: { type: 'number' } }, required: ['id'], additionalProperties: { type: 'string' } },
    type: '{ id: number; [key: string]: string | number; }',
  },
  {
    name: 'open content with properties: no index signature',
    property: { type: 'object', properties: { id: { type: 'number' } } },
    type: '{ id?: number; }',
  },
  { name: 'a required property without a schema', property: { type: 'object', required: ['x'] }, type: '{ x: unknown; }' },
  { name: 'a $ref to a definition', property: { $ref: '#/definitions/Money' }, definitions: { Money: { type: 'string', pattern: '^\\d+$' } }, type: 'MoneyV1' },
  {
    name: 'draft-07 ignores the siblings of $ref',
    property: { $ref: '#/definitions/Money', type: 'number' },
    definitions: { Money: { type: 'string' } },
    type: 'MoneyV1',
  },
  {
    name: '2020-12 keeps them',
    draft: 'https://json-schema.org/draft/2020-12/schema',
    property: { $ref: '#/$defs/Money', minLength: 1 },
    definitions: { Money: { type: 'string' } },
    type: 'MoneyV1',
  },
  { name: 'a $ref to the root is the version type', property: { $ref: '#' }, type: 'HolderV1' },
];

const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

describe('JSON Schema types', () => {
  for (const row of ROWS) {
    test(row.name, () => {
      const modern = row.draft?.includes('2020-12') ?? false;
      const schema = JSON.stringify({
        ...(row.draft === undefined ? {} : { $schema: row.draft }),
        title: 'Holder',
        type: 'object',
        properties: { v: row.property },
        required: ['v'],
        ...(row.definitions === undefined ? {} : { [modern ? '$defs' : 'definitions']: row.definitions }),
      });
      const { files } = generate([{ subject: 'holder-json', versions: [{ version: 1, id: 1, schemaType: 'JSON', schema, references: [] }] }]);
      const text = files.find((f) => f.path === 'holder-json.ts')!.text;
      const body = /export interface HolderV1 \{([\s\S]*?)\n\}/.exec(text)?.[1] ?? '';
      const line = collapse(body.replace(/\/\*\*[\s\S]*?\*\//g, ''));
      assert.equal(line, `v: ${row.type};`);
    });
  }
});
