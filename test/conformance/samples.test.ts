/**
 * Sample data and the state comparison: the seeded generator repeats itself
 * and covers every edge value the issue names; expected states are the
 * reader's resolution of the writer's bytes (defaults filled in); a replica's
 * state compares equal whatever its storage made of the same datum, and
 * unequal where it truly differs.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AvroCodec } from '../../conformance/codecs/avro/avro-codec.js';
import { parseSeed, Prng } from '../../conformance/samples/prng.js';
import { parseAvroSchema } from '../../contracts/formats/avro/avro-format.js';

const COLORS = ['RED', 'GREEN', 'BLUE', 'CYAN', 'MAGENTA', 'YELLOW', 'BLACK'];
const SCHEMA = {
  type: 'record',
  name: 'Everything',
  namespace: 'test',
  fields: [
    { name: 'id', type: 'string' },
    { name: 'color', type: { type: 'enum', name: 'Color', symbols: COLORS } },
    { name: 'choice', type: ['null', 'string', 'int', { type: 'record', name: 'Inner', fields: [{ name: 'n', type: 'long' }] }] },
    { name: 'list', type: { type: 'array', items: 'string' } },
    { name: 'dict', type: { type: 'map', values: 'double' } },
    { name: 'blob', type: 'bytes' },
    { name: 'fixed4', type: { type: 'fixed', name: 'Four', size: 4 } },
    { name: 'amount', type: { type: 'bytes', logicalType: 'decimal', precision: 9, scale: 2 } },
    { name: 'at', type: { type: 'long', logicalType: 'timestamp-millis' } },
    { name: 'uuid', type: { type: 'string', logicalType: 'uuid' } },
    { name: 'small', type: 'int' },
    { name: 'ratio', type: 'float' },
    { name: 'flag', type: 'boolean' },
  ],
};
const codec = new AvroCodec(parseAvroSchema(JSON.stringify(SCHEMA)));
type Sample = Record<string, unknown>;

describe('seeded random numbers', () => {
  it('repeat for the same seed and labels, and differ for other labels', () => {
    const draw = (prng: Prng) => Array.from({ length: 8 }, () => prng.uint32());
    assert.deepEqual(draw(Prng.from(42, 'stale', 2)), draw(Prng.from(42, 'stale', 2)));
    assert.notDeepEqual(draw(Prng.from(42, 'stale', 2)), draw(Prng.from(42, 'stale', 3)));
    assert.notDeepEqual(draw(Prng.from(42, 'stale', 2)), draw(Prng.from(43, 'stale', 2)));
    const prng = Prng.from(7);
    for (let i = 0; i < 1000; i++) {
      const n = prng.int(-3, 3);
      assert.ok(n >= -3 && n <= 3 && Number.isInteger(n));
    }
  });

  it('reads --seed as an unsigned 32-bit integer', () => {
    assert.equal(parseSeed('42'), 42);
    assert.equal(parseSeed('4294967295'), 4294967295);
    for (const bad of ['-1', '4294967296', '1.5', 'abc', '']) assert.equal(parseSeed(bad), undefined);
  });
});

describe('Avro samples', () => {
  const edges = codec.edges(Prng.from(1)) as Sample[];
  const values = (field: string) => edges.map((e) => e[field]);

  it('edge samples hold every enum symbol, every union branch, empty and unicode text, empty collections, extreme numbers', () => {
    assert.deepEqual(new Set(values('color')), new Set(COLORS));
    const choices = values('choice');
    assert.ok(choices.includes(null), 'the null branch');
    assert.ok(choices.some((c) => typeof c === 'string'), 'the string branch');
    assert.ok(choices.some((c) => typeof c === 'number'), 'the int branch');
    assert.ok(choices.some((c) => typeof c === 'object' && c !== null), 'the record branch');
    assert.ok(values('id').includes(''));
    assert.ok(values('id').some((s) => /[^\x00-\x7f]/.test(s as string)), 'unicode');
    assert.ok(values('list').some((l) => (l as unknown[]).length === 0));
    assert.ok(values('dict').some((d) => Object.keys(d as object).length === 0));
    assert.ok(values('blob').some((b) => (b as Buffer).length === 0));
    assert.ok(values('small').includes(2147483647) && values('small').includes(-2147483648));
    assert.ok(values('ratio').includes(3.4028234663852886e38));
    assert.ok(values('at').includes(253402300799999), 'the last millisecond of year 9999');
    assert.deepEqual(new Set(values('flag')), new Set([true, false]));
  });

  it('every sample round-trips through its bytes', () => {
    for (const sample of [...edges, codec.typical(Prng.from(2))]) {
      assert.deepEqual(codec.canonical(codec.read(codec, codec.encode(sample))), codec.canonical(sample));
    }
  });

  it('typical samples are ASCII and repeat for a seed', () => {
    const one = codec.typical(Prng.from(9, 'x'));
    assert.deepEqual(codec.canonical(one), codec.canonical(codec.typical(Prng.from(9, 'x'))));
    for (let i = 0; i < 20; i++) {
      assert.doesNotMatch(JSON.stringify(codec.canonical(codec.typical(Prng.from(i)))), /[^\x00-\x7f]/);
    }
  });
});

describe('expected states and the comparison', () => {
  const v1 = new AvroCodec(parseAvroSchema('{"type":"record","name":"A","fields":[{"name":"id","type":"string"}]}'));
  const v2 = new AvroCodec(
    parseAvroSchema(
      JSON.stringify({
        type: 'record',
        name: 'A',
        fields: [
          { name: 'id', type: 'string' },
          { name: 'n', type: 'long', default: 7 },
          { name: 'note', type: ['null', 'string'], default: null },
          { name: 'raw', type: 'bytes', default: '\u00ff' },
        ],
      }),
    ),
  );

  it('reads an older writer with the reader schema, defaults filled in', () => {
    const expected = v2.read(v1, v1.encode({ id: 'x' }));
    assert.deepEqual(v2.canonical(expected), { id: 'x', n: 7, note: null, raw: '/w==' });
    assert.deepEqual(v2.canonical(expected, ['id', 'n']), { id: 'x', n: 7 });
  });

  it('takes the same datum in any storage form, and names where states differ', () => {
    const expected = v2.read(v2, v2.encode({ id: 'x', n: 2 ** 40, note: 'hi', raw: Buffer.from([1, 2]) }));
    for (const actual of [
      { id: 'x', n: 2 ** 40, note: 'hi', raw: Buffer.from([1, 2]) },
      { id: 'x', n: String(2 ** 40), note: { string: 'hi' }, raw: 'AQI=' },
      { id: 'x', n: BigInt(2 ** 40), note: 'hi', raw: { type: 'Buffer', data: [1, 2] }, extra: 'kept by the replica' },
    ]) {
      assert.equal(v2.compare(expected, actual), undefined, JSON.stringify(actual, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v)));
    }
    assert.deepEqual(v2.compare(expected, { id: 'x', n: 2 ** 40, note: 'ho', raw: 'AQI=' }), { path: '$.note', expected: 'hi', actual: 'ho' });
    assert.equal(v2.compare(expected, { id: 'x', n: 2 ** 40, raw: 'AQI=' })?.path, '$.note');
    assert.equal(v2.compare(expected, { id: 'x', note: 'hi', raw: 'AQI=' }, ['id', 'note', 'raw']), undefined, 'outside the projection');
  });
});
