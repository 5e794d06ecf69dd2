/**
 * The compiled reader of the generated runtime (`codegen/runtime/avro-reader.ts`)
 * against avsc's own `Type#decode`, which stays the reference: for every
 * Avro construct, the same values (the same record classes too), and for
 * cut or altered bytes, never a value avsc would not give; the codec then
 * has avsc read what the compiled reader refuses, so errors are avsc's.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import avro, { type Type } from 'avsc';
import { avroType, createAvroCodec } from '../../codegen/runtime/avro-codec.js';
import { compileReader, type CompiledReader } from '../../codegen/runtime/avro-reader.js';

const ADDRESS = { type: 'record', name: 'Address', fields: [{ name: 'street', type: 'string' }, { name: 'zip', type: ['null', 'string'], default: null }] };

/** Every construct, nested, with avsc's wrapping of ambiguous unions and the runtime's logical types. */
const SCHEMA = {
  type: 'record',
  name: 'Everything',
  namespace: 'test',
  fields: [
    { name: 'null', type: 'null' },
    { name: 'boolean', type: 'boolean' },
    { name: 'int', type: 'int' },
    { name: 'long', type: 'long' },
    { name: 'float', type: 'float' },
    { name: 'double', type: 'double' },
    { name: 'bytes', type: 'bytes' },
    { name: 'string', type: 'string' },
    { name: 'fixed', type: { type: 'fixed', name: 'Four', size: 4 } },
    { name: 'enum', type: { type: 'enum', name: 'Colour', symbols: ['RED', 'GREEN', 'BLUE'] } },
    { name: 'array', type: { type: 'array', items: 'Colour' } },
    { name: 'map', type: { type: 'map', values: { type: 'array', items: 'long' } } },
    { name: 'address', type: ['null', ADDRESS] },
    { name: 'addresses', type: { type: 'map', values: 'Address' } },
    { name: 'wrapped', type: ['null', 'int', 'float', 'Four'] },
    { name: 'list', type: { type: 'record', name: 'Node', fields: [{ name: 'value', type: 'string' }, { name: 'next', type: ['null', 'Node'] }] } },
    { name: 'timestamp', type: { type: 'long', logicalType: 'timestamp-millis' } },
    { name: 'micros', type: { type: 'long', logicalType: 'timestamp-micros' } },
    { name: 'date', type: { type: 'int', logicalType: 'date' } },
    { name: 'decimal', type: { type: 'bytes', logicalType: 'decimal', precision: 12, scale: 2 } },
    { name: 'money', type: { type: 'fixed', name: 'Money', size: 3, logicalType: 'decimal', precision: 6, scale: 2 } },
    { name: 'uuid', type: { type: 'string', logicalType: 'uuid' } },
    { name: 'time', type: { type: 'int', logicalType: 'time-millis' } },
  ],
};

const TOP_LEVEL: unknown[] = ['string', 'long', ['null', 'string'], ['int', 'string', { type: 'array', items: 'boolean' }], { type: 'array', items: ADDRESS }];

/** Strings around the length where the reader stops decoding in JavaScript, and not ASCII. */
const STRINGS = ['', 'a', 'abc', 'abcd', 'abcde', 'Grace Hopper', 'Grace Hopper!', 'grace@example.com', 'é', 'abcé', 'Kerkstraße 1', '日本語', '🙂🙂', 'x'.repeat(200)];

/** Valid bytes of `schema`: random values written by avsc without logical types (any bytes of the underlying types are valid). */
function samples(schema: unknown, count: number): Buffer[] {
  const writer = avro.Type.forSchema(schema as avro.Schema, { wrapUnions: 'auto' });
  return Array.from({ length: count }, () => writer.toBuffer(writer.random()));
}

function avscRead(type: Type, bytes: Buffer): unknown {
  const { value, offset } = type.decode(bytes, 0);
  assert.equal(offset, bytes.length, 'avsc reads the whole value');
  return value;
}

/** Either the value avsc reads, or an exception (and then the codec asks avsc). */
function assertNeverDiffers(type: Type, read: CompiledReader, bytes: Buffer): void {
  let value: unknown;
  try {
    value = read(bytes, 0);
  } catch {
    return;
  }
  let expected: unknown;
  try {
    expected = avscRead(type, bytes);
  } catch (error) {
    assert.fail(`the compiled reader read ${bytes.toString('hex')}, which avsc refuses (${(error as Error).message})`);
  }
  assert.deepStrictEqual(value, expected);
}

/** Avro's long: zig-zag, seven bits a byte. */
function long(n: number): number[] {
  let v = BigInt.asUintN(64, (BigInt(n) << 1n) ^ (BigInt(n) >> 63n));
  const out: number[] = [];
  while (v > 0x7fn) {
    out.push(Number(v & 0x7fn) | 0x80);
    v >>= 7n;
  }
  out.push(Number(v));
  return out;
}

describe('compiled Avro reader', () => {
  const everything = avroType([JSON.stringify(SCHEMA)]);
  const read = compileReader(everything);

  test('reads what avsc reads, with the same record classes, for every construct', () => {
    for (const bytes of samples(SCHEMA, 300)) assert.deepStrictEqual(read(bytes, 0), avscRead(everything, bytes));
  });

  test('top-level primitives, unions and arrays', () => {
    for (const schema of TOP_LEVEL) {
      const type = avroType([JSON.stringify(schema)]);
      const compiled = compileReader(type);
      for (const bytes of samples(schema, 50)) assert.deepStrictEqual(compiled(bytes, 0), avscRead(type, bytes));
    }
  });

  test('strings: short, long, empty and not ASCII, as avsc decodes them', () => {
    const type = avroType(['"string"']);
    const compiled = compileReader(type);
    for (const text of STRINGS) {
      const bytes = type.toBuffer(text);
      assert.equal(compiled(bytes, 0), text);
    }
    // Not UTF-8: the replacement characters of Node's decoder, as avsc gives them.
    for (const raw of [[0xff], [0x61, 0x80, 0x62], [0xc3], [0x61, 0x62, 0x63, 0xe2, 0x82]]) {
      const bytes = Buffer.from([...long(raw.length), ...raw]);
      assert.equal(compiled(bytes, 0), avscRead(type, bytes));
    }
  });

  test('arrays and maps written in several blocks, some with their size in bytes', () => {
    const array = avroType([JSON.stringify({ type: 'array', items: 'int' })]);
    // -2 items (4 bytes), then 1 item, then the end.
    const arrayBytes = Buffer.from([...long(-2), ...long(2), ...long(1), ...long(2), ...long(1), ...long(3), 0]);
    assert.deepStrictEqual(compileReader(array)(arrayBytes, 0), [1, 2, 3]);
    const map = avroType([JSON.stringify({ type: 'map', values: 'string' })]);
    const entry = (key: string, value: string) => [...long(key.length), ...Buffer.from(key), ...long(value.length), ...Buffer.from(value)];
    const mapBytes = Buffer.from([...long(-1), ...long(entry('a', 'x').length), ...entry('a', 'x'), ...long(1), ...entry('b', 'y'), 0]);
    assert.deepStrictEqual(compileReader(map)(mapBytes, 0), avscRead(map, mapBytes));
  });

  test('reads at an offset, to the end of the bytes', () => {
    const [bytes] = samples(SCHEMA, 1);
    const framed = Buffer.concat([Buffer.from([0, 0, 0, 0, 7]), bytes!]);
    assert.deepStrictEqual(read(framed, 5), avscRead(everything, bytes!));
    assert.throws(() => read(Buffer.concat([bytes!, Buffer.from([0])]), 0));
  });

  test('cut or altered bytes: never a value avsc would not read', () => {
    let seed = 1;
    const random = (n: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed % n;
    };
    for (const bytes of samples(SCHEMA, 40)) {
      for (let end = 0; end < bytes.length; end++) assert.throws(() => read(bytes.subarray(0, end), 0), `cut at ${end} of ${bytes.length}`);
      for (let i = 0; i < 50; i++) {
        const altered = Buffer.from(bytes);
        altered[random(altered.length)] = random(256);
        assertNeverDiffers(everything, read, altered);
      }
    }
  });

  test('longs beyond what avsc reads are left to avsc, which refuses them', () => {
    const type = avroType(['"long"']);
    const bytes = Buffer.from(long(2 ** 53 + 2));
    assert.throws(() => compileReader(type)(bytes, 0));
    assert.throws(() => type.decode(bytes, 0), /potential precision loss/);
  });

  test('arrays of items that take no bytes, which it leaves to avsc', () => {
    const empty = { type: 'record', name: 'Empty', fields: [{ name: 'nothing', type: 'null' }, { name: 'none', type: { type: 'fixed', name: 'Zero', size: 0 } }, { name: 'again', type: 'Zero' }] };
    for (const items of ['null', empty]) {
      const type = avroType([JSON.stringify({ type: 'array', items })]);
      const bytes = type.toBuffer(type.fromBuffer(Buffer.from([...long(20), 0])));
      assert.equal((compileReader(type)(bytes, 0) as unknown[]).length, 20);
      assert.deepStrictEqual(compileReader(type)(bytes, 0), avscRead(type, bytes));
    }
  });
});

describe('Avro codec decoding the latest version', () => {
  test('bytes the compiled reader refuses are avsc\'s to read or refuse, as before', () => {
    const schema = JSON.stringify({ type: 'record', name: 'Holder', fields: [{ name: 'v', type: 'long' }, { name: 's', type: 'string' }] });
    const codec = createAvroCodec<unknown, unknown>({ subject: 'holder-value', versions: [{ version: 1, id: 1, schemas: [schema] }] });
    const header = [0, 0, 0, 0, 1];
    assert.throws(() => codec.decode(Buffer.from([...header, ...long(2 ** 53 + 2), 0])), /schema id 1: a long beyond ±\(2\^53 − 1\)/);
    assert.throws(() => codec.decode(Buffer.from([...header, 2, 10, 0x61])), /schema id 1 end before the value does \(truncated\)/);
    assert.throws(() => codec.decode(Buffer.from([...header, 2, 0, 0])), /schema id 1 go on 1 byte\(s\) after the value/);
  });
});
