/**
 * Contracts from files in a repository, without a registry: what the
 * generated code does without schema ids, and `creg.config.json` as it is
 * read (paths relative to it, every mistake named).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, describe, test } from 'node:test';
import { generate, readConfig, readContracts } from '../../codegen/index.js';
import { compileGenerated } from './support/compiled-output.js';

const fixture = (path: string) => fileURLToPath(new URL(`./fixtures/${path}`, import.meta.url));

describe('contract files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'creg-codegen-files-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('without schema ids the code compiles; encoding and decoding say what is missing', async () => {
    const contracts = await readContracts([{ subject: 'customer-value', files: [fixture('customer-value/v1.avsc'), fixture('customer-value/v2.avsc')] }], undefined);
    assert.deepEqual(contracts[0]!.versions.map((v) => [v.version, v.id]), [[1, undefined], [2, undefined]]);
    const out = compileGenerated(generate(contracts).files, 'files');
    try {
      assert.equal(out.diagnostics, '');
      const customer = await out.load<{ encodeCustomer(v: unknown): Buffer; decodeCustomer(b: Uint8Array): unknown }>('customer-value');
      assert.throws(
        () => customer.encodeCustomer({ customer_id: 'c', name: 'n', status: 'ACTIVE', updated_at: new Date(0) }),
        /version 2 was generated from a contract file without a schema id; register it and regenerate \(or give its id in creg\.config\.json\)/,
      );
      assert.throws(() => customer.decodeCustomer(Buffer.from([0, 0, 0, 0, 9, 0])), /schema id 9 is not a version this code knows \(it was generated without schema ids\)/);
    } finally {
      out.dispose();
    }
  });

  test('the schema type comes from the extension, or must be given', async () => {
    const odd = join(dir, 'customer.avro-schema');
    writeFileSync(odd, '{"type":"string"}');
    await assert.rejects(readContracts([{ subject: 's', files: [odd] }], undefined), /cannot tell the schema type of .*customer\.avro-schema from its extension/);
    const [contract] = await readContracts([{ subject: 's', files: [odd], type: 'AVRO' }], undefined);
    assert.equal(contract!.versions[0]!.schemaType, 'AVRO');
  });

  test('creg.config.json: paths relative to it, defaults, metadata for files', () => {
    const config = join(dir, 'creg.config.json');
    writeFileSync(
      config,
      JSON.stringify({
        registry: 'http://registry:8081',
        out: 'src/generated',
        subjects: ['customer-value', { subject: 'order-json', name: 'Purchase', files: ['contracts/order.json'], ids: [7], metadata: { properties: { 'ecst.key': 'order_id' } } }],
      }),
    );
    assert.deepEqual(readConfig(config), {
      registry: 'http://registry:8081',
      out: join(dir, 'src/generated'),
      subjects: [
        { subject: 'customer-value' },
        { subject: 'order-json', name: 'Purchase', files: [join(dir, 'contracts/order.json')], ids: [7], metadata: { properties: { 'ecst.key': 'order_id' } } },
      ],
    });
  });

  const MISTAKES: [unknown, RegExp][] = [
    [[], /expected a JSON object/],
    [{ outDir: 'x' }, /unknown key "outDir" \(registry, out, subjects\)/],
    [{ subjects: 'customer-value' }, /"subjects" must be an array/],
    [{ subjects: [{ name: 'X' }] }, /subjects\[0\]: "subject" must be a non-empty string/],
    [{ subjects: [{ subject: 's', files: [] }] }, /subjects\[0\]: "files" must be a non-empty array of paths/],
    [{ subjects: [{ subject: 's', ids: ['1'] }] }, /subjects\[0\]: "ids" must be an array of schema ids/],
    [{ subjects: [{ subject: 's', type: 'xml', files: ['a'] }] }, /unknown schema type "xml"/],
    [{ subjects: [{ subject: 's', metadata: {} }] }, /"metadata" is an object .* and goes with "files"/],
    [{ registry: 8081 }, /"registry" must be a string/],
  ];
  for (const [content, message] of MISTAKES) {
    test(`creg.config.json ${JSON.stringify(content)} is refused`, () => {
      const config = join(dir, 'bad.json');
      writeFileSync(config, JSON.stringify(content));
      assert.throws(() => readConfig(config), message);
    });
  }
});
