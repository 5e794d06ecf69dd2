/**
 * The checker on a JSON Schema contract (`fixtures/contracts/shipment-value`,
 * three versions: enums, nullable types, arrays of objects, `format`, a local
 * `$ref`, a `oneOf`): a correct replica passes everything, a faulty one fails
 * the scenarios it breaks, and every sample it sends is valid against its
 * schema.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { JsonSchemaCodec } from '../../conformance/codecs/json-schema/json-schema-codec.js';
import { jsonValidator } from '../../conformance/codecs/json-schema/json-validator.js';
import { contractFromFiles, failingScenarios, moduleAttachment, runConformance } from '../../conformance/index.js';
import { Prng } from '../../conformance/samples/prng.js';
import type { JsonParsedSchema } from '../../contracts/formats/json-schema/json-schema-format.js';
import { JSON_CONTRACT } from './fixtures/json-replica.js';
import { SEED } from './support/run-fixture.js';

const replica = (name: string) => new URL(`./fixtures/replicas-json/${name}.ts`, import.meta.url).pathname;

describe('a JSON Schema contract', () => {
  for (const [name, fails] of [
    ['correct', []],
    ['trims-text', ['edge-values']],
  ] as Array<[string, string[]]>) {
    it(`${name} fails ${fails.length === 0 ? 'nothing' : fails.join(', ')}`, async () => {
      const contract = await contractFromFiles(JSON_CONTRACT);
      assert.equal(contract.schemaType, 'JSON');
      const report = await runConformance({ contract, attach: async (d) => moduleAttachment(replica(name), d.context()), seed: SEED });
      assert.deepEqual(failingScenarios(report), fails);
    });
  }

  it('sends only valid samples, covering enum values, null and non-null types and both oneOf branches', async () => {
    const contract = await contractFromFiles(JSON_CONTRACT);
    const v3 = contract.versions[2]!;
    const codec = new JsonSchemaCodec(v3.parsed as JsonParsedSchema);
    const validate = jsonValidator(JSON.parse(v3.schema), 'draft-07');
    const samples = [...codec.edges(Prng.from(4)), ...Array.from({ length: 10 }, (_, i) => codec.typical(Prng.from(i)))] as Array<Record<string, unknown>>;
    for (const sample of samples) assert.ok(validate(sample), JSON.stringify(validate.errors));
    assert.deepEqual(new Set(samples.map((s) => s.carrier)), new Set(['DHL', 'UPS', 'POSTNL']));
    assert.ok(samples.some((s) => s.tracking === null) && samples.some((s) => typeof s.tracking === 'string'));
    const destinations = samples.map((s) => s.destination as Record<string, unknown> | undefined).filter(Boolean);
    assert.ok(destinations.some((d) => 'locker_id' in d!) && destinations.some((d) => 'street' in d!));
  });

  it('compares on the properties the reader declares: a newer property is not held against the replica', async () => {
    const contract = await contractFromFiles(JSON_CONTRACT);
    const codec = new JsonSchemaCodec(contract.versions[2]!.parsed as JsonParsedSchema);
    const [future] = codec.futures(Prng.from(2));
    const expected = codec.read(future!.codec, future!.codec.encode(future!.sample)) as Record<string, unknown>;
    assert.equal(expected.conformance_future_field, 'written by a newer producer');
    const { conformance_future_field: _dropped, ...kept } = expected;
    assert.equal(codec.compare(expected, kept), undefined);
    assert.deepEqual(codec.compare(expected, { ...kept, carrier: 'FEDEX' }), { path: '$.carrier', expected: expected.carrier, actual: 'FEDEX' });
  });
});
