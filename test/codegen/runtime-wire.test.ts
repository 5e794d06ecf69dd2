/**
 * The generated runtime's wire format (`codegen/runtime/wire.ts`, copied
 * into generated folders, so it cannot import the registry's) against the
 * registry's own `contracts/wire-format.ts`: the same bytes both ways.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { decodeMessageIndexes as referenceDecode, encodeMessageIndexes as referenceEncode, frame } from '../../contracts/wire-format.js';
import { decodeMessageIndexes, encodeMessageIndexes, HEADER_LENGTH, readSchemaId, writeHeader } from '../../codegen/runtime/wire.js';

const INDEXES: number[][] = [[], [0], [1], [0, 0], [2, 5, 1], [127], [128, 3], [2 ** 31 - 1]];
const IDS = [0, 1, 255, 65_536, 2 ** 31 - 1, -1, -(2 ** 31)];

describe('runtime wire format', () => {
  for (const indexes of INDEXES) {
    test(`message indexes [${indexes.join(', ')}]`, () => {
      const bytes = encodeMessageIndexes(indexes);
      assert.deepEqual(bytes, referenceEncode(indexes));
      const expected = referenceDecode(bytes);
      assert.deepEqual(decodeMessageIndexes(bytes, 0), { indexes: expected.indexes, length: expected.bytesRead });
    });
  }

  test('schema ids in the frame header', () => {
    for (const id of IDS) {
      const header = Buffer.alloc(HEADER_LENGTH);
      writeHeader(header, id);
      assert.deepEqual(header, frame(id, new Uint8Array()));
      assert.equal(readSchemaId('s', header), id);
    }
  });

  test('bytes that cannot be indexes are undefined, not an exception', () => {
    assert.equal(decodeMessageIndexes(Buffer.from([0x04, 0x02]), 0), undefined);
    assert.equal(decodeMessageIndexes(Buffer.from([0xff, 0xff, 0xff, 0xff, 0xff, 0x01]), 0), undefined);
  });
});
