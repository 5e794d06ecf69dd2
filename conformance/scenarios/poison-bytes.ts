/**
 * Framed values no reader can take (checklist C14, C20), made from a good
 * one: empty bytes, a wrong magic byte, a schema id no registry holds, a
 * payload cut short. The cut is made where the reader really cannot read
 * it: Protobuf has no end marker, so a cut at a field boundary would be a
 * valid, shorter message, not poison.
 */
import type { SchemaCodec } from '../codecs/codec.js';
import { MAGIC_BYTE } from '../../contracts/wire-format.js';
import type { PoisonKind } from './scenario.js';

export const POISON_NOTES: Record<PoisonKind, string> = {
  'empty-bytes': 'empty bytes, which are not a tombstone (null is)',
  'bad-magic-byte': 'a magic byte other than 0',
  'unknown-schema-id': 'a schema id no registry holds',
  truncated: 'a payload cut short',
};

export interface PoisonSource {
  /** A good framed value. */
  good: Buffer;
  writer: SchemaCodec;
  reader: SchemaCodec;
  /** An id none of the run's schemas has. */
  unusedSchemaId: number;
}

export function poisonBytes(kind: PoisonKind, { good, writer, reader, unusedSchemaId }: PoisonSource): Buffer {
  switch (kind) {
    case 'empty-bytes':
      return Buffer.alloc(0);
    case 'bad-magic-byte':
      return Buffer.concat([Buffer.from([MAGIC_BYTE + 7]), good.subarray(1)]);
    case 'unknown-schema-id': {
      const id = Buffer.alloc(4);
      id.writeInt32BE(unusedSchemaId);
      return Buffer.concat([Buffer.from([MAGIC_BYTE]), id, good.subarray(5)]);
    }
    case 'truncated':
      for (const cut of [good.length - 1, good.length - 2, Math.floor(good.length / 2), 6].filter((c) => c > 5)) {
        try {
          reader.read(writer, good.subarray(5, cut));
        } catch {
          return good.subarray(0, cut);
        }
      }
      return good.subarray(0, 5);
  }
}
