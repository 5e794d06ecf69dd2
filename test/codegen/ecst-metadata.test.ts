/**
 * Which contracts get ECST helpers: the latest version's `ecst.key` and
 * `ecst.sequence` (DESIGN.md), checked at generation, a row each.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { generate } from '../../codegen/index.js';

const schema = JSON.stringify({
  type: 'record',
  name: 'Account',
  fields: [
    { name: 'account_id', type: 'string' },
    { name: 'revision', type: 'long' },
  ],
});

const ROWS: { name: string; properties?: Record<string, string>; helpers?: RegExp; error?: RegExp }[] = [
  { name: 'no metadata: no helpers', helpers: /^(?![\s\S]*export function toMessage)/ },
  {
    name: 'a header sequence: toMessage takes it',
    properties: { 'ecst.key': 'account_id', 'ecst.sequence': 'header:seq' },
    helpers: /export function toMessage\(state: AccountInput, sequence: bigint \| number\)/,
  },
  { name: 'a field sequence: toMessage reads it', properties: { 'ecst.key': 'account_id', 'ecst.sequence': 'field:revision' }, helpers: /export function toMessage\(state: AccountInput\): creg\.EcstMessage/ },
  { name: 'only a key', properties: { 'ecst.key': 'account_id' }, error: /ECST metadata needs both ecst\.key and ecst\.sequence; it has only ecst\.key/ },
  { name: 'a key that is no field', properties: { 'ecst.key': 'id', 'ecst.sequence': 'header:seq' }, error: /ecst\.key names id, which is not a top-level field/ },
  { name: 'a sequence of neither form', properties: { 'ecst.key': 'account_id', 'ecst.sequence': 'seq' }, error: /ecst\.sequence must be header:<name> or field:<name>, not "seq"/ },
  { name: 'a sequence field that is not there', properties: { 'ecst.key': 'account_id', 'ecst.sequence': 'field:version' }, error: /names the field version, which is not a top-level field/ },
];

describe('ECST metadata', () => {
  for (const row of ROWS) {
    test(row.name, () => {
      const version = { version: 1, id: 1, schemaType: 'AVRO' as const, schema, references: [], ...(row.properties ? { metadata: { properties: row.properties } } : {}) };
      const run = () => generate([{ subject: 'account-value', versions: [version] }]).files.find((f) => f.path === 'account-value.ts')!.text;
      if (row.error) assert.throws(run, (error: Error) => error.message.startsWith('account-value version 1: ') && row.error!.test(error.message));
      else assert.match(run(), row.helpers!);
    });
  }
});
