/**
 * Reading contracts from files: the manifest (what it accepts, and the usage
 * errors it names), the publish order (references first, manifest order
 * otherwise, cycles refused), and the `--reference`/`--metadata` parsers.
 */
import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { UsageError } from '../../cli/command-exit.js';
import { parseMetadataProperty, parseReference, type LocalContract } from '../../cli/contract-files/local-contract.js';
import { readManifest } from '../../cli/contract-files/manifest.js';
import { publishOrder } from '../../cli/contract-files/publish-order.js';

const SHOP = new URL('fixtures/shop/', import.meta.url).pathname;

async function folder(manifest: unknown, files: Record<string, string> = {}): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'creg-manifest-'));
  await writeFile(join(dir, 'contracts.json'), typeof manifest === 'string' ? manifest : JSON.stringify(manifest));
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
  return dir;
}

const contract = (subject: string, ...references: string[]): LocalContract => ({
  subject,
  file: `${subject}.avsc`,
  schemaType: 'AVRO',
  schema: '"string"',
  references: references.map((s) => ({ name: s, subject: s, local: true })),
});

describe('manifest', () => {
  test('reads every contract, schema types from extensions, references to the manifest marked local', async () => {
    const contracts = await readManifest(SHOP);
    assert.deepEqual(
      contracts.map((c) => [c.subject, c.schemaType]),
      [
        ['customer-value', 'AVRO'],
        ['order-value', 'JSON'],
        ['address-value', 'AVRO'],
      ],
    );
    assert.deepEqual(contracts[0]!.references, [{ name: 'com.example.shop.Address', subject: 'address-value', local: true }]);
    assert.deepEqual(contracts[0]!.metadata, { properties: { 'ecst.key': 'customer_id', 'ecst.sequence': 'header:ecst-sequence' } });
    assert.match(contracts[2]!.schema, /"name": "Address"/);
  });

  const invalid: Array<[string, unknown, Record<string, string>, RegExp]> = [
    ['not JSON', '{', {}, /cannot read the manifest/],
    ['no contracts list', { subjects: [] }, {}, /must be \{ "contracts": \[ … \] \}/],
    ['an unknown field', { contracts: [{ subject: 'a', file: 'a.avsc', refs: [] }] }, { 'a.avsc': '"string"' }, /contracts\[0\] has unknown fields: refs/],
    ['a missing schema file', { contracts: [{ subject: 'a', file: 'a.avsc' }] }, {}, /cannot read the schema file .*a\.avsc: ENOENT/],
    ['an unknown extension', { contracts: [{ subject: 'a', file: 'a.txt' }] }, { 'a.txt': '' }, /cannot tell the schema type/],
    ['a bad schema type', { contracts: [{ subject: 'a', file: 'a.avsc', schemaType: 'XML' }] }, {}, /schemaType must be one of AVRO, JSON, PROTOBUF/],
    ['a version 0', { contracts: [{ subject: 'a', file: 'a.avsc', references: [{ name: 'b', subject: 'b', version: 0 }] }] }, { 'a.avsc': '"string"' }, /references\[0\]\.version must be an integer/],
    ['a subject twice', { contracts: [{ subject: 'a', file: 'a.avsc' }, { subject: 'a', file: 'a.avsc' }] }, { 'a.avsc': '"string"' }, /subject "a" is listed twice/],
  ];
  for (const [what, manifest, files, message] of invalid) {
    test(`refuses ${what} with a usage error`, async () => {
      const dir = await folder(manifest, files);
      await assert.rejects(readManifest(dir), (error: Error) => error instanceof UsageError && message.test(error.message));
    });
  }
});

describe('publish order', () => {
  test('puts every contract after what it references, keeping manifest order otherwise', () => {
    const order = publishOrder([contract('customer', 'address', 'loyalty'), contract('order'), contract('address'), contract('loyalty', 'address')]);
    assert.deepEqual(
      order.map((c) => c.subject),
      ['order', 'address', 'loyalty', 'customer'],
    );
  });

  test('refuses a cycle, naming the contracts in it', () => {
    assert.throws(
      () => publishOrder([contract('a', 'b'), contract('b', 'a'), contract('c')]),
      (error: Error) => error instanceof UsageError && /cycle: a, b$/.test(error.message),
    );
  });
});

describe('command-line contract options', () => {
  test('--reference takes name=subject:version, :latest or no version, repeatedly', () => {
    let refs = parseReference('com.example.Address=address-value:3');
    refs = parseReference('common.proto=common:latest', refs);
    refs = parseReference('x=y', refs);
    assert.deepEqual(refs, [
      { name: 'com.example.Address', subject: 'address-value', version: 3 },
      { name: 'common.proto', subject: 'common' },
      { name: 'x', subject: 'y' },
    ]);
    for (const bad of ['address-value:3', '=s:1', 'n=s:0', 'n=']) assert.throws(() => parseReference(bad), bad);
  });

  test('--metadata collects key=value pairs; a value may hold =', () => {
    assert.deepEqual(parseMetadataProperty('b=c=d', parseMetadataProperty('ecst.key=customer_id')), { 'ecst.key': 'customer_id', b: 'c=d' });
    assert.throws(() => parseMetadataProperty('novalue'));
  });
});
