/**
 * Confluent's wire format: the magic byte and big-endian schema id before a
 * payload, and the Protobuf message indexes as Kafka zig-zag varints, pinned
 * with the examples of Confluent's documentation and round-tripped.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  WireFormatError,
  decodeMessageIndexes,
  encodeMessageIndexes,
  frame,
  unframe,
} from '../../contracts/wire-format.js';

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

test('frame writes magic byte 0 and the id big-endian before the payload', () => {
  assert.equal(hex(frame(1, Buffer.from([0xaa, 0xbb]))), '0000000001aabb');
  assert.equal(hex(frame(0x01020304, Buffer.alloc(0))), '0001020304');
  assert.equal(hex(frame(-1, Buffer.from([7]))), '00ffffffff07');
});

test('unframe reads the id and the payload back', () => {
  for (const id of [0, 1, 42, 2 ** 31 - 1, -(2 ** 31), -5]) {
    const payload = Buffer.from([1, 2, 3]);
    const { schemaId, payload: read } = unframe(frame(id, payload));
    assert.equal(schemaId, id);
    assert.deepEqual(read, payload);
  }
  assert.deepEqual(unframe(Uint8Array.from([0, 0, 0, 0, 9])), { schemaId: 9, payload: Buffer.alloc(0) });
});

test('unframe reads a view into a larger buffer from its own offset', () => {
  const backing = Buffer.from([9, 9, 0, 0, 0, 0, 3, 0xcc]);
  const { schemaId, payload } = unframe(backing.subarray(2));
  assert.equal(schemaId, 3);
  assert.equal(hex(payload), 'cc');
});

test('unframe rejects short input and unknown magic bytes', () => {
  assert.throws(() => unframe(Buffer.from([0, 0, 0, 1])), {
    name: 'WireFormatError',
    message: 'Framed data is 4 bytes long; the wire format needs at least 5 (magic byte and schema id)',
  });
  assert.throws(() => unframe(Buffer.alloc(0)), /Framed data is 0 bytes long/);
  assert.throws(() => unframe(Buffer.from([1, 0, 0, 0, 1])), { message: 'Unknown magic byte 1; expected 0' });
});

test('frame rejects ids that are not 32-bit signed integers', () => {
  for (const id of [2 ** 31, -(2 ** 31) - 1, 1.5, Number.NaN]) {
    assert.throws(() => frame(id, Buffer.alloc(0)), WireFormatError);
  }
});

test('message indexes: the examples of the reference', () => {
  assert.equal(hex(encodeMessageIndexes([1])), '0202');
  assert.equal(hex(encodeMessageIndexes([0, 2])), '040004');
  assert.equal(hex(encodeMessageIndexes([0])), '00');
  assert.equal(hex(encodeMessageIndexes([])), '00');
  assert.deepEqual(decodeMessageIndexes(Buffer.from('0202', 'hex')), { indexes: [1], bytesRead: 2 });
  assert.deepEqual(decodeMessageIndexes(Buffer.from('040004', 'hex')), { indexes: [0, 2], bytesRead: 3 });
  assert.deepEqual(decodeMessageIndexes(Buffer.from('00', 'hex')), { indexes: [0], bytesRead: 1 });
});

test('message indexes: multi-byte varints', () => {
  // 64 zig-zags to 128: two bytes.
  assert.equal(hex(encodeMessageIndexes([64])), '028001');
  assert.equal(hex(encodeMessageIndexes([2 ** 31 - 1])), '02feffffff0f');
  assert.deepEqual(decodeMessageIndexes(Buffer.from('02feffffff0f', 'hex')), { indexes: [2 ** 31 - 1], bytesRead: 6 });
});

test('message indexes round-trip, read from an offset after the schema id', () => {
  const cases = [[0], [1], [0, 0], [3, 1, 4], [0, 2], [200, 70000, 5]];
  for (const indexes of cases) {
    const encoded = encodeMessageIndexes(indexes);
    const framed = frame(7, Buffer.concat([encoded, Buffer.from([0x0a, 0x01, 0x61])]));
    const { payload } = unframe(framed);
    const decoded = decodeMessageIndexes(framed, 5);
    assert.deepEqual(decoded, { indexes, bytesRead: encoded.length });
    assert.deepEqual(payload.subarray(decoded.bytesRead), Buffer.from([0x0a, 0x01, 0x61]));
  }
});

test('message indexes: negative counts and indexes are rejected', () => {
  assert.throws(() => encodeMessageIndexes([-1]), WireFormatError);
  assert.throws(() => encodeMessageIndexes([1, 0.5]), WireFormatError);
  // Count -1 (zig-zag 01).
  assert.throws(() => decodeMessageIndexes(Buffer.from('01', 'hex')), { message: 'Message index count -1 is negative' });
  // Count 1, index -2 (zig-zag 03).
  assert.throws(() => decodeMessageIndexes(Buffer.from('0203', 'hex')), { message: 'Message index -2 is negative' });
});

test('message indexes: truncated or overlong input is rejected', () => {
  assert.throws(() => decodeMessageIndexes(Buffer.from('04', 'hex')), /end early/);
  assert.throws(() => decodeMessageIndexes(Buffer.from('80', 'hex')), /end early/);
  assert.throws(() => decodeMessageIndexes(Buffer.from('ffffffffff01', 'hex')), /longer than 5 bytes/);
});
