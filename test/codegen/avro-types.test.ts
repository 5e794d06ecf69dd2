/**
 * Avro constructs → TypeScript, a row each: the type generated for a field
 * and a value of that type that the generated runtime round-trips, so the
 * types describe exactly what avsc reads and writes (union wrapping by
 * avsc's own `'auto'` rule, logical types only where the runtime applies
 * them, the Avro specification's fallback to the underlying type).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { generate } from '../../codegen/index.js';
import { createAvroCodec } from '../../codegen/runtime/avro-codec.js';
import { plain } from './support/plain.js';

interface Row {
  name: string;
  type: unknown;
  /** The field's type in the state interface, whitespace collapsed. */
  state: string;
  /** In the input interface, when it differs. */
  input?: string;
  values: unknown[];
  /** Named types the row defines, as `export type|interface Name = …` text. */
  declares?: string[];
}

const ROWS: Row[] = [
  { name: 'nullable string', type: ['null', 'string'], state: 'null | string', values: [null, 'x'] },
  { name: 'int and float share a bucket: wrapped', type: ['int', 'float'], state: '{ int: number; } | { float: number; }', values: [{ int: 1 }, { float: 1.5 }] },
  {
    name: 'string and enum share a bucket: wrapped',
    type: ['string', { type: 'enum', name: 'Colour', symbols: ['RED', 'GREEN'] }],
    state: '{ string: string; } | { Colour: ColourV1; }',
    values: [{ string: 'x' }, { Colour: 'RED' }],
  },
  {
    name: 'two records: wrapped, null stays null',
    type: ['null', { type: 'record', name: 'A', namespace: 'n', fields: [{ name: 'a', type: 'int' }] }, { type: 'record', name: 'B', namespace: 'n', fields: [] }],
    state: "null | { 'n.A': AV1; } | { 'n.B': BV1; }",
    input: "null | { 'n.A': AInput; } | { 'n.B': BInput; }",
    values: [null, { 'n.A': { a: 1 } }, { 'n.B': {} }],
  },
  {
    name: 'bytes and fixed share a bucket: wrapped',
    type: ['bytes', { type: 'fixed', name: 'Pair', size: 2 }],
    state: '{ bytes: Buffer; } | { Pair: PairV1; }',
    values: [{ bytes: Buffer.from([1]) }, { Pair: Buffer.from([1, 2]) }],
    declares: ['export type PairV1 = Buffer;'],
  },
  {
    name: 'a logical branch does not count for wrapping',
    type: ['null', { type: 'long', logicalType: 'timestamp-millis' }, 'string'],
    state: 'null | Date | string',
    values: [null, new Date(3), 'x'],
  },
  { name: 'map of arrays of long', type: { type: 'map', values: { type: 'array', items: 'long' } }, state: '{ [key: string]: number[]; }', values: [{ a: [1, 2] }, {}] },
  { name: 'timestamp-micros', type: { type: 'long', logicalType: 'timestamp-micros' }, state: 'Date', values: [new Date(1_700_000_000_123)] },
  { name: 'date', type: { type: 'int', logicalType: 'date' }, state: 'Date', values: [new Date('2024-02-29T00:00:00Z')] },
  {
    name: 'decimal on fixed',
    type: { type: 'fixed', name: 'Money', size: 3, logicalType: 'decimal', precision: 6, scale: 2 },
    state: 'string',
    values: ['-1234.56', '0.00', '9999.99'],
  },
  { name: 'uuid: branded on the way out, any string on the way in', type: { type: 'string', logicalType: 'uuid' }, state: 'creg.Uuid', input: 'string', values: ['00000000-0000-4000-8000-000000000000'] },
  { name: 'uuid on fixed: not ours, the fixed underneath', type: { type: 'fixed', name: 'Id', size: 16, logicalType: 'uuid' }, state: 'IdV1', values: [Buffer.alloc(16, 7)] },
  { name: 'an invalid decimal falls back to bytes', type: { type: 'bytes', logicalType: 'decimal', precision: 0 }, state: 'Buffer', values: [Buffer.from([1])] },
  { name: 'time-millis keeps its int', type: { type: 'int', logicalType: 'time-millis' }, state: 'number', values: [1000] },
  { name: 'local-timestamp-millis keeps its long', type: { type: 'long', logicalType: 'local-timestamp-millis' }, state: 'number', values: [5] },
  {
    name: 'a recursive record',
    type: { type: 'record', name: 'Node', fields: [{ name: 'value', type: 'int' }, { name: 'next', type: ['null', 'Node'] }] },
    state: 'NodeV1',
    input: 'NodeInput',
    values: [{ value: 1, next: { value: 2, next: null } }],
    declares: ['export interface NodeV1 { value: number; next: null | NodeV1; }'],
  },
  { name: 'primitives', type: { type: 'array', items: ['boolean', 'null'] }, state: '(boolean | null)[]', values: [[true, null]] },
];

const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

function fieldType(text: string, interfaceName: string): string {
  const body = new RegExp(`export interface ${interfaceName} \\{([\\s\\S]*?)\\n\\}`).exec(text)?.[1] ?? '';
  const line = collapse(body.replace(/\/\*\*[\s\S]*?\*\//g, ''));
  const match = /^v\??: (.*);$/.exec(line);
  assert.ok(match, `no field v in ${interfaceName}: ${line}`);
  return match[1]!;
}

describe('Avro types', () => {
  for (const row of ROWS) {
    test(row.name, () => {
      const schema = JSON.stringify({ type: 'record', name: 'Holder', fields: [{ name: 'v', type: row.type }] });
      const { files } = generate([{ subject: 'holder-value', versions: [{ version: 1, id: 1, schemaType: 'AVRO', schema, references: [] }] }]);
      const text = files.find((f) => f.path === 'holder-value.ts')!.text;
      assert.equal(fieldType(text, 'HolderV1'), row.state);
      assert.equal(fieldType(text, 'HolderInput'), row.input ?? row.state);
      for (const declaration of row.declares ?? []) assert.ok(collapse(text).includes(declaration), declaration);

      const codec = createAvroCodec<{ v: unknown }, { v: unknown }>({ subject: 'holder-value', versions: [{ version: 1, id: 1, schemas: [schema] }] });
      for (const value of row.values) assert.deepStrictEqual(plain(codec.decode(codec.encode({ v: value }))), { v: value });
    });
  }
});
