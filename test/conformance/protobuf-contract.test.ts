/**
 * The checker on a Protobuf contract (`fixtures/contracts/order-value`,
 * three versions: nested messages, repeated fields, maps, a oneof, a proto3
 * `optional`, an enum that grows): a correct replica passes everything, a
 * faulty one fails the scenarios it breaks, and the samples cover every enum
 * value and oneof member, framed with Confluent's message indexes.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ProtobufCodec } from '../../conformance/codecs/protobuf/protobuf-codec.js';
import { contractFromFiles, failingScenarios, moduleAttachment, runConformance } from '../../conformance/index.js';
import { Prng } from '../../conformance/samples/prng.js';
import { parseProtobufSchema } from '../../contracts/formats/protobuf/protobuf-format.js';
import { PROTOBUF_CONTRACT } from './fixtures/protobuf-replica.js';
import { SEED } from './support/run-fixture.js';

const replica = (name: string) => new URL(`./fixtures/replicas-protobuf/${name}.ts`, import.meta.url).pathname;

describe('a Protobuf contract', () => {
  const CASES: Array<[string, string[]]> = [
    ['correct', []],
    ['known-ids-only', ['future-schema']],
    ['drops-unknown-enum-values', ['future-schema']],
    ['ignores-tombstones', ['tombstone', 'no-resurrection', 'interleaving', 'replay', 'snapshot-catch-up', 'random-history']],
  ];
  for (const [name, fails] of CASES) {
    it(`${name} fails ${fails.length === 0 ? 'nothing' : fails.join(', ')}`, async () => {
      const contract = await contractFromFiles(PROTOBUF_CONTRACT);
      assert.equal(contract.schemaType, 'PROTOBUF');
      const report = await runConformance({ contract, attach: async (d) => moduleAttachment(replica(name), d.context()), seed: SEED });
      assert.deepEqual(failingScenarios(report), fails);
      assert.ok(report.cells.every((c) => c.status !== 'skipped'));
    });
  }

  it('edge samples hold every enum value and oneof member, and round-trip through framed bytes', async () => {
    const contract = await contractFromFiles(PROTOBUF_CONTRACT);
    const codec = new ProtobufCodec(contract.versions[2]!.parsed as ReturnType<typeof parseProtobufSchema>);
    const edges = codec.edges(Prng.from(3)) as Array<Record<string, unknown>>;
    assert.deepEqual(new Set(edges.map((e) => e.status)), new Set(['PLACED', 'PAID', 'SHIPPED', 'CANCELLED']));
    assert.ok(edges.some((e) => 'card_token' in e) && edges.some((e) => 'invoice_number' in e));
    assert.ok(edges.some((e) => !('card_token' in e) && !('invoice_number' in e)), 'the oneof unset');
    assert.ok(edges.some((e) => 'note' in e) && edges.some((e) => !('note' in e)), 'the optional field set and unset');
    for (const sample of edges) {
      const payload = codec.encode(sample);
      assert.equal(payload[0], 0, 'message indexes [0]: one zero byte');
      assert.equal((codec.read(codec, payload) as Record<string, unknown>).status, sample.status);
    }
  });

  it('reads a newer producer: an unknown field skipped, an unknown enum value kept as its number', async () => {
    const contract = await contractFromFiles(PROTOBUF_CONTRACT);
    const codec = new ProtobufCodec(contract.versions[2]!.parsed as ReturnType<typeof parseProtobufSchema>);
    const [field, value] = codec.futures(Prng.from(1));
    assert.match(field!.change, /new field conformance_future_field = 13/);
    assert.equal('conformance_future_field' in (codec.read(field!.codec, field!.codec.encode(field!.sample)) as object), false);
    assert.match(value!.change, /CONFORMANCE_FUTURE_VALUE = 4 of enum Status/);
    assert.equal((codec.read(value!.codec, value!.codec.encode(value!.sample)) as { status: unknown }).status, 4);
  });
});
